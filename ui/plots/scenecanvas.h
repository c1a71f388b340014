// SPDX-License-Identifier: GPL-3.0-or-later
// The marks of a figure scene (texts, lines, markers, traffic-light circles) kept in one
// QCustomPlot layerable each run, and drawn in the order they were added.
//
// Why not one QCPItemText per text: QCustomPlot registers each item and layerable in lists that it
// searches linearly, so building (and clearing) a scene of n items takes O(n²) time. A forest plot
// of 20,000 studies has about 200,000 marks, which took over a minute; a canvas holds them in a
// vector and draws them in one pass.
#pragma once

#include "core/plotdata/funnelplotdata.h"

#include <QColor>
#include <QFont>
#include <QPen>
#include <QPointer>
#include <QString>
#include <qcustomplot.h>

#include <deque>
#include <variant>
#include <vector>

namespace evident::plots {

/// A position on the canvas: each coordinate in absolute units (the viewport's pixels) or in the
/// plot coordinates of the scene's axes.
struct CanvasPoint {
    double x = 0;
    double y = 0;
    bool plotX = false;
    bool plotY = false;
    bool operator==(const CanvasPoint&) const = default;
};

/// A text drawn as QCPItemText draws it: its bounding box aligned on the point by `align`
/// (horizontally left, right or centred; always centred vertically), then turned by `rotation`
/// degrees about the point.
struct CanvasText {
    QString text;
    CanvasPoint at;
    Qt::Alignment align = Qt::AlignLeft;
    QFont font;
    QColor colour;
    double rotation = 0;
};

/// A straight line, clipped to the axis rect when it is in plot coordinates, with optional ends.
struct CanvasLine {
    CanvasPoint from;
    CanvasPoint to;
    QPen pen;
    bool clipToAxisRect = false;
    QCPLineEnding tail; ///< At `from`
    QCPLineEnding head; ///< At `to`
};

/// Scatter symbols at points in plot coordinates, never clipped at the axis rect's edge (they are
/// only placed inside the axis range, and a square on the axis' end must stay whole).
struct CanvasMarkers {
    std::vector<PlotPoint> points;
    QCPScatterStyle style;
};

/// A circle (a risk-of-bias traffic light, drawn before its symbol).
struct CanvasCircle {
    CanvasPoint centre;
    double radius = 0;
    QPen pen;
    QBrush brush;
};

using CanvasMark = std::variant<CanvasText, CanvasLine, CanvasMarkers, CanvasCircle>;

class SceneCanvas : public QCPLayerable {
public:
    /// A canvas on the plot's current layer, above everything already there. Plot coordinates are
    /// those of `xAxis` and `yAxis` (either may be null when no mark uses it).
    SceneCanvas(QCustomPlot& plot, QCPAxis* xAxis, QCPAxis* yAxis);

    /// Appends a mark; returns it, to be adjusted (it stays valid: marks are kept in a deque).
    template <typename Mark>
    Mark& add(Mark mark) {
        m_marks.emplace_back(std::move(mark));
        return std::get<Mark>(m_marks.back());
    }
    const std::deque<CanvasMark>& marks() const { return m_marks; }
    QCPAxis* xAxis() const { return m_xAxis; }
    QCPAxis* yAxis() const { return m_yAxis; }

    /// Where `point` is in pixels, with the axes' current ranges and the layout's current rects.
    QPointF pixel(const CanvasPoint& point) const;

    /// The canvases of `plot`, in the order they are drawn.
    static std::vector<const SceneCanvas*> of(const QCustomPlot& plot);
    /// Deletes the canvases of `plot` (before its layout, and so its axes, is cleared).
    static void removeAll(QCustomPlot& plot);

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;

private:
    void drawText(QCPPainter* painter, const CanvasText& text) const;
    void drawLine(QCPPainter* painter, const CanvasLine& line) const;
    void drawMarkers(QCPPainter* painter, const CanvasMarkers& markers) const;
    void drawCircle(QCPPainter* painter, const CanvasCircle& circle) const;

    QPointer<QCPAxis> m_xAxis;
    QPointer<QCPAxis> m_yAxis;
    std::deque<CanvasMark> m_marks;
};

} // namespace evident::plots
