// SPDX-License-Identifier: GPL-3.0-or-later
// The table view of the study grid: spreadsheet keys (copy, paste, delete, insert rows) and a
// context menu, over a StudyTableModel.
#pragma once

#include <QTableView>

class QAction;
class QMenu;

namespace evident::ui {

class StudyTableModel;

class StudyGridView : public QTableView {
    Q_OBJECT
public:
    explicit StudyGridView(QWidget* parent = nullptr);

    void setStudyModel(StudyTableModel* model);
    StudyTableModel* studyModel() const { return m_model; }

    QAction* copyAction() const { return m_copy; }
    QAction* cutAction() const { return m_cut; }
    QAction* pasteAction() const { return m_paste; }
    QAction* clearAction() const { return m_clear; }
    QAction* insertRowAboveAction() const { return m_insertAbove; }
    QAction* insertRowBelowAction() const { return m_insertBelow; }
    QAction* deleteRowsAction() const { return m_deleteRows; }
    /// A new row for another treatment arm of the current row's study, sharing its control group.
    QAction* addArmAction() const { return m_addArm; }
    /// Checkable column groups (SEM, CI, medians, arms, sham mean): those the rows use are always shown.
    QMenu* columnsMenu() const { return m_columnsMenu; }

    void copySelection();
    void cutSelection();
    void pasteClipboard();
    void clearSelectedCells();
    void insertRow(bool below);
    void deleteSelectedRows();
    void addArm();

signals:
    /// A sentence for the status bar after a paste or a clear ("Pasted 12 cells; 1 row added").
    void message(const QString& text);
    /// The current cell moved to another row (-1: none).
    void currentRowChanged(int row);

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;
    /// In an empty grid, typing starts the first row (an undoable insert) and goes into its Study cell.
    /// On a Type cell, a digit (or a sign or a point) starts the next value cell instead: a Type cell
    /// chooses by its first letter and never takes a number.
    void keyPressEvent(QKeyEvent* event) override;
    /// Tab and Shift+Tab walk the value cells (Study, the numbers, the characteristics), skipping the
    /// Type cells, the include boxes and the cells the row does not use; the arrows still reach every
    /// cell.
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    /// An empty grid says how to start.
    void paintEvent(QPaintEvent* event) override;

private:
    QModelIndexList selectedCells() const;
    /// A cell Tab stops at: editable, not a Type cell.
    bool isValueCell(const QModelIndex& index) const;
    /// The next (or previous) value cell after `from`, row by row; invalid at the end of the grid.
    QModelIndex nextValueCell(const QModelIndex& from, bool forward) const;
    QList<int> selectedRows() const;
    void resizeColumnsOnce();
    void resizeNewColumns(int first, int last);
    void populateColumnsMenu();

    StudyTableModel* m_model = nullptr;
    QAction* m_copy;
    QAction* m_cut;
    QAction* m_paste;
    QAction* m_clear;
    QAction* m_insertAbove;
    QAction* m_insertBelow;
    QAction* m_deleteRows;
    QAction* m_addArm;
    QMenu* m_columnsMenu;
};

} // namespace evident::ui
