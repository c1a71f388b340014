// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/studytablemodel.h"

#include "ui/commands/rowcommands.h"
#include "ui/commands/setcell.h"
#include "ui/document/document.h"
#include "ui/models/tabseparated.h"

#include <QApplication>
#include <QIcon>
#include <QPalette>
#include <QStyle>
#include <QUndoStack>

#include <algorithm>

namespace evident::ui {
namespace {

/// `base` with a share of `tint`: reads as a warning on light and dark palettes alike.
QColor blend(const QColor& base, const QColor& tint, double share) {
    return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - share) + tint.redF() * share),
                            static_cast<float>(base.greenF() * (1 - share) + tint.greenF() * share),
                            static_cast<float>(base.blueF() * (1 - share) + tint.blueF() * share));
}

/// Include cells on the clipboard: "yes"/"no", and what spreadsheets commonly use for them.
std::optional<bool> parseIncluded(const QString& text) {
    const QString value = text.trimmed().toLower();
    static const QStringList yes{QStringLiteral("yes"),     QStringLiteral("y"), QStringLiteral("true"),
                                 QStringLiteral("1"),       QStringLiteral("x"), QStringLiteral("\u2713"),
                                 QStringLiteral("included")};
    static const QStringList no{QStringLiteral("no"), QStringLiteral("n"), QStringLiteral("false"),
                                QStringLiteral("0"), QStringLiteral("excluded")};
    if (yes.contains(value))
        return true;
    if (no.contains(value))
        return false;
    return std::nullopt;
}

} // namespace

StudyTableModel::StudyTableModel(Document* document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document) {
    rebuildColumns();
    connect(document, &Document::projectAboutToBeReset, this, &StudyTableModel::beginResetOnce);
    connect(document, &Document::projectReset, this, &StudyTableModel::endResetOnce);
    connect(document, &Document::currentOutcomeAboutToChange, this, &StudyTableModel::beginResetOnce);
    connect(document, &Document::currentOutcomeChanged, this, &StudyTableModel::endResetOnce);

    connect(document, &Document::rowsChanged, this, [this](int outcome, int first, int last) {
        if (outcome == outcomeIndex())
            emitRowsChanged(first, last);
    });
    connect(document, &Document::rowsAboutToBeInserted, this, [this](int outcome, int first, int last) {
        if (outcome == outcomeIndex())
            beginInsertRows(QModelIndex(), first, last);
    });
    connect(document, &Document::rowsInserted, this, [this](int outcome, int first, int last) {
        if (outcome != outcomeIndex())
            return;
        shiftIssues(first, last - first + 1);
        endInsertRows();
    });
    connect(document, &Document::rowsAboutToBeRemoved, this, [this](int outcome, int first, int last) {
        if (outcome == outcomeIndex())
            beginRemoveRows(QModelIndex(), first, last);
    });
    connect(document, &Document::rowsRemoved, this, [this](int outcome, int first, int last) {
        if (outcome != outcomeIndex())
            return;
        shiftIssues(first, -(last - first + 1));
        endRemoveRows();
    });
    connect(document, &Document::studyChanged, this, [this](StudyId study) {
        const Outcome* current = outcome();
        if (!current)
            return;
        for (std::size_t r = 0; r < current->rows.size(); ++r)
            if (current->rows[r].study == study)
                emitRowsChanged(static_cast<int>(r), static_cast<int>(r));
    });
    connect(document, &Document::covariateAboutToBeInserted, this, [this](int index) {
        if (!outcome())
            return;
        const int column = firstCovariateColumn() + index;
        beginInsertColumns(QModelIndex(), column, column);
        m_insertingColumns = true;
    });
    connect(document, &Document::covariateInserted, this, [this] {
        if (!m_insertingColumns)
            return;
        rebuildColumns();
        m_insertingColumns = false;
        endInsertColumns();
    });
    connect(document, &Document::covariateAboutToBeRemoved, this, [this](int index) {
        if (!outcome())
            return;
        const int column = firstCovariateColumn() + index;
        beginRemoveColumns(QModelIndex(), column, column);
        m_insertingColumns = true;
    });
    connect(document, &Document::covariateRemoved, this, [this] {
        if (!m_insertingColumns)
            return;
        rebuildColumns();
        m_insertingColumns = false;
        endRemoveColumns();
    });
    connect(document, &Document::covariateRenamed, this, [this](int index) {
        rebuildColumns();
        const int column = firstCovariateColumn() + index;
        if (outcome())
            emit headerDataChanged(Qt::Horizontal, column, column);
    });
}

