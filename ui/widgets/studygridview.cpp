// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/studygridview.h"

#include "ui/models/studytablemodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QMenu>

#include <algorithm>

namespace evident::ui {

StudyGridView::StudyGridView(QWidget* parent)
    : QTableView(parent)
    , m_copy(new QAction(tr("&Copy"), this))
    , m_cut(new QAction(tr("Cu&t"), this))
    , m_paste(new QAction(tr("&Paste"), this))
    , m_clear(new QAction(tr("C&lear Cells"), this))
    , m_insertAbove(new QAction(tr("Insert Row &Above"), this))
    , m_insertBelow(new QAction(tr("Insert Row &Below"), this))
    , m_deleteRows(new QAction(tr("&Delete Rows"), this)) {
    m_copy->setShortcut(QKeySequence::Copy);
    m_cut->setShortcut(QKeySequence::Cut);
    m_paste->setShortcut(QKeySequence::Paste);
    m_clear->setShortcut(QKeySequence::Delete);
    m_insertBelow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_insertAbove->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_deleteRows->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    for (QAction* action : {m_copy, m_cut, m_paste, m_clear, m_insertAbove, m_insertBelow, m_deleteRows}) {
        // Only while the grid itself has focus: in a cell editor, the keys belong to the editor.
        action->setShortcutContext(Qt::WidgetShortcut);
        addAction(action);
    }
    connect(m_copy, &QAction::triggered, this, &StudyGridView::copySelection);
    connect(m_cut, &QAction::triggered, this, &StudyGridView::cutSelection);
    connect(m_paste, &QAction::triggered, this, &StudyGridView::pasteClipboard);
    connect(m_clear, &QAction::triggered, this, &StudyGridView::clearSelectedCells);
    connect(m_insertAbove, &QAction::triggered, this, [this] { insertRow(false); });
    connect(m_insertBelow, &QAction::triggered, this, [this] { insertRow(true); });
    connect(m_deleteRows, &QAction::triggered, this, &StudyGridView::deleteSelectedRows);

    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                    | QAbstractItemView::AnyKeyPressed);
    setAlternatingRowColors(true);
    setWordWrap(false);
    horizontalHeader()->setHighlightSections(true);
    horizontalHeader()->setStretchLastSection(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
}

void StudyGridView::setStudyModel(StudyTableModel* model) {
    m_model = model;
    setModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, &StudyGridView::resizeColumnsOnce);
    connect(model, &QAbstractItemModel::columnsInserted, this, &StudyGridView::resizeColumnsOnce);
    resizeColumnsOnce();
}

void StudyGridView::resizeColumnsOnce() {
    // Fit the columns to their content when an outcome is shown; later edits leave widths alone. At
    // least 64 px, so a marked cell has room for its warning icon and a short number.
    resizeColumnsToContents();
    for (int c = 0; c < horizontalHeader()->count(); ++c)
        horizontalHeader()->resizeSection(c, std::clamp(horizontalHeader()->sectionSize(c), 64, 220));
}

QModelIndexList StudyGridView::selectedCells() const {
    QModelIndexList cells = selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList();
    if (cells.isEmpty() && currentIndex().isValid())
        cells.append(currentIndex());
    return cells;
}

QList<int> StudyGridView::selectedRows() const {
    QList<int> rows;
    for (const QModelIndex& index : selectedCells())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

void StudyGridView::copySelection() {
    if (!m_model)
        return;
    const QString text = m_model->copyText(selectedCells());
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void StudyGridView::cutSelection() {
    copySelection();
    clearSelectedCells();
}

void StudyGridView::pasteClipboard() {
    if (!m_model)
        return;
    QModelIndexList cells = selectedCells();
    if (cells.isEmpty() && m_model->rowCount() == 0 && m_model->columnCount() > 1)
        cells.append(m_model->index(0, 1)); // an empty outcome: paste from the Study column on
    const PasteResult result = m_model->paste(cells, QApplication::clipboard()->text());
    QString text = tr("Pasted %n cell(s)", nullptr, result.cellsChanged);
    if (result.rowsAdded > 0)
        text += tr("; %n row(s) added", nullptr, result.rowsAdded);
    if (!result.notes.isEmpty())
        text += QStringLiteral(". ") + result.notes.join(QLatin1Char(' '));
    emit message(text);
}

void StudyGridView::clearSelectedCells() {
    if (m_model)
        m_model->clearCells(selectedCells());
}

void StudyGridView::insertRow(bool below) {
    if (!m_model)
        return;
    const QList<int> rows = selectedRows();
    const int row = rows.isEmpty() ? m_model->rowCount() : (below ? rows.last() + 1 : rows.first());
    if (m_model->insertRows(row, 1)) {
        const QModelIndex label = m_model->index(row, 1);
        setCurrentIndex(label);
        edit(label);
    }
}

void StudyGridView::deleteSelectedRows() {
    if (m_model)
        m_model->removeRowList(selectedRows());
}

void StudyGridView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addActions({m_cut, m_copy, m_paste, m_clear});
    menu.addSeparator();
    menu.addActions({m_insertAbove, m_insertBelow, m_deleteRows});
    menu.exec(event->globalPos());
}

} // namespace evident::ui
