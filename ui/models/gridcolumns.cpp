// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/gridcolumns.h"

#include "core/common/text.h"
#include "core/effectsize/effectmeasure.h"
#include "core/schema/outcomekind.h"

#include <QCoreApplication>

#include <algorithm>

namespace evident::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("StudyGrid", text);
}

QString fromView(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// The optional group a continuous arm field belongs to; n, the dichotomous and generic fields are always
/// shown.
ColumnGroup groupOfField(const EntryFieldSpec& spec) {
    switch (spec.id) {
    case EntryField::Arm:
    case EntryField::ControlGroup:
        return ColumnGroup::Arms;
    case EntryField::ShamMean:
        return ColumnGroup::Sham;
    default:
        break;
    }
    if (!spec.reported)
        return ColumnGroup::Always;
    switch (*spec.reported) {
    case ReportedField::Centre:
        return ColumnGroup::Mean;
    case ReportedField::SD:
        return ColumnGroup::SD;
    case ReportedField::SEM:
        return ColumnGroup::SEM;
    case ReportedField::CILower:
    case ReportedField::CIUpper:
    case ReportedField::CILevel:
        return ColumnGroup::CI;
    case ReportedField::Q1:
    case ReportedField::Q3:
        return ColumnGroup::IQR;
    case ReportedField::Minimum:
    case ReportedField::Maximum:
        return ColumnGroup::Range;
    case ReportedField::N:
        break;
    }
    return ColumnGroup::Always;
}

/// The column of an entry field: its schema title and help, its group.
GridColumn dataColumn(EntryField field) {
    const EntryFieldSpec& spec = entryFieldSpec(field);
    GridColumn column;
    column.kind = CellAddress::Kind::RowText;
    column.field = field;
    column.group = groupOfField(spec);
    column.title = tr(std::string(spec.shortTitle).c_str());
    column.toolTip = tr(std::string(spec.help).c_str());
    if (spec.side != ArmSide::None)
        column.toolTip += spec.side == ArmSide::Treated ? tr(" (treated group)") : tr(" (control group)");
    column.key = fromView(spec.key);
    return column;
}

/// The columns of one arm of a two-group kind, in the order a paper prints them: how a continuous arm is
/// reported, its centre (as a mean or a median), its spread, then the group size; events, then total.
void addArmColumns(std::vector<GridColumn>& columns, OutcomeKind kind, ArmSide side) {
    const bool treated = side == ArmSide::Treated;
    if (kind == OutcomeKind::Continuous) {
        GridColumn type;
        type.kind = CellAddress::Kind::Dispersion;
        type.treated = treated;
        type.title = treated ? tr("Type T") : tr("Type C");
        type.toolTip = tr("How the paper reports the %1 group: mean \u00b1 SD, mean \u00b1 SEM, mean with a "
                          "confidence interval, or a median with its IQR, range or both. Choosing a type "
                          "shows its columns.")
                           .arg(treated ? tr("treated") : tr("control"));
        type.key = fromView(dispersionColumnKey(side));
        columns.push_back(type);
    }
    std::vector<GridColumn> sizes;
    for (const EntryFieldSpec& spec : entryFields()) {
        if (spec.side != side || !(spec.kinds & kindBit(kind)))
            continue;
        GridColumn column = dataColumn(spec.id);
        if (spec.reported == ReportedField::N) {
            sizes.push_back(column);
            continue;
        }
        columns.push_back(column);
        if (spec.reported == ReportedField::Centre) {
            GridColumn median = column;
            median.group = ColumnGroup::Median;
            median.title = treated ? tr("Median T") : tr("Median C");
            median.toolTip = tr("Median of the %1 group (for the median-based types)")
                                 .arg(treated ? tr("treated") : tr("control"));
            median.key = fromView(medianColumnKey(side));
            columns.push_back(median);
        }
    }
    columns.insert(columns.end(), sizes.begin(), sizes.end());
}

bool hasText(const std::string& text) {
    return !trimmed(text).empty();
}

bool anyText(const OutcomeRow& row, std::initializer_list<ReportedField> fields) {
    for (ArmSide side : {ArmSide::Treated, ArmSide::Control})
        for (ReportedField reported : fields)
            if (hasText(row.text(armField(reported, side))))
                return true;
    return false;
}

/// The group that holds the dispersion numbers of a type (SD, SEM, ...); medians use two.
std::vector<ColumnGroup> groupsOf(DispersionType type) {
    switch (type) {
    case DispersionType::SD:
        return {ColumnGroup::Mean, ColumnGroup::SD};
    case DispersionType::SEM:
        return {ColumnGroup::Mean, ColumnGroup::SEM};
    case DispersionType::CI:
        return {ColumnGroup::Mean, ColumnGroup::CI};
    case DispersionType::MedianIQR:
        return {ColumnGroup::Median, ColumnGroup::IQR};
    case DispersionType::MedianRange:
        return {ColumnGroup::Median, ColumnGroup::Range};
    case DispersionType::MedianIQRRange:
        break;
    }
    return {ColumnGroup::Median, ColumnGroup::IQR, ColumnGroup::Range};
}

} // namespace

