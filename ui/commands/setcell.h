// SPDX-License-Identifier: GPL-3.0-or-later
// Editing one cell of the study grid: a data field, the include box, an arm's dispersion type, or the
// study's label or covariate value (which every outcome shows).
#pragma once

#include "ui/document/cellfield.h"

#include <QUndoCommand>

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
};

/// A command for one cell edit, or nullptr when the cell already holds `value`.
QUndoCommand* makeSetCell(Document* document, const CellAddress& cell, CellValue value);

} // namespace evident::ui
