// SPDX-License-Identifier: GPL-3.0-or-later
// Adding and removing outcomes.
#pragma once

#include "core/project/project.h"

#include <QUndoCommand>

#include <utility>
#include <vector>

namespace evident::ui {

class Document;

/// Appends an outcome and makes it current.
class AddOutcomeCommand : public QUndoCommand {
public:
    AddOutcomeCommand(Document* document, Outcome outcome, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    Outcome m_outcome;
    int m_index;
    int m_previousCurrent = -1;
};

/// Removes an outcome with its rows, and the studies only it referred to.
class RemoveOutcomeCommand : public QUndoCommand {
public:
    RemoveOutcomeCommand(Document* document, int index, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    int m_index;
    Outcome m_outcome;
    std::vector<std::pair<std::size_t, Study>> m_takenStudies;
};

} // namespace evident::ui
