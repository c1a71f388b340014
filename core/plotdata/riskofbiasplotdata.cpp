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

std::string keySentence(const std::vector<RobKeyEntry>& key) {
    std::string text;
    for (const RobKeyEntry& entry : key)
        // A no-break space keeps each number with its label when the sentence wraps.
        text += (text.empty() ? "" : "; ") + entry.number + "\u00a0" + entry.label;
    return text + ".";
}

/// Why a risk-of-bias figure of `outcome` cannot be drawn, or empty when some study was assessed.
std::string nothingToDraw(const Outcome& outcome, const std::vector<const Study*>& included, int assessed) {
    const std::string name = outcome.name.empty() ? "this outcome" : "'" + outcome.name + "'";
    if (included.empty())
        return "No study is included in " + name + ": tick the studies to summarise their risk of bias.";
    if (assessed > 0)
        return {};
    return included.size() == 1
               ? "The study in " + name
                     + " has not been assessed for risk of bias yet: enter its SYRCLE judgements to draw "
                       "this figure."
               : "None of the " + studiesText(static_cast<int>(included.size())) + " in " + name
                     + " has been assessed for risk of bias yet: enter their SYRCLE judgements to draw this "
                       "figure.";
}

std::string notAssessedNote(int unassessed, int studies) {
    return std::to_string(unassessed) + " of the " + studiesText(studies)
           + (unassessed == 1 ? " has" : " have")
           + " not been assessed on any item (counted as not assessed).";
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
    rob.keyText = keySentence(rob.key);
    rob.legend = robLegend(LegendSymbol::RobMark, anyNotAssessed);
}

RobSummaryData buildRobSummary(const Outcome& outcome, const std::vector<Study>& studies,
                               const FigureSettings&) {
    RobSummaryData plot;
    const std::vector<const Study*> included = studiesIncludedIn(outcome, studies);
    plot.studies = static_cast<int>(included.size());
    std::vector<const RiskOfBias*> assessments;
    for (const Study* study : included) {
        assessments.push_back(&study->riskOfBias);
        plot.assessed += isAssessed(study->riskOfBias) ? 1 : 0;
    }
    plot.message = nothingToDraw(outcome, included, plot.assessed);
    if (!plot.message.empty())
        return plot;
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
        plot.caption.push_back(notAssessedNote(unassessed, plot.studies));
    return plot;
}

RobTrafficLightData buildRobTrafficLight(const Outcome& outcome, const std::vector<Study>& studies,
                                         const FigureSettings&) {
    RobTrafficLightData plot;
    const std::vector<const Study*> included = studiesIncludedIn(outcome, studies);
    int assessed = 0;
    bool anyNotAssessed = false;
    for (const Study* study : included) {
        assessed += isAssessed(study->riskOfBias) ? 1 : 0;
        RobTrafficLightRow row;
        row.label = study->label;
        for (std::size_t i = 0; i < syrcleItemCount; ++i) {
            row.judgements.push_back(study->riskOfBias.items[i].judgement);
            anyNotAssessed = anyNotAssessed || row.judgements.back() == RobJudgement::NotAssessed;
        }
        plot.rows.push_back(std::move(row));
    }
    plot.message = nothingToDraw(outcome, included, assessed);
    if (!plot.message.empty()) {
        plot.rows.clear();
        return plot;
    }
    plot.ok = true;
    for (std::size_t i = 0; i < syrcleItemCount; ++i)
        plot.columns.push_back(std::to_string(i + 1));
    plot.key = itemKey();
    plot.keyText = keySentence(plot.key);
    plot.legend = robLegend(LegendSymbol::RobMark, anyNotAssessed);
    const int studyCount = static_cast<int>(included.size());
    if (assessed < studyCount)
        plot.caption.push_back(notAssessedNote(studyCount - assessed, studyCount));
    return plot;
}

} // namespace evident
