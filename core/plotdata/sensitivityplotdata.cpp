// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plotdata/sensitivityplotdata.h"

#include "core/report/manuscripttext.h"
#include "core/report/numberformat.h"

#include <cmath>
#include <numeric>

namespace evident {
namespace {

/// One refit: the study it names, and its fit.
struct Refit {
    std::size_t study = 0;
    const MetaAnalysisFit* fit = nullptr;
};

/// The shared shape of both plots: the named study, I² and the pooled effect per refit, then the
/// overall estimate of all the studies as a diamond.
ForestPlotData refitForestPlot(const OutcomeAnalysis& analysis, const Outcome& outcome,
                               const FigureSettings& settings, const std::vector<Refit>& refits,
                               const std::string& labelHeader, const std::string& unavailable,
                               std::vector<std::string> explanation) {
    ForestPlotData plot;
    const AnalysisData& data = analysis.prepared.data;
    const MetaAnalysisFit& overall = analysis.result.overall;
    const EffectMeasure measure = analysis.measure;
    if (data.size() == 0) {
        plot.message = emptyPlotMessage(analysis);
        return plot;
    }
    if (!overall.estimable) {
        plot.message = "The pooled effect could not be estimated.";
        return plot;
    }
    if (refits.empty()) {
        plot.message = unavailable;
        return plot;
    }
    plot.ok = true;
    const bool ratio = isRatioMeasure(measure);
    const int decimals = suggestedDecimals(ratio ? std::exp(overall.estimate) : overall.estimate);
    plot.plotGroupHeader = forestPlotGroupHeader(measure);
    plot.plotHeader = forestMethodHeader(analysis.options.fit);
    plot.columns = {{ForestColumnKind::Label, "", labelHeader, false, "Study"},
                    {ForestColumnKind::ArmData, "", "k", true},
                    {ForestColumnKind::Weight, "", "I\u00b2", true},
                    {ForestColumnKind::Effect, plot.plotGroupHeader, plot.plotHeader, false}};

    std::vector<double> estimates, lowers, uppers;
    for (const Refit& refit : refits)
        if (refit.fit->estimable) {
            estimates.push_back(refit.fit->estimate);
            lowers.push_back(refit.fit->ci.lower);
            uppers.push_back(refit.fit->ci.upper);
        }
    plot.axis = forestAxis(estimates, lowers, uppers, {overall.ci.lower, overall.ci.upper}, ratio);
    plot.nullValue = 0;
    // The labels chosen for the outcome's forest plot, unless this plot has its own.
    const auto [defaultLeft, defaultRight] = favoursLabels(outcome, measure);
    const FigureSettings& forest = outcome.figures.forest;
    const auto label = [](const std::string& own, const std::string& forestLabel,
                          const std::string& fallback) {
        return !own.empty() ? own : !forestLabel.empty() ? forestLabel : fallback;
    };
    plot.favoursLeft = label(settings.favoursLeft, forest.favoursLeft, defaultLeft);
    plot.favoursRight = label(settings.favoursRight, forest.favoursRight, defaultRight);

    const auto fitRow = [&](ForestRowKind kind, std::string label, const MetaAnalysisFit& fit) {
        ForestRow row;
        row.kind = kind;
        row.bold = kind == ForestRowKind::Total;
        row.cells = {std::move(label), std::to_string(fit.k), "", ""};
        if (!fit.estimable) {
            row.cells[3] = "Not estimable";
            return row;
        }
        row.cells[2] = fit.k >= 2 ? formatPercent(fit.i2) : "";
        row.cells[3] = estimateWithInterval(fit.estimate, fit.ci.lower, fit.ci.upper, measure, decimals);
        row.interval = clipInterval(fit.estimate, fit.ci.lower, fit.ci.upper, plot.axis);
        row.markerScale = 0.55; // Equal squares: refits have no weight of their own
        return row;
    };
    for (const Refit& refit : refits) {
        ForestRow row = fitRow(ForestRowKind::Study, data.labels[refit.study], *refit.fit);
        if (refit.study < analysis.prepared.rows.size())
            row.outcomeRow = analysis.prepared.rows[refit.study];
        plot.rows.push_back(std::move(row));
    }
    plot.rows.push_back(fitRow(
        ForestRowKind::Total, "Total (" + formatPercent(100 * analysis.options.fit.level) + " CI)", overall));
    plot.footer = std::move(explanation);
    plot.footer.push_back(overallEffectLine(overall));
    return plot;
}

} // namespace

ForestPlotData buildCumulativeForestPlot(const OutcomeAnalysis& analysis, const Outcome& outcome,
                                         const FigureSettings& settings) {
    std::vector<Refit> refits;
    for (const CumulativeRow& step : analysis.result.cumulative)
        refits.push_back({step.added, &step.fit});
    const std::string& order = analysis.options.cumulativeOrder;
    return refitForestPlot(
        analysis, outcome, settings, refits, "Study added",
        "The cumulative meta-analysis needs at least two studies.",
        {"Each row pools the studies up to and including the one named, "
         + (order.empty() ? std::string("in the order of the data.") : "in order of " + order + ".")});
}

ForestPlotData buildLeaveOneOutForestPlot(const OutcomeAnalysis& analysis, const Outcome& outcome,
                                          const FigureSettings& settings) {
    std::vector<Refit> refits;
    for (const LeaveOneOutRow& row : analysis.result.leaveOneOut)
        refits.push_back({row.omitted, &row.fit});
    return refitForestPlot(analysis, outcome, settings, refits, "Study left out",
                           "The leave-one-out analysis needs at least two studies.",
                           {"Each row pools all the studies but the one named."});
}

} // namespace evident
