// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/studytablemodel.h"

#include "core/common/text.h"
#include "core/project/characteristics.h"
#include "io/qtext.h"
#include "ui/analysis/rowdetails.h"
#include "ui/commands/armcommands.h"
#include "ui/commands/covariatecommands.h"
#include "ui/commands/rowcommands.h"
#include "ui/commands/setcell.h"
#include "ui/document/document.h"

#include <QApplication>
#include <QFont>
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

/// Which arm a column belongs to, if any.
std::optional<bool> armOf(const GridColumn& column) {
    if (column.kind == CellAddress::Kind::Dispersion)
        return column.treated;
    if (column.kind == CellAddress::Kind::RowText) {
        const ArmSide side = entryFieldSpec(column.field).side;
        if (side != ArmSide::None)
            return side == ArmSide::Treated;
    }
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
        if (outcome != outcomeIndex())
            return;
        countRows(first, last, true);
        syncColumns();
        // Rows sharing a control group show the group's numbers: with such rows, repaint them all
        // (one signal; the view repaints what it shows).
        if (m_sharedControlRows > 0)
            emitRowsChanged(0, rowCount() - 1);
        else
            emitRowsChanged(first, last);
    });
    connect(document, &Document::outcomeChanged, this, [this](int outcome) {
        if (outcome != outcomeIndex())
            return;
        syncColumns(); // the NMD brings the sham mean
        emitRowsChanged(0, rowCount() - 1);
    });
    connect(document, &Document::rowsAboutToBeInserted, this, [this](int outcome, int first, int last) {
        if (outcome == outcomeIndex())
            beginInsertRows(QModelIndex(), first, last);
    });
    connect(document, &Document::rowsInserted, this, [this](int outcome, int first, int last) {
        if (outcome != outcomeIndex())
            return;
        shiftIssues(first, last - first + 1);
        m_rowGroups.insert(m_rowGroups.begin() + first, static_cast<std::size_t>(last - first + 1), 0u);
        countRows(first, last, true);
        endInsertRows();
        syncColumns();
    });
    connect(document, &Document::rowsAboutToBeRemoved, this, [this](int outcome, int first, int last) {
        if (outcome == outcomeIndex())
            beginRemoveRows(QModelIndex(), first, last);
    });
    connect(document, &Document::rowsRemoved, this, [this](int outcome, int first, int last) {
        if (outcome != outcomeIndex())
            return;
        shiftIssues(first, -(last - first + 1));
        countRows(first, last, false);
        m_rowGroups.erase(m_rowGroups.begin() + first, m_rowGroups.begin() + last + 1);
        endRemoveRows();
        syncColumns();
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

OutcomeKind StudyTableModel::outcomeKind() const {
    return outcome() ? outcome()->kind : OutcomeKind::Continuous;
}

QStringList StudyTableModel::covariateNames() const {
    QStringList names;
    for (const std::string& name : m_document->project().covariateNames)
        names << QString::fromStdString(name);
    return names;
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

int StudyTableModel::columnOfKey(const QString& key) const {
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        if (m_columns[c].key == key)
            return static_cast<int>(c);
    return -1;
}

QString StudyTableModel::textAt(int row, const GridColumn& column) const {
    // The Mean and Median columns show one field: only the one the row's type uses holds it.
    if (isCentreColumn(column) && !usedAt(row, column))
        return {};
    const auto value = cellValue(m_document->project(), column.cell(outcomeIndex(), row));
    if (!value)
        return {};
    if (const bool* included = std::get_if<bool>(&*value))
        return *included ? QStringLiteral("yes") : QStringLiteral("no");
    if (const DispersionType* type = std::get_if<DispersionType>(&*value))
        return qs(dispersionKey(*type));
    return QString::fromStdString(std::get<std::string>(*value));
}

int StudyTableModel::displayRowOf(int row, const GridColumn& column) const {
    const std::optional<bool> arm = armOf(column);
    if (!arm || *arm)
        return row;
    return static_cast<int>(controlSourceRow(*outcome(), static_cast<std::size_t>(row)));
}

bool StudyTableModel::usedAt(int row, const GridColumn& column) const {
    const Outcome& current = *outcome();
    const int source = displayRowOf(row, column);
    return isUsedByRow(column, current.rows[static_cast<std::size_t>(source)], current);
}

QString StudyTableModel::issueAt(int row, const GridColumn& column) const {
    switch (column.kind) {
    case CellAddress::Kind::RowText:
        if (isCentreColumn(column) && !usedAt(row, column))
            return {};
        return m_issues.value({row, qs(entryFieldSpec(column.field).key)});
    case CellAddress::Kind::StudyLabel:
        return m_issues.value({row, QString()});
    case CellAddress::Kind::Covariate: {
        // Numeric characteristics (dose, follow-up) must hold numbers to be usable as moderators.
        const StudyCharacteristic* characteristic = findCharacteristic(column.title.toStdString());
        if (!characteristic)
            return {};
        const auto problem = checkCharacteristicValue(*characteristic, textAt(row, column).toStdString());
        return problem ? QString::fromStdString(*problem) : QString();
    }
    default:
        return {};
    }
}

QString StudyTableModel::noteAt(int row, const GridColumn& column) const {
    if (column.kind != CellAddress::Kind::RowText || (isCentreColumn(column) && !usedAt(row, column)))
        return {};
    return m_notes.value({row, qs(entryFieldSpec(column.field).key)});
}

QString StudyTableModel::toolTipAt(int row, const GridColumn& column) const {
    const Outcome& current = *outcome();
    const OutcomeRow& entry = current.rows[static_cast<std::size_t>(row)];
    QStringList parts;
    const QString issue = issueAt(row, column);
    if (!issue.isEmpty())
        parts << issue;
    if (const QString note = noteAt(row, column); !note.isEmpty())
        parts << tr("Note (the row is analysed): %1").arg(note);
    if (!entry.included)
        parts << tr("Left out of the analysis: the row is unticked.");
    const std::optional<bool> arm = armOf(column);
    const int source = displayRowOf(row, column);
    if (source != row)
        parts << tr("Shared control group “%1”: the control numbers typed on row %2 are used. Type "
                    "here only if this arm has a control group of its own (and give it another name).")
                     .arg(QString::fromStdString(entry.text(EntryField::ControlGroup)))
                     .arg(source + 1);
    if (!usedAt(row, column)) {
        if (column.field == EntryField::ShamMean)
            parts << tr("Not used: only the normalised mean difference (NMD) needs a sham mean.");
        else if (arm) {
            const DispersionType type =
                *arm ? entry.treatedDispersion
                     : current.rows[static_cast<std::size_t>(source)].controlDispersion;
            parts << tr("Not used: this arm is reported as %1.").arg(qs(dispersionLabel(type)))
                         + (isCentreColumn(column)
                                ? QString()
                                : tr(" The value is kept in case you change the type back."));
        }
    }
    if (arm && entry.included && static_cast<std::size_t>(row) < m_derivations.size()) {
        const RowDerivation& derivation = m_derivations[static_cast<std::size_t>(row)];
        const QString text = armDerivationText(derivation, *arm);
        if (!text.isEmpty())
            parts << text;
        if (!*arm && !derivation.sharedControlNote.empty())
            parts << tr("Shared control group: %1").arg(QString::fromStdString(derivation.sharedControlNote));
    }
    if (column.kind == CellAddress::Kind::Covariate)
        if (const QString note = covariateNote(current, row, column); !note.isEmpty())
            parts << note;
    if (parts.isEmpty() && (column.isCheckBox() || column.kind == CellAddress::Kind::Dispersion))
        parts << column.toolTip;
    return parts.join(QStringLiteral("\n\n"));
}

QString StudyTableModel::covariateNote(const Outcome& current, int row, const GridColumn& column) const {
    const OutcomeRow& entry = current.rows[static_cast<std::size_t>(row)];
    const auto arms = std::count_if(current.rows.begin(), current.rows.end(),
                                    [&entry](const OutcomeRow& other) { return other.study == entry.study; });
    if (arms < 2)
        return {};
    const auto covariate = static_cast<std::size_t>(column.covariate);
    if (covariate < entry.covariateValues.size() && !entry.covariateValues[covariate].empty())
        return tr("This arm's own value: the study's other arms have theirs.");
    return tr("The study's value, shared by its arms. Typing here gives this arm a value of its own "
              "(a dose, a hydrogel); the same value typed for every arm becomes the study's again.");
}

QStringList StudyTableModel::suggestionsFor(const GridColumn& column) const {
    QStringList values;
    if (column.kind == CellAddress::Kind::Dispersion) {
        for (DispersionType type : allDispersionTypes)
            values << qs(dispersionKey(type));
        return values;
    }
    if (column.kind != CellAddress::Kind::Covariate)
        return values;
    if (const StudyCharacteristic* characteristic = findCharacteristic(column.title.toStdString()))
        for (std::string_view suggestion : characteristic->suggestions)
            values << qs(suggestion);
    // And what the project already holds, studies' and arms' values, so a value is typed the same way
    // every time.
    const Project& project = m_document->project();
    const auto covariate = static_cast<std::size_t>(column.covariate);
    const auto offer = [&values](const std::string& text) {
        const QString value = QString::fromStdString(text).trimmed();
        if (!value.isEmpty() && !values.contains(value, Qt::CaseInsensitive))
            values << value;
    };
    for (const Study& study : project.studies)
        if (covariate < study.covariateValues.size())
            offer(study.covariateValues[covariate]);
    for (const Outcome& each : project.outcomes)
        for (const OutcomeRow& row : each.rows)
            if (covariate < row.covariateValues.size())
                offer(row.covariateValues[covariate]);
    return values;
}

QVariant StudyTableModel::data(const QModelIndex& index, int role) const {
    const Outcome* current = outcome();
    if (!current || !index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const GridColumn& column = m_columns[static_cast<std::size_t>(index.column())];
    const OutcomeRow& row = current->rows[static_cast<std::size_t>(index.row())];
    const int source = displayRowOf(index.row(), column);
    switch (role) {
    case Qt::DisplayRole: {
        if (column.isCheckBox())
            return {};
        // Empty control cells of a shared control group show the group's numbers (greyed, italic).
        const QString text = textAt(source, column);
        if (column.kind == CellAddress::Kind::Dispersion)
            if (const auto type = parseDispersionType(text.toStdString()))
                return QString::fromUtf8(dispersionShortLabel(*type));
        return text;
    }
    case Qt::EditRole:
        return column.isCheckBox() ? QVariant() : QVariant(textAt(index.row(), column));
    case Qt::CheckStateRole:
        return column.isCheckBox() ? QVariant(row.included ? Qt::Checked : Qt::Unchecked) : QVariant();
    case Qt::ForegroundRole:
        if (!row.included || !usedAt(index.row(), column) || source != index.row())
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (source != index.row()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (!issueAt(index.row(), column).isEmpty())
            return blend(QApplication::palette().color(QPalette::Base), QColor(220, 50, 47), 0.35);
        if (!noteAt(index.row(), column).isEmpty()) // a caution, lighter than a problem
            return blend(QApplication::palette().color(QPalette::Base), QColor(230, 160, 0), 0.25);
        if (!usedAt(index.row(), column)) // greyed: a cell this row's type does not use
            return blend(QApplication::palette().color(QPalette::Base),
                         QApplication::palette().color(QPalette::Text), 0.08);
        return {};
    case Qt::DecorationRole:
        if (!issueAt(index.row(), column).isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if (!noteAt(index.row(), column).isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation);
        return {};
    case Qt::ToolTipRole: {
        const QString text = toolTipAt(index.row(), column);
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    case IssueRole:
        return issueAt(index.row(), column);
    case NoteRole:
        return noteAt(index.row(), column);
    case UsedRole:
        return usedAt(index.row(), column);
    case SharedRole:
        return source != index.row();
    case SuggestionsRole:
        return suggestionsFor(column);
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
    const GridColumn& column = m_columns[static_cast<std::size_t>(index.column())];
    if (column.isCheckBox())
        return common | Qt::ItemIsUserCheckable;
    // The Mean column of a median row holds nothing of its own (the median is in the Median column).
    if (isCentreColumn(column) && !usedAt(index.row(), column))
        return common;
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
    } else if (column.kind == CellAddress::Kind::Dispersion) {
        if (role != Qt::EditRole)
            return false;
        const auto type = parseDispersionCell(value.toString());
        if (!type)
            return false;
        newValue = *type;
    } else {
        if (role != Qt::EditRole || (isCentreColumn(column) && !usedAt(index.row(), column)))
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

int StudyTableModel::addArm(int row) {
    QUndoCommand* command = makeAddArmCommand(m_document, outcomeIndex(), row);
    if (!command)
        return -1;
    const StudyId study = outcome()->rows[static_cast<std::size_t>(row)].study;
    m_document->undoStack()->push(command);
    // The new row is the study's last one.
    int last = -1;
    for (int r = 0; r < rowCount(); ++r)
        if (outcome()->rows[static_cast<std::size_t>(r)].study == study)
            last = r;
    return last;
}

void StudyTableModel::setIssues(const std::vector<InputIssue>& issues) {
    setMarks(m_issues, issues);
}

void StudyTableModel::setNotes(const std::vector<InputIssue>& notes) {
    setMarks(m_notes, notes);
}

void StudyTableModel::setMarks(QHash<QPair<int, QString>, QString>& marks,
                               const std::vector<InputIssue>& list) {
    QHash<QPair<int, QString>, QString> updated;
    for (const InputIssue& issue : list) {
        auto& message = updated[{static_cast<int>(issue.row), QString::fromStdString(issue.field)}];
        message = message.isEmpty() ? QString::fromStdString(issue.message)
                                    : message + QLatin1Char('\n') + QString::fromStdString(issue.message);
    }
    if (updated == marks)
        return;
    // Repaint the rows whose marks come or go.
    QList<int> rows;
    for (auto it = marks.cbegin(); it != marks.cend(); ++it)
        rows.append(it.key().first);
    for (auto it = updated.cbegin(); it != updated.cend(); ++it)
        rows.append(it.key().first);
    marks = std::move(updated);
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (int row : rows)
        if (row < rowCount())
            emitRowsChanged(row, row);
}

void StudyTableModel::setDerivations(std::vector<RowDerivation> derivations) {
    // Tooltips are read when shown: nothing to repaint.
    m_derivations = std::move(derivations);
}

void StudyTableModel::setRevealedGroups(std::set<ColumnGroup> groups) {
    if (groups == m_revealed)
        return;
    m_revealed = std::move(groups);
    syncColumns();
}

void StudyTableModel::setGroupRevealed(ColumnGroup group, bool revealed) {
    std::set<ColumnGroup> groups = m_revealed;
    if (revealed)
        groups.insert(group);
    else
        groups.erase(group);
    setRevealedGroups(std::move(groups));
}

bool StudyTableModel::isGroupShown(ColumnGroup group) const {
    return std::any_of(m_columns.begin(), m_columns.end(),
                       [group](const GridColumn& column) { return column.group == group; });
}

void StudyTableModel::countRows(int first, int last, bool present) {
    const Outcome* current = outcome();
    if (!current)
        return;
    for (int r = first; r <= last && r < static_cast<int>(m_rowGroups.size()); ++r) {
        unsigned& bits = m_rowGroups[static_cast<std::size_t>(r)];
        // Take the row's old contribution out; a present row puts its new one in.
        for (std::size_t g = 0; g < m_groupRows.size(); ++g)
            m_groupRows[g] -= (bits >> g) & 1u;
        m_sharedControlRows -= (bits >> sharedControlBit) & 1u;
        bits = 0;
        if (!present || r >= static_cast<int>(current->rows.size()))
            continue;
        const OutcomeRow& row = current->rows[static_cast<std::size_t>(r)];
        bits = rowColumnGroups(row, *current);
        if (!trimmed(row.text(EntryField::ControlGroup)).empty())
            bits |= 1u << sharedControlBit;
        for (std::size_t g = 0; g < m_groupRows.size(); ++g)
            m_groupRows[g] += (bits >> g) & 1u;
        m_sharedControlRows += (bits >> sharedControlBit) & 1u;
    }
}

std::set<ColumnGroup> StudyTableModel::shownGroups() const {
    const Outcome* current = outcome();
    unsigned bits = current ? outcomeColumnGroups(*current) : 0u;
    for (std::size_t g = 0; g < m_groupRows.size(); ++g)
        if (m_groupRows[g] > 0)
            bits |= 1u << g;
    std::set<ColumnGroup> shown = columnGroupsOf(bits);
    shown.insert(m_revealed.begin(), m_revealed.end());
    return shown;
}

void StudyTableModel::rebuildColumns() {
    const Outcome* current = outcome();
    m_rowGroups.assign(current ? current->rows.size() : 0, 0u);
    m_groupRows.fill(0);
    m_sharedControlRows = 0;
    if (current)
        countRows(0, static_cast<int>(current->rows.size()) - 1, true);
    m_columns =
        current ? gridColumns(m_document->project(), *current, shownGroups()) : std::vector<GridColumn>();
}

void StudyTableModel::syncColumns() {
    const Outcome* current = outcome();
    if (!current || m_resetting || m_insertingColumns)
        return;
    const std::vector<GridColumn> target = gridColumns(m_document->project(), *current, shownGroups());
    const auto contains = [](const std::vector<GridColumn>& list, const GridColumn& column) {
        return std::any_of(list.begin(), list.end(), [&](const GridColumn& c) { return c.sameAs(column); });
    };
    // Remove the columns that go, bottom up, one run of neighbours at a time.
    for (int c = static_cast<int>(m_columns.size()) - 1; c >= 0;) {
        if (contains(target, m_columns[static_cast<std::size_t>(c)])) {
            --c;
            continue;
        }
        int first = c;
        while (first > 0 && !contains(target, m_columns[static_cast<std::size_t>(first - 1)]))
            --first;
        beginRemoveColumns(QModelIndex(), first, c);
        m_columns.erase(m_columns.begin() + first, m_columns.begin() + c + 1);
        endRemoveColumns();
        c = first - 1;
    }
    // Then insert the new ones where the target list has them (both lists keep the same order).
    for (std::size_t c = 0; c < target.size();) {
        if (c < m_columns.size() && m_columns[c].sameAs(target[c])) {
            ++c;
            continue;
        }
        std::size_t last = c;
        while (last + 1 < target.size() && !contains(m_columns, target[last + 1]))
            ++last;
        beginInsertColumns(QModelIndex(), static_cast<int>(c), static_cast<int>(last));
        m_columns.insert(m_columns.begin() + static_cast<std::ptrdiff_t>(c),
                         target.begin() + static_cast<std::ptrdiff_t>(c),
                         target.begin() + static_cast<std::ptrdiff_t>(last) + 1);
        endInsertColumns();
        c = last + 1;
    }
    m_columns = target; // the same columns; titles may have changed
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
    m_notes.clear();
    rebuildColumns();
    m_resetting = false;
    endResetModel();
}

void StudyTableModel::emitRowsChanged(int first, int last) {
    if (columnCount() > 0 && first <= last)
        emit dataChanged(index(first, 0), index(last, columnCount() - 1));
}

void StudyTableModel::shiftIssues(int first, int delta) {
    for (auto* marks : {&m_issues, &m_notes}) {
        QHash<QPair<int, QString>, QString> shifted;
        for (auto it = marks->cbegin(); it != marks->cend(); ++it) {
            int row = it.key().first;
            if (row >= first) {
                if (delta < 0 && row < first - delta)
                    continue; // the row is gone
                row += delta;
            }
            shifted.insert({row, it.key().second}, it.value());
        }
        *marks = std::move(shifted);
    }
    if (static_cast<std::size_t>(first) <= m_derivations.size()) {
        const auto at = m_derivations.begin() + first;
        if (delta > 0)
            m_derivations.insert(at, static_cast<std::size_t>(delta), RowDerivation{});
        else
            m_derivations.erase(at, at + std::min<std::ptrdiff_t>(-delta, m_derivations.end() - at));
    }
}

} // namespace evident::ui
