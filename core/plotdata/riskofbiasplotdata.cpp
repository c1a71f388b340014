// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plotdata/riskofbiasplotdata.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace evident {
namespace {

std::vector<RobKeyEntry> itemKey() {
    std::vector<RobKeyEntry> key;
    for (std::size_t i = 0; i < syrcleItemCount; ++i)
        key.push_back({std::to_string(i + 1), std::string(syrcleItems()[i].label)});
    return key;
}

int countOf(const RobItemCounts& counts, RobJudgement judgement) {
    switch (judgement) {
    case RobJudgement::Low:
        return counts.low;
    case RobJudgement::High:
        return counts.high;
    case RobJudgement::Unclear:
        return counts.unclear;
    case RobJudgement::NotAssessed:
        break;
    }
    return counts.notAssessed;
}

std::string studiesText(int n) {
    return std::to_string(n) + (n == 1 ? " study" : " studies");
}

} // namespace

std::string_view robSymbol(RobJudgement judgement) {
    switch (judgement) {
    case RobJudgement::Low:
        return "+";
    case RobJudgement::High:
        return "\u2212";
    case RobJudgement::Unclear:
        return "?";
    case RobJudgement::NotAssessed:
        break;
    }
    return "";
}

const std::array<RobJudgement, 4>& robJudgementOrder() {
    static const std::array<RobJudgement, 4> order{RobJudgement::Low, RobJudgement::Unclear,
                                                   RobJudgement::High, RobJudgement::NotAssessed};
    return order;
}

std::vector<LegendEntry> robLegend(LegendSymbol symbol, bool withNotAssessed) {
    std::vector<LegendEntry> legend;
    for (RobJudgement judgement : robJudgementOrder())
        if (judgement != RobJudgement::NotAssessed || withNotAssessed) {
            LegendEntry entry;
            entry.symbol = symbol;
            entry.label = std::string(judgementLabel(judgement));
            entry.judgement = judgement;
            legend.push_back(entry);
        }
    return legend;
}

std::vector<const Study*> studiesIncludedIn(const Outcome& outcome, const std::vector<Study>& studies) {
    std::unordered_map<StudyId, const Study*> byId;
    for (const Study& study : studies)
        byId.emplace(study.id, &study);
    std::vector<const Study*> included;
    std::unordered_set<StudyId> seen;
    for (const OutcomeRow& row : outcome.rows) {
        if (!row.included || seen.count(row.study))
            continue;
        const auto found = byId.find(row.study);
        if (found == byId.end())
            continue;
        seen.insert(row.study);
        included.push_back(found->second);
    }
    return included;
}

bool isAssessed(const RiskOfBias& assessment) {
    return std::any_of(assessment.items.begin(), assessment.items.end(), [](const RobItemAssessment& item) {
        return item.judgement != RobJudgement::NotAssessed;
    });
}

