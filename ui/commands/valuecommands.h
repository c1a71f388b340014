// SPDX-License-Identifier: GPL-3.0-or-later
// Changes of single values (settings, names, flags), made with the generic ChangeValue command.
// Each returns nullptr when the value would not change, so no empty step lands on the undo stack.
#pragma once

#include "core/plotdata/figurelayout.h"
#include "core/project/project.h"

#include <QString>

#include <string>

class QUndoCommand;

namespace evident::ui {

class Document;

/// `text` names the change for the Edit menu ("Change effect measure"); changes with the same
/// non-empty `mergeKey` in a row become one undo step.
QUndoCommand* makeAnalysisSettingsChange(Document* document, int outcome, AnalysisSettings settings,
                                         const QString& text, const QString& mergeKey = QString());
QUndoCommand* makeTsaSettingsChange(Document* document, int outcome, TsaSettings settings,
                                    const QString& text, const QString& mergeKey = QString());
/// The export choices of one figure (size, DPI, format, font, favours labels), stored with the outcome.
QUndoCommand* makeFigureSettingsChange(Document* document, int outcome, FigureKind kind,
                                       FigureSettings settings);
/// How the outcome treats several arms sharing one control group (split its n, or combine the arms).
QUndoCommand* makeSharedControlChange(Document* document, int outcome, SharedControlMethod method);
/// A SYRCLE judgement of one study on one item (0-9).
QUndoCommand* makeRobJudgementChange(Document* document, StudyId study, std::size_t item,
                                     RobJudgement judgement);
/// The support for a SYRCLE judgement; consecutive edits of one item's text are one undo step.
QUndoCommand* makeRobSupportChange(Document* document, StudyId study, std::size_t item, std::string support);
QUndoCommand* makeOutcomeRename(Document* document, int outcome, std::string name);
QUndoCommand* makeLowerIsBetterChange(Document* document, int outcome, bool lowerIsBetter);
QUndoCommand* makeProjectTitleChange(Document* document, std::string title);
QUndoCommand* makeProjectNotesChange(Document* document, std::string notes);

} // namespace evident::ui
