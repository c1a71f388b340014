// SPDX-License-Identifier: GPL-3.0-or-later
// StudyTableModel's clipboard: copy, paste (as columns, in the usual order or as mapped in the
// preview) and clearing cells, each one undoable edit (apply()).
#include "core/common/text.h"
#include "io/qtext.h"
#include "ui/commands/covariatecommands.h"
#include "ui/commands/rowcommands.h"
#include "ui/commands/setcell.h"
#include "ui/document/document.h"
#include "ui/models/studytablemodel.h"
#include "ui/models/tabseparated.h"

#include <QUndoStack>

#include <algorithm>
#include <map>

namespace evident::ui {
namespace {

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

PastePlan StudyTableModel::planPaste(const QModelIndexList& cells, const QList<QStringList>& block) const {
    QModelIndexList selection;
    for (const QModelIndex& index : cells)
        if (index.isValid() && index.model() == this)
            selection.append(index);
    // An outcome without rows has no cell to select: the block goes in from the Study column on.
    const bool intoEmpty = selection.isEmpty() && outcome() && rowCount() == 0 && columnCount() > 1;
    if (block.isEmpty() || !outcome() || (selection.isEmpty() && !intoEmpty))
        return {};
    const QRect bounds = intoEmpty ? QRect(1, 0, 1, 1) : selectionBounds(selection);
    // A single value pasted onto a larger selection fills it.
    if (block.size() == 1 && block.front().size() == 1 && selection.size() > 1) {
        PastePlan plan;
        plan.how = PastePlan::How::AsColumns;
        plan.topRow = bounds.top();
        return plan;
    }
    return evident::ui::planPaste(block, bounds.top(), bounds.left(), m_columns, outcome()->kind,
                                  static_cast<int>(m_document->project().covariateNames.size()));
}

PasteResult StudyTableModel::paste(const QModelIndexList& cells, const QString& text) {
    PasteResult result;
    const QList<QStringList> block = parseTabSeparated(text);
    const PastePlan plan = planPaste(cells, block);
    switch (plan.how) {
    case PastePlan::How::Nothing:
        return result;
    case PastePlan::How::UsualOrder: {
        result = pasteMapped(plan.topRow, block, plan.mapping);
        // Say how the columns were read, so that a shifted block is noticed at once.
        QStringList titles; // As the grid's headers name them
        const QStringList covariates = covariateNames();
        for (qsizetype c = 0; c < plan.mapping.roles.size(); ++c) {
            const int covariate = plan.mapping.covariates.value(c, -1);
            titles << (plan.mapping.roles[c].kind == io::ColumnRole::Kind::Covariate
                           ? covariates.value(covariate)
                           : columnOfRole(plan.mapping.roles[c], covariate).title);
        }
        if (result.cellsChanged > 0 || result.rowsAdded > 0)
            result.notes.prepend(
                tr("Columns read in the usual order: %1.").arg(titles.join(QStringLiteral(", "))));
        return result;
    }
    case PastePlan::How::Ask:
        result.needsMapping = true;
        result.plan = plan;
        return result;
    case PastePlan::How::AsColumns:
        break;
    }
    QModelIndexList selection;
    for (const QModelIndex& index : cells)
        if (index.isValid() && index.model() == this)
            selection.append(index);

    // Where each value goes: a single value fills the selection, a block starts at its top-left.
    std::vector<Target> targets;
    const bool fill = block.size() == 1 && block.front().size() == 1 && selection.size() > 1;
    if (fill) {
        for (const QModelIndex& index : selection)
            targets.push_back(
                {index.row(), m_columns[static_cast<std::size_t>(index.column())], block.front().front()});
    } else {
        const QRect bounds = selection.isEmpty() ? QRect(1, 0, 1, 1) : selectionBounds(selection);
        const int top = bounds.top(), left = bounds.left();
        for (int r = 0; r < block.size(); ++r)
            for (int c = 0; c < block[r].size() && left + c < columnCount(); ++c)
                targets.push_back({top + r, m_columns[static_cast<std::size_t>(left + c)], block[r][c]});
    }
    return apply(targets, result, QT_TR_N_NOOP("Paste %n cell(s)"));
}

GridColumn StudyTableModel::columnOfRole(const io::ColumnRole& role, int covariate) const {
    if (role.kind == io::ColumnRole::Kind::Covariate) {
        GridColumn column;
        column.kind = CellAddress::Kind::Covariate;
        column.covariate = covariate;
        return column;
    }
    // Every column of the outcome's layout, shown or not.
    const std::set<ColumnGroup> all(optionalColumnGroups().begin(), optionalColumnGroups().end());
    for (const GridColumn& column : gridColumns(m_document->project(), *outcome(), all))
        if (column.kind != CellAddress::Kind::Covariate && roleOfColumn(column) == role)
            return column;
    GridColumn none;
    none.kind = CellAddress::Kind::Included; // not reached: the roles offered are the layout's
    return none;
}

PasteResult StudyTableModel::pasteMapped(int topRow, const QList<QStringList>& block,
                                         const PasteMapping& mapping) {
    PasteResult result;
    if (!outcome() || block.isEmpty())
        return result;
    const QList<QStringList> rows = mapping.headerRow ? block.mid(1) : block;
    const QStringList header = mapping.headerRow ? block.front() : QStringList();
    // Study characteristics: by name when the header names one, else the next one in order, else new.
    const std::vector<std::string>& names = m_document->project().covariateNames;
    const auto existing = static_cast<int>(names.size());
    std::vector<bool> taken(names.size(), false);
    QList<int> covariateOf(mapping.roles.size(), -1);
    // Chosen in the preview (or in order, for the usual order).
    for (qsizetype c = 0; c < mapping.roles.size(); ++c) {
        const int chosen = mapping.covariates.value(c, -1);
        if (mapping.roles[c] == io::ColumnRole::Covariate && chosen >= 0 && chosen < existing
            && !taken[static_cast<std::size_t>(chosen)]) {
            covariateOf[c] = chosen;
            taken[static_cast<std::size_t>(chosen)] = true;
        }
    }
    // Named by the header.
    for (qsizetype c = 0; c < mapping.roles.size(); ++c) {
        if (mapping.roles[c] != io::ColumnRole::Covariate || covariateOf[c] >= 0)
            continue;
        const QString name = header.value(c).trimmed();
        for (int k = 0; k < existing && !name.isEmpty(); ++k)
            if (!taken[static_cast<std::size_t>(k)]
                && equalsIgnoringCase(names[static_cast<std::size_t>(k)], name.toStdString())) {
                covariateOf[c] = k;
                taken[static_cast<std::size_t>(k)] = true;
                break;
            }
    }
    QStringList newCovariates;
    for (qsizetype c = 0; c < mapping.roles.size(); ++c) {
        if (mapping.roles[c] != io::ColumnRole::Covariate || covariateOf[c] >= 0)
            continue;
        const auto next = std::find(taken.begin(), taken.end(), false);
        if (next != taken.end() && mapping.covariates.value(c, -1) != PasteMapping::newCovariate) {
            *next = true;
            covariateOf[c] = static_cast<int>(next - taken.begin());
            continue;
        }
        const QString name = header.value(c).trimmed();
        newCovariates << (name.isEmpty() ? tr("Column %1").arg(c + 1) : name);
        covariateOf[c] = existing + static_cast<int>(newCovariates.size()) - 1;
    }
    std::vector<Target> targets;
    for (int r = 0; r < rows.size(); ++r)
        for (qsizetype c = 0; c < rows[r].size() && c < mapping.roles.size(); ++c)
            if (mapping.roles[c] != io::ColumnRole::Ignore)
                targets.push_back({topRow + r, columnOfRole(mapping.roles[c], covariateOf[c]), rows[r][c]});
    // An arm pasted with an SD (or an SEM) and no type is reported that way: a row that had another
    // type takes it, or the number pasted would sit unused and the old one be analysed.
    for (const ArmSide side : {ArmSide::Treated, ArmSide::Control}) {
        const GridColumn typeColumn = columnOfRole(io::ColumnRole::dispersion(side), -1);
        std::map<DispersionType, QStringList> changed;
        for (int r = 0; r < rows.size(); ++r) {
            const auto type = pastedSpreadType(mapping, rows[r], side);
            if (!type)
                continue;
            const int row = topRow + r;
            targets.push_back({row, typeColumn, qs(dispersionKey(*type))});
            if (row < rowCount() && outcome()->rows[static_cast<std::size_t>(row)].dispersion(side) != *type)
                changed[*type] << QString::number(row + 1);
        }
        for (const auto& [type, numbers] : changed)
            result.notes.append(tr("Row(s) %1: the %2 group is now %3, as pasted.")
                                    .arg(numbers.join(QStringLiteral(", ")))
                                    .arg(side == ArmSide::Treated ? tr("treated") : tr("control"))
                                    .arg(qs(dispersionLabel(type))));
    }
    if (!newCovariates.isEmpty())
        result.notes.append(
            tr("Study characteristics added: %1.").arg(newCovariates.join(QStringLiteral(", "))));
    return apply(targets, result, QT_TR_N_NOOP("Paste %n cell(s)"), newCovariates);
}

PasteResult StudyTableModel::clearCells(const QModelIndexList& selection) {
    std::vector<Target> targets;
    for (const QModelIndex& index : selection)
        if (index.isValid() && !m_columns[static_cast<std::size_t>(index.column())].isCheckBox())
            targets.push_back({index.row(), m_columns[static_cast<std::size_t>(index.column())], QString()});
    return apply(targets, {}, QT_TR_N_NOOP("Clear %n cell(s)"));
}

PasteResult StudyTableModel::apply(const std::vector<Target>& targets, PasteResult result, const char* text,
                                   const QStringList& newCovariates) {
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
    // Each AddCovariateCommand appends at the count of its construction: made last first, they
    // insert in order.
    for (qsizetype c = newCovariates.size() - 1; c >= 0; --c)
        new AddCovariateCommand(m_document, newCovariates[c].toStdString(), command);
    // The types pasted with the numbers decide which of Mean and Median a row's centre goes to.
    std::map<std::pair<int, bool>, DispersionType> pastedTypes;
    for (const Target& target : targets) {
        const GridColumn& column = target.column;
        if (column.kind == CellAddress::Kind::Dispersion)
            if (const auto type = parseDispersionCell(target.value))
                pastedTypes[{target.row, column.treated}] = *type;
    }
    int skippedCentres = 0;
    for (const Target& target : targets) {
        const GridColumn& column = target.column;
        const CellAddress cell = column.cell(outcomeRow0, target.row);
        CellValue value;
        if (isCentreColumn(column)) {
            const bool treated = entryFieldSpec(column.field).side == ArmSide::Treated;
            const auto pasted = pastedTypes.find({target.row, treated});
            DispersionType type = DispersionType::SD;
            if (pasted != pastedTypes.end())
                type = pasted->second;
            else if (target.row < existingRows)
                type = outcome()->rows[static_cast<std::size_t>(target.row)].dispersion(
                    treated ? ArmSide::Treated : ArmSide::Control);
            if (isMedianBased(type) != (column.group == ColumnGroup::Median)) {
                if (!target.value.trimmed().isEmpty())
                    ++skippedCentres;
                continue;
            }
        }
        if (column.kind == CellAddress::Kind::Dispersion) {
            const auto type = parseDispersionCell(target.value);
            if (!type) {
                result.notes.append(
                    tr("Row %1: '%2' is not a way of reporting data (SD, SEM, CI, MEDIAN_IQR, "
                       "MEDIAN_RANGE or MEDIAN_IQR_RANGE); the type was left as it was.")
                        .arg(target.row + 1)
                        .arg(target.value));
                continue;
            }
            value = *type;
        } else if (column.isCheckBox()) {
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
        const bool unchanged = current ? *current == value
                                       : (value == CellValue(std::string()) || value == CellValue(true)
                                          || value == CellValue(DispersionType::SD));
        if (unchanged)
            continue;
        new SetCellCommand(m_document, cell, std::move(value), command);
        ++result.cellsChanged;
    }
    if (skippedCentres > 0)
        result.notes.append(
            tr("%n value(s) went to a Mean column of a median-based row or a Median column of a "
               "mean-based row and were not pasted; choose the type first.",
               nullptr, skippedCentres));
    if (command->childCount() == 0) {
        delete command;
        return result;
    }
    command->setText(tr(text, nullptr, result.cellsChanged));
    m_document->undoStack()->push(command);
    return result;
}

} // namespace evident::ui
