// SPDX-License-Identifier: GPL-3.0-or-later
// Evident's figures as QCustomPlot scenes: the one drawing path of the widgets, the export dialog's
// preview, the exported files and evident-cli. A scene only places what core/plotdata computed: it
// lays the figure out for a viewport (column widths from font metrics, which optional columns fit,
// how many of the core's ticks fit, where text wraps) and hands the drawing to QCustomPlot.
#pragma once

#include "ui/plots/figuremodel.h"
#include "ui/plots/figurestyle.h"

#include <QPointF>
#include <QPointer>
#include <QRectF>
#include <QSize>
#include <QStringList>

#include <optional>
#include <vector>

class QCPAxis;
class QCustomPlot;

namespace evident::plots {

/// What a click on a scene selects, kept in the plot coordinates of the scene's axes so that it
/// follows QCustomPlot's own layout. Valid until the scene is built again.
struct FigureClickTargets {
    QPointer<QCPAxis> xAxis;
    QPointer<QCPAxis> yAxis;
    QRectF area; ///< Viewport units; clicks outside it select nothing
    /// Forest plot: per row (y = the row's index), the Outcome::rows index of a study row.
    std::vector<std::optional<std::size_t>> forestRows;
    struct Point {
        double x = 0;
        double y = 0;
        std::size_t outcomeRow = 0;
    };
    std::vector<Point> points; ///< Funnel plot: the observed studies
    double pointRadius = 0;    ///< Funnel plot: how near (viewport units) a click must be
    /// Not for clicks: the texts the layout shortened ("Author E 2018 (…") or let run off the edge.
    /// A figure a reviewer can submit has none; the tests check every figure for them.
    QStringList cutTexts;

    /// The Outcome::rows index of the study at `position` (viewport units), if any; the nearest
    /// point when funnel points overlap.
    std::optional<std::size_t> rowAt(const QPointF& position) const;
};

/// Replaces everything in `plot` (plottables, items, layout) with the figure of `model`, laid out
/// for a viewport of `size` units. `style.dpi` is the number of those units per inch: widget pixels
/// on screen, image pixels for a raster file, a fine grid for vector files. Fonts are given in
/// points in `style.font` and set so that QCustomPlot's metrics and the paint device agree (see
/// fontReferenceDpi()). Pass the same `size` to QCustomPlot::toPainter() when drawing into a file.
FigureClickTargets buildFigureScene(QCustomPlot& plot, const FigureModel& model, const FigureStyle& style,
                                    const QSize& size);

/// The resolution Qt measures fonts at when no paint device is named (what QCustomPlot's layout
/// uses) and that a QImage, a QPixmap and the paint buffers of QCustomPlot have by default: the
/// primary screen's logical DPI. A scene sets its fonts' point sizes relative to it, and files are
/// painted on devices with exactly this resolution, scaled to theirs, so that text is measured and
/// drawn at one size.
int fontReferenceDpi();

/// Height in `style` units below which forest rows would overlap (a widget's minimum height).
double minimumFigureHeight(const FigureModel& model, const FigureStyle& style);

} // namespace evident::plots
