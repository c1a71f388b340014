// SPDX-License-Identifier: GPL-3.0-or-later
// Editing one cell of the study grid: a data field, the include box, an arm's dispersion type, or the
// study's label or a covariate value (the study's, which every outcome shows, or an arm's own).
#pragma once

#include "core/project/armcovariates.h"
#include "ui/document/cellfield.h"

#include <QUndoCommand>

#include <optional>

namespace evident::ui {

class Document;

class SetCellCommand : public QUndoCommand {
public:
    /// `value` is text, a bool for the include box, or a DispersionType; it must match the cell's kind. The
    /// row may be one a sibling command (an InsertRowsCommand of the same paste) has yet to insert:
    /// everything is looked up on redo.
    SetCellCommand(Document* document, const CellAddress& cell, CellValue value,
                   QUndoCommand* parent = nullptr);

    void redo() override { exchange(); }
    void undo() override { exchange(); }

private:
    void exchange();

    Document* m_document;
    CellAddress m_cell;
    CellValue m_value;
    std::optional<CovariatePlacement> m_placement; ///< A covariate edit: the values swapped in and out
};

/// A command for one cell edit, or nullptr when the cell already holds `value`.
QUndoCommand* makeSetCell(Document* document, const CellAddress& cell, CellValue value);

} // namespace evident::ui
