// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plotdata/forestplotdata.h"

#include "core/common/distributions.h"
#include "core/plotdata/forestcolumns.h"
#include "core/report/manuscripttext.h"
#include "core/report/numberformat.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace evident {
namespace {

// One very wide interval must not squash the rest: the axis covers the full intervals only while
// they need at most this many times the range of the estimates and pooled intervals.
constexpr double maxWideningOfCoreRange = 2.5;
// How much a cut axis extends beyond the core range on each side, as a fraction of that range.
constexpr double cutAxisMargin = 0.35;
// Both sides of the null are used "about equally" when the smaller is at least this share of the larger.
constexpr double symmetricShare = 0.3;

} // namespace

std::string forestPlotGroupHeader(EffectMeasure measure) {
    switch (measure) {
    case EffectMeasure::SMD:
    case EffectMeasure::SMDRevMan:
        return "Std. Mean Difference";
    case EffectMeasure::MD:
        return "Mean Difference";
    case EffectMeasure::ROM:
        return "Ratio of Means";
    case EffectMeasure::NMD:
        return "Norm. Mean Difference";
    case EffectMeasure::OR:
        return "Odds Ratio";
    case EffectMeasure::RR:
        return "Risk Ratio";
    case EffectMeasure::RD:
        return "Risk Difference";
    case EffectMeasure::Generic:
        break;
    }
    return "Effect";
}

std::string forestMethodHeader(const FitOptions& fit) {
    // RevMan's method headings: "M-H, Fixed", "Peto, Fixed", "IV, Random".
    std::string text =
        std::string(poolingLabel(fit.pooling.method))
        + (fit.estimator == Tau2Estimator::FixedEffect || fit.pooling.method == PoolingMethod::Peto
               ? ", Fixed"
               : ", Random");
    if (fit.inference == InferenceMethod::HartungKnapp)
        text += " (HKSJ)";
    return text + ", " + formatPercent(100 * fit.level) + " CI";
}

namespace {

std::string weightText(double percent) {
    return formatFixed(percent, 1) + "%";
}

} // namespace

std::string emptyPlotMessage(const OutcomeAnalysis& analysis) {
    const bool shamMissing =
        analysis.measure == EffectMeasure::NMD
        && std::any_of(
            analysis.prepared.issues.begin(), analysis.prepared.issues.end(),
            [](const InputIssue& issue) { return issue.field == entryFieldSpec(EntryField::ShamMean).key; });
    if (shamMissing)
        return "No studies to plot: the normalised mean difference (NMD) needs the sham (healthy animal) "
               "mean of each study. Enter the sham means, or choose another effect measure.";
    return "No studies to plot: enter the data of at least one study.";
}

std::pair<std::string, std::string> favoursLabels(const Outcome& outcome, EffectMeasure measure) {
    const bool positiveIsBenefit = isOrientedToBenefit(measure) || !outcome.lowerIsBetter;
    std::pair<std::string, std::string> labels = positiveIsBenefit
                                                     ? std::pair{"Favours control", "Favours treatment"}
                                                     : std::pair{"Favours treatment", "Favours control"};
    return labels;
}

std::string formatArmValue(double value) {
    const double magnitude = std::abs(value);
    return formatFixed(value, magnitude >= 1000 ? 0 : (magnitude >= 100 ? 1 : 2));
}

AxisScale forestAxis(const std::vector<double>& estimates, const std::vector<double>& lowers,
                     const std::vector<double>& uppers, const std::vector<double>& pooled, bool ratio) {
    // Core range: the null, every estimate and the pooled intervals (what must always be readable).
    double coreLow = 0, coreHigh = 0;
    for (double v : estimates)
        if (std::isfinite(v)) {
            coreLow = std::min(coreLow, v);
            coreHigh = std::max(coreHigh, v);
        }
    for (double v : pooled)
        if (std::isfinite(v)) {
            coreLow = std::min(coreLow, v);
            coreHigh = std::max(coreHigh, v);
        }
    double low = coreLow, high = coreHigh;
    for (double v : lowers)
        if (std::isfinite(v))
            low = std::min(low, v);
    for (double v : uppers)
        if (std::isfinite(v))
            high = std::max(high, v);
    const double coreSpan = std::max(coreHigh - coreLow, 1e-6);
    if (high - low > maxWideningOfCoreRange * coreSpan) {
        low = std::max(low, coreLow - cutAxisMargin * coreSpan);
        high = std::min(high, coreHigh + cutAxisMargin * coreSpan);
    }
    // RevMan's symmetric axis, when both sides carry data.
    const double left = -low, right = high;
    if (left > 0 && right > 0 && std::min(left, right) >= symmetricShare * std::max(left, right)) {
        const double m = std::max(left, right);
        low = -m;
        high = m;
    }
    if (ratio)
        return niceRatioAxis(low, high, 7);
    AxisScale axis = niceLinearAxis(low, high, 7);
    return axis;
}

