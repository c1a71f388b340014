// SPDX-License-Identifier: GPL-3.0-or-later
// Shared parts of the scene builders (internal to evident_plots): fonts and pens in the
// scene's units, text wrapping and tick thinning, the axis rect, text and line items, the legend
// and the caption.
#pragma once

#include "io/qtext.h"
#include "ui/plots/figurescene.h"
#include "ui/plots/scenecanvas.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPen>
#include <QStringList>
#include <qcustomplot.h>

namespace evident::plots {

class SceneBuilder {
public:
    /// Clears `plot` and sets its background, antialiasing and outer margin for `size` units.
    SceneBuilder(QCustomPlot& plot, const FigureStyle& style, const QSize& size);

    QCustomPlot& plot() const { return m_plot; }
    const FigureStyle& style() const { return m_style; }
    QSize size() const { return m_size; }
    /// The viewport less the white margin on every side.
    const QRectF& area() const { return m_area; }
    double em() const { return m_em; }     ///< The font size in units
    double line() const { return m_line; } ///< One table row or text line
    /// Tighter lines for a forest plot that would not fit otherwise.
    void setLine(double line) { m_line = line; }

    /// The figure's font (or bold), `scale` times its size, set so that it measures `scale` · em.
    QFont font(bool bold = false, double scale = 1) const;
    const QFontMetricsF& metrics(bool bold = false) const { return bold ? m_boldMetrics : m_metrics; }
    double width(const QString& text, bool bold = false) const;
    /// `text` shortened with "…" to `width`. Each text shortened is listed in cutTexts().
    QString elided(const QString& text, double width, bool bold = false) const;
    QString elided(const QString& text, double width, const QFont& font) const;
    /// Texts the layout had to shorten or that run off the figure's edge (a good figure has none).
    const QStringList& cutTexts() const { return m_cutTexts; }
    /// Words of `text` flowed into lines no wider than `width`; "P = 0.04" never breaks.
    QStringList wrap(const QString& text, double width, bool bold = false) const;
    /// A pen `points` wide; dashes and dots in the figure's proportions.
    QPen pen(const QColor& colour, double points, Qt::PenStyle style = Qt::SolidLine) const;
    /// The contour shades, lightest first (also in the legend).
    QColor contourShade(int index) const;

    /// Ticks of `scale` thinned until their labels fit `length` units.
    AxisScale fittedTicks(const AxisScale& scale, double length, bool vertical) const;

    /// The scene's one axis rect, in the first row of the layout, with fixed margins (units from
    /// the layout's outer edge) and the other axes hidden. Items and plottables use its axes.
    QCPAxisRect* addAxisRect(const QMargins& margins);
    QCPAxisRect* axisRect() const { return m_axisRect; }
    QCPAxis* xAxis() const { return m_xAxis; }
    QCPAxis* yAxis() const { return m_yAxis; }
    /// Styles `axis` with the core's `ticks` over `scale`'s range: tick marks outward, labels
    /// centred `labelCentre` units from the axis line, no sub-ticks or grid.
    void styleAxis(QCPAxis* axis, const AxisScale& scale, const AxisScale& ticks, double tickLength,
                   double labelCentre) const;

    /// Text centred vertically on y, aligned horizontally on x (Qt::AlignLeft, AlignRight or
    /// AlignHCenter). Absolute units, or y in plot coordinates with yIsRow. The text is returned to be
    /// adjusted (its colour) before the next mark is added.
    CanvasText& text(const QString& text, double x, double y, Qt::Alignment align, const QFont& font,
                     bool yIsRow = false) const;
    CanvasText& text(const QString& text, double x, double y, Qt::Alignment align, bool bold = false,
                     bool yIsRow = false) const;
    /// Text turned to read upwards, centred on (x, y) in absolute units.
    void verticalText(const QString& text, double x, double y, const QFont& font) const;
    /// A straight line in plot coordinates (clipped to the axis rect) or absolute units; returned to
    /// be given ends before the next mark is added.
    CanvasLine& line(const QPointF& from, const QPointF& to, const QPen& pen, bool plotCoordinates) const;
    /// A polyline or filled polygon in plot coordinates (QCPCurve keeps the points' order).
    QCPCurve* curve(const std::vector<PlotPoint>& points, const QPen& pen, const QBrush& brush) const;
    /// A risk-of-bias traffic light centred on (x, y) (placed as text() places text): the judgement's
    /// symbol in bold, on a circle of `diameter` units filled with its colour, or a faint ring when
    /// not assessed.
    void robMark(RobJudgement judgement, double x, double y, double diameter, bool yIsRow) const;
    /// Points as markers that are never clipped at the axis rect's edge.
    void markers(const std::vector<PlotPoint>& points, QCPScatterStyle::ScatterShape shape, double size,
                 const QPen& pen, const QBrush& brush) const;

