// SPDX-License-Identifier: GPL-3.0-or-later
// The two risk-of-bias figures of a preclinical review, with SYRCLE's ten items (Hooijmans et al. 2014,
// BMC Med Res Methodol 14:43): the traffic-light columns beside a forest plot (one coloured circle per
// study and item, its symbol carrying the judgement), and the summary plot (one stacked bar per item:
// the share of studies judged at low, unclear and high risk, and not assessed), as RevMan's "risk of
// bias graph" and robvis' summary plot draw them. Numbers and text only; the renderer places them.
#pragma once

#include "core/plotdata/axisscale.h"
#include "core/plotdata/forestplotdata.h"
#include "core/plotdata/legend.h"
#include "core/project/project.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace evident {

/// What a traffic light shows inside its circle: "+" low, "−" (U+2212) high, "?" unclear, nothing when
/// not assessed. The colour follows the judgement too, but the symbol alone must carry the meaning
/// (colour-blind readers, greyscale print).
std::string_view robSymbol(RobJudgement judgement);

/// The judgements in the order figures show them: low, unclear, high, not assessed (the bars' order
/// from left to right, as in RevMan and robvis).
const std::array<RobJudgement, 4>& robJudgementOrder();

/// Legend of the judgements, drawn with `symbol` (RobMark or RobBar): "Low risk", "Unclear risk",
/// "High risk", and "Not assessed" when `withNotAssessed`.
std::vector<LegendEntry> robLegend(LegendSymbol symbol, bool withNotAssessed);

/// The studies of the project that have at least one included (ticked) row in `outcome`, once each, in
/// the order of their first row. Rows whose study is not in the project are skipped.
std::vector<const Study*> studiesIncludedIn(const Outcome& outcome, const std::vector<Study>& studies);

/// True when at least one item of the assessment has a judgement.
bool isAssessed(const RiskOfBias& assessment);

/// Adds the traffic-light columns to a forest plot: each study row gets its study's judgements (via
/// ForestRow::outcomeRow → OutcomeRow::study); pooled, statistics and header rows get none. When no
/// plotted study has been assessed, no columns are added and the footer says so instead.
void addForestRiskOfBias(ForestPlotData& plot, const Outcome& outcome, const std::vector<Study>& studies);

/// One part of a bar: the studies with one judgement, from `start` to `start + percent` on the axis.
struct RobSegment {
    RobJudgement judgement = RobJudgement::NotAssessed;
    int count = 0;
    double start = 0;   ///< Percent of the studies before this part
    double percent = 0; ///< Its share: 100 · count / studies
    /// The number of studies, written inside the part when it fits. Counts rather than rounded
    /// percentages: they add up to the n under the axis, and equal parts read equal.
    std::string text;
};

/// One bar of the summary plot: an item and its judgements.
struct RobSummaryBar {
    std::string number; ///< "1"
    std::string label;  ///< "Sequence generation"
    RobItemCounts counts;
    std::vector<RobSegment> segments; ///< In robJudgementOrder(), parts with no studies left out
};

struct RobSummaryData {
    bool ok = false;
    std::string message;             ///< When !ok: why there is nothing to draw
    int studies = 0;                 ///< The studies counted (those included in the outcome)
    int assessed = 0;                ///< Of which judged on at least one item
    std::vector<RobSummaryBar> bars; ///< Ten, item 1 first (drawn at the top)
    AxisScale xAxis;                 ///< 0 to 100 percent
    std::string xTitle;              ///< "Percentage of studies (n = 15)"
    std::vector<LegendEntry> legend;
    std::vector<std::string> caption; ///< Notes under the legend (studies not assessed at all)
};

/// The summary plot of the studies included in `outcome` (studiesIncludedIn). Without studies, or when
/// none of them has been assessed, ok is false and the message says what to do.
RobSummaryData buildRobSummary(const Outcome& outcome, const std::vector<Study>& studies,
                               const FigureSettings& settings);

/// One study's row of the traffic-light figure: its label and its judgement of each item.
struct RobTrafficLightRow {
    std::string label;                    ///< The study's label ("Author E 2018")
    std::vector<RobJudgement> judgements; ///< One per SYRCLE item, in the tool's order
};

/// The per-study traffic-light figure (robvis' "traffic light plot"): studies down, the ten SYRCLE items
/// across, a coloured circle with its symbol per judgement, the items' key and the judgements' legend.
struct RobTrafficLightData {
    bool ok = false;
    std::string message; ///< When !ok: why there is nothing to draw
    std::string studyHeader = "Study";
    std::string itemsHeader = "Risk of bias (SYRCLE)";
    std::vector<std::string> columns; ///< "1" … "10"
    std::vector<RobTrafficLightRow> rows;
    std::vector<RobKeyEntry> key;     ///< What each item number stands for
    std::string keyText;              ///< The same as one sentence, for figures too narrow for a table
    std::vector<LegendEntry> legend;  ///< The judgements (RobMark)
    std::vector<std::string> caption; ///< Studies not assessed on any item
};

/// The traffic lights of the studies included in `outcome` (studiesIncludedIn), one row per study.
/// Without studies, or when none has been assessed, ok is false and the message says what to do.
RobTrafficLightData buildRobTrafficLight(const Outcome& outcome, const std::vector<Study>& studies,
                                         const FigureSettings& settings);

} // namespace evident
