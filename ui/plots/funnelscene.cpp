// SPDX-License-Identifier: GPL-3.0-or-later
// The contour-enhanced funnel plot as a QCustomPlot scene: effect against standard error, the SE
// axis reversed (0 at the top); contour bands as filled curves, the pseudo-CI lines as a dotted
// curve, the pooled and adjusted estimates as line items, studies as markers.
#include "ui/plots/scenebuilder.h"

namespace evident::plots {

FigureClickTargets buildFunnelScene(SceneBuilder& scene, const FunnelPlotData& d) {
    FigureClickTargets targets;
    if (!d.ok) {
        scene.message(d.message);
        return targets;
    }
    const FigureStyle& style = scene.style();
    const double L = scene.line();
    const QRectF plot =
        buildChartFrame(scene, d.xAxis, d.yAxis, true, d.xTitle, d.yTitle, d.legend, d.caption, scene.em());
    if (plot.height() < 2 * L || plot.width() < 4 * scene.em())
        return targets;

    for (std::size_t i = 0; i < d.contours.size(); ++i)
        for (const Polygon& polygon : d.contours[i].polygons)
            scene.curve(polygon, Qt::NoPen, QBrush(scene.contourShade(static_cast<int>(i))));
    scene.curve(d.pseudoConfidence, scene.pen(style.foreground, 0.7, Qt::DotLine), Qt::NoBrush);
    scene.line({d.pooledEstimate, d.yAxis.min}, {d.pooledEstimate, d.yAxis.max}, scene.pen(style.pooled, 0.8),
               true);
    if (d.adjustedEstimate)
        scene.line({*d.adjustedEstimate, d.yAxis.min}, {*d.adjustedEstimate, d.yAxis.max},
                   scene.pen(style.pooled, 0.8, Qt::DashLine), true);

    // Marker size shrinks a little with many studies so that clusters stay legible.
    const std::size_t k = d.studies.size() + d.filled.size();
    const double r = L * (k > 100 ? 0.11 : 0.16);
    std::vector<PlotPoint> filled, observed;
    for (const FunnelStudy& s : d.filled)
        filled.push_back({s.effect, s.se});
    for (const FunnelStudy& s : d.studies) {
        observed.push_back({s.effect, s.se});
        if (s.outcomeRow)
            targets.points.push_back({s.effect, s.se, *s.outcomeRow});
    }
    if (!filled.empty())
        scene.markers(filled, QCPScatterStyle::ssCircle, 2 * r, scene.pen(style.marker, 0.7),
                      QBrush(style.background));
    scene.markers(observed, QCPScatterStyle::ssCircle, 2 * r, Qt::NoPen, QBrush(style.marker));
    targets.xAxis = scene.xAxis();
    targets.yAxis = scene.yAxis();
    targets.area = scene.area();
    targets.pointRadius = 2 * r;
    return targets;
}

} // namespace evident::plots
