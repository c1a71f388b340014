// SPDX-License-Identifier: GPL-3.0-or-later
// Which grid cells a block pasted from a spreadsheet goes to. A block that fits the grid's columns
// where it is pasted goes there; a block of values in the usual order (study, the outcome kind's basic
// fields in schema order, then the study characteristics) goes to those fields, whatever columns the
// grid shows between them (Type columns never take numbers); any other block (more or fewer columns, a
// header row) is mapped by the reviewer in a preview (PasteMappingDialog), with the roles of the CSV
// import (io::ColumnRole).
#pragma once

#include "core/schema/entryfield.h"
#include "io/csvimport.h"
#include "ui/models/gridcolumns.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace evident::ui {

/// How the columns of a pasted block map to the outcome's fields.
struct PasteMapping {
    QList<io::ColumnRole> roles; ///< One per block column
    /// Per block column of role Covariate: the study characteristic it fills; -1 for the one its
    /// header names, else the next one in order, else a new one; newCovariate for a new one.
    QList<int> covariates;
    static constexpr int newCovariate = -2;
    bool headerRow = false; ///< The block's first row names the columns and is not pasted
};

/// What the grid makes of a block, before anything is pasted.
struct PastePlan {
    enum class How {
        Nothing,    ///< Nothing to paste (no outcome, no cell, an empty block)
        AsColumns,  ///< Into the grid's columns from the top-left cell on (a block copied from the grid)
        UsualOrder, ///< Into the fields of `mapping`: the values in the usual order
        Ask,        ///< The columns cannot be matched: the reviewer maps them (`mapping` is a guess)
    };
    How how = How::Nothing;
    int topRow = 0; ///< The row the block's first (non-header) row goes to
    PasteMapping mapping;
    QString reason; ///< Why the reviewer is asked ("9 columns; the value columns are 7")
};

/// The roles a pasted column can take in an outcome of `kind`: study, the kind's entry fields (with
/// the median and the type of each continuous arm), include, study characteristic, ignore.
QList<io::ColumnRole> pasteRoles(OutcomeKind kind);

/// The value columns in the usual order: study, the kind's basic fields in schema order (mean, SD and
/// n of the treated group then of the control group; events and total; yi, vi, sei), then `covariates`
/// study characteristics.
QList<io::ColumnRole> usualPasteOrder(OutcomeKind kind, int covariates);

/// The role a grid column writes to (a covariate column: Covariate).
io::ColumnRole roleOfColumn(const GridColumn& column);

/// Whether the block's first row names its columns: it holds a field's key or a column's title, or it
/// holds no number while the next row does.
bool looksLikeHeader(const QList<QStringList>& block, const std::vector<GridColumn>& columns);

/// The roles of a header row's names: entry-field keys and aliases (as in CSV files), the grid's column
/// titles; other names are study characteristics.
QList<io::ColumnRole> rolesOfHeader(const QStringList& header, const std::vector<GridColumn>& columns);

/// Where to paste `block` with its top-left cell at (`top`, `left`) of a grid with `columns`, in an
/// outcome of `kind` with `covariates` study characteristics.
/// A dispersion type typed or pasted ("SEM", "median_iqr"); an empty cell means the default, mean ± SD.
std::optional<DispersionType> parseDispersionCell(const QString& text);

/// The type a pasted row gives its `side` arm when the mapping has no type column for it: mean ± SD
/// when the row's SD cell holds a number, else mean ± SEM when its SEM cell does; else none (the row
/// keeps its type).
std::optional<DispersionType> pastedSpreadType(const PasteMapping& mapping, const QStringList& row,
                                               ArmSide side);

PastePlan planPaste(const QList<QStringList>& block, int top, int left,
                    const std::vector<GridColumn>& columns, OutcomeKind kind, int covariates);

} // namespace evident::ui
