// SPDX-License-Identifier: GPL-3.0-or-later
// A read-only table view whose selection copies as tab-separated text (Ctrl+C, context menu), so
// results paste straight into a spreadsheet.
#pragma once

#include <QTableView>

namespace evident::ui {

class CopyableTableView : public QTableView {
    Q_OBJECT
public:
    explicit CopyableTableView(QWidget* parent = nullptr);

    /// The selected cells' bounding rectangle with the column headers, as shown.
    QString selectionText() const;

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;
    /// New numbers in the same cells (a model that keeps its shape) widen any column they no longer fit,
    /// so a value is never shown as "…".
    void dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                     const QList<int>& roles = QList<int>()) override;
};

} // namespace evident::ui
