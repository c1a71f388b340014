// SPDX-License-Identifier: GPL-3.0-or-later
// The columns of the study grid as a list of descriptors: what each shows, where it writes, what it
// is called. The grid, copy and paste, and CSV export all work from this list, so a new column
// (reported SEM/CI/median with a dispersion type, multi-arm links, study characteristics, risk of
// bias) is one more descriptor and one more CellAddress kind, not a change to every view.
#pragma once

#include "core/project/project.h"
#include "ui/document/cellfield.h"

#include <QString>

#include <vector>

namespace evident::ui {

struct GridColumn {
    CellAddress::Kind kind = CellAddress::Kind::RowText;
    RowField field = RowField::MeanTreated; ///< RowText columns
    int covariate = -1;                     ///< Covariate columns
    QString title;                          ///< Header text
    QString toolTip;
    QString key; ///< Header in exported CSV files; the importer reads it back to the same role

    /// The cell of this column in a row of an outcome.
    CellAddress cell(int outcome, int row) const { return {kind, outcome, row, field, covariate}; }
    bool isCheckBox() const { return kind == CellAddress::Kind::Included; }
};

/// Include, Study, the data columns of the outcome's layout, then the covariates.
std::vector<GridColumn> gridColumns(const Project& project, const Outcome& outcome);

} // namespace evident::ui
