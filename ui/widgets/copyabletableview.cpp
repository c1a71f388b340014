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
    const QRect bounds = selectionBounds(cells);
    QList<QStringList> block;
    QStringList header;
    for (int c = bounds.left(); c <= bounds.right(); ++c)
        header.append(model()->headerData(c, Qt::Horizontal).toString());
    block.append(header);
    for (int r = bounds.top(); r <= bounds.bottom(); ++r) {
        QStringList row;
        for (int c = bounds.left(); c <= bounds.right(); ++c)
            row.append(selectionModel()->isSelected(model()->index(r, c))
                           ? model()->index(r, c).data().toString()
                           : QString());
        block.append(row);
    }
    return toTabSeparated(block);
}

void CopyableTableView::dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                                    const QList<int>& roles) {
    QTableView::dataChanged(topLeft, bottomRight, roles);
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    for (int column = topLeft.column(); column <= bottomRight.column(); ++column) {
        const int needed = std::max(sizeHintForColumn(column), horizontalHeader()->sectionSizeHint(column));
        if (needed > columnWidth(column))
            setColumnWidth(column, needed);
    }
}

void CopyableTableView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addActions(actions());
    menu.exec(event->globalPos());
}

} // namespace evident::ui