ForestInterval clipInterval(double estimate, double lower, double upper, const AxisScale& axis) {
    ForestInterval interval;
    interval.estimate = estimate;
    interval.estimateVisible = estimate >= axis.min && estimate <= axis.max;
    interval.clippedLower = !(lower >= axis.min);
    interval.clippedUpper = !(upper <= axis.max);
    interval.lower = std::clamp(std::isfinite(lower) ? lower : axis.min, axis.min, axis.max);
    interval.upper = std::clamp(std::isfinite(upper) ? upper : axis.max, axis.min, axis.max);
    return interval;
}

ForestPlotData buildForestPlot(const OutcomeAnalysis& analysis, const Outcome& outcome,
                               const FigureSettings& settings) {
    ForestPlotData plot;
    const AnalysisData& data = analysis.prepared.data;
    const AnalysisResult& result = analysis.result;
    const MetaAnalysisFit& overall = result.overall;
    const EffectMeasure measure = analysis.measure;
    const bool ratio = isRatioMeasure(measure);
    if (data.size() == 0) {
        plot.message = emptyPlotMessage(analysis);
        return plot;
    }
    if (!overall.estimable) {
        plot.message = "The pooled effect could not be estimated.";
        return plot;
    }
    plot.ok = true;
    const double level = analysis.options.fit.level;
    const double z = normalQuantile(1 - (1 - level) / 2);
    const int decimals = suggestedDecimals(ratio ? std::exp(overall.estimate) : overall.estimate);

    // Columns.
    plot.columns.push_back({ForestColumnKind::Label, "", "Study or Subgroup", false, "Study"});
    const std::vector<ForestColumn> armColumns = forestcolumns::armColumns(analysis);
    plot.columns.insert(plot.columns.end(), armColumns.begin(), armColumns.end());
    plot.columns.push_back({ForestColumnKind::Weight, "", "Weight", true});
    plot.plotGroupHeader = forestPlotGroupHeader(measure);
    plot.plotHeader = forestMethodHeader(analysis.options.fit);
    plot.columns.push_back({ForestColumnKind::Effect, plot.plotGroupHeader, plot.plotHeader, false});
    const std::size_t columnCount = plot.columns.size();

    // Study intervals and the axis.
    std::vector<double> lowers(data.size()), uppers(data.size());
    double heaviest = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const double se = std::sqrt(data.vi[i]);
        lowers[i] = data.yi[i] - z * se;
        uppers[i] = data.yi[i] + z * se;
        if (i < overall.weightPercent.size())
            heaviest = std::max(heaviest, overall.weightPercent[i]);
    }
    std::vector<double> pooled{overall.ci.lower, overall.ci.upper};
    const bool random = analysis.options.fit.estimator != Tau2Estimator::FixedEffect;
    const bool showPrediction = outcome.settings.showPredictionInterval && random && overall.k >= 2
                                && std::isfinite(overall.prediction.lower);
    if (showPrediction) {
        pooled.push_back(overall.prediction.lower);
        pooled.push_back(overall.prediction.upper);
    }
    if (result.subgroups)
        for (const SubgroupFit& group : result.subgroups->groups)
            if (group.fit.estimable) {
                pooled.push_back(group.fit.ci.lower);
                pooled.push_back(group.fit.ci.upper);
            }
    plot.axis = forestAxis(data.yi, lowers, uppers, pooled, ratio);
    plot.nullValue = 0;

    const auto [defaultLeft, defaultRight] = favoursLabels(outcome, measure);
    plot.favoursLeft = settings.favoursLeft.empty() ? defaultLeft : settings.favoursLeft;
    plot.favoursRight = settings.favoursRight.empty() ? defaultRight : settings.favoursRight;

    const TextStyle style{decimals, level};
    const auto studyRow = [&](std::size_t i) {
        ForestRow row;
        row.kind = ForestRowKind::Study;
        row.cells.assign(columnCount, "");
        row.cells[0] = data.labels[i];
        std::size_t c = 1;
        for (std::string& cell : forestcolumns::studyCells(analysis, i, decimals))
            row.cells[c++] = std::move(cell);
        row.weightPercent = i < overall.weightPercent.size() ? overall.weightPercent[i] : 0;
        row.cells[c++] = weightText(row.weightPercent);
        row.cells[c] = estimateWithInterval(data.yi[i], lowers[i], uppers[i], measure, decimals);
        row.outcomeRow =
            i < analysis.prepared.rows.size() ? std::optional(analysis.prepared.rows[i]) : std::nullopt;
        row.interval = clipInterval(data.yi[i], lowers[i], uppers[i], plot.axis);
        row.markerScale = heaviest > 0 ? std::sqrt(row.weightPercent / heaviest) : 1;
        return row;
    };
    const auto pooledRow = [&](ForestRowKind kind, const std::string& label, const MetaAnalysisFit& fit,
                               const std::vector<std::size_t>& studies) {
        ForestRow row;
        row.kind = kind;
        row.bold = true;
        row.cells.assign(columnCount, "");
        row.cells[0] = label;
        double weight = 0;
        for (std::size_t i : studies)
            weight += i < overall.weightPercent.size() ? overall.weightPercent[i] : 0;
        std::size_t c = 1;
        for (std::string& cell : forestcolumns::pooledCells(analysis, studies))
            row.cells[c++] = std::move(cell);
        row.cells[columnCount - 2] = weightText(weight);
        if (fit.estimable) {
            row.cells[columnCount - 1] =
                estimateWithInterval(fit.estimate, fit.ci.lower, fit.ci.upper, measure, decimals);
            row.interval = clipInterval(fit.estimate, fit.ci.lower, fit.ci.upper, plot.axis);
        } else {
            row.cells[columnCount - 1] = "Not estimable";
        }
        return row;
    };
    // RevMan's "Total events" under a pooled row of a dichotomous outcome: table cells, no mark.
    const auto addEventsRow = [&](const std::vector<std::size_t>& studies) {
        std::vector<std::string> cells = forestcolumns::eventCells(analysis, studies);
        if (cells.empty())
            return;
        ForestRow row;
        row.kind = ForestRowKind::Events;
        row.cells.assign(columnCount, "");
        row.cells[0] = "Total events";
        std::size_t c = 1;
        for (std::string& cell : cells)
            row.cells[c++] = std::move(cell);
        plot.rows.push_back(std::move(row));
    };
    const auto statisticRow = [&](std::string text) {
        ForestRow row;
        row.kind = ForestRowKind::Statistic;
        row.cells = {std::move(text)};
        return row;
    };
    const std::string ciLabel = "(" + formatPercent(100 * level) + " CI)";

    std::vector<std::size_t> all(data.size());
    std::iota(all.begin(), all.end(), 0);
    if (result.subgroups && !result.subgroups->groups.empty()) {
        std::vector<bool> placed(data.size(), false);
        for (const SubgroupFit& group : result.subgroups->groups) {
            ForestRow header;
            header.kind = ForestRowKind::SubgroupHeader;
            header.bold = true;
            header.cells.assign(columnCount, "");
            header.cells[0] = group.level;
            plot.rows.push_back(header);
            for (std::size_t i : group.studies) {
                plot.rows.push_back(studyRow(i));
                placed[i] = true;
            }
            plot.rows.push_back(
                pooledRow(ForestRowKind::Subtotal, "Subtotal " + ciLabel, group.fit, group.studies));
            addEventsRow(group.studies);
            if (group.fit.k >= 2)
                plot.rows.push_back(statisticRow(heterogeneityLine(group.fit, style)));
            plot.rows.push_back(statisticRow(overallEffectLine(group.fit)));
        }
        std::vector<std::size_t> unplaced;
        for (std::size_t i = 0; i < data.size(); ++i)
            if (!placed[i])
                unplaced.push_back(i);
        if (!unplaced.empty()) {
            ForestRow header;
            header.kind = ForestRowKind::SubgroupHeader;
            header.bold = true;
            header.cells.assign(columnCount, "");
            header.cells[0] = "No value for " + result.subgroups->variable + " (not in a subgroup)";
            plot.rows.push_back(header);
            for (std::size_t i : unplaced)
                plot.rows.push_back(studyRow(i));
        }
    } else {
        for (std::size_t i = 0; i < data.size(); ++i)
            plot.rows.push_back(studyRow(i));
    }
    plot.rows.push_back(pooledRow(ForestRowKind::Total, "Total " + ciLabel, overall, all));
    if (showPrediction) {
        ForestRow row;
        row.kind = ForestRowKind::PredictionInterval;
        row.cells.assign(columnCount, "");
        row.cells[0] = "Prediction interval";
        row.cells[columnCount - 1] =
            "[" + formatFixed(ratio ? std::exp(overall.prediction.lower) : overall.prediction.lower, decimals)
            + ", "
            + formatFixed(ratio ? std::exp(overall.prediction.upper) : overall.prediction.upper, decimals)
            + "]";
        row.interval =
            clipInterval(overall.estimate, overall.prediction.lower, overall.prediction.upper, plot.axis);
        plot.rows.push_back(row);
    }
    addEventsRow(all);
    if (overall.k >= 2)
        plot.footer.push_back(heterogeneityLine(overall, style));
    plot.footer.push_back(overallEffectLine(overall));
    if (result.subgroups && result.subgroups->between)
        plot.footer.push_back(subgroupDifferenceLine(*result.subgroups->between));
    return plot;
}

} // namespace evident