const Outcome* StudyTableModel::outcome() const {
    return m_document->currentOutcomeData();
}

int StudyTableModel::outcomeIndex() const {
    return m_document->currentOutcome();
}

int StudyTableModel::rowCount(const QModelIndex& parent) const {
    const Outcome* current = outcome();
    return parent.isValid() || !current ? 0 : static_cast<int>(current->rows.size());
}

int StudyTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !outcome() ? 0 : static_cast<int>(m_columns.size());
}

int StudyTableModel::firstCovariateColumn() const {
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        if (m_columns[c].kind == CellAddress::Kind::Covariate)
            return static_cast<int>(c);
    return static_cast<int>(m_columns.size());
}

QString StudyTableModel::textAt(int row, const GridColumn& column) const {
    const auto value = cellValue(m_document->project(), column.cell(outcomeIndex(), row));
    if (!value)
        return {};
    if (const bool* included = std::get_if<bool>(&*value))
        return *included ? QStringLiteral("yes") : QStringLiteral("no");
    return QString::fromStdString(std::get<std::string>(*value));
}

QString StudyTableModel::issueAt(int row, const GridColumn& column) const {
    switch (column.kind) {
    case CellAddress::Kind::RowText:
        return m_issues.value({row, QString::fromLatin1(rowFieldKey(column.field))});
    case CellAddress::Kind::StudyLabel:
        return m_issues.value({row, QString()});
    default:
        return {};
    }
}

QVariant StudyTableModel::data(const QModelIndex& index, int role) const {
    const Outcome* current = outcome();
    if (!current || !index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const GridColumn& column = m_columns[static_cast<std::size_t>(index.column())];
    const OutcomeRow& row = current->rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return column.isCheckBox() ? QVariant() : QVariant(textAt(index.row(), column));
    case Qt::CheckStateRole:
        return column.isCheckBox() ? QVariant(row.included ? Qt::Checked : Qt::Unchecked) : QVariant();
    case Qt::ForegroundRole:
        if (!row.included)
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::BackgroundRole:
        if (!issueAt(index.row(), column).isEmpty())
            return blend(QApplication::palette().color(QPalette::Base), QColor(220, 50, 47), 0.35);
        return {};
    case Qt::DecorationRole:
        if (!issueAt(index.row(), column).isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ToolTipRole: {
        const QString issue = issueAt(index.row(), column);
        if (!issue.isEmpty())
            return issue;
        if (!row.included)
            return tr("Left out of the analysis: the row is unticked.");
        return column.isCheckBox() ? column.toolTip : QVariant();
    }
    case IssueRole:
        return issueAt(index.row(), column);
    default:
        return {};
    }
}

QVariant StudyTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < rowCount())
            return section + 1;
        return {};
    }
    if (section < 0 || section >= columnCount())
        return {};
    const GridColumn& column = m_columns[static_cast<std::size_t>(section)];
    if (role == Qt::DisplayRole)
        return column.title;
    if (role == Qt::ToolTipRole)
        return column.toolTip;
    return {};
}

Qt::ItemFlags StudyTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid) || !outcome())
        return Qt::NoItemFlags;
    const Qt::ItemFlags common = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_columns[static_cast<std::size_t>(index.column())].isCheckBox())
        return common | Qt::ItemIsUserCheckable;
    return common | Qt::ItemIsEditable;
}

