// SPDX-License-Identifier: GPL-3.0-or-later
// The study grid: a view over the current outcome of the document. setData() and the row and paste
// operations push undo commands; the model changes only when the document tells it so. Its columns
// follow the outcome (the column groups its rows use appear and go, see gridcolumns.h) and what the
// reviewer asks to see.
#pragma once

#include "core/project/preparation.h"
#include "ui/models/gridcolumns.h"
#include "ui/models/pastemapping.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QItemSelection>

#include <array>
#include <set>
#include <vector>

namespace evident::ui {

class Document;

/// What a paste did, for the status bar.
struct PasteResult {
    int cellsChanged = 0;
    int rowsAdded = 0;
    QStringList notes; ///< Cells that could not be pasted, and why
    /// Nothing was pasted: the block's columns cannot be matched, and the reviewer is to map them
    /// (PasteMappingDialog) before pasteMapped().
    bool needsMapping = false;
    PastePlan plan; ///< With needsMapping: the block's rows, the reason and a guess
};

class StudyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        IssueRole = Qt::UserRole + 1, ///< The input problem of the cell (QString), empty when fine
        UsedRole,                     ///< False for a cell its row does not use (greyed): bool
        SharedRole,                   ///< True for control cells shown from a shared control group's row
        SuggestionsRole,              ///< Values to offer in the editor (QStringList), e.g. species
        NoteRole, ///< A caution on a cell that is analysed (QString): a non-whole n, an SD far beyond the
                  ///< mean
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
    /// The kind of the current outcome (continuous when there is none).
    OutcomeKind outcomeKind() const;
    /// The project's study characteristics, in column order.
    QStringList covariateNames() const;
    int firstCovariateColumn() const;
    /// The first column of `key` ("sem_t"), or -1 when it is not shown.
    int columnOfKey(const QString& key) const;

    /// Column groups shown although no row uses them (a view setting, not saved).
    const std::set<ColumnGroup>& revealedGroups() const { return m_revealed; }
    void setRevealedGroups(std::set<ColumnGroup> groups);
    void setGroupRevealed(ColumnGroup group, bool revealed);
    /// The groups shown now: those the rows use and those revealed.
    bool isGroupShown(ColumnGroup group) const;

    /// Removes these rows (any selection) in one undo step.
    void removeRowList(const QList<int>& rows);
    /// Adds rows for studies of other outcomes to the current outcome.
    void addStudies(const std::vector<StudyId>& studies);
    /// "Add Arm to This Study" for the study of `row` (see makeAddArmCommand); returns the new row's
    /// index, or -1 when no arm can be added (no such row, precomputed effect sizes).
    int addArm(int row);

    /// The cells of the selection's bounding rectangle as tab-separated text (unselected cells
    /// inside it are empty). Include cells are "yes" or "no".
    QString copyText(const QModelIndexList& selection) const;
    /// Pastes a tab-separated block with its top-left cell at `topLeft`, adding rows when it runs past
    /// the last one; a single value pasted onto a larger selection fills every selected cell. One undo
    /// step. Bad numbers are pasted as typed and then marked like any other bad input. Into an outcome
    /// without rows (no cell to select) the block goes from the Study column on.
    /// A block of values in another order goes to the fields in the usual order (see pastemapping.h);
    /// a block whose columns cannot be matched is not pasted: the result asks for a mapping.
    PasteResult paste(const QModelIndexList& cells, const QString& text);
    /// What paste() would do with the block.
    PastePlan planPaste(const QModelIndexList& cells, const QList<QStringList>& block) const;
    /// Pastes the block's rows from `topRow` on into the fields of `mapping` (one undo step), adding
    /// rows as needed. Study characteristics go, in order, to the outcome's characteristics (by name
    /// when a header row names them); those beyond are added, named by the header or by their column.
    PasteResult pasteMapped(int topRow, const QList<QStringList>& block, const PasteMapping& mapping);
    /// Empties the selected text cells (one undo step); include boxes are left alone.
    PasteResult clearCells(const QModelIndexList& selection);

    /// The input problems of the current outcome's last analysis (InputIssue::row indexes rows).
    void setIssues(const std::vector<InputIssue>& issues);
    /// The cautions of the last analysis (PreparedOutcome::notes): marked on their cells, which stay in
    /// the analysis.
    void setNotes(const std::vector<InputIssue>& notes);
    /// How each row's numbers were obtained (PreparedOutcome::derivations), for the arm cells' tooltips.
    void setDerivations(std::vector<RowDerivation> derivations);

private:
    struct Target {
        int row;
        GridColumn column; ///< Shown in the grid or not
        QString value;
    };
    /// Writes the values in one undo step named `text`, adding rows for targets past the last row and
    /// the study characteristics `newCovariates` first.
    PasteResult apply(const std::vector<Target>& targets, PasteResult result, const char* text,
                      const QStringList& newCovariates = {});
    /// The column a mapped role writes to (a covariate: the characteristic `covariate`).
    GridColumn columnOfRole(const io::ColumnRole& role, int covariate) const;
    const Outcome* outcome() const;
    int outcomeIndex() const;
    QString textAt(int row, const GridColumn& column) const;
    QString issueAt(int row, const GridColumn& column) const;
    QString noteAt(int row, const GridColumn& column) const;
    QString toolTipAt(int row, const GridColumn& column) const;
    /// Whether the column's cell is used by its row (for control cells: by the row holding its control).
    bool usedAt(int row, const GridColumn& column) const;
    /// The row whose numbers a cell shows: the shared control group's row for empty control cells.
    int displayRowOf(int row, const GridColumn& column) const;
    /// For a row of a study with several arms: whether the covariate value is the arm's own or the study's.
    QString covariateNote(const Outcome& current, int row, const GridColumn& column) const;
    QStringList suggestionsFor(const GridColumn& column) const;
    void rebuildColumns();
    /// Adds and removes column groups to match the outcome and the revealed groups.
    void syncColumns();
    /// Updates the per-row column groups of rows [first, last] (present: as they are now; else
    /// removed), so an edit costs the rows it touched rather than a scan of the outcome.
    void countRows(int first, int last, bool present);
    /// The groups the rows use, those the outcome needs, and those revealed.
    std::set<ColumnGroup> shownGroups() const;
    void beginResetOnce();
    void endResetOnce();
    void emitRowsChanged(int first, int last);
    void shiftIssues(int first, int delta);

    Document* m_document;
    std::vector<GridColumn> m_columns;
    /// Key: row and field key ("sd_t"; "" for the whole row, shown on the study label).
    QHash<QPair<int, QString>, QString> m_issues;
    QHash<QPair<int, QString>, QString> m_notes; ///< The same for the cautions
    /// Sets `marks` to the messages by row and field, repainting the rows whose marks change.
    void setMarks(QHash<QPair<int, QString>, QString>& marks, const std::vector<InputIssue>& list);
    std::vector<RowDerivation> m_derivations;
    std::set<ColumnGroup> m_revealed;
    static constexpr unsigned sharedControlBit = 31; ///< In m_rowGroups: the row names a control group
    std::vector<unsigned> m_rowGroups;               ///< Per row: rowColumnGroups() bits
    std::array<int, 16> m_groupRows{};               ///< Per group: how many rows use it
    int m_sharedControlRows = 0;
    bool m_resetting = false;
    bool m_insertingColumns = false;
};

} // namespace evident::ui
