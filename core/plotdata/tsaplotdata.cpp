// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plotdata/tsaplotdata.h"

#include "core/common/distributions.h"
#include "core/plotdata/forestplotdata.h"
#include "core/report/numberformat.h"

#include <algorithm>
#include <cmath>

namespace evident {

TsaBoundaryLine capBoundary(const std::vector<double>& x, const std::vector<double>& values, double limit) {
    TsaBoundaryLine line;
    for (std::size_t i = 0; i < x.size() && i < values.size(); ++i) {
        const double v = values[i];
        if (std::isnan(v))
            continue;
        const bool capped = !(std::abs(v) <= limit);
        line.points.push_back({x[i], std::clamp(v, -limit, limit)});
        line.capped.push_back(capped);
    }
    return line;
}

TsaPlotData buildTsaPlot(const OutcomeAnalysis& analysis, const Outcome& outcome,
                         const FigureSettings& /*settings*/) {
    TsaPlotData plot;
    const TsaResult& tsa = analysis.tsa;
    if (!tsa.ok) {
        plot.message = tsa.error.empty() ? "The trial sequential analysis could not be done." : tsa.error;
        return plot;
    }
    if (tsa.looks.empty() || tsa.ris <= 0) {
        plot.message = "The trial sequential analysis has no looks to plot.";
        return plot;
    }
    plot.ok = true;
    plot.conventional = normalQuantile(1 - outcome.tsa.alpha / 2);
    plot.conventionalLabel = "Conventional boundaries (P = " + formatFixed(outcome.tsa.alpha, 2) + ")";
    plot.boundaryLabel = std::string(spendingLabel(outcome.tsa.spending)) + " boundaries";
    plot.ris = tsa.ris;

    // The Z-curve, from the origin.
    plot.zCurve.push_back({0, 0});
    double maxAbsZ = 0, maxParticipants = 0;
    for (const TsaLook& look : tsa.looks) {
        plot.zCurve.push_back({look.participants, look.z});
        plot.lookLabels.push_back(look.label);
        maxAbsZ = std::max(maxAbsZ, std::abs(look.z));
        maxParticipants = std::max(maxParticipants, look.participants);
    }

    // Boundary x positions (participants) and the axes.
    const BoundaryResult& b = tsa.boundaries;
    std::vector<double> x;
    for (double fraction : b.fractions)
        x.push_back(fraction * tsa.ris);
    const double xEnd = std::max({maxParticipants, static_cast<double>(tsa.ris), x.empty() ? 0.0 : x.back()});
    // Fine steps first (0 to 900 rather than 0 to 1000 for 830); the renderer thins crowded labels.
    plot.xAxis = niceLinearAxis(0, xEnd * 1.04, 11);
    plot.xAxis.min = 0;
    const double half = std::max({displayedBoundaryMinimum, maxAbsZ * 1.08, plot.conventional * 1.5});
    plot.yAxis = niceLinearAxis(-half, half, 9);
    const double limit = plot.yAxis.max;

    std::vector<double> lower(b.upper.size());
    for (std::size_t i = 0; i < b.upper.size(); ++i)
        lower[i] = -b.upper[i];
    plot.upper = capBoundary(x, b.upper, limit);
    plot.lower = capBoundary(x, lower, limit);
    if (outcome.tsa.futility) {
        std::vector<double> fx, fu, fl;
        for (std::size_t i = 0; i < b.futility.size() && i < x.size(); ++i)
            if (b.futility[i]) {
                fx.push_back(x[i]);
                fu.push_back(*b.futility[i]);
                fl.push_back(-*b.futility[i]);
            }
        plot.futilityUpper = capBoundary(fx, fu, limit);
        plot.futilityLower = capBoundary(fx, fl, limit);
    }

    plot.risLabel = "RIS = " + formatThousands(tsa.ris);

    const auto [left, right] = favoursLabels(outcome, analysis.measure);
    plot.favoursUpper = right;
    plot.favoursLower = left;

    plot.legend.push_back({LegendSymbol::ZCurve, "Cumulative Z-curve"});
    plot.legend.push_back({LegendSymbol::Conventional, plot.conventionalLabel});
    plot.legend.push_back({LegendSymbol::Boundary, plot.boundaryLabel});
    if (!plot.futilityUpper.points.empty())
        plot.legend.push_back({LegendSymbol::Futility, plot.futilityLabel});
    plot.legend.push_back({LegendSymbol::InformationSize, "Required information size"});

    // The conclusion already names the RIS (and D² or I²); the second line gives the assumptions.
    plot.caption.push_back(tsa.conclusion);
    const bool md = analysis.measure == EffectMeasure::MD;
    const double mre = outcome.tsa.minimalRelevantEffect;
    std::string assumptions =
        binaryMeasureOf(analysis.measure)
            // A dichotomous outcome's TSA is powered for a relative risk reduction (RRR) at a control risk.
            ? "Assumptions: relative risk reduction " + formatPercent(100 * std::abs(mre)) + "; control risk "
                  + (outcome.tsa.controlRisk > 0 ? formatPercent(100 * outcome.tsa.controlRisk)
                                                 : std::string("the pooled observed proportion"))
            : std::string("Assumptions: minimal relevant ") + (md ? "mean difference " : "SMD ")
                  + formatFixed(mre, std::max(2, suggestedDecimals(mre)));
    if (md && outcome.tsa.standardDeviation > 0)
        assumptions += " (SD "
                       + formatFixed(outcome.tsa.standardDeviation,
                                     std::max(2, suggestedDecimals(outcome.tsa.standardDeviation)))
                       + ")";
    assumptions += "; \u03b1 = " + formatPercent(100 * outcome.tsa.alpha)
                   + " (two-sided); \u03b2 = " + formatPercent(100 * outcome.tsa.beta) + "; "
                   + std::string(spendingLabel(outcome.tsa.spending)) + " alpha spending";
    if (outcome.tsa.futility)
        assumptions += ", non-binding futility";
    plot.caption.push_back(assumptions + ".");
    bool capped = false;
    for (const TsaBoundaryLine* line : {&plot.upper, &plot.lower, &plot.futilityUpper, &plot.futilityLower})
        capped = capped || std::find(line->capped.begin(), line->capped.end(), true) != line->capped.end();
    if (capped)
        plot.caption.push_back("Arrows at the edge: the boundary lies beyond Z = \u00b1"
                               + formatFixed(limit, 0) + " there.");
    return plot;
}

} // namespace evident
