// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/studygridview.h"

#include "core/common/text.h"
#include "ui/dialogs/pastemappingdialog.h"
#include "ui/models/studytablemodel.h"
#include "ui/models/tabseparated.h"
#include "ui/widgets/griddelegate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>

#include <algorithm>
#include <set>

namespace evident::ui {

StudyGridView::StudyGridView(QWidget* parent)
    : QTableView(parent)
    , m_copy(new QAction(tr("&Copy"), this))
    , m_cut(new QAction(tr("Cu&t"), this))
    , m_paste(new QAction(tr("&Paste"), this))
    , m_clear(new QAction(tr("C&lear Cells"), this))
    , m_insertAbove(new QAction(tr("Insert Row &Above"), this))
    , m_insertBelow(new QAction(tr("Insert Row &Below"), this))
    , m_deleteRows(new QAction(tr("&Delete Rows"), this))
    , m_addArm(new QAction(tr("Add A&rm to This Study"), this))
    , m_columnsMenu(new QMenu(tr("Show Colu&mns"), this)) {
    m_addArm->setToolTip(tr("A new row for another treatment arm of this study (e.g. another EV dose), "
                            "sharing its control group"));
    connect(m_addArm, &QAction::triggered, this, &StudyGridView::addArm);
    connect(m_columnsMenu, &QMenu::aboutToShow, this, &StudyGridView::populateColumnsMenu);
    setItemDelegate(new GridDelegate(this));
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
    // Covariates and column groups that appear: fit them, and leave the others as the user set them.
    connect(model, &QAbstractItemModel::columnsInserted, this,
            [this](const QModelIndex&, int first, int last) { resizeNewColumns(first, last); });
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current, const QModelIndex& previous) {
                if (current.row() != previous.row() || !previous.isValid())
                    emit currentRowChanged(current.isValid() ? current.row() : -1);
            });
    resizeColumnsOnce();
}

void StudyGridView::resizeColumnsOnce() {
    // Fit the columns to their content when an outcome is shown; later edits leave widths alone.
    resizeNewColumns(0, horizontalHeader()->count() - 1);
}

void StudyGridView::resizeNewColumns(int first, int last) {
    for (int c = first; c <= last; ++c) {
        resizeColumnToContents(c);
        // At least 64 px, so a marked cell has room for its warning icon and a short number; the Type
        // columns are never marked and may be narrower.
        const bool type =
            m_model && c < static_cast<int>(m_model->columns().size())
            && m_model->columns()[static_cast<std::size_t>(c)].kind == CellAddress::Kind::Dispersion;
        horizontalHeader()->resizeSection(
            c, std::clamp(horizontalHeader()->sectionSize(c), type ? 40 : 64, 220));
    }
}

void StudyGridView::populateColumnsMenu() {
    m_columnsMenu->clear();
    if (!m_model || m_model->columnCount() == 0) {
        m_columnsMenu->addAction(tr("No outcome"))->setEnabled(false);
        return;
    }
    const bool precomputed = m_model->columnOfKey(QStringLiteral("yi")) >= 0;
    for (ColumnGroup group : optionalColumnGroups()) {
        if (precomputed && group != ColumnGroup::Arms)
            continue;
        QAction* action = m_columnsMenu->addAction(columnGroupName(group));
        action->setCheckable(true);
        const bool shown = m_model->isGroupShown(group);
        action->setChecked(shown);
        // Groups the rows use (or hold numbers in) stay: hiding them would hide data.
        const bool needed = shown && !m_model->revealedGroups().count(group);
        action->setEnabled(!needed);
        if (needed)
            action->setToolTip(tr("Shown because rows of this outcome use it"));
        connect(action, &QAction::toggled, this,
                [this, group](bool on) { m_model->setGroupRevealed(group, on); });
    }
    m_columnsMenu->addSeparator();
    connect(m_columnsMenu->addAction(tr("Show All")), &QAction::triggered, this, [this, precomputed] {
        std::set<ColumnGroup> all;
        for (ColumnGroup group : optionalColumnGroups())
            if (!precomputed || group == ColumnGroup::Arms)
                all.insert(group);
        m_model->setRevealedGroups(all);
    });
    connect(m_columnsMenu->addAction(tr("Only Those in Use")), &QAction::triggered, this,
            [this] { m_model->setRevealedGroups({}); });
}