    /// The most columns the legend's entries can be laid out in (filled row by row) within the
    /// area's width.
    int legendColumns(const std::vector<LegendEntry>& legend) const;
    /// Adds the legend as a layout row (a QCPLegend of the entries, left-aligned, `topGap` units
    /// above it) and returns its height.
    double addLegend(const std::vector<LegendEntry>& legend, double topGap);
    /// Adds text lines under the legend, one layout row of one line height each; the first
    /// `topGap` units lower.
    double addCaption(const QStringList& lines, double topGap);
    /// Runs QCustomPlot's layout for the viewport, as drawing will, so that the axis rect is known.
    void layOut();
    /// Just `message`, centred and wrapped (a figure that cannot be drawn says why).
    void message(const std::string& message);

private:
    /// The canvas marks go to: the last one made, while it is still the topmost layerable of the
    /// plot's current layer and uses the scene's axes; else a new one, so that marks and QCustomPlot
    /// objects stack in the order they were made.
    SceneCanvas& canvas() const;

    QCustomPlot& m_plot;
    const FigureStyle& m_style;
    QSize m_size;
    QRectF m_area;
    double m_points = 8; ///< The font size in points
    double m_em = 0;
    double m_line = 0;
    QFont m_font;
    QFont m_bold;
    QFontMetricsF m_metrics;
    QFontMetricsF m_boldMetrics;
    QCPAxisRect* m_axisRect = nullptr;
    QCPAxis* m_xAxis = nullptr;
    QCPAxis* m_yAxis = nullptr;
    int m_rows = 0; ///< Rows of the layout in use
    mutable SceneCanvas* m_canvas = nullptr;
    mutable QStringList m_cutTexts;
};

/// Where the key of the risk-of-bias items goes: the items in a grid of as many columns as fit (filled
/// column by column, numbers right-aligned), or as one sentence wrapped to the width when not even two
/// columns fit; then, a little lower, the judgements' legend, flowed. Positions relative to the key's
/// top left corner, in units and lines.
struct RobKeyLayout {
    struct Placed {
        double x = 0;
        int line = 0;
    };
    double numberWidth = 0;
    std::vector<Placed> items;  ///< Per key entry: the left of its number column (grid)
    QStringList sentence;       ///< Or the key as wrapped lines
    std::vector<Placed> legend; ///< Per legend entry: the left of its symbol
    int itemLines = 0;
    int legendLines = 0;
    double legendSymbol = 0; ///< Width of a legend entry's symbol slot

    double lines() const { return itemLines + figurelayout::robLegendGapLines + legendLines; }
};
RobKeyLayout robKeyLayout(const SceneBuilder& scene, const ForestRiskOfBias& rob, double width);
/// Draws the key laid out by robKeyLayout with its top line centred on `y` (traffic lights `mark`
/// units wide); returns the y below it.
double drawRobKey(SceneBuilder& scene, const ForestRiskOfBias& rob, const RobKeyLayout& key, double y,
                  double mark);

FigureClickTargets buildForestScene(SceneBuilder& scene, const ForestPlotData& data);
FigureClickTargets buildFunnelScene(SceneBuilder& scene, const FunnelPlotData& data);
FigureClickTargets buildTsaScene(SceneBuilder& scene, const TsaPlotData& data);
FigureClickTargets buildRobSummaryScene(SceneBuilder& scene, const RobSummaryData& data);
FigureClickTargets buildRobTrafficLightScene(SceneBuilder& scene, const RobTrafficLightData& data);

/// The frame shared by funnel and TSA plots: axes with their titles, the legend and the caption
/// in rows under the plot. Returns the axis rect in units (as it will be laid out).
QRectF buildChartFrame(SceneBuilder& scene, const AxisScale& xScale, const AxisScale& yScale, bool yReversed,
                       const std::string& xTitle, const std::string& yTitle,
                       const std::vector<LegendEntry>& legend, const std::vector<std::string>& caption,
                       double rightMargin);

} // namespace evident::plots
