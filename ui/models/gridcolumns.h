// SPDX-License-Identifier: GPL-3.0-or-later
// The columns of the study grid as a list of descriptors: what each shows, where it writes, what it
// is called. The grid, copy and paste all work from this list, so a new column is one more descriptor
// and one more CellAddress kind, not a change to every view.
//
// Data as papers report it needs up to 30 columns (a dispersion type and up to ten numbers per arm).
// The grid shows the column groups the outcome's rows use or hold text in, and those the reviewer asks
// for; a cell its row's type does not use is greyed, never hidden while it holds text.
#pragma once

#include "core/project/project.h"
#include "ui/document/cellfield.h"

#include <QString>

#include <set>
#include <vector>

namespace evident::ui {

/// Columns that come and go together. `Always` columns are shown for every outcome of their layout.
enum class ColumnGroup {
    Always,
    Arms,   ///< Arm and Control group: multi-arm studies with a shared control
    Mean,   ///< Mean T, Mean C (the centre of mean-based arms)
    Median, ///< Median T, Median C (the centre of median-based arms; the same field as the mean)
    SD,
    SEM,
    CI,    ///< CI low, CI high, CI %
    IQR,   ///< Q1, Q3
    Range, ///< Min, Max
    Sham,  ///< Sham mean, for the NMD
};

/// The optional groups in column order, with a name for menus ("SEM", "Confidence interval").
const std::vector<ColumnGroup>& optionalColumnGroups();
QString columnGroupName(ColumnGroup group);

struct GridColumn {
    CellAddress::Kind kind = CellAddress::Kind::RowText;
    EntryField field = EntryField::MeanTreated; ///< RowText columns
    int covariate = -1;                         ///< Covariate columns
    bool treated = true;                        ///< Dispersion columns: the arm
    ColumnGroup group = ColumnGroup::Always;
    QString title; ///< Header text
    QString toolTip;
    QString key; ///< The column's key as in CSV files ("sem_t", "median_c", "dispersion_t")

    /// The cell of this column in a row of an outcome.
    CellAddress cell(int outcome, int row) const { return {kind, outcome, row, field, covariate, treated}; }
    bool isCheckBox() const { return kind == CellAddress::Kind::Included; }
    /// The same column (covariates by index).
    bool sameAs(const GridColumn& other) const;
};

/// The groups one row uses or holds text in, as bits (1 << ColumnGroup).
unsigned rowColumnGroups(const OutcomeRow& row, const Outcome& outcome);
/// The groups the outcome as a whole needs, whatever its rows: the sham mean for the NMD, and mean and
/// SD for an outcome without rows. As bits.
unsigned outcomeColumnGroups(const Outcome& outcome);
/// The groups in a set of bits.
std::set<ColumnGroup> columnGroupsOf(unsigned bits);

/// The optional groups the outcome shows without being asked: those its rows use, or hold text in,
/// and those of outcomeColumnGroups().
std::set<ColumnGroup> usedColumnGroups(const Outcome& outcome);

/// Include, Study, the data columns of the outcome's layout (of the optional groups, those in `shown`:
/// usually usedColumnGroups() and those the reviewer asked for), then the covariates.
std::vector<GridColumn> gridColumns(const Project& project, const Outcome& outcome,
                                    const std::set<ColumnGroup>& shown);

/// Whether a column's cell is used by its row: false for the SEM of an arm reported as mean ± SD, the
/// median of an arm reported as a mean, a sham mean when the measure is not the NMD.
bool isUsedByRow(const GridColumn& column, const OutcomeRow& row, const Outcome& outcome);

/// The row whose control group a row uses: another row of the same study and control group holding the
/// control numbers, when this row's control cells are all empty (as prepareOutcome() resolves it); else
/// the row itself.
std::size_t controlSourceRow(const Outcome& outcome, std::size_t row);

/// A column that shows the same field as another, under another name (Mean and Median): its cells
/// hold nothing of their own where the row does not use them.
bool isCentreColumn(const GridColumn& column);

} // namespace evident::ui
