// SPDX-License-Identifier: GPL-3.0-or-later
// The trial sequential analysis plot as a QCustomPlot scene: the Z-curve and the boundaries as
// curves with markers at the looks, the null, conventional and RIS lines as line items, the RIS
// label and the "Favours" labels as text items.
#include "ui/plots/scenebuilder.h"

#include <algorithm>

namespace evident::plots {
namespace {

/// A boundary as runs of its points within the axis; where it leaves the axis (O'Brien-Fleming's early
/// looks, infinite boundaries) the line ends in an arrow at the edge, pointing on, and nothing is
/// drawn along the edge: a flat line there would read as data.
void addBoundary(SceneBuilder& scene, const TsaBoundaryLine& line, const QPen& pen) {
    if (line.points.empty())
        return;
    const double L = scene.line();
    const QCPLineEnding arrow(QCPLineEnding::esFlatArrow, 0.45 * L, 0.55 * L);
    std::vector<PlotPoint> run;
    const auto flush = [&] {
        if (run.size() > 1)
            scene.curve(run, pen, Qt::NoBrush);
        run.clear();
    };
    for (std::size_t i = 0; i < line.points.size(); ++i) {
        if (line.capped[i]) {
            flush();
            continue;
        }
        // Coming in from beyond the edge: an arrow from the point to the edge.
        if (i > 0 && line.capped[i - 1])
            scene
                .line({line.points[i].x, line.points[i].y}, {line.points[i - 1].x, line.points[i - 1].y}, pen,
                      true)
                .head = arrow;
        run.push_back(line.points[i]);
        if (i + 1 < line.points.size() && line.capped[i + 1])
            scene
                .line({line.points[i].x, line.points[i].y}, {line.points[i + 1].x, line.points[i + 1].y}, pen,
                      true)
                .head = arrow;
    }
    flush();
    // Monitored looks with a finite boundary get a small dot, as in the TSA program.
    std::vector<PlotPoint> looks;
    for (std::size_t i = 0; i < line.points.size(); ++i)
        if (!line.capped[i])
            looks.push_back(line.points[i]);
    if (!looks.empty())
        scene.markers(looks, QCPScatterStyle::ssCircle, 2 * scene.line() * 0.09, Qt::NoPen,
                      QBrush(pen.color()));
}

} // namespace

FigureClickTargets buildTsaScene(SceneBuilder& scene, const TsaPlotData& d) {
    if (!d.ok) {
        scene.message(d.message);
        return {};
    }
    const FigureStyle& style = scene.style();
    const double L = scene.line();
    const QRectF& area = scene.area();
    const QRectF plot =
        buildChartFrame(scene, d.xAxis, d.yAxis, false, d.xTitle, d.yTitle, d.legend, d.caption, 1.3 * L);
    if (plot.height() < 2 * L || plot.width() < 4 * scene.em())
        return {};

    const double x0 = d.xAxis.min, x1 = d.xAxis.max;
    scene.line({x0, 0}, {x1, 0}, scene.pen(style.muted, 0.5), true);
    const QPen conventional = scene.pen(style.muted, 0.7, Qt::DashLine);
    scene.line({x0, d.conventional}, {x1, d.conventional}, conventional, true);
    scene.line({x0, -d.conventional}, {x1, -d.conventional}, conventional, true);

    scene.line({d.ris, d.yAxis.min}, {d.ris, d.yAxis.max}, scene.pen(style.foreground, 0.8, Qt::DotLine),
               true);
    const QString risLabel = qs(d.risLabel);
    const double risHalf = scene.width(risLabel) / 2;
    const double risX = std::clamp(scene.xAxis()->coordToPixel(d.ris), area.left() + risHalf,
                                   std::max(area.left() + risHalf, area.right() - risHalf));
    scene.text(risLabel, risX, plot.top() - 0.6 * L, Qt::AlignHCenter);

    addBoundary(scene, d.futilityUpper, scene.pen(style.futility, 1.0, Qt::DashLine));
    addBoundary(scene, d.futilityLower, scene.pen(style.futility, 1.0, Qt::DashLine));
    addBoundary(scene, d.upper, scene.pen(style.boundary, 1.1));
    addBoundary(scene, d.lower, scene.pen(style.boundary, 1.1));

    scene.curve(d.zCurve, scene.pen(style.marker, 1.3), Qt::NoBrush);
    if (d.zCurve.size() > 1)
        scene.markers(std::vector<PlotPoint>(d.zCurve.begin() + 1, d.zCurve.end()), QCPScatterStyle::ssSquare,
                      2 * L * 0.14, Qt::NoPen, QBrush(style.marker));

    // Which way is benefit: labels along the right edge, one per half.
    const double labelX = plot.right() + 0.75 * L;
    const double halfHeight = plot.height() / 2;
    for (const auto& [text, centre] : {std::pair{d.favoursUpper, plot.top() + halfHeight / 2},
                                       std::pair{d.favoursLower, plot.bottom() - halfHeight / 2}}) {
        // A short plot (a single-column figure) sets the label smaller, to 70%, before it would cut it.
        const QString label_ = qs(text);
        const double scale = std::clamp(halfHeight * 0.95 / std::max(1.0, scene.width(label_)), 0.7, 1.0);
        const QFont font = scene.font(false, scale);
        scene.verticalText(scene.elided(label_, halfHeight * 0.95, font), labelX, centre, font);
    }
    return {};
}

} // namespace evident::plots
