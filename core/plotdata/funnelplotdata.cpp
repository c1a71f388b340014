// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plotdata/funnelplotdata.h"

#include "core/common/distributions.h"
#include "core/report/manuscripttext.h"
#include "core/report/numberformat.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace evident {
namespace {

/// Room kept between a study's point and the x axis' ends, as a share of the axis (a marker's half
/// width in a single-column figure, with a little to spare).
constexpr double markerRoom = 0.025;

// The contour levels of Peters et al. (2008): two-sided P of 0.10, 0.05 and 0.01.
constexpr double contourLevels[] = {0.10, 0.05, 0.01};

Polygon clipEdge(const Polygon& input, const std::function<bool(const PlotPoint&)>& inside,
                 const std::function<PlotPoint(const PlotPoint&, const PlotPoint&)>& cross) {
    Polygon output;
    if (input.empty())
        return output;
    PlotPoint previous = input.back();
    for (const PlotPoint& current : input) {
        if (inside(current)) {
            if (!inside(previous))
                output.push_back(cross(previous, current));
            output.push_back(current);
        } else if (inside(previous)) {
            output.push_back(cross(previous, current));
        }
        previous = current;
    }
    return output;
}

PlotPoint atX(const PlotPoint& a, const PlotPoint& b, double x) {
    const double t = (x - a.x) / (b.x - a.x);
    return {x, a.y + t * (b.y - a.y)};
}

PlotPoint atY(const PlotPoint& a, const PlotPoint& b, double y) {
    const double t = (y - a.y) / (b.y - a.y);
    return {a.x + t * (b.x - a.x), y};
}

std::string contourLabel(double pLow, double pHigh) {
    const auto p = [](double v) { return formatFixed(v, 2); };
    if (pLow <= 0)
        return "P < " + p(pHigh);
    if (pHigh >= 1)
        return "P > " + p(pLow);
    return p(pLow) + " < P < " + p(pHigh);
}

} // namespace

Polygon clipPolygon(const Polygon& polygon, double xMin, double xMax, double yMin, double yMax) {
    Polygon result = polygon;
    result = clipEdge(
        result, [&](const PlotPoint& p) { return p.x >= xMin; },
        [&](const PlotPoint& a, const PlotPoint& b) { return atX(a, b, xMin); });
    result = clipEdge(
        result, [&](const PlotPoint& p) { return p.x <= xMax; },
        [&](const PlotPoint& a, const PlotPoint& b) { return atX(a, b, xMax); });
    result = clipEdge(
        result, [&](const PlotPoint& p) { return p.y >= yMin; },
        [&](const PlotPoint& a, const PlotPoint& b) { return atY(a, b, yMin); });
    result = clipEdge(
        result, [&](const PlotPoint& p) { return p.y <= yMax; },
        [&](const PlotPoint& a, const PlotPoint& b) { return atY(a, b, yMax); });
    return result;
}

std::vector<Polygon> contourBand(double null, double zInner, double zOuter, double xMin, double xMax,
                                 double yMax) {
    std::vector<Polygon> polygons;
    // Far enough beyond the box that an infinite outer line is "the box edge" after clipping.
    const double far = (xMax - xMin) + std::abs(null) + 1;
    for (const double side : {-1.0, 1.0}) {
        Polygon band;
        band.push_back({null, 0});
        if (std::isfinite(zOuter)) {
            band.push_back({null + side * zOuter * yMax, yMax});
        } else {
            band.push_back({null + side * far * 4, 0});
            band.push_back({null + side * far * 4, yMax});
        }
        band.push_back({null + side * zInner * yMax, yMax});
        Polygon clipped = clipPolygon(band, xMin, xMax, 0, yMax);
        if (clipped.size() >= 3)
            polygons.push_back(std::move(clipped));
    }
    return polygons;
}