bool StudyTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid) || !outcome())
        return false;
    const GridColumn& column = m_columns[static_cast<std::size_t>(index.column())];
    CellValue newValue;
    if (column.isCheckBox()) {
        if (role != Qt::CheckStateRole)
            return false;
        newValue = value.value<Qt::CheckState>() == Qt::Checked;
    } else {
        if (role != Qt::EditRole)
            return false;
        newValue = value.toString().toStdString();
    }
    if (QUndoCommand* command = makeSetCell(m_document, column.cell(outcomeIndex(), index.row()), newValue))
        m_document->undoStack()->push(command);
    return true;
}

bool StudyTableModel::insertRows(int row, int count, const QModelIndex& parent) {
    if (parent.isValid() || !outcome() || count <= 0 || row < 0 || row > rowCount())
        return false;
    auto [rows, studies] = InsertRowsCommand::newStudyRows(m_document->project(), count);
    m_document->undoStack()->push(
        new InsertRowsCommand(m_document, outcomeIndex(), row, std::move(rows), std::move(studies)));
    return true;
}

bool StudyTableModel::removeRows(int row, int count, const QModelIndex& parent) {
    if (parent.isValid() || !outcome() || count <= 0 || row < 0 || row + count > rowCount())
        return false;
    QList<int> rows;
    for (int r = row; r < row + count; ++r)
        rows.append(r);
    removeRowList(rows);
    return true;
}

void StudyTableModel::removeRowList(const QList<int>& rows) {
    if (rows.isEmpty() || !outcome())
        return;
    m_document->undoStack()->push(
        new RemoveRowsCommand(m_document, outcomeIndex(), std::vector<int>(rows.begin(), rows.end())));
}

void StudyTableModel::addStudies(const std::vector<StudyId>& studies) {
    if (studies.empty() || !outcome())
        return;
    m_document->undoStack()->push(new InsertRowsCommand(m_document, outcomeIndex(), rowCount(),
                                                        InsertRowsCommand::rowsForStudies(studies), {}));
}

QString StudyTableModel::copyText(const QModelIndexList& selection) const {
    const QRect bounds = selectionBounds(selection);
    if (bounds.isEmpty())
        return {};
    QList<QStringList> block(bounds.height(), QStringList(bounds.width()));
    for (const QModelIndex& index : selection)
        block[index.row() - bounds.top()][index.column() - bounds.left()] =
            textAt(index.row(), m_columns[static_cast<std::size_t>(index.column())]);
    return toTabSeparated(block);
}

PasteResult StudyTableModel::paste(const QModelIndexList& selection, const QString& text) {
    PasteResult result;
    const QList<QStringList> block = parseTabSeparated(text);
    if (block.isEmpty() || selection.isEmpty() || !outcome())
        return result;

    // Where each value goes: a single value fills the selection, a block starts at its top-left.
    std::vector<Target> targets;
    const bool fill = block.size() == 1 && block.front().size() == 1 && selection.size() > 1;
    if (fill) {
        for (const QModelIndex& index : selection)
            targets.push_back({index.row(), index.column(), block.front().front()});
    } else {
        const QRect bounds = selectionBounds(selection);
        const int top = bounds.top(), left = bounds.left();
        int columnsBeyond = 0;
        for (int r = 0; r < block.size(); ++r)
            for (int c = 0; c < block[r].size(); ++c) {
                if (left + c >= columnCount())
                    columnsBeyond = std::max(columnsBeyond, left + c - columnCount() + 1);
                else
                    targets.push_back({top + r, left + c, block[r][c]});
            }
        if (columnsBeyond > 0)
            result.notes.append(
                tr("%n column(s) past the last column were not pasted.", nullptr, columnsBeyond));
    }
    return apply(targets, result, QT_TR_N_NOOP("Paste %n cell(s)"));
}

PasteResult StudyTableModel::clearCells(const QModelIndexList& selection) {
    std::vector<Target> targets;
    for (const QModelIndex& index : selection)
        if (index.isValid() && !m_columns[static_cast<std::size_t>(index.column())].isCheckBox())
            targets.push_back({index.row(), index.column(), QString()});
    return apply(targets, {}, QT_TR_N_NOOP("Clear %n cell(s)"));
}