const std::vector<ColumnGroup>& optionalColumnGroups() {
    static const std::vector<ColumnGroup> groups{ColumnGroup::Arms, ColumnGroup::Mean,  ColumnGroup::Median,
                                                 ColumnGroup::SD,   ColumnGroup::SEM,   ColumnGroup::CI,
                                                 ColumnGroup::IQR,  ColumnGroup::Range, ColumnGroup::Sham};
    return groups;
}

QString columnGroupName(ColumnGroup group) {
    switch (group) {
    case ColumnGroup::Always:
        return {};
    case ColumnGroup::Arms:
        return tr("Arm and control group (multi-arm studies)");
    case ColumnGroup::Mean:
        return tr("Mean");
    case ColumnGroup::Median:
        return tr("Median");
    case ColumnGroup::SD:
        return tr("SD");
    case ColumnGroup::SEM:
        return tr("SEM");
    case ColumnGroup::CI:
        return tr("Confidence interval (low, high, level)");
    case ColumnGroup::IQR:
        return tr("Quartiles (Q1, Q3)");
    case ColumnGroup::Range:
        return tr("Range (min, max)");
    case ColumnGroup::Sham:
        return tr("Sham mean (NMD)");
    }
    return {};
}

bool GridColumn::sameAs(const GridColumn& other) const {
    if (kind != other.kind)
        return false;
    switch (kind) {
    case CellAddress::Kind::RowText:
        return field == other.field && group == other.group; // Mean and Median share a field
    case CellAddress::Kind::Covariate:
        return covariate == other.covariate;
    case CellAddress::Kind::Dispersion:
        return treated == other.treated;
    default:
        return true;
    }
}

unsigned rowColumnGroups(const OutcomeRow& row, const Outcome& outcome) {
    unsigned used = 0;
    const auto use = [&used](ColumnGroup group) { used |= 1u << static_cast<unsigned>(group); };
    if (hasText(row.text(EntryField::Arm)) || hasText(row.text(EntryField::ControlGroup)))
        use(ColumnGroup::Arms);
    if (hasText(row.text(EntryField::ShamMean)))
        use(ColumnGroup::Sham);
    if (outcome.kind != OutcomeKind::Continuous)
        return used;
    for (ArmSide side : {ArmSide::Treated, ArmSide::Control})
        for (ColumnGroup group : groupsOf(row.dispersion(side)))
            use(group);
    if (anyText(row, {ReportedField::SD}))
        use(ColumnGroup::SD);
    if (anyText(row, {ReportedField::SEM}))
        use(ColumnGroup::SEM);
    if (anyText(row, {ReportedField::CILower, ReportedField::CIUpper, ReportedField::CILevel}))
        use(ColumnGroup::CI);
    if (anyText(row, {ReportedField::Q1, ReportedField::Q3}))
        use(ColumnGroup::IQR);
    if (anyText(row, {ReportedField::Minimum, ReportedField::Maximum}))
        use(ColumnGroup::Range);
    return used;
}

unsigned outcomeColumnGroups(const Outcome& outcome) {
    unsigned used = 0;
    if (outcome.kind == OutcomeKind::Continuous && needsShamMean(outcome.settings.measure))
        used |= 1u << static_cast<unsigned>(ColumnGroup::Sham);
    if (outcome.kind == OutcomeKind::Continuous && outcome.rows.empty())
        used |= 1u << static_cast<unsigned>(ColumnGroup::Mean) | 1u << static_cast<unsigned>(ColumnGroup::SD);
    return used;
}

