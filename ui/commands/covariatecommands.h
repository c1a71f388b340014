// SPDX-License-Identifier: GPL-3.0-or-later
// Covariate columns: their values live on the studies, so every outcome shares them, and on arms that
// differ from their study (Document::insertCovariate).
#pragma once

#include "core/project/project.h"
#include "ui/document/covariatecolumn.h"

#include <QUndoCommand>

#include <string>
#include <utility>
#include <vector>

namespace evident::ui {

class Document;

/// Appends an empty covariate column.
class AddCovariateCommand : public QUndoCommand {
public:
    AddCovariateCommand(Document* document, std::string name, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    std::string m_name;
    int m_index;
};

/// Renames a covariate and every setting that names it (subgroup, cumulative and TSA order).
class RenameCovariateCommand : public QUndoCommand {
public:
    RenameCovariateCommand(Document* document, int index, std::string name, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    int m_index;
    std::string m_name;
    std::string m_oldName;
    std::vector<std::pair<AnalysisSettings, TsaSettings>> m_oldSettings;
};

/// Removes a covariate with its values; settings that named it fall back to none.
class RemoveCovariateCommand : public QUndoCommand {
public:
    RemoveCovariateCommand(Document* document, int index, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    int m_index;
    CovariateColumn m_taken;
    std::vector<std::pair<AnalysisSettings, TsaSettings>> m_oldSettings;
};

/// The settings with every reference to covariate `from` replaced by `to` (empty: none).
std::vector<std::pair<AnalysisSettings, TsaSettings>>
replaceCovariateReferences(std::vector<std::pair<AnalysisSettings, TsaSettings>> settings,
                           const std::string& from, const std::string& to);

} // namespace evident::ui
