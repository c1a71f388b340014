// SPDX-License-Identifier: GPL-3.0-or-later
// The study grid: a view over the current outcome of the document. setData() and the row and paste
// operations push undo commands; the model changes only when the document tells it so.
#pragma once

#include "core/project/preparation.h"
#include "ui/models/gridcolumns.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QItemSelection>

#include <vector>

namespace evident::ui {

class Document;

/// What a paste did, for the status bar.
struct PasteResult {
    int cellsChanged = 0;
    int rowsAdded = 0;
    QStringList notes; ///< Cells that could not be pasted, and why
};

class StudyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        IssueRole = Qt::UserRole + 1, ///< The input problem of the cell (QString), empty when fine
    };

    explicit StudyTableModel(Document* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    /// New, empty studies (one undo step).
    bool insertRows(int row, int count, const QModelIndex& parent = QModelIndex()) override;
    bool removeRows(int row, int count, const QModelIndex& parent = QModelIndex()) override;

    const std::vector<GridColumn>& columns() const { return m_columns; }
    int firstCovariateColumn() const;

    /// Removes these rows (any selection) in one undo step.
    void removeRowList(const QList<int>& rows);
    /// Adds rows for studies of other outcomes to the current outcome.
    void addStudies(const std::vector<StudyId>& studies);

    /// The cells of the selection's bounding rectangle as tab-separated text (unselected cells
    /// inside it are empty). Include cells are "yes" or "no".
    QString copyText(const QModelIndexList& selection) const;
    /// Pastes a tab-separated block with its top-left cell at `topLeft`, adding rows when it runs past
    /// the last one; a single value pasted onto a larger selection fills every selected cell. One undo
    /// step. Bad numbers are pasted as typed and then marked like any other bad input.
    PasteResult paste(const QModelIndexList& selection, const QString& text);
    /// Empties the selected text cells (one undo step); include boxes are left alone.
    PasteResult clearCells(const QModelIndexList& selection);

    /// The input problems of the current outcome's last analysis (InputIssue::row indexes rows).
    void setIssues(const std::vector<InputIssue>& issues);

private:
    struct Target {
        int row;
        int column;
        QString value;
    };
    /// Writes the values in one undo step named `text`, adding rows for targets past the last row.
    PasteResult apply(const std::vector<Target>& targets, PasteResult result, const char* text);
    const Outcome* outcome() const;
    int outcomeIndex() const;
    QString textAt(int row, const GridColumn& column) const;
    QString issueAt(int row, const GridColumn& column) const;
    void rebuildColumns();
    void beginResetOnce();
    void endResetOnce();
    void emitRowsChanged(int first, int last);
    void shiftIssues(int first, int delta);

    Document* m_document;
    std::vector<GridColumn> m_columns;
    /// Key: row and field key ("sd_t"; "" for the whole row, shown on the study label).
    QHash<QPair<int, QString>, QString> m_issues;
    bool m_resetting = false;
    bool m_insertingColumns = false;
};

} // namespace evident::ui
