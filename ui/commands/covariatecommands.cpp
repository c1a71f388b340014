// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/commands/covariatecommands.h"

#include "core/common/text.h"
#include "ui/document/document.h"

#include <QCoreApplication>

namespace evident::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Undo Commands", text);
}

} // namespace

std::vector<std::pair<AnalysisSettings, TsaSettings>>
replaceCovariateReferences(std::vector<std::pair<AnalysisSettings, TsaSettings>> settings,
                           const std::string& from, const std::string& to) {
    const auto replace = [&](std::string& reference) {
        if (!reference.empty() && equalsIgnoringCase(reference, from))
            reference = to;
    };
    for (auto& [analysis, tsa] : settings) {
        replace(analysis.subgroup);
        replace(analysis.cumulativeOrder);
        replace(tsa.orderColumn);
    }
    return settings;
}

AddCovariateCommand::AddCovariateCommand(Document* document, std::string name, QUndoCommand* parent)
    : QUndoCommand(tr("Add column %1").arg(QString::fromStdString(name)), parent)
    , m_document(document)
    , m_name(std::move(name))
    , m_index(static_cast<int>(document->project().covariateNames.size())) {}

void AddCovariateCommand::redo() {
    m_document->insertCovariate(m_index, {m_name, {}, {}});
}

void AddCovariateCommand::undo() {
    m_document->takeCovariate(m_index);
}

RenameCovariateCommand::RenameCovariateCommand(Document* document, int index, std::string name,
                                               QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_index(index)
    , m_name(std::move(name)) {
    setText(
        tr("Rename column %1 to %2")
            .arg(QString::fromStdString(document->project().covariateNames[static_cast<std::size_t>(index)]),
                 QString::fromStdString(m_name)));
}

void RenameCovariateCommand::redo() {
    m_oldName = m_document->project().covariateNames[static_cast<std::size_t>(m_index)];
    m_oldSettings = m_document->allSettings();
    m_document->renameCovariate(m_index, m_name);
    m_document->setAllSettings(replaceCovariateReferences(m_oldSettings, m_oldName, m_name));
}

void RenameCovariateCommand::undo() {
    m_document->renameCovariate(m_index, m_oldName);
    m_document->setAllSettings(m_oldSettings);
}

RemoveCovariateCommand::RemoveCovariateCommand(Document* document, int index, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_index(index) {
    setText(tr("Delete column %1")
                .arg(QString::fromStdString(
                    document->project().covariateNames[static_cast<std::size_t>(index)])));
}

void RemoveCovariateCommand::redo() {
    m_oldSettings = m_document->allSettings();
    m_taken = m_document->takeCovariate(m_index);
    m_document->setAllSettings(replaceCovariateReferences(m_oldSettings, m_taken.name, std::string()));
}

void RemoveCovariateCommand::undo() {
    m_document->insertCovariate(m_index, m_taken);
    m_document->setAllSettings(m_oldSettings);
}

} // namespace evident::ui