std::set<ColumnGroup> columnGroupsOf(unsigned bits) {
    std::set<ColumnGroup> groups;
    for (ColumnGroup group : optionalColumnGroups())
        if (bits & (1u << static_cast<unsigned>(group)))
            groups.insert(group);
    return groups;
}

std::set<ColumnGroup> usedColumnGroups(const Outcome& outcome) {
    unsigned used = outcomeColumnGroups(outcome);
    for (const OutcomeRow& row : outcome.rows)
        used |= rowColumnGroups(row, outcome);
    return columnGroupsOf(used);
}

std::vector<GridColumn> gridColumns(const Project& project, const Outcome& outcome,
                                    const std::set<ColumnGroup>& shown) {
    std::vector<GridColumn> columns;
    GridColumn include;
    include.kind = CellAddress::Kind::Included;
    include.title = tr("Use");
    include.toolTip =
        tr("Included in the analysis. Unticked rows stay in the table, greyed, and out of the analysis.");
    include.key = QStringLiteral("included");
    columns.push_back(include);

    GridColumn study;
    study.kind = CellAddress::Kind::StudyLabel;
    study.title = tr("Study");
    study.toolTip = tr("Study label, shared by every outcome");
    study.key = QStringLiteral("study");
    columns.push_back(study);

    const OutcomeKind kind = outcome.kind;
    columns.push_back(dataColumn(EntryField::Arm));
    if (outcomeKindSpec(kind).twoArms) {
        columns.push_back(dataColumn(EntryField::ControlGroup));
        addArmColumns(columns, kind, ArmSide::Treated);
        addArmColumns(columns, kind, ArmSide::Control);
    }
    for (const EntryFieldSpec& spec : entryFields())
        if (spec.side == ArmSide::None && usedByKind(spec.id, kind) && spec.id != EntryField::Arm
            && spec.id != EntryField::ControlGroup)
            columns.push_back(dataColumn(spec.id));
    columns.erase(std::remove_if(columns.begin(), columns.end(),
                                 [&](const GridColumn& column) {
                                     return column.group != ColumnGroup::Always && !shown.count(column.group);
                                 }),
                  columns.end());

    for (std::size_t c = 0; c < project.covariateNames.size(); ++c) {
        GridColumn covariate;
        covariate.kind = CellAddress::Kind::Covariate;
        covariate.covariate = static_cast<int>(c);
        covariate.title = QString::fromStdString(project.covariateNames[c]);
        covariate.toolTip = tr("Study characteristic '%1', shared by every outcome").arg(covariate.title);
        covariate.key = covariate.title;
        columns.push_back(covariate);
    }
    return columns;
}

std::size_t controlSourceRow(const Outcome& outcome, std::size_t row) {
    if (row >= outcome.rows.size() || !outcomeKindSpec(outcome.kind).twoArms)
        return row;
    const OutcomeRow& entry = outcome.rows[row];
    const std::string_view group = trimmed(entry.text(EntryField::ControlGroup));
    if (group.empty() || !entry.armIsBlank(ArmSide::Control, outcome.kind))
        return row;
    for (std::size_t other = 0; other < outcome.rows.size(); ++other) {
        const OutcomeRow& candidate = outcome.rows[other];
        if (candidate.included && candidate.study == entry.study
            && trimmed(candidate.text(EntryField::ControlGroup)) == group
            && !candidate.armIsBlank(ArmSide::Control, outcome.kind))
            return other;
    }
    return row;
}

bool isCentreColumn(const GridColumn& column) {
    return column.kind == CellAddress::Kind::RowText
           && (column.group == ColumnGroup::Mean || column.group == ColumnGroup::Median);
}

bool isUsedByRow(const GridColumn& column, const OutcomeRow& row, const Outcome& outcome) {
    if (column.kind != CellAddress::Kind::RowText)
        return true;
    if (column.field == EntryField::ShamMean)
        return needsShamMean(outcome.settings.measure);
    const EntryFieldSpec& spec = entryFieldSpec(column.field);
    if (!spec.reported || outcome.kind != OutcomeKind::Continuous)
        return true;
    const DispersionType type = row.dispersion(spec.side);
    if (column.group == ColumnGroup::Mean)
        return !isMedianBased(type);
    if (column.group == ColumnGroup::Median)
        return isMedianBased(type);
    const std::vector<ReportedField> fields = fieldsUsedBy(type);
    return std::find(fields.begin(), fields.end(), *spec.reported) != fields.end();
}

} // namespace evident::ui