void addForestRiskOfBias(ForestPlotData& plot, const Outcome& outcome, const std::vector<Study>& studies) {
    ForestRiskOfBias& rob = plot.riskOfBias;
    rob = ForestRiskOfBias{};
    for (ForestRow& row : plot.rows)
        row.riskOfBias.clear();
    if (!plot.ok)
        return;
    std::unordered_map<StudyId, const Study*> byId;
    for (const Study& study : studies)
        byId.emplace(study.id, &study);
    bool anyAssessed = false, anyNotAssessed = false;
    for (ForestRow& row : plot.rows) {
        if (row.kind != ForestRowKind::Study)
            continue;
        row.riskOfBias.assign(syrcleItemCount, RobJudgement::NotAssessed);
        if (!row.outcomeRow || *row.outcomeRow >= outcome.rows.size())
            continue;
        const auto found = byId.find(outcome.rows[*row.outcomeRow].study);
        if (found == byId.end())
            continue;
        for (std::size_t i = 0; i < syrcleItemCount; ++i)
            row.riskOfBias[i] = found->second->riskOfBias.items[i].judgement;
    }
    for (const ForestRow& row : plot.rows)
        for (RobJudgement judgement : row.riskOfBias)
            (judgement == RobJudgement::NotAssessed ? anyNotAssessed : anyAssessed) = true;
    if (!anyAssessed) {
        for (ForestRow& row : plot.rows)
            row.riskOfBias.clear();
        plot.footer.push_back(
            "Risk of bias: none of the studies in this plot has been assessed yet (SYRCLE).");
        return;
    }
    rob.shown = true;
    for (std::size_t i = 0; i < syrcleItemCount; ++i)
        rob.columns.push_back(std::to_string(i + 1));
    rob.key = itemKey();
    for (const RobKeyEntry& entry : rob.key)
        // A no-break space keeps each number with its label when the sentence wraps.
        rob.keyText += (rob.keyText.empty() ? "" : "; ") + entry.number + "\u00a0" + entry.label;
    rob.keyText += ".";
    rob.legend = robLegend(LegendSymbol::RobMark, anyNotAssessed);
}

RobSummaryData buildRobSummary(const Outcome& outcome, const std::vector<Study>& studies,
                               const FigureSettings&) {
    RobSummaryData plot;
    const std::vector<const Study*> included = studiesIncludedIn(outcome, studies);
    plot.studies = static_cast<int>(included.size());
    const std::string name = outcome.name.empty() ? "this outcome" : "'" + outcome.name + "'";
    if (included.empty()) {
        plot.message =
            "No study is included in " + name + ": tick the studies to summarise their risk of bias.";
        return plot;
    }
    std::vector<const RiskOfBias*> assessments;
    for (const Study* study : included) {
        assessments.push_back(&study->riskOfBias);
        plot.assessed += isAssessed(study->riskOfBias) ? 1 : 0;
    }
    if (plot.assessed == 0) {
        plot.message =
            plot.studies == 1
                ? "The study in " + name
                      + " has not been assessed for risk of bias yet: enter its SYRCLE judgements "
                        "to draw this figure."
                : "None of the " + studiesText(plot.studies) + " in " + name
                      + " has been assessed for risk of bias yet: enter their SYRCLE judgements to "
                        "draw this figure.";
        return plot;
    }
    plot.ok = true;
    const std::array<RobItemCounts, syrcleItemCount> counts = countJudgements(assessments);
    bool anyNotAssessed = false;
    const double n = static_cast<double>(plot.studies);
    for (std::size_t i = 0; i < syrcleItemCount; ++i) {
        RobSummaryBar bar;
        bar.number = std::to_string(i + 1);
        bar.label = std::string(syrcleItems()[i].label);
        bar.counts = counts[i];
        double start = 0;
        for (RobJudgement judgement : robJudgementOrder()) {
            const int count = countOf(counts[i], judgement);
            if (count == 0)
                continue;
            RobSegment segment;
            segment.judgement = judgement;
            segment.count = count;
            segment.start = start;
            segment.percent = 100.0 * count / n;
            segment.text = std::to_string(count);
            start += segment.percent;
            bar.segments.push_back(segment);
            anyNotAssessed = anyNotAssessed || judgement == RobJudgement::NotAssessed;
        }
        plot.bars.push_back(bar);
    }
    plot.xAxis = niceLinearAxis(0, 100, 5);
    plot.xTitle = "Percentage of studies (n = " + std::to_string(plot.studies) + ")";
    plot.legend = robLegend(LegendSymbol::RobBar, anyNotAssessed);
    const int unassessed = plot.studies - plot.assessed;
    if (unassessed > 0)
        plot.caption.push_back(std::to_string(unassessed) + " of the " + studiesText(plot.studies)
                               + (unassessed == 1 ? " has" : " have")
                               + " not been assessed on any item (counted as not assessed).");
    return plot;
}

} // namespace evident
