// SPDX-License-Identifier: GPL-3.0-or-later
// A bulk edit as one undo step: the whole project before and after (adding an imported outcome
// touches studies, covariates and outcomes at once).
#pragma once

#include "core/project/project.h"

#include <QUndoCommand>

namespace evident::ui {

class Document;

class ReplaceProjectCommand : public QUndoCommand {
public:
    ReplaceProjectCommand(Document* document, Project after, int currentAfter, const QString& text,
                          QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    Project m_before;
    Project m_after;
    int m_currentBefore;
    int m_currentAfter;
};

} // namespace evident::ui
