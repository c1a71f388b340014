// SPDX-License-Identifier: GPL-3.0-or-later
// Everything a Cochrane/RevMan-style forest plot shows, as numbers and text: the table columns, one row
// per study (or subgroup header, subtotal, total), the squares, whiskers and diamonds in axis
// coordinates, the axis with its ticks, the "Favours" labels and the statistics lines. The renderer
// only places and draws these.
#pragma once

#include "core/plotdata/axisscale.h"
#include "core/plotdata/legend.h"
#include "core/project/outcomeanalysis.h"
#include "core/project/project.h"

#include <optional>
#include <string>
#include <vector>

namespace evident {

enum class ForestColumnKind {
    Label,   ///< Study or subgroup
    ArmData, ///< Mean, SD, Total of one group (dropped first when the figure is narrow)
    Weight,  ///< Weight %
    Effect,  ///< Effect with its CI as text
};

struct ForestColumn {
    ForestColumnKind kind = ForestColumnKind::Label;
    std::string group;  ///< First header line, shared by neighbouring columns ("Treatment")
    std::string header; ///< Second header line ("Mean")
    bool alignRight = true;
    std::string shortHeader = {}; ///< Used instead of `header` where it would run into the plot's title
};

enum class ForestRowKind {
    SubgroupHeader, ///< The name of a subgroup, bold
    Study,
    Subtotal,           ///< A subgroup's pooled estimate: diamond
    Total,              ///< The overall pooled estimate: diamond
    PredictionInterval, ///< Bar of the prediction interval of the row above
    Statistic,          ///< A line of text (heterogeneity, test for the overall effect)
    Events,             ///< "Total events" of each group under a pooled row (dichotomous): text only
};

/// An interval in axis coordinates (natural logs on a ratio axis), already limited to the axis range;
/// the flags say which ends were cut (drawn as arrows).
struct ForestInterval {
    double estimate = 0;
    double lower = 0;
    double upper = 0;
    bool clippedLower = false;
    bool clippedUpper = false;
    bool estimateVisible = true; ///< False when the estimate itself lies outside the axis range
};

struct ForestRow {
    ForestRowKind kind = ForestRowKind::Study;
    std::vector<std::string> cells; ///< Aligned with ForestPlotData::columns; a Statistic row has one
    bool bold = false;
    std::optional<std::size_t> outcomeRow; ///< Study: its index in Outcome::rows
    std::optional<ForestInterval> interval;
    double weightPercent = 0; ///< Study: its weight in the overall model
    double markerScale = 0;   ///< Study: square side relative to the heaviest study (area ∝ weight), (0, 1]
    /// Study rows when the risk-of-bias columns are shown: the study's SYRCLE judgement of each item, in
    /// the tool's order (one traffic light per column). Empty for every other row.
    std::vector<RobJudgement> riskOfBias;
};

/// One line of the key under the traffic lights: "1" "Sequence generation".
struct RobKeyEntry {
    std::string number;
    std::string label;
};

/// The SYRCLE traffic-light columns to the right of the plot (FigureSettings::riskOfBias); the marks
/// themselves are on the study rows (ForestRow::riskOfBias).
struct ForestRiskOfBias {
    bool shown = false;                  ///< Asked for, and at least one plotted study is assessed
    std::string header = "Risk of bias"; ///< First header line, over all the columns
    std::vector<std::string> columns;    ///< Second header line: the item numbers "1" … "10"
    std::vector<RobKeyEntry> key;        ///< Under the plot: what each number stands for
    std::string keyText;             ///< The same as one sentence, for figures too narrow for a table of them
    std::vector<LegendEntry> legend; ///< The judgements (RobMark symbols)
};

struct ForestPlotData {
    bool ok = false;
    std::string message; ///< When !ok: why there is nothing to plot
    std::vector<ForestColumn> columns;
    std::string plotGroupHeader; ///< Above the plot column, e.g. "Std. Mean Difference"
    std::string plotHeader;      ///< e.g. "IV, Random, 95% CI"
    std::vector<ForestRow> rows;
    std::vector<std::string> footer; ///< Statistics lines under the axis
    AxisScale axis;
    double nullValue = 0; ///< Axis coordinate of no effect (0; ln 1 on a ratio axis)
    std::string favoursLeft;
    std::string favoursRight;
    ForestRiskOfBias riskOfBias;
};

/// The default axis labels: "Favours control" on the left and "Favours treatment" on the right when a
/// positive effect means benefit, swapped when lower is better (an NMD is oriented to benefit already).
/// FigureSettings::favoursLeft/Right replace them when not empty.
std::pair<std::string, std::string> favoursLabels(const Outcome& outcome, EffectMeasure measure);

/// Why a plot of the outcome has no study: the sham means an NMD needs, or no data at all.
std::string emptyPlotMessage(const OutcomeAnalysis& analysis);

/// The title over the plot column: "Std. Mean Difference", "Ratio of Means", …
std::string forestPlotGroupHeader(EffectMeasure measure);
/// The method line under it: "IV, Random, 95% CI", "IV, Fixed (HKSJ), 95% CI".
std::string forestMethodHeader(const FitOptions& fit);

/// The forest plot of an analysed outcome, with subgroup blocks when the analysis has subgroups.
/// Study intervals are y ± z·√v at the analysis' level (normal quantile, as RevMan and metafor's forest
/// draw them); weights are those of the overall model (Σ = 100%, subtotals add their studies').
ForestPlotData buildForestPlot(const OutcomeAnalysis& analysis, const Outcome& outcome,
                               const FigureSettings& settings);

/// The axis of a forest plot: covers the intervals and the null value, is symmetric about the null
/// when both sides are used about equally (as RevMan draws it), and does not let one very wide
/// interval squash the others (such intervals are cut and drawn with arrows). Axis coordinates.
AxisScale forestAxis(const std::vector<double>& estimates, const std::vector<double>& lowers,
                     const std::vector<double>& uppers, const std::vector<double>& pooled, bool ratio);

/// Limits an interval to the axis range and says which ends were cut.
ForestInterval clipInterval(double estimate, double lower, double upper, const AxisScale& axis);

/// A group summary number for the table: two decimals, one from 100, none from 1000.
std::string formatArmValue(double value);

} // namespace evident