FunnelPlotData buildFunnelPlot(const OutcomeAnalysis& analysis, const Outcome& /*outcome*/,
                               const FigureSettings& settings) {
    FunnelPlotData plot;
    const AnalysisData& data = analysis.prepared.data;
    const AnalysisResult& result = analysis.result;
    const EffectMeasure measure = analysis.measure;
    const bool ratio = isRatioMeasure(measure);
    if (data.size() < 2) {
        plot.message = "A funnel plot needs at least two studies.";
        return plot;
    }
    if (!result.overall.estimable) {
        plot.message = "The pooled effect could not be estimated.";
        return plot;
    }
    plot.ok = true;
    const double level = analysis.options.fit.level;
    const double z = normalQuantile(1 - (1 - level) / 2);
    plot.pooledEstimate = result.overall.estimate;
    plot.xTitle = std::string(measureLabel(measure)) + (ratio ? " (log scale)" : "");
    plot.pseudoConfidenceLabel = "Pseudo " + formatPercent(100 * level) + " CI";

    double seMax = 0;
    double xLow = plot.pooledEstimate, xHigh = plot.pooledEstimate;
    for (std::size_t i = 0; i < data.size(); ++i) {
        FunnelStudy study;
        study.effect = data.yi[i];
        study.se = std::sqrt(data.vi[i]);
        study.label = data.labels[i];
        if (i < analysis.prepared.rows.size())
            study.outcomeRow = analysis.prepared.rows[i];
        seMax = std::max(seMax, study.se);
        xLow = std::min(xLow, study.effect);
        xHigh = std::max(xHigh, study.effect);
        plot.studies.push_back(study);
    }
    const std::optional<TrimAndFill>& tf = result.trimAndFill;
    if (tf && tf->k0 > 0) {
        for (std::size_t i = 0; i < tf->filledYi.size(); ++i) {
            FunnelStudy study;
            study.effect = tf->filledYi[i];
            study.se = std::sqrt(tf->filledVi[i]);
            study.label = "Filled study " + std::to_string(i + 1);
            seMax = std::max(seMax, study.se);
            xLow = std::min(xLow, study.effect);
            xHigh = std::max(xHigh, study.effect);
            plot.filled.push_back(study);
        }
        if (tf->adjusted.estimable)
            plot.adjustedEstimate = tf->adjusted.estimate;
    }

    plot.yAxis = niceLinearAxis(0, seMax * 1.02, 6);
    plot.yAxis.min = 0;
    const double yMax = plot.yAxis.max;
    // The x axis shows every study and the pseudo confidence lines down to the axis' largest SE.
    xLow = std::min(xLow, plot.pooledEstimate - z * yMax);
    xHigh = std::max(xHigh, plot.pooledEstimate + z * yMax);
    plot.xAxis = ratio ? niceRatioAxis(xLow, xHigh, 7) : niceLinearAxis(xLow, xHigh, 7);
    // A marker on the axis' end would be half cut by the frame (a filled study at exactly −1.0): a
    // point closer to an end than a marker's half width gets the axis widened past it.
    const double pad = markerRoom * (plot.xAxis.max - plot.xAxis.min);
    bool nearEnd = false;
    for (const auto* points : {&plot.studies, &plot.filled})
        for (const FunnelStudy& study : *points)
            nearEnd = nearEnd || study.effect < plot.xAxis.min + pad || study.effect > plot.xAxis.max - pad;
    if (nearEnd) {
        for (const auto* points : {&plot.studies, &plot.filled})
            for (const FunnelStudy& study : *points) {
                xLow = std::min(xLow, study.effect - pad);
                xHigh = std::max(xHigh, study.effect + pad);
            }
        plot.xAxis = ratio ? niceRatioAxis(xLow, xHigh, 7) : niceLinearAxis(xLow, xHigh, 7);
    }

    const Polygon left{{plot.pooledEstimate - z * yMax, yMax}, {plot.pooledEstimate, 0}};
    const Polygon right{{plot.pooledEstimate, 0}, {plot.pooledEstimate + z * yMax, yMax}};
    plot.pseudoConfidence = {left[0], left[1], right[1]};

    if (settings.contours) {
        double inner = 0;
        double pHigh = 1;
        for (double p : contourLevels) {
            const double outer = normalQuantile(1 - p / 2);
            // The band between the previous level and this one; the innermost band (P > 0.10) stays white.
            if (inner > 0) {
                FunnelContour contour;
                contour.pHigh = pHigh;
                contour.pLow = p;
                contour.label = contourLabel(p, pHigh);
                contour.polygons = contourBand(0, inner, outer, plot.xAxis.min, plot.xAxis.max, yMax);
                plot.contours.push_back(std::move(contour));
            }
            inner = outer;
            pHigh = p;
        }
        FunnelContour last;
        last.pHigh = pHigh;
        last.pLow = 0;
        last.label = contourLabel(0, pHigh);
        last.polygons = contourBand(0, inner, INFINITY, plot.xAxis.min, plot.xAxis.max, yMax);
        plot.contours.push_back(std::move(last));
    }

    plot.legend.push_back({LegendSymbol::StudyPoint, "Studies"});
    if (!plot.filled.empty())
        plot.legend.push_back({LegendSymbol::FilledStudyPoint, "Filled studies (trim and fill)"});
    plot.legend.push_back({LegendSymbol::PooledLine, "Pooled estimate"});
    if (plot.adjustedEstimate)
        plot.legend.push_back({LegendSymbol::AdjustedLine, "Adjusted estimate"});
    plot.legend.push_back({LegendSymbol::PseudoConfidence, plot.pseudoConfidenceLabel});
    for (std::size_t i = 0; i < plot.contours.size(); ++i)
        plot.legend.push_back({LegendSymbol::Contour, plot.contours[i].label, static_cast<int>(i)});

    const TextStyle style{suggestedDecimals(ratio ? std::exp(plot.pooledEstimate) : plot.pooledEstimate),
                          level};
    if (result.egger) {
        const EggerTest& e = *result.egger;
        plot.caption.push_back("Egger's test: bias = " + formatFixed(e.bias, 2) + " (SE "
                               + formatFixed(e.se, 2) + "), t = " + formatFixed(e.statistic, 2)
                               + ", df = " + std::to_string(e.df) + ", " + formatPStatement(e.p));
    } else {
        plot.caption.push_back("Egger's test: needs at least 3 studies with different standard errors");
    }
    if (tf) {
        std::string line = "Trim and fill: " + std::to_string(tf->k0) + (tf->k0 == 1 ? " study" : " studies")
                           + " imputed on the " + (tf->side == FunnelSide::Left ? "left" : "right");
        if (tf->k0 > 0 && tf->adjusted.estimable)
            line += "; adjusted " + pooledSentence(tf->adjusted, measure, style);
        plot.caption.push_back(line);
    }
    return plot;
}

} // namespace evident
