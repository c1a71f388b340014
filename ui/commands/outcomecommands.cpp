// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/commands/outcomecommands.h"

#include "ui/commands/rowcommands.h"
#include "ui/document/document.h"

#include <QCoreApplication>

namespace evident::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Undo Commands", text);
}

} // namespace

AddOutcomeCommand::AddOutcomeCommand(Document* document, Outcome outcome, QUndoCommand* parent)
    : QUndoCommand(tr("Add outcome %1").arg(QString::fromStdString(outcome.name)), parent)
    , m_document(document)
    , m_outcome(std::move(outcome))
    , m_index(static_cast<int>(document->project().outcomes.size())) {}

void AddOutcomeCommand::redo() {
    m_previousCurrent = m_document->currentOutcome();
    m_document->insertOutcome(m_index, m_outcome);
    m_document->focusOutcome(m_index);
}

void AddOutcomeCommand::undo() {
    m_document->takeOutcome(m_index);
    m_document->focusOutcome(m_previousCurrent);
}

RemoveOutcomeCommand::RemoveOutcomeCommand(Document* document, int index, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_index(index) {
    setText(
        tr("Delete outcome %1")
            .arg(QString::fromStdString(document->project().outcomes[static_cast<std::size_t>(index)].name)));
}

void RemoveOutcomeCommand::redo() {
    m_outcome = m_document->takeOutcome(m_index);
    std::vector<StudyId> studies;
    for (const auto& row : m_outcome.rows)
        studies.push_back(row.study);
    m_takenStudies = m_document->takeStudies(unreferencedStudies(m_document->project(), studies));
}

void RemoveOutcomeCommand::undo() {
    m_document->insertStudies(m_takenStudies);
    m_document->insertOutcome(m_index, m_outcome);
    m_document->focusOutcome(m_index);
}

} // namespace evident::ui
