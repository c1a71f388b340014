// SPDX-License-Identifier: GPL-3.0-or-later
// Everything a funnel plot shows: studies (effect against standard error, the SE axis inverted), the
// pseudo 95% confidence region around the pooled estimate, the significance contours of a
// contour-enhanced funnel plot, trim-and-fill studies, and the caption with the Egger test.
#pragma once

#include "core/plotdata/axisscale.h"
#include "core/plotdata/legend.h"
#include "core/project/outcomeanalysis.h"
#include "core/project/project.h"

#include <optional>
#include <string>
#include <vector>

namespace evident {

struct PlotPoint {
    double x = 0;
    double y = 0;
};

using Polygon = std::vector<PlotPoint>;

struct FunnelStudy {
    double effect = 0; ///< x, axis coordinates (natural log on a ratio axis)
    double se = 0;     ///< y
    std::string label;
    std::optional<std::size_t> outcomeRow; ///< Observed studies: index in Outcome::rows
};

/// One shaded band of the contour-enhanced funnel: the effects whose two-sided P lies between
/// pLow and pHigh, as polygons already clipped to the plot's axis ranges.
struct FunnelContour {
    double pHigh = 1;
    double pLow = 0;
    std::string label; ///< "0.05 < P < 0.10"
    std::vector<Polygon> polygons;
};

struct FunnelPlotData {
    bool ok = false;
    std::string message;
    AxisScale xAxis;
    AxisScale yAxis; ///< Standard error: min 0 at the top; the renderer draws it inverted
    std::string xTitle;
    std::string yTitle = "Standard error";
    std::vector<FunnelStudy> studies;
    std::vector<FunnelStudy> filled; ///< Trim-and-fill studies (open markers)
    double pooledEstimate = 0;
    std::optional<double> adjustedEstimate; ///< Trim-and-fill adjusted estimate, when studies were filled
    Polygon pseudoConfidence;            ///< Open polyline: left line bottom → apex → right line bottom
    std::string pseudoConfidenceLabel;   ///< "Pseudo 95% CI"
    std::vector<FunnelContour> contours; ///< Empty unless asked for
    std::vector<LegendEntry> legend;
    std::vector<std::string> caption; ///< Egger test, trim and fill
};

/// The funnel plot of an analysed outcome. The pseudo confidence lines are estimate ± z·SE around the
/// pooled estimate (Sterne & Egger 2001, J Clin Epidemiol 54:1046); the contours (settings.contours)
/// shade where a study would be significant at P < 0.10, 0.05 and 0.01 against the null (Peters et al.
/// 2008, J Clin Epidemiol 61:991), i.e. |y| ≥ z_{1−p/2}·SE.
FunnelPlotData buildFunnelPlot(const OutcomeAnalysis& analysis, const Outcome& outcome,
                               const FigureSettings& settings);

/// The region between the lines x = null ± zInner·y and x = null ± zOuter·y (zOuter may be infinite),
/// for y from 0 to yMax, clipped to the box [xMin, xMax] × [0, yMax]: up to two polygons (left, right).
std::vector<Polygon> contourBand(double null, double zInner, double zOuter, double xMin, double xMax,
                                 double yMax);

/// Sutherland–Hodgman clipping of a polygon to an axis-aligned box (Sutherland & Hodgman 1974,
/// Commun ACM 17:32).
Polygon clipPolygon(const Polygon& polygon, double xMin, double xMax, double yMin, double yMax);

} // namespace evident
