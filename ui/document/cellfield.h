// SPDX-License-Identifier: GPL-3.0-or-later
// The places a grid cell can write to: an outcome row's data fields, its include flag, or the
// study's label and covariate values (shared by every outcome).
#pragma once

#include "core/project/project.h"

#include <optional>
#include <string>
#include <variant>

namespace evident::ui {

/// The text fields of an outcome row. The preclinical columns (reported SEM/CI/median, shared
/// controls) will add entries here.
enum class RowField { MeanTreated, SdTreated, NTreated, MeanControl, SdControl, NControl, Yi, Vi, Sei };

/// The field's key, as in CSV headers and InputIssue::field ("mean_t").
const char* rowFieldKey(RowField field);
/// The field's name for the user ("SD (treated)"), as prepareOutcome() names it in its messages.
const char* rowFieldTitle(RowField field);
std::string& rowFieldText(OutcomeRow& row, RowField field);
const std::string& rowFieldText(const OutcomeRow& row, RowField field);

/// One editable value of the grid, addressed so that it stays valid across undo and redo.
struct CellAddress {
    enum class Kind { Included, StudyLabel, RowText, Covariate };
    Kind kind = Kind::RowText;
    int outcome = 0;
    int row = 0;
    RowField field = RowField::MeanTreated; ///< RowText only
    int covariate = 0;                      ///< Covariate only
};

/// A cell's value: text, or the include flag.
using CellValue = std::variant<std::string, bool>;

/// The cell's present value, or nullopt when its outcome or row does not exist (yet).
std::optional<CellValue> cellValue(const Project& project, const CellAddress& cell);

} // namespace evident::ui
