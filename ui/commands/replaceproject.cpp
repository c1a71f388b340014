// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/commands/replaceproject.h"

#include "ui/document/document.h"

namespace evident::ui {

ReplaceProjectCommand::ReplaceProjectCommand(Document* document, Project after, int currentAfter,
                                             const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_before(document->project())
    , m_after(std::move(after))
    , m_currentBefore(document->currentOutcome())
    , m_currentAfter(currentAfter) {}

void ReplaceProjectCommand::redo() {
    m_document->replaceProject(m_after, m_currentAfter);
}

void ReplaceProjectCommand::undo() {
    m_document->replaceProject(m_before, m_currentBefore);
}

} // namespace evident::ui