void StudyGridView::addArm() {
    if (!m_model)
        return;
    const QModelIndex current = currentIndex();
    const int row =
        current.isValid() ? current.row() : (selectedRows().isEmpty() ? -1 : selectedRows().first());
    const int added = m_model->addArm(row);
    if (added < 0) {
        emit message(row < 0 ? tr("Select a row of the study to add an arm to.")
                             : tr("Arms can be added to outcomes with two-group data only."));
        return;
    }
    const int armColumn = m_model->columnOfKey(QStringLiteral("arm"));
    const QModelIndex label = m_model->index(added, armColumn >= 0 ? armColumn : 1);
    setCurrentIndex(label);
    scrollTo(label);
    emit message(tr("Arm added in row %1: name it, and type its treated group; its control cells can stay "
                    "empty (it uses the shared control group).")
                     .arg(added + 1));
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
    const QString clipboard = QApplication::clipboard()->text();
    // One number pasted on a Type cell goes where one typed there goes: the row's next value cell.
    // (An empty outcome's index(0, 1) is invalid: no row, no Type cell.)
    if (cells.size() == 1 && cells.front().isValid()
        && m_model->columns()[static_cast<std::size_t>(cells.front().column())].kind
               == CellAddress::Kind::Dispersion
        && parseNumber(clipboard.trimmed().toStdString())) {
        const QModelIndex next = nextValueCell(cells.front(), true);
        if (next.isValid() && next.row() == cells.front().row()) {
            cells = {next};
            selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect);
        }
    }
    const bool wasEmpty = m_model->rowCount() == 0;
    PasteResult result = m_model->paste(cells, clipboard);
    if (result.needsMapping) {
        // The columns cannot be matched alone: the reviewer maps them, or nothing is pasted.
        const QList<QStringList> block = parseTabSeparated(clipboard);
        PasteMappingDialog dialog(block, result.plan, m_model->outcomeKind(), m_model->covariateNames(),
                                  this);
        if (dialog.exec() != QDialog::Accepted) {
            emit message(tr("Nothing pasted."));
            return;
        }
        result = m_model->pasteMapped(result.plan.topRow, block, dialog.mapping());
    }
    if (wasEmpty && m_model->rowCount() > 0)
        resizeColumnsOnce(); // the columns were fitted to their titles only
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
        // The new row's Study cell becomes the only selected cell (whatever the modifiers of the
        // shortcut: Ctrl would otherwise add it to the old selection). No editor is opened: typing
        // replaces the suggested label, as in a spreadsheet, and F2 edits it.
        const QModelIndex label = m_model->index(row, 1);
        selectionModel()->setCurrentIndex(label, QItemSelectionModel::ClearAndSelect);
        scrollTo(label);
        setFocus(Qt::OtherFocusReason);
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
    menu.addAction(m_addArm);
    menu.addSeparator();
    menu.addMenu(m_columnsMenu);
    menu.exec(event->globalPos());
}

bool StudyGridView::isValueCell(const QModelIndex& index) const {
    if (!m_model || !index.isValid() || !(m_model->flags(index) & Qt::ItemIsEditable))
        return false;
    return m_model->columns()[static_cast<std::size_t>(index.column())].kind != CellAddress::Kind::Dispersion;
}

QModelIndex StudyGridView::nextValueCell(const QModelIndex& from, bool forward) const {
    if (!m_model || !from.isValid())
        return {};
    const int columns = m_model->columnCount();
    const int cells = m_model->rowCount() * columns;
    for (int at = from.row() * columns + from.column() + (forward ? 1 : -1); at >= 0 && at < cells;
         at += forward ? 1 : -1) {
        const QModelIndex index = m_model->index(at / columns, at % columns);
        if (!isColumnHidden(index.column()) && isValueCell(index))
            return index;
    }
    return {};
}

QModelIndex StudyGridView::moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) {
    if (m_model && (action == MoveNext || action == MovePrevious) && currentIndex().isValid()) {
        const QModelIndex next = nextValueCell(currentIndex(), action == MoveNext);
        return next.isValid() ? next : currentIndex();
    }
    return QTableView::moveCursor(action, modifiers);
}

void StudyGridView::keyPressEvent(QKeyEvent* event) {
    const bool printable =
        !event->text().isEmpty() && event->text().at(0).isPrint()
        && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    const QModelIndex current = currentIndex();
    if (m_model && printable && current.isValid() && state() != EditingState
        && m_model->columns()[static_cast<std::size_t>(current.column())].kind
               == CellAddress::Kind::Dispersion) {
        const QChar key = event->text().at(0);
        if (key.isDigit() || key == QLatin1Char('.') || key == QLatin1Char('-') || key == QLatin1Char('+')) {
            const QModelIndex next = nextValueCell(current, true);
            if (next.isValid()) {
                selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect);
                edit(next, QAbstractItemView::AnyKeyPressed, event);
            }
            return;
        }
    }
    if (m_model && m_model->rowCount() == 0 && printable && m_insertBelow->isEnabled()
        && m_model->insertRows(0, 1)) {
        const QModelIndex label = m_model->index(0, 1);
        setCurrentIndex(label);
        // The key opens the editor and is its first character, replacing the suggested name.
        edit(label, QAbstractItemView::AnyKeyPressed, event);
        return;
    }
    QTableView::keyPressEvent(event);
}

void StudyGridView::paintEvent(QPaintEvent* event) {
    QTableView::paintEvent(event);
    if (!m_model || m_model->rowCount() > 0 || !m_insertBelow->isEnabled())
        return;
    QPainter painter(viewport());
    QColor colour = palette().color(QPalette::Disabled, QPalette::Text);
    painter.setPen(colour);
    painter.drawText(viewport()->rect().adjusted(12, 12, -12, -12),
                     Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                     tr("Type the first study's name to start a row, or paste rows from a spreadsheet "
                        "(Ctrl+V)."));
}

} // namespace evident::ui
