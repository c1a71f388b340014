// SPDX-License-Identifier: GPL-3.0-or-later
// Everything a trial sequential analysis plot shows: the cumulative Z-curve against cumulative
// participants, the conventional ±z lines, the alpha-spending boundaries (capped for display), the
// futility wedge, the required information size and the conclusion.
#pragma once

#include "core/plotdata/axisscale.h"
#include "core/plotdata/funnelplotdata.h"
#include "core/project/outcomeanalysis.h"
#include "core/project/project.h"

#include <string>
#include <vector>

namespace evident {

/// A boundary as drawn: points at the monitored looks (x = participants), values limited to the axis;
/// `capped[i]` is true where the true boundary lies beyond the axis (or is infinite).
struct TsaBoundaryLine {
    std::vector<PlotPoint> points;
    std::vector<bool> capped;
};

struct TsaPlotData {
    bool ok = false;
    std::string message; ///< When !ok: the reason from the TSA ("Set the minimal relevant effect …")
    AxisScale xAxis;
    AxisScale yAxis;
    std::string xTitle = "Cumulative number of animals";
    std::string yTitle = "Cumulative Z-score";
    std::vector<PlotPoint> zCurve; ///< Starts at the origin, then one point per look
    std::vector<std::string> lookLabels;
    double conventional = 1.96; ///< z_{1−α/2}: the naive significance lines ±conventional
    std::string conventionalLabel;
    TsaBoundaryLine upper, lower;                 ///< Efficacy (alpha-spending) boundaries
    TsaBoundaryLine futilityUpper, futilityLower; ///< The inner wedge; empty without futility
    std::string boundaryLabel;                    ///< "O'Brien-Fleming boundary"
    std::string futilityLabel = "Futility boundary";
    double ris = 0; ///< x of the required information size line
    std::string risLabel;
    std::string favoursUpper; ///< Region labels: Z > 0 means treatment minus control > 0
    std::string favoursLower;
    std::vector<LegendEntry> legend;
    std::vector<std::string> caption; ///< The conclusion, then the assumptions behind the RIS
};

/// The TSA plot of an analysed outcome. The y axis is symmetric and covers the Z-curve, the
/// conventional lines and at least ±displayedBoundaryMinimum; boundaries beyond it (O'Brien-Fleming's
/// early looks, infinite ones) are drawn at its edge (capped), for display only.
TsaPlotData buildTsaPlot(const OutcomeAnalysis& analysis, const Outcome& outcome,
                         const FigureSettings& settings);

/// The smallest half-range of the Z axis: room for a boundary to be seen coming down.
inline constexpr double displayedBoundaryMinimum = 5;

/// Caps boundary values at ±limit for display (+∞ becomes the limit), marking the capped points.
TsaBoundaryLine capBoundary(const std::vector<double>& x, const std::vector<double>& values, double limit);

} // namespace evident
