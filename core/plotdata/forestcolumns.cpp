// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plotdata/forestcolumns.h"

#include "core/report/numberformat.h"
#include "core/schema/outcomekind.h"

#include <cmath>

namespace evident::forestcolumns {
namespace {

enum class Shape { Continuous, Dichotomous, Effect };

/// The columns follow the outcome's kind, as far as its prepared data carry what they show.
Shape shapeOf(const OutcomeAnalysis& analysis) {
    const PreparedOutcome& prepared = analysis.prepared;
    const std::size_t k = prepared.data.size();
    switch (kindOfMeasure(analysis.measure)) {
    case OutcomeKind::Continuous:
        if (prepared.treated.size() == k && prepared.control.size() == k)
            return Shape::Continuous;
        break;
    case OutcomeKind::Dichotomous:
        if (prepared.data.tables.size() == k)
            return Shape::Dichotomous;
        break;
    case OutcomeKind::Generic:
        break;
    }
    return Shape::Effect;
}

constexpr std::array<const char*, 2> groups{"Treatment", "Control"};

} // namespace

std::vector<ForestColumn> armColumns(const OutcomeAnalysis& analysis) {
    std::vector<ForestColumn> columns;
    switch (shapeOf(analysis)) {
    case Shape::Continuous:
        for (const char* group : groups)
            for (const char* header : {"Mean", "SD", "Total"})
                columns.push_back({ForestColumnKind::ArmData, group, header, true});
        break;
    case Shape::Dichotomous:
        for (const char* group : groups)
            for (const char* header : {"Events", "Total"})
                columns.push_back({ForestColumnKind::ArmData, group, header, true});
        break;
    case Shape::Effect:
        columns.push_back({ForestColumnKind::ArmData, "",
                           isRatioMeasure(analysis.measure) ? "log[Ratio]" : "Effect", true});
        columns.push_back({ForestColumnKind::ArmData, "", "SE", true});
        break;
    }
    return columns;
}

std::vector<std::string> studyCells(const OutcomeAnalysis& analysis, std::size_t study, int decimals) {
    const PreparedOutcome& prepared = analysis.prepared;
    switch (shapeOf(analysis)) {
    case Shape::Continuous: {
        const GroupSummary& t = prepared.treated[study];
        const GroupSummary& c = prepared.control[study];
        return {formatArmValue(t.mean), formatArmValue(t.sd), formatCount(t.n),
                formatArmValue(c.mean), formatArmValue(c.sd), formatCount(c.n)};
    }
    case Shape::Dichotomous: {
        const TwoByTwo& table = prepared.data.tables[study];
        return {formatCount(table.eventsTreated), formatCount(table.totalTreated),
                formatCount(table.eventsControl), formatCount(table.totalControl)};
    }
    case Shape::Effect:
        break;
    }
    const int shown = std::max(2, decimals);
    return {formatFixed(prepared.data.yi[study], shown),
            formatFixed(std::sqrt(prepared.data.vi[study]), shown)};
}

std::vector<std::string> pooledCells(const OutcomeAnalysis& analysis, std::span<const std::size_t> studies) {
    const PreparedOutcome& prepared = analysis.prepared;
    double treated = 0, control = 0;
    switch (shapeOf(analysis)) {
    case Shape::Continuous:
        for (std::size_t i : studies) {
            treated += prepared.treated[i].n;
            control += prepared.control[i].n;
        }
        return {"", "", formatCount(treated), "", "", formatCount(control)};
    case Shape::Dichotomous:
        for (std::size_t i : studies) {
            treated += prepared.data.tables[i].totalTreated;
            control += prepared.data.tables[i].totalControl;
        }
        return {"", formatCount(treated), "", formatCount(control)};
    case Shape::Effect:
        break;
    }
    return {"", ""};
}

std::vector<std::string> eventCells(const OutcomeAnalysis& analysis, std::span<const std::size_t> studies) {
    if (shapeOf(analysis) != Shape::Dichotomous)
        return {};
    TwoByTwo sum;
    for (std::size_t i : studies)
        sum += analysis.prepared.data.tables[i];
    return {formatCount(sum.eventsTreated), "", formatCount(sum.eventsControl), ""};
}

} // namespace evident::forestcolumns