PasteResult StudyTableModel::apply(const std::vector<Target>& targets, PasteResult result, const char* text) {
    if (!outcome() || targets.empty())
        return result;
    const int outcomeRow0 = outcomeIndex();
    auto* command = new QUndoCommand();
    const int existingRows = rowCount();
    int lastRow = -1;
    for (const Target& target : targets)
        lastRow = std::max(lastRow, target.row);
    if (lastRow >= existingRows) {
        result.rowsAdded = lastRow - existingRows + 1;
        auto [rows, studies] = InsertRowsCommand::newStudyRows(m_document->project(), result.rowsAdded);
        new InsertRowsCommand(m_document, outcomeRow0, existingRows, std::move(rows), std::move(studies),
                              command);
    }
    for (const Target& target : targets) {
        const GridColumn& column = m_columns[static_cast<std::size_t>(target.column)];
        const CellAddress cell = column.cell(outcomeRow0, target.row);
        CellValue value;
        if (column.isCheckBox()) {
            const auto included = parseIncluded(target.value);
            if (!included) {
                if (!target.value.trimmed().isEmpty())
                    result.notes.append(
                        tr("Row %1: '%2' is not yes or no; the include box was left as it was.")
                            .arg(target.row + 1)
                            .arg(target.value));
                continue;
            }
            value = *included;
        } else {
            value = target.value.toStdString();
        }
        // A new row starts included, with empty cells (and a label): only other values are set.
        const auto current = cellValue(m_document->project(), cell);
        const bool unchanged =
            current ? *current == value : (value == CellValue(std::string()) || value == CellValue(true));
        if (unchanged)
            continue;
        new SetCellCommand(m_document, cell, std::move(value), command);
        ++result.cellsChanged;
    }
    if (command->childCount() == 0) {
        delete command;
        return result;
    }
    command->setText(tr(text, nullptr, result.cellsChanged));
    m_document->undoStack()->push(command);
    return result;
}

void StudyTableModel::setIssues(const std::vector<InputIssue>& issues) {
    QHash<QPair<int, QString>, QString> updated;
    for (const InputIssue& issue : issues) {
        auto& message = updated[{static_cast<int>(issue.row), QString::fromStdString(issue.field)}];
        message = message.isEmpty() ? QString::fromStdString(issue.message)
                                    : message + QLatin1Char('\n') + QString::fromStdString(issue.message);
    }
    if (updated == m_issues)
        return;
    // Repaint the rows whose marks come or go.
    QList<int> rows;
    for (auto it = m_issues.cbegin(); it != m_issues.cend(); ++it)
        rows.append(it.key().first);
    for (auto it = updated.cbegin(); it != updated.cend(); ++it)
        rows.append(it.key().first);
    m_issues = std::move(updated);
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (int row : rows)
        if (row < rowCount())
            emitRowsChanged(row, row);
}

void StudyTableModel::rebuildColumns() {
    const Outcome* current = outcome();
    m_columns = current ? gridColumns(m_document->project(), *current) : std::vector<GridColumn>();
}

void StudyTableModel::beginResetOnce() {
    if (m_resetting)
        return;
    m_resetting = true;
    beginResetModel();
}

void StudyTableModel::endResetOnce() {
    if (!m_resetting)
        return;
    m_issues.clear();
    rebuildColumns();
    m_resetting = false;
    endResetModel();
}

void StudyTableModel::emitRowsChanged(int first, int last) {
    if (columnCount() > 0 && first <= last)
        emit dataChanged(index(first, 0), index(last, columnCount() - 1));
}

void StudyTableModel::shiftIssues(int first, int delta) {
    QHash<QPair<int, QString>, QString> shifted;
    for (auto it = m_issues.cbegin(); it != m_issues.cend(); ++it) {
        int row = it.key().first;
        if (row >= first) {
            if (delta < 0 && row < first - delta)
                continue; // the row is gone
            row += delta;
        }
        shifted.insert({row, it.key().second}, it.value());
    }
    m_issues = std::move(shifted);
}

} // namespace evident::ui
