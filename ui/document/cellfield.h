// SPDX-License-Identifier: GPL-3.0-or-later
// The places a grid cell can write to: an outcome row's entry fields (core/schema/entryfield.h), its
// include flag and dispersion types, or the study's label and covariate values (shared by every outcome).
#pragma once

#include "core/project/project.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace evident::ui {

/// One editable value of the grid, addressed so that it stays valid across undo and redo.
struct CellAddress {
    enum class Kind { Included, StudyLabel, RowText, Covariate, Dispersion };
    Kind kind = Kind::RowText;
    int outcome = 0;
    int row = 0;
    EntryField field = EntryField::MeanTreated; ///< RowText only
    int covariate = 0;                          ///< Covariate only
    bool treated = true;                        ///< Dispersion only: the treated or the control arm
};

/// A cell's value: text, the include flag, or an arm's dispersion type.
using CellValue = std::variant<std::string, bool, DispersionType>;

/// The dispersion type a text names: its key ("SEM", "MEDIAN_IQR"), its label ("Mean ± SEM"), the short
/// label of the grid ("Median (IQR)") or a common spelling ("sem", "iqr", "range", "95% CI").
std::optional<DispersionType> parseDispersionText(std::string_view text);
/// The grid's short label: "SD", "SEM", "CI", "Median, IQR", "Median, range", "Median, IQR, range"
/// (the Type column's header and tooltip say the rest).
const char* dispersionShortLabel(DispersionType type);

/// The cell's present value, or nullopt when its outcome or row does not exist (yet).
std::optional<CellValue> cellValue(const Project& project, const CellAddress& cell);

} // namespace evident::ui
