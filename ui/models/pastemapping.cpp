// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/pastemapping.h"

#include "core/common/text.h"
#include "ui/document/cellfield.h"

#include <QCoreApplication>

#include <algorithm>

namespace evident::ui {
namespace {

using io::ColumnRole;

QString tr(const char* text) {
    return QCoreApplication::translate("StudyGrid", text);
}

bool isNumber(const QString& text) {
    return parseNumber(text.trimmed().toStdString()).has_value();
}

qsizetype widthOf(const QList<QStringList>& block) {
    qsizetype width = 0;
    for (const QStringList& row : block)
        width = std::max(width, row.size());
    return width;
}

/// A block copied from the grid (or any block) fits the columns from `left` on: nothing past the last
/// column, and a Type cell given nothing but a type. A number in a Type column means the block's columns
/// are not the grid's: its values are shifted.
bool fitsColumns(const QList<QStringList>& block, int left, const std::vector<GridColumn>& columns) {
    for (const QStringList& row : block)
        for (qsizetype c = 0; c < row.size(); ++c) {
            const QString value = row[c].trimmed();
            if (value.isEmpty())
                continue;
            const auto at = static_cast<std::size_t>(left + c);
            if (at >= columns.size())
                return false;
            if (columns[at].kind == CellAddress::Kind::Dispersion
                && !parseDispersionText(value.toStdString()))
                return false;
        }
    return true;
}

} // namespace

QList<ColumnRole> pasteRoles(OutcomeKind kind) {
    QList<ColumnRole> roles;
    for (const ColumnRole& role : io::allColumnRoles()) {
        switch (role.kind) {
        case ColumnRole::Kind::Field:
            if (usedByKind(role.field, kind))
                roles << role;
            break;
        case ColumnRole::Kind::Median:
        case ColumnRole::Kind::Dispersion:
            if (kind == OutcomeKind::Continuous)
                roles << role;
            break;
        case ColumnRole::Kind::RiskOfBias:
        case ColumnRole::Kind::RiskOfBiasSupport:
            break; // the risk-of-bias table has its own page
        default:
            roles << role;
        }
    }
    return roles;
}

QList<ColumnRole> usualPasteOrder(OutcomeKind kind, int covariates) {
    QList<ColumnRole> roles{ColumnRole::Study};
    for (const EntryFieldSpec& spec : entryFields())
        if (spec.basic && usedByKind(spec.id, kind))
            roles << ColumnRole::ofField(spec.id);
    for (int c = 0; c < covariates; ++c)
        roles << ColumnRole::Covariate;
    return roles;
}

ColumnRole roleOfColumn(const GridColumn& column) {
    switch (column.kind) {
    case CellAddress::Kind::StudyLabel:
        return ColumnRole::Study;
    case CellAddress::Kind::Included:
        return ColumnRole::Include;
    case CellAddress::Kind::Covariate:
        return ColumnRole::Covariate;
    case CellAddress::Kind::Dispersion:
        return ColumnRole::dispersion(column.treated ? ArmSide::Treated : ArmSide::Control);
    case CellAddress::Kind::RowText:
        if (column.group == ColumnGroup::Median)
            return ColumnRole::median(entryFieldSpec(column.field).side);
        return ColumnRole::ofField(column.field);
    default:
        break;
    }
    return ColumnRole::Ignore;
}

bool looksLikeHeader(const QList<QStringList>& block, const std::vector<GridColumn>& columns) {
    if (block.isEmpty())
        return false;
    const QStringList& first = block.front();
    for (const QString& cell : first) {
        const QString name = cell.trimmed();
        if (name.isEmpty())
            continue;
        if (io::guessColumnRoles({name}).front() != ColumnRole::Covariate)
            return true;
        for (const GridColumn& column : columns)
            if (column.kind != CellAddress::Kind::Covariate
                && name.compare(column.title, Qt::CaseInsensitive) == 0)
                return true;
    }
    if (block.size() < 2 || std::any_of(first.begin(), first.end(), isNumber))
        return false;
    const QStringList& second = block[1];
    return std::any_of(second.begin(), second.end(), isNumber);
}

QList<ColumnRole> rolesOfHeader(const QStringList& header, const std::vector<GridColumn>& columns) {
    QList<ColumnRole> roles = io::guessColumnRoles(header);
    for (qsizetype c = 0; c < header.size(); ++c) {
        const QString name = header[c].trimmed();
        for (const GridColumn& column : columns)
            if (name.compare(column.title, Qt::CaseInsensitive) == 0
                || name.compare(column.key, Qt::CaseInsensitive) == 0) {
                roles[c] = roleOfColumn(column);
                break;
            }
        if (name.isEmpty())
            roles[c] = ColumnRole::Ignore;
    }
    return roles;
}

std::optional<DispersionType> parseDispersionCell(const QString& text) {
    if (text.trimmed().isEmpty())
        return DispersionType::SD;
    return parseDispersionText(text.toStdString());
}

std::optional<DispersionType> pastedSpreadType(const PasteMapping& mapping, const QStringList& row,
                                               ArmSide side) {
    if (mapping.roles.contains(ColumnRole::dispersion(side)))
        return std::nullopt;
    for (const auto& [type, spread] : {std::pair{DispersionType::SD, ReportedField::SD},
                                       std::pair{DispersionType::SEM, ReportedField::SEM}}) {
        const qsizetype c = mapping.roles.indexOf(ColumnRole::ofField(armField(spread, side)));
        if (c >= 0 && parseNumber(row.value(c).toStdString()))
            return type;
    }
    return std::nullopt;
}

PastePlan planPaste(const QList<QStringList>& block, int top, int left,
                    const std::vector<GridColumn>& columns, OutcomeKind kind, int covariates) {
    PastePlan plan;
    if (block.isEmpty() || columns.empty() || left < 0 || left >= static_cast<int>(columns.size()))
        return plan;
    plan.topRow = top;
    const bool header = looksLikeHeader(block, columns);
    if (!header && fitsColumns(block, left, columns)) {
        plan.how = PastePlan::How::AsColumns;
        return plan;
    }
    // The value columns from the one pasted on: a block that fills them to the end of the data (the
    // study characteristics left out) or of the row is in the usual order.
    const QList<ColumnRole> usual = usualPasteOrder(kind, covariates);
    const GridColumn& at = columns[static_cast<std::size_t>(left)];
    const auto dataEnd = usual.size() - covariates;
    qsizetype start =
        at.kind == CellAddress::Kind::Covariate ? dataEnd + at.covariate : usual.indexOf(roleOfColumn(at));
    // Pasted on a Type cell (or an include box): the values start at the next value column.
    for (std::size_t c = static_cast<std::size_t>(left); start < 0 && c < columns.size(); ++c)
        if (columns[c].kind != CellAddress::Kind::Covariate)
            start = usual.indexOf(roleOfColumn(columns[c]));
    const qsizetype width = widthOf(block);
    if (!header && start >= 0
        && (width == usual.size() - start || (start < dataEnd && width == dataEnd - start))) {
        plan.how = PastePlan::How::UsualOrder;
        plan.mapping.roles = usual.mid(start, width);
        for (qsizetype c = 0; c < width; ++c)
            plan.mapping.covariates << static_cast<int>(std::max<qsizetype>(-1, start + c - dataEnd));
        return plan;
    }
    plan.how = PastePlan::How::Ask;
    start = std::max<qsizetype>(start, 0);
    plan.mapping.headerRow = header;
    if (header) {
        plan.mapping.roles = rolesOfHeader(block.front(), columns);
        // Names it does not know take the usual order's role at their place, when no other column has it.
        for (qsizetype c = 0; c < plan.mapping.roles.size(); ++c) {
            const qsizetype place = start + c;
            if (plan.mapping.roles[c] == ColumnRole::Covariate && place < dataEnd
                && !plan.mapping.roles.contains(usual[place]))
                plan.mapping.roles[c] = usual[place];
        }
        plan.mapping.covariates = QList<int>(plan.mapping.roles.size(), -1); // by name, else in order
        plan.reason = tr("The first row names the columns: check the role of each.");
        return plan;
    }
    // A guess to start from: the usual order from the column pasted on, the characteristics in order,
    // then new ones.
    plan.mapping.roles = usual.mid(start, width);
    while (plan.mapping.roles.size() < width)
        plan.mapping.roles << ColumnRole::Covariate;
    for (qsizetype c = 0; c < width; ++c) {
        const qsizetype k = start + c - dataEnd;
        plan.mapping.covariates << (plan.mapping.roles[c] == ColumnRole::Covariate && k >= 0 && k < covariates
                                        ? static_cast<int>(k)
                                        : -1);
    }
    plan.reason = covariates > 0
                      ? tr("The block has %1 columns, and the value columns from “%2” on are %3, or %4 with "
                           "the study characteristics: check what each column holds.")
                            .arg(width)
                            .arg(at.title)
                            .arg(dataEnd - start)
                            .arg(usual.size() - start)
                      : tr("The block has %1 columns, and the value columns from “%2” on are %3: check what "
                           "each column holds (the extra ones can become study characteristics).")
                            .arg(width)
                            .arg(at.title)
                            .arg(dataEnd - start);
    return plan;
}

} // namespace evident::ui
