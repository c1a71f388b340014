// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/commands/setcell.h"

#include "ui/document/cellfield.h"
#include "ui/document/document.h"

#include <QCoreApplication>

namespace evident::ui {
namespace {

QString describe(const Project& project, const CellAddress& cell) {
    const auto& rows = project.outcomes[static_cast<std::size_t>(cell.outcome)].rows;
    const OutcomeRow* row =
        cell.row < static_cast<int>(rows.size()) ? &rows[static_cast<std::size_t>(cell.row)] : nullptr;
    const Study* study = row ? project.study(row->study) : nullptr;
    const QString label = study ? QString::fromStdString(study->label) : QString();
    const auto tr = [](const char* text) { return QCoreApplication::translate("Undo Commands", text); };
    switch (cell.kind) {
    case CellAddress::Kind::Included:
        return tr("Include or exclude %1").arg(label);
    case CellAddress::Kind::StudyLabel:
        return tr("Rename study %1").arg(label);
    case CellAddress::Kind::RowText: {
        // The centre of an arm reported by its median is that median, whatever the field's name.
        const EntryFieldSpec& spec = entryFieldSpec(cell.field);
        if (spec.reported == ReportedField::Centre && row && isMedianBased(row->dispersion(spec.side)))
            return (spec.side == ArmSide::Treated ? tr("Edit Median (treated) of %1")
                                                  : tr("Edit Median (control) of %1"))
                .arg(label);
        return tr("Edit %1 of %2")
            .arg(QString::fromUtf8(spec.title.data(), static_cast<qsizetype>(spec.title.size())), label);
    }
    case CellAddress::Kind::Dispersion:
        return (cell.treated ? tr("Change how the treated group of %1 is reported")
                             : tr("Change how the control group of %1 is reported"))
            .arg(label);
    case CellAddress::Kind::Covariate:
        // A paste may fill a characteristic it adds in the same step: not there yet.
        if (cell.covariate < 0 || static_cast<std::size_t>(cell.covariate) >= project.covariateNames.size())
            return tr("Edit a study characteristic of %1").arg(label);
        return tr("Edit %1 of %2")
            .arg(QString::fromStdString(project.covariateNames[static_cast<std::size_t>(cell.covariate)]),
                 label);
    }
    return {};
}

} // namespace

SetCellCommand::SetCellCommand(Document* document, const CellAddress& cell, CellValue value,
                               QUndoCommand* parent)
    : QUndoCommand(describe(document->project(), cell), parent)
    , m_document(document)
    , m_cell(cell)
    , m_value(std::move(value)) {}

void SetCellCommand::exchange() {
    m_document->focusOutcome(m_cell.outcome);
    Project& project = m_document->editableProject();
    OutcomeRow& row =
        project.outcomes[static_cast<std::size_t>(m_cell.outcome)].rows[static_cast<std::size_t>(m_cell.row)];
    DocumentChange change{DocumentChange::Kind::Rows, m_cell.outcome, m_cell.row, m_cell.row, row.study};
    switch (m_cell.kind) {
    case CellAddress::Kind::Included:
        std::swap(row.included, std::get<bool>(m_value));
        break;
    case CellAddress::Kind::RowText:
        std::swap(row.text(m_cell.field), std::get<std::string>(m_value));
        break;
    case CellAddress::Kind::Dispersion:
        std::swap(row.dispersion(m_cell.treated ? ArmSide::Treated : ArmSide::Control),
                  std::get<DispersionType>(m_value));
        break;
    case CellAddress::Kind::StudyLabel:
    case CellAddress::Kind::Covariate: {
        Study* study = project.study(row.study);
        if (!study)
            return;
        change.kind = DocumentChange::Kind::Study;
        if (m_cell.kind == CellAddress::Kind::StudyLabel) {
            std::swap(study->label, std::get<std::string>(m_value));
            break;
        }
        const auto covariate = static_cast<std::size_t>(m_cell.covariate);
        if (covariate >= study->covariateValues.size())
            break; // every study has a value per covariate (Document::resetProject makes sure of it)
        // The study's value or the arm's own: decided on the first redo, when the row exists.
        if (!m_placement)
            m_placement = placeCovariateValue(project, static_cast<std::size_t>(m_cell.outcome),
                                              static_cast<std::size_t>(m_cell.row), covariate,
                                              std::get<std::string>(m_value));
        std::swap(study->covariateValues[covariate], m_placement->studyValue);
        for (auto& each : m_placement->rows)
            std::swap(project.outcomes[each.outcome].rows[each.row].covariateValues, each.values);
        break;
    }
    }
    m_document->notify(change);
}

QUndoCommand* makeSetCell(Document* document, const CellAddress& cell, CellValue value) {
    const auto current = cellValue(document->project(), cell);
    if (!current || *current == value)
        return nullptr;
    return new SetCellCommand(document, cell, std::move(value));
}

} // namespace evident::ui
