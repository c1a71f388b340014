// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/gridcolumns.h"

#include "core/common/text.h"
#include "core/effectsize/effectmeasure.h"

#include <QCoreApplication>

#include <algorithm>

namespace evident::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("StudyGrid", text);
}

GridColumn dataColumn(RowField field, const QString& title, ColumnGroup group = ColumnGroup::Always,
                      const QString& toolTip = QString()) {
    GridColumn column;
    column.kind = CellAddress::Kind::RowText;
    column.field = field;
    column.group = group;
    column.title = title;
    column.toolTip = toolTip.isEmpty() ? tr(rowFieldTitle(field)) : toolTip;
    column.key = QString::fromLatin1(rowFieldKey(field));
    return column;
}

/// The columns of one arm, in the order a paper prints them: how it is reported, the centre, the
/// spread, then n.
void addArmColumns(std::vector<GridColumn>& columns, bool treated) {
    const QString arm = treated ? QStringLiteral("T") : QStringLiteral("C");
    const QString group = treated ? tr("treated") : tr("control");
    const auto field = [treated](ReportedField reported) { return armRowField(reported, treated); };
    const auto title = [&arm](const QString& name) { return name + QLatin1Char(' ') + arm; };

    GridColumn type;
    type.kind = CellAddress::Kind::Dispersion;
    type.treated = treated;
    type.title = title(tr("Type"));
    type.toolTip = tr("How the paper reports the %1 group: mean \u00b1 SD, mean \u00b1 SEM, mean with a "
                      "confidence interval, or a median with its IQR, range or both. Choosing a type "
                      "shows its columns.")
                       .arg(group);
    type.key = treated ? QStringLiteral("dispersion_t") : QStringLiteral("dispersion_c");
    columns.push_back(type);

    columns.push_back(dataColumn(field(ReportedField::Centre), title(tr("Mean")), ColumnGroup::Mean,
                                 tr("Mean of the %1 group").arg(group)));
    GridColumn median = dataColumn(field(ReportedField::Centre), title(tr("Median")), ColumnGroup::Median,
                                   tr("Median of the %1 group (for the median-based types)").arg(group));
    median.key = treated ? QStringLiteral("median_t") : QStringLiteral("median_c");
    columns.push_back(median);
    columns.push_back(dataColumn(field(ReportedField::SD), title(tr("SD")), ColumnGroup::SD,
                                 tr("Standard deviation of the %1 group").arg(group)));
    columns.push_back(
        dataColumn(field(ReportedField::SEM), title(tr("SEM")), ColumnGroup::SEM,
                   tr("Standard error of the mean of the %1 group; SD = SEM \u00d7 \u221an").arg(group)));
    columns.push_back(
        dataColumn(field(ReportedField::CILower), title(tr("CI low")), ColumnGroup::CI,
                   tr("Lower limit of the confidence interval of the %1 group's mean").arg(group)));
    columns.push_back(
        dataColumn(field(ReportedField::CIUpper), title(tr("CI high")), ColumnGroup::CI,
                   tr("Upper limit of the confidence interval of the %1 group's mean").arg(group)));
    columns.push_back(dataColumn(field(ReportedField::CILevel), title(tr("CI %")), ColumnGroup::CI,
                                 tr("Level of the confidence interval in percent; empty means 95")));
    columns.push_back(dataColumn(field(ReportedField::Q1), title(tr("Q1")), ColumnGroup::IQR,
                                 tr("First quartile (lower end of the IQR) of the %1 group").arg(group)));
    columns.push_back(dataColumn(field(ReportedField::Q3), title(tr("Q3")), ColumnGroup::IQR,
                                 tr("Third quartile (upper end of the IQR) of the %1 group").arg(group)));
    columns.push_back(dataColumn(field(ReportedField::Minimum), title(tr("Min")), ColumnGroup::Range,
                                 tr("Smallest value (range) of the %1 group").arg(group)));
    columns.push_back(dataColumn(field(ReportedField::Maximum), title(tr("Max")), ColumnGroup::Range,
                                 tr("Largest value (range) of the %1 group").arg(group)));
    columns.push_back(dataColumn(field(ReportedField::N), title(tr("n")), ColumnGroup::Always,
                                 tr("Number of animals in the %1 group").arg(group)));
}

