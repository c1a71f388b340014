// SPDX-License-Identifier: GPL-3.0-or-later
// Editing one cell of the study grid: a data field, the include box, or the study's label or
// covariate value (which every outcome shows).
#pragma once

#include "ui/document/cellfield.h"

#include <QUndoCommand>

namespace evident::ui {

class Document;

class SetCellCommand : public QUndoCommand {
public:
    /// `value` is text, or a bool for the include box. The row may be one a sibling command (an
    /// InsertRowsCommand of the same paste) has yet to insert: everything is looked up on redo.
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
