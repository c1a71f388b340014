// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/cellfield.h"

#include "core/project/preparation.h"

namespace evident::ui {

const char* rowFieldKey(RowField field) {
    switch (field) {
    case RowField::MeanTreated:
        return field::meanTreated;
    case RowField::SdTreated:
        return field::sdTreated;
    case RowField::NTreated:
        return field::nTreated;
    case RowField::MeanControl:
        return field::meanControl;
    case RowField::SdControl:
        return field::sdControl;
    case RowField::NControl:
        return field::nControl;
    case RowField::Yi:
        return field::yi;
    case RowField::Vi:
        return field::vi;
    case RowField::Sei:
        return field::sei;
    }
    return "";
}

const char* rowFieldTitle(RowField field) {
    switch (field) {
    case RowField::MeanTreated:
        return "Mean (treated)";
    case RowField::SdTreated:
        return "SD (treated)";
    case RowField::NTreated:
        return "n (treated)";
    case RowField::MeanControl:
        return "Mean (control)";
    case RowField::SdControl:
        return "SD (control)";
    case RowField::NControl:
        return "n (control)";
    case RowField::Yi:
        return "Effect size (yi)";
    case RowField::Vi:
        return "Variance (vi)";
    case RowField::Sei:
        return "Standard error (sei)";
    }
    return "";
}

std::string& rowFieldText(OutcomeRow& row, RowField field) {
    switch (field) {
    case RowField::MeanTreated:
        return row.treated.mean;
    case RowField::SdTreated:
        return row.treated.sd;
    case RowField::NTreated:
        return row.treated.n;
    case RowField::MeanControl:
        return row.control.mean;
    case RowField::SdControl:
        return row.control.sd;
    case RowField::NControl:
        return row.control.n;
    case RowField::Yi:
        return row.yi;
    case RowField::Vi:
        return row.vi;
    case RowField::Sei:
        return row.sei;
    }
    return row.yi;
}

const std::string& rowFieldText(const OutcomeRow& row, RowField field) {
    return rowFieldText(const_cast<OutcomeRow&>(row), field);
}

std::optional<CellValue> cellValue(const Project& project, const CellAddress& cell) {
    if (cell.outcome < 0 || cell.outcome >= static_cast<int>(project.outcomes.size()))
        return std::nullopt;
    const auto& rows = project.outcomes[static_cast<std::size_t>(cell.outcome)].rows;
    if (cell.row < 0 || cell.row >= static_cast<int>(rows.size()))
        return std::nullopt;
    const OutcomeRow& row = rows[static_cast<std::size_t>(cell.row)];
    const Study* study = project.study(row.study);
    switch (cell.kind) {
    case CellAddress::Kind::Included:
        return row.included;
    case CellAddress::Kind::RowText:
        return rowFieldText(row, cell.field);
    case CellAddress::Kind::StudyLabel:
        return study ? study->label : std::string();
    case CellAddress::Kind::Covariate:
        return study && cell.covariate < static_cast<int>(study->covariateValues.size())
                   ? study->covariateValues[static_cast<std::size_t>(cell.covariate)]
                   : std::string();
    }
    return std::nullopt;
}

} // namespace evident::ui
