// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/copyabletableview.h"

#include "ui/models/tabseparated.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QMenu>

#include <algorithm>

namespace evident::ui {

CopyableTableView::CopyableTableView(QWidget* parent)
    : QTableView(parent) {
    auto* copy = new QAction(tr("&Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] { QApplication::clipboard()->setText(selectionText()); });
    addAction(copy);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
}

QString CopyableTableView::selectionText() const {
    const QModelIndexList cells = selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList();
    if (cells.isEmpty() || !model())
        return {};
    int top = model()->rowCount(), bottom = -1, left = model()->columnCount(), right = -1;
    for (const QModelIndex& index : cells) {
        top = std::min(top, index.row());
        bottom = std::max(bottom, index.row());
        left = std::min(left, index.column());
        right = std::max(right, index.column());
    }
    QList<QStringList> block;
    QStringList header;
    for (int c = left; c <= right; ++c)
        header.append(model()->headerData(c, Qt::Horizontal).toString());
    block.append(header);
    for (int r = top; r <= bottom; ++r) {
        QStringList row;
        for (int c = left; c <= right; ++c)
            row.append(selectionModel()->isSelected(model()->index(r, c))
                           ? model()->index(r, c).data().toString()
                           : QString());
        block.append(row);
    }
    return toTabSeparated(block);
}

void CopyableTableView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addActions(actions());
    menu.exec(event->globalPos());
}

} // namespace evident::ui