bool hasText(const std::string& text) {
    return !trimmed(text).empty();
}

bool anyText(const OutcomeRow& row, std::initializer_list<ReportedField> fields) {
    for (const ArmEntry* arm : {&row.treated, &row.control})
        for (ReportedField reported : fields) {
            if (!trimmed(rowFieldText(row, armRowField(reported, arm == &row.treated))).empty())
                return true;
        }
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
    if (hasText(row.arm) || hasText(row.controlGroup))
        use(ColumnGroup::Arms);
    if (hasText(row.shamMean))
        use(ColumnGroup::Sham);
    if (outcome.layout != DataLayout::TwoGroupContinuous)
        return used;
    for (const ArmEntry* arm : {&row.treated, &row.control})
        for (ColumnGroup group : groupsOf(arm->dispersion))
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
    if (outcome.settings.measure == EffectMeasure::NMD)
        used |= 1u << static_cast<unsigned>(ColumnGroup::Sham);
    if (outcome.layout == DataLayout::TwoGroupContinuous && outcome.rows.empty())
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

    const bool twoGroup = outcome.layout == DataLayout::TwoGroupContinuous;
    columns.push_back(dataColumn(RowField::Arm, tr("Arm"), ColumnGroup::Arms,
                                 tr("Treatment arm of a multi-arm study, e.g. \u201cEV 50 \u00b5g\u201d; the "
                                    "forest plot labels the comparison \u201cStudy (arm)\u201d")));
    if (twoGroup) {
        columns.push_back(dataColumn(
            RowField::ControlGroup, tr("Control group"), ColumnGroup::Arms,
            tr("Rows of one study with the same control group share one control group (the same "
               "animals). Its numbers are typed on one row; the others may leave their control cells "
               "empty. The analysis settings say whether its n is split or the treated arms combined.")));
        addArmColumns(columns, true);
        addArmColumns(columns, false);
        columns.push_back(dataColumn(RowField::ShamMean, tr("Sham mean"), ColumnGroup::Sham,
                                     tr("Mean of the sham-operated (or normal) group, which the normalised "
                                        "mean difference (NMD) needs: the treatment's effect as a percentage "
                                        "of the injury (sham to control)")));
    } else {
        columns.push_back(dataColumn(RowField::Yi, tr("yi")));
        columns.push_back(dataColumn(RowField::Vi, tr("vi")));
        columns.push_back(dataColumn(RowField::Sei, tr("sei")));
    }
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
    const auto blank = [](const ArmEntry& arm) {
        for (const std::string* text : {&arm.n, &arm.mean, &arm.sd, &arm.sem, &arm.ciLower, &arm.ciUpper,
                                        &arm.q1, &arm.q3, &arm.minimum, &arm.maximum})
            if (hasText(*text))
                return false;
        return true;
    };
    if (row >= outcome.rows.size())
        return row;
    const OutcomeRow& entry = outcome.rows[row];
    const std::string_view group = trimmed(entry.controlGroup);
    if (group.empty() || !blank(entry.control) || outcome.layout != DataLayout::TwoGroupContinuous)
        return row;
    for (std::size_t other = 0; other < outcome.rows.size(); ++other) {
        const OutcomeRow& candidate = outcome.rows[other];
        if (candidate.included && candidate.study == entry.study && trimmed(candidate.controlGroup) == group
            && !blank(candidate.control))
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
    if (column.field == RowField::ShamMean)
        return outcome.settings.measure == EffectMeasure::NMD;
    const auto reported = reportedFieldOf(column.field);
    if (!reported || outcome.layout != DataLayout::TwoGroupContinuous)
        return true;
    const DispersionType type = (reported->second ? row.treated : row.control).dispersion;
    if (column.group == ColumnGroup::Mean)
        return !isMedianBased(type);
    if (column.group == ColumnGroup::Median)
        return isMedianBased(type);
    const std::vector<ReportedField> fields = fieldsUsedBy(type);
    return std::find(fields.begin(), fields.end(), reported->first) != fields.end();
}

} // namespace evident::ui
