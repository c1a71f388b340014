// SPDX-License-Identifier: GPL-3.0-or-later
// Adding and removing rows of an outcome, with the studies only they refer to.
#pragma once

#include "core/project/project.h"

#include <QUndoCommand>

#include <utility>
#include <vector>

namespace evident::ui {

class Document;

/// Inserts rows at `position` of an outcome. `newStudies` are added to the project first (at its
/// end): the studies of the new rows that do not exist yet.
class InsertRowsCommand : public QUndoCommand {
public:
    InsertRowsCommand(Document* document, int outcome, int position, std::vector<OutcomeRow> rows,
                      std::vector<Study> newStudies, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

    /// Rows and studies for `count` new, empty studies ("Study 7", ...) with fresh ids.
    static std::pair<std::vector<OutcomeRow>, std::vector<Study>> newStudyRows(const Project& project,
                                                                               int count);
    /// Rows (empty cells) for studies that already exist, e.g. a study of another outcome.
    static std::vector<OutcomeRow> rowsForStudies(const std::vector<StudyId>& studies);

private:
    Document* m_document;
    int m_outcome;
    int m_position;
    std::vector<OutcomeRow> m_rows;
    std::vector<Study> m_newStudies;
    std::size_t m_firstStudyIndex = 0;
};

/// Removes rows of an outcome (any selection). Studies no outcome refers to any more go too, so a
/// removed row leaves nothing behind; undo puts everything back where it was.
class RemoveRowsCommand : public QUndoCommand {
public:
    RemoveRowsCommand(Document* document, int outcome, std::vector<int> rows, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    Document* m_document;
    int m_outcome;
    std::vector<int> m_rowIndices;
    std::vector<std::pair<int, std::vector<OutcomeRow>>> m_taken; ///< In the order taken (bottom up)
    std::vector<std::pair<std::size_t, Study>> m_takenStudies;
};

/// Indices into Project::studies of those of `candidates` that no outcome row refers to.
std::vector<std::size_t> unreferencedStudies(const Project& project, const std::vector<StudyId>& candidates);

} // namespace evident::ui
