// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/scenecanvas.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace evident::plots {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
// Clang 14 (the sanitizer build) does not deduce an aggregate's template arguments by itself.
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

/// The canvases of `plot` on any layer, in drawing order (layers bottom to top, children in order).
std::vector<SceneCanvas*> canvasesIn(const QCustomPlot& plot) {
    std::vector<SceneCanvas*> result;
    for (int i = 0; i < plot.layerCount(); ++i)
        for (QCPLayerable* child : plot.layer(i)->children())
            if (auto* canvas = dynamic_cast<SceneCanvas*>(child))
                result.push_back(canvas);
    return result;
}

/// The part of `line` inside `rect` (Liang and Barsky 1984), or nothing.
std::optional<QLineF> clippedSegment(const QLineF& line, const QRectF& rect) {
    double enter = 0, leave = 1;
    const double dx = line.dx(), dy = line.dy();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {line.x1() - rect.left(), rect.right() - line.x1(), line.y1() - rect.top(),
                         rect.bottom() - line.y1()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return std::nullopt; // Parallel to this edge and outside it
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            enter = std::max(enter, t);
        else
            leave = std::min(leave, t);
    }
    if (enter > leave)
        return std::nullopt;
    return QLineF(line.pointAt(enter), line.pointAt(leave));
}

} // namespace

SceneCanvas::SceneCanvas(QCustomPlot& plot, QCPAxis* xAxis, QCPAxis* yAxis)
    : QCPLayerable(&plot)
    , m_xAxis(xAxis)
    , m_yAxis(yAxis) {}

QPointF SceneCanvas::pixel(const CanvasPoint& point) const {
    // As QCPItemPosition places a point with ptAbsolute or ptPlotCoords on a horizontal key axis.
    const double x = point.plotX && m_xAxis ? m_xAxis->coordToPixel(point.x) : point.x;
    const double y = point.plotY && m_yAxis ? m_yAxis->coordToPixel(point.y) : point.y;
    return {x, y};
}

std::vector<const SceneCanvas*> SceneCanvas::of(const QCustomPlot& plot) {
    const std::vector<SceneCanvas*> canvases = canvasesIn(plot);
    return {canvases.begin(), canvases.end()};
}

void SceneCanvas::removeAll(QCustomPlot& plot) {
    for (SceneCanvas* canvas : canvasesIn(plot))
        delete canvas;
}

void SceneCanvas::applyDefaultAntialiasingHint(QCPPainter* painter) const {
    applyAntialiasingHint(painter, mAntialiased, QCP::aeItems);
}

void SceneCanvas::draw(QCPPainter* painter) {
    for (const CanvasMark& mark : m_marks)
        std::visit(Overloaded{
                       [&](const CanvasText& text) { drawText(painter, text); },
                       [&](const CanvasLine& line) { drawLine(painter, line); },
                       [&](const CanvasMarkers& markers) { drawMarkers(painter, markers); },
                       [&](const CanvasCircle& circle) { drawCircle(painter, circle); },
                   },
                   mark);
}

void SceneCanvas::drawText(QCPPainter* painter, const CanvasText& text) const {
    // QCPItemText's geometry (QCustomPlot 2.1): the text's bounding box by the painter's font
    // metrics, its top left corner rounded to a whole unit after aligning it on the point.
    const QPointF at = pixel(text.at);
    QTransform transform = painter->transform();
    transform.translate(at.x(), at.y());
    if (text.rotation != 0)
        transform.rotate(text.rotation);
    painter->setFont(text.font);
    QRect box = painter->fontMetrics().boundingRect(0, 0, 0, 0, Qt::TextDontClip | Qt::AlignLeft, text.text);
    QPointF topLeft(0, -box.height() / 2.0);
    if (text.align & Qt::AlignHCenter)
        topLeft.rx() -= box.width() / 2.0;
    else if (text.align & Qt::AlignRight)
        topLeft.rx() -= box.width();
    box.moveTopLeft(topLeft.toPoint());
    if (!transform.mapRect(box.adjusted(-1, -1, 1, 1)).intersects(painter->transform().mapRect(clipRect())))
        return;
    const QTransform previous = painter->transform();
    painter->setTransform(transform);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(text.colour));
    painter->drawText(box, Qt::TextDontClip | Qt::AlignLeft, text.text);
    painter->setTransform(previous);
}

void SceneCanvas::drawLine(QCPPainter* painter, const CanvasLine& line) const {
    const QPointF from = pixel(line.from);
    const QPointF to = pixel(line.to);
    if (from == to)
        return;
    // A line in plot coordinates is clipped to its axis rect as QCustomPlot clips an item (the rect
    // moved up one unit); a line wholly inside needs no clip path, which keeps PDFs small.
    const double pad =
        std::max({line.pen.widthF(), line.head.boundingDistance(), line.tail.boundingDistance()});
    const QRectF extent = QRectF(from, to).normalized().adjusted(-pad, -pad, pad, pad);
    const QRect axisRect =
        line.clipToAxisRect && m_yAxis ? m_yAxis->axisRect()->rect().translated(0, -1) : QRect();
    const bool clip = line.clipToAxisRect && m_yAxis && !QRectF(axisRect).contains(extent);
    QLineF segment(from, to);
    if (clip) {
        // Cut to the padded rect first, as QCPItemLine does: a point far beyond the axis never reaches
        // the paint engine as a huge coordinate, and a PDF holds only what shows.
        const auto cut = clippedSegment(segment, QRectF(axisRect).adjusted(-pad, -pad, pad, pad));
        if (!cut)
            return;
        segment = *cut;
        painter->save();
        painter->setClipRect(axisRect, Qt::IntersectClip);
    }
    painter->setPen(line.pen);
    painter->drawLine(segment);
    painter->setBrush(Qt::SolidPattern);
    // The ends sit on the line's own end points (cut away with them when those lie outside).
    const QCPVector2D start(from), end(to);
    if (line.tail.style() != QCPLineEnding::esNone)
        line.tail.draw(painter, start, start - end);
    if (line.head.style() != QCPLineEnding::esNone)
        line.head.draw(painter, end, end - start);
    if (clip)
        painter->restore();
}

void SceneCanvas::drawMarkers(QCPPainter* painter, const CanvasMarkers& markers) const {
    markers.style.applyTo(painter, markers.style.pen());
    for (const PlotPoint& point : markers.points)
        markers.style.drawShape(painter, pixel({point.x, point.y, true, true}));
}

void SceneCanvas::drawCircle(QCPPainter* painter, const CanvasCircle& circle) const {
    const QPointF centre = pixel(circle.centre);
    painter->setPen(circle.pen);
    painter->setBrush(circle.brush);
    painter->drawEllipse(centre, circle.radius, circle.radius);
}

} // namespace evident::plots
