// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/scenebuilder.h"

#include "io/qtext.h"

#include <QFontMetrics>
#include <QImage>

#include <algorithm>
#include <cmath>

namespace evident::plots {
namespace {

namespace fl = figurelayout;

QPen scenePen(const FigureStyle& style, const QColor& colour, double points, Qt::PenStyle penStyle) {
    QPen pen(colour, style.pt(points), penStyle, Qt::FlatCap, Qt::MiterJoin);
    // Dash lengths are in pen widths: the same proportions at every size.
    if (penStyle == Qt::DashLine)
        pen.setDashPattern({4, 3});
    else if (penStyle == Qt::DotLine)
        pen.setDashPattern({1.5, 2});
    return pen;
}

/// The symbol of a traffic light: bold, a little smaller than the text, so that it sits inside a
/// circle of 0.78 lines.
constexpr double robSymbolScale = 0.9;

/// Draws a traffic light with `painter` (the legend's symbol; the plot's marks are items).
void paintRobMark(QCPPainter* p, const FigureStyle& style, const QFont& symbolFont, RobJudgement judgement,
                  const QPointF& centre, double radius) {
    const QColor fill = style.robColour(judgement);
    if (judgement == RobJudgement::NotAssessed) {
        p->setPen(QPen(fill, style.pt(0.7)));
        p->setBrush(Qt::NoBrush);
    } else {
        p->setPen(QPen(fill.darker(125), style.pt(0.4)));
        p->setBrush(fill);
    }
    p->drawEllipse(centre, radius, radius);
    const QString symbol = qs(std::string(robSymbol(judgement)));
    if (symbol.isEmpty())
        return;
    p->setFont(symbolFont);
    p->setPen(style.robSymbol);
    const QRectF box(centre.x() - 2 * radius, centre.y() - 2 * radius, 4 * radius, 4 * radius);
    p->drawText(box, Qt::AlignCenter | Qt::TextDontClip, symbol);
}

QColor contourShadeOf(const FigureStyle& style, int index) {
    static constexpr double shades[] = {0.08, 0.16, 0.27};
    return style.shade(shades[std::clamp(index, 0, 2)]);
}

/// A legend entry: its symbol drawn the way the plot draws that element, then its text.
class SymbolLegendItem : public QCPAbstractLegendItem {
public:
    SymbolLegendItem(QCPLegend* legend, const SceneBuilder& scene, const LegendEntry& entry)
        : QCPAbstractLegendItem(legend)
        , m_entry(entry)
        , m_style(scene.style())
        , m_em(scene.em())
        , m_line(scene.line())
        , m_text(qs(entry.label))
        , m_symbolFont(scene.font(true, robSymbolScale))
        , m_width(fl::legendSymbolEm * scene.em() + scene.width(m_text)) {
        setFont(scene.font());
        setTextColor(scene.style().foreground);
        setMargins(QMargins());
        setSelectable(false);
    }

    double preferredWidth() const { return m_width; }

protected:
    void draw(QCPPainter* painter) override {
        const double x = mRect.left();
        const double y = mRect.top() + mRect.height() / 2.0;
        drawSymbol(painter, x, y);
        painter->setFont(mFont);
        painter->setPen(QPen(mTextColor));
        painter->setBrush(Qt::NoBrush);
        const double textLeft = x + fl::legendSymbolEm * m_em;
        painter->drawText(
            QRectF(textLeft, mRect.top(), std::max(1.0, mRect.right() + 1 - textLeft), mRect.height()),
            Qt::AlignLeft | Qt::AlignVCenter | Qt::TextDontClip, m_text);
    }

    QSize minimumOuterSizeHint() const override {
        return {static_cast<int>(std::ceil(m_width)), static_cast<int>(std::ceil(m_line))};
    }

private:
    QPen pen(const QColor& colour, double points, Qt::PenStyle style = Qt::SolidLine) const {
        return scenePen(m_style, colour, points, style);
    }

    void drawSymbol(QCPPainter* p, double x, double y) const {
        const double w = (fl::legendSymbolEm - 0.5) * m_em;
        const double r = m_line * 0.17;
        p->setBrush(Qt::NoBrush);
        switch (m_entry.symbol) {
        case LegendSymbol::StudyPoint:
            p->setPen(Qt::NoPen);
            p->setBrush(m_style.marker);
            p->drawEllipse(QPointF(x + w / 2, y), r, r);
            break;
        case LegendSymbol::FilledStudyPoint:
            p->setPen(pen(m_style.marker, 0.7));
            p->setBrush(m_style.background);
            p->drawEllipse(QPointF(x + w / 2, y), r, r);
            break;
        case LegendSymbol::PooledLine:
            p->setPen(pen(m_style.pooled, 0.8));
            p->drawLine(QPointF(x, y), QPointF(x + w, y));
            break;
        case LegendSymbol::AdjustedLine:
            p->setPen(pen(m_style.pooled, 0.8, Qt::DashLine));
            p->drawLine(QPointF(x, y), QPointF(x + w, y));
            break;
        case LegendSymbol::PseudoConfidence:
            p->setPen(pen(m_style.foreground, 0.7, Qt::DotLine));
            p->drawLine(QPointF(x, y), QPointF(x + w, y));
            break;
        case LegendSymbol::Contour:
            p->setPen(pen(m_style.shade(0.45), 0.3));
            p->setBrush(contourShadeOf(m_style, m_entry.shade));
            p->drawRect(QRectF(x, y - m_line * 0.3, w, m_line * 0.6));
            break;
        case LegendSymbol::ZCurve:
            p->setPen(pen(m_style.marker, 1.3));
            p->drawLine(QPointF(x, y), QPointF(x + w, y));
            p->setPen(Qt::NoPen);
            p->setBrush(m_style.marker);
            p->drawRect(QRectF(x + w / 2 - r, y - r, 2 * r, 2 * r));
            break;
        case LegendSymbol::Conventional:
            p->setPen(pen(m_style.muted, 0.7, Qt::DashLine));
            p->drawLine(QPointF(x, y), QPointF(x + w, y));
            break;
        case LegendSymbol::Boundary:
            p->setPen(pen(m_style.boundary, 1.1));
            p->drawLine(QPointF(x, y), QPointF(x + w, y));
            break;
        case LegendSymbol::Futility:
            p->setPen(pen(m_style.futility, 1.0, Qt::DashLine));
            p->drawLine(QPointF(x, y), QPointF(x + w, y));
            break;
        case LegendSymbol::InformationSize:
            p->setPen(pen(m_style.foreground, 0.8, Qt::DotLine));
            p->drawLine(QPointF(x + w / 2, y - m_line * 0.4), QPointF(x + w / 2, y + m_line * 0.4));
            break;
        case LegendSymbol::RobMark:
            paintRobMark(p, m_style, m_symbolFont, m_entry.judgement, QPointF(x + w / 2, y),
                         fl::robMarkLines * m_line / 2);
            break;
        case LegendSymbol::RobBar:
            p->setPen(Qt::NoPen);
            p->setBrush(m_style.robColour(m_entry.judgement));
            p->drawRect(QRectF(x, y - m_line * 0.32, w, m_line * 0.64));
            break;
        }
    }

    LegendEntry m_entry;
    FigureStyle m_style;
    double m_em;
    double m_line;
    QString m_text;
    QFont m_symbolFont;
    double m_width;
};

/// Column widths of a legend laid out in `columns` columns, filled row by row.
std::vector<double> legendColumnWidths(const std::vector<double>& widths, std::size_t columns) {
    std::vector<double> result(columns, 0);
    for (std::size_t i = 0; i < widths.size(); ++i)
        result[i % columns] = std::max(result[i % columns], widths[i]);
    return result;
}

} // namespace

int fontReferenceDpi() {
    // A QImage takes the DPI Qt measures fonts at by default; QFontMetrics(font), what QCustomPlot
    // lays its axes and texts out with, uses the same.
    return QImage(1, 1, QImage::Format_RGB32).logicalDpiY();
}

SceneBuilder::SceneBuilder(QCustomPlot& plot, const FigureStyle& style, const QSize& size)
    : m_plot(plot)
    , m_style(style)
    , m_size(size)
    , m_metrics(QFont())
    , m_boldMetrics(QFont()) {
    const QFont& base = style.font;
    m_points = base.pointSizeF() > 0  ? base.pointSizeF()
               : base.pixelSize() > 0 ? base.pixelSize() * 72.0 / style.dpi
                                      : 8.0;
    m_em = style.pt(m_points);
    m_line = fl::lineHeight * m_em;
    m_font = font(false);
    m_bold = font(true);
    m_metrics = QFontMetricsF(m_font);
    m_boldMetrics = QFontMetricsF(m_bold);

    // The canvases first: they refer to the axes that clearing the layout deletes.
    SceneCanvas::removeAll(plot);
    plot.clearItems();
    plot.clearPlottables();
    QCPLayoutGrid* layout = plot.plotLayout();
    layout->clear();
    layout->setRowSpacing(0);
    layout->setColumnSpacing(0);
    layout->setAutoMargins(QCP::msNone);
    const int margin = static_cast<int>(std::lround(style.mm(fl::marginMm)));
    layout->setMargins(QMargins(margin, margin, margin, margin));
    m_area = QRectF(margin, margin, size.width() - 2 * margin, size.height() - 2 * margin);
    plot.setBackground(style.fillBackground ? QBrush(style.background) : QBrush(Qt::NoBrush));
    plot.setAntialiasedElements(QCP::aeAll);
    // The legend lists the figure's own entries: plottables must not add themselves to it (a
    // QCPLegend in the layout becomes the plot's legend).
    plot.setAutoAddPlottableToLegend(false);
    plot.setViewport(QRect(QPoint(0, 0), size));
}

QFont SceneBuilder::font(bool bold, double scale) const {
    QFont f = m_style.font;
    f.setPointSizeF(m_points * scale * m_style.dpi / fontReferenceDpi());
    f.setBold(bold);
    return f;
}

double SceneBuilder::width(const QString& text, bool bold) const {
    return metrics(bold).horizontalAdvance(text);
}

QString SceneBuilder::elided(const QString& text, double width, bool bold) const {
    return elided(text, width, bold ? m_bold : m_font);
}

QString SceneBuilder::elided(const QString& text, double width, const QFont& font) const {
    const QFontMetricsF metrics(font);
    if (metrics.horizontalAdvance(text) <= width)
        return text;
    m_cutTexts.append(text); // A figure should never need this: the tests ask for none
    return metrics.elidedText(text, Qt::ElideRight, width);
}

QStringList SceneBuilder::wrap(const QString& input, double width, bool bold) const {
    // "I² = 43%" and "P = 0.095" never break around their equals sign.
    QString text = input;
    text.replace(QStringLiteral(" = "), QStringLiteral("\u00a0=\u00a0"));
    text.replace(QStringLiteral(" < "), QStringLiteral("\u00a0<\u00a0"));
    QStringList lines;
    QString current;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString candidate = current.isEmpty() ? word : current + QLatin1Char(' ') + word;
        if (!current.isEmpty() && this->width(candidate, bold) > width) {
            lines.append(current);
            current = word;
        } else {
            current = candidate;
        }
    }
    if (!current.isEmpty())
        lines.append(current);
    for (QString& line : lines)
        line.replace(QChar(0x00a0), QLatin1Char(' '));
    return lines;
}

QPen SceneBuilder::pen(const QColor& colour, double points, Qt::PenStyle style) const {
    return scenePen(m_style, colour, points, style);
}

QColor SceneBuilder::contourShade(int index) const {
    return contourShadeOf(m_style, index);
}

AxisScale SceneBuilder::fittedTicks(const AxisScale& scale, double length, bool vertical) const {
    AxisScale fitted = scale;
    while (fitted.ticks.size() > 2) {
        double need = 0;
        for (const AxisTick& tick : fitted.ticks)
            need = std::max(need, vertical ? m_metrics.height() * 1.6 : width(qs(tick.label)) + m_em);
        double closest = length;
        for (std::size_t i = 1; i < fitted.ticks.size(); ++i)
            closest = std::min(closest, length
                                            * std::abs(scale.fraction(fitted.ticks[i].value)
                                                       - scale.fraction(fitted.ticks[i - 1].value)));
        if (closest >= need)
            break;
        const AxisScale fewer = withFewerTicks(scale, static_cast<int>(fitted.ticks.size()) - 1);
        if (fewer.ticks.size() >= fitted.ticks.size())
            break;
        fitted = fewer;
    }
    fitted.min = scale.min;
    fitted.max = scale.max;
    return fitted;
}

QCPAxisRect* SceneBuilder::addAxisRect(const QMargins& margins) {
    auto* rect = new QCPAxisRect(&m_plot, true);
    m_plot.plotLayout()->addElement(m_rows++, 0, rect);
    rect->setLayer(QStringLiteral("background"));
    rect->setAutoMargins(QCP::msNone);
    rect->setMinimumMargins(QMargins());
    rect->setMargins(margins);
    rect->setMinimumSize(0, 0);
    rect->setRangeDrag(Qt::Orientations());
    rect->setRangeZoom(Qt::Orientations());
    for (QCPAxis* axis : rect->axes()) {
        axis->setLayer(QStringLiteral("axes"));
        axis->grid()->setLayer(QStringLiteral("grid"));
        axis->grid()->setVisible(false);
        axis->grid()->setZeroLinePen(Qt::NoPen);
        axis->setVisible(false);
        axis->setSelectableParts(QCPAxis::spNone);
    }
    m_axisRect = rect;
    m_xAxis = rect->axis(QCPAxis::atBottom);
    m_yAxis = rect->axis(QCPAxis::atLeft);
    // Items and plottables made from here on use this rect's axes.
    m_plot.xAxis = m_xAxis;
    m_plot.yAxis = m_yAxis;
    m_plot.xAxis2 = rect->axis(QCPAxis::atTop);
    m_plot.yAxis2 = rect->axis(QCPAxis::atRight);
    return rect;
}

void SceneBuilder::styleAxis(QCPAxis* axis, const AxisScale& scale, const AxisScale& ticks, double tickLength,
                             double tickLabelPadding) const {
    axis->setVisible(true);
    axis->setRange(scale.min, scale.max);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (const AxisTick& tick : ticks.ticks)
        ticker->addTick(tick.value, qs(tick.label));
    ticker->setSubTickCount(0);
    axis->setTicker(ticker);
    axis->setSubTicks(false);
    QPen base = pen(m_style.foreground, 0.6);
    axis->setTickPen(base);
    base.setCapStyle(Qt::SquareCap); // Closes the corner where the two axis lines meet
    axis->setBasePen(base);
    axis->setTickLengthIn(0);
    axis->setTickLengthOut(static_cast<int>(std::lround(tickLength)));
    axis->setTickLabelFont(m_font);
    axis->setTickLabelColor(m_style.foreground);
    axis->setTickLabelPadding(std::max(0, static_cast<int>(std::lround(tickLabelPadding))));
    axis->setLabelFont(m_font);
    axis->setLabelColor(m_style.foreground);
    axis->setOffset(0);
    axis->setPadding(0);
}

SceneCanvas& SceneBuilder::canvas() const {
    QCPLayer* layer = m_plot.currentLayer();
    if (!m_canvas || m_canvas->layer() != layer || layer->children().constLast() != m_canvas
        || m_canvas->xAxis() != m_xAxis || m_canvas->yAxis() != m_yAxis)
        m_canvas = new SceneCanvas(m_plot, m_xAxis, m_yAxis);
    return *m_canvas;
}

void SceneBuilder::verticalText(const QString& text, double x, double y, const QFont& font) const {
    canvas().add(CanvasText{text, {x, y}, Qt::AlignHCenter, font, m_style.foreground, -90});
    const double length = QFontMetricsF(font).horizontalAdvance(text);
    if (y - length / 2 < -0.5 || y + length / 2 > m_size.height() + 0.5)
        m_cutTexts.append(text);
}

CanvasText& SceneBuilder::text(const QString& text, double x, double y, Qt::Alignment align,
                               const QFont& font, bool yIsRow) const {
    // Text that runs off the figure's edge is cut as surely as elided text.
    const QFontMetricsF metrics(font);
    double widest = 0;
    for (const QString& line : text.split(QLatin1Char('\n')))
        widest = std::max(widest, metrics.horizontalAdvance(line));
    const Qt::Alignment horizontal = align & Qt::AlignHorizontal_Mask;
    const double left = horizontal == Qt::AlignRight     ? x - widest
                        : horizontal == Qt::AlignHCenter ? x - widest / 2
                                                         : x;
    const double tolerance = 0.5;
    if (left < -tolerance || left + widest > m_size.width() + tolerance)
        m_cutTexts.append(text);
    return canvas().add(CanvasText{text, {x, y, false, yIsRow}, horizontal, font, m_style.foreground});
}

CanvasText& SceneBuilder::text(const QString& text, double x, double y, Qt::Alignment align, bool bold,
                               bool yIsRow) const {
    return this->text(text, x, y, align, bold ? m_bold : m_font, yIsRow);
}

CanvasLine& SceneBuilder::line(const QPointF& from, const QPointF& to, const QPen& pen,
                               bool plotCoordinates) const {
    const CanvasPoint start{from.x(), from.y(), plotCoordinates, plotCoordinates};
    const CanvasPoint end{to.x(), to.y(), plotCoordinates, plotCoordinates};
    return canvas().add(CanvasLine{start, end, pen, plotCoordinates, {}, {}});
}

QCPCurve* SceneBuilder::curve(const std::vector<PlotPoint>& points, const QPen& pen,
                              const QBrush& brush) const {
    auto* curve = new QCPCurve(m_xAxis, m_yAxis);
    QVector<double> keys, values;
    keys.reserve(static_cast<qsizetype>(points.size()));
    values.reserve(static_cast<qsizetype>(points.size()));
    for (const PlotPoint& point : points) {
        keys.append(point.x);
        values.append(point.y);
    }
    curve->setData(keys, values);
    curve->setPen(pen);
    curve->setBrush(brush);
    curve->setSelectable(QCP::stNone);
    return curve;
}

void SceneBuilder::robMark(RobJudgement judgement, double x, double y, double diameter, bool yIsRow) const {
    // The circle first, then its symbol on it, at the same point.
    const QColor fill = m_style.robColour(judgement);
    const bool assessed = judgement != RobJudgement::NotAssessed;
    canvas().add(CanvasCircle{{x, y, false, yIsRow},
                              diameter / 2,
                              assessed ? QPen(fill.darker(125), m_style.pt(0.4)) : pen(fill, 0.7),
                              assessed ? QBrush(fill) : QBrush(Qt::NoBrush)});
    // Smaller circles (a narrow figure) get a smaller symbol.
    const double scale = robSymbolScale * std::min(1.0, diameter / (fl::robMarkLines * m_line));
    text(qs(std::string(robSymbol(judgement))), x, y, Qt::AlignHCenter, font(true, scale), yIsRow).colour =
        m_style.robSymbol;
}

void SceneBuilder::markers(const std::vector<PlotPoint>& points, QCPScatterStyle::ScatterShape shape,
                           double size, const QPen& pen, const QBrush& brush) const {
    canvas().add(CanvasMarkers{points, QCPScatterStyle(shape, pen, brush, size)});
}

int SceneBuilder::legendColumns(const std::vector<LegendEntry>& legend) const {
    std::vector<double> widths;
    for (const LegendEntry& entry : legend)
        widths.push_back(fl::legendSymbolEm * m_em + width(qs(entry.label)));
    const double gap = fl::legendGapEm * m_em;
    for (std::size_t columns = legend.size(); columns > 1; --columns) {
        double total = gap * static_cast<double>(columns - 1);
        for (double w : legendColumnWidths(widths, columns))
            total += std::ceil(w);
        if (total <= m_area.width())
            return static_cast<int>(columns);
    }
    return 1;
}

double SceneBuilder::addLegend(const std::vector<LegendEntry>& entries, double topGap) {
    if (entries.empty())
        return 0;
    const int columns = legendColumns(entries);
    const int rows = (static_cast<int>(entries.size()) + columns - 1) / columns;
    auto* legend = new QCPLegend;
    m_plot.plotLayout()->addElement(m_rows++, 0, legend);
    legend->setLayer(QStringLiteral("legend"));
    legend->setVisible(true);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setSelectableParts(QCPLegend::spNone);
    legend->setRowSpacing(0);
    const int gap = static_cast<int>(std::lround(fl::legendGapEm * m_em));
    legend->setColumnSpacing(gap);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setWrap(columns);
    std::vector<double> widths;
    for (const LegendEntry& entry : entries) {
        auto* item = new SymbolLegendItem(legend, *this, entry);
        legend->addItem(item);
        widths.push_back(item->preferredWidth());
    }
    // Left-aligned: the legend is as wide as its columns, the rest of its row is margin.
    double legendWidth = gap * (columns - 1);
    for (double w : legendColumnWidths(widths, static_cast<std::size_t>(columns)))
        legendWidth += std::ceil(w);
    const int top = static_cast<int>(std::lround(topGap));
    const int rowHeight = static_cast<int>(std::ceil(m_line));
    legend->setAutoMargins(QCP::msNone);
    legend->setMinimumMargins(QMargins());
    legend->setMargins(QMargins(0, top, std::max(0, static_cast<int>(m_area.width() - legendWidth)), 0));
    legend->setSizeConstraintRect(QCPLayoutElement::scrOuterRect);
    const int height = top + rows * rowHeight;
    legend->setMinimumSize(0, height);
    legend->setMaximumSize(QWIDGETSIZE_MAX, height);
    m_plot.plotLayout()->setRowStretchFactor(m_rows - 1, 0.001);
    return height;
}

double SceneBuilder::addCaption(const QStringList& lines, double topGap) {
    double total = 0;
    const int textHeight = QFontMetrics(m_font).height();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        auto* element = new QCPTextElement(&m_plot, lines[i], m_font);
        m_plot.plotLayout()->addElement(m_rows++, 0, element);
        element->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
        element->setTextColor(m_style.foreground);
        element->setSelectable(false);
        element->setAutoMargins(QCP::msNone);
        element->setMinimumMargins(QMargins());
        // One line height per line, as the content height in core/plotdata reserves.
        const int lineHeight = static_cast<int>(std::lround(m_line + (i == 0 ? topGap : 0)));
        const int below = std::max(0, static_cast<int>(std::lround((m_line - textHeight) / 2)));
        element->setMargins(QMargins(0, std::max(0, lineHeight - textHeight - below), 0, below));
        element->setSizeConstraintRect(QCPLayoutElement::scrOuterRect);
        element->setMinimumSize(0, lineHeight);
        element->setMaximumSize(QWIDGETSIZE_MAX, lineHeight);
        m_plot.plotLayout()->setRowStretchFactor(m_rows - 1, 0.001);
        total += lineHeight;
    }
    return total;
}

void SceneBuilder::layOut() {
    m_plot.setViewport(QRect(QPoint(0, 0), m_size));
    QCPLayoutGrid* layout = m_plot.plotLayout();
    layout->update(QCPLayoutElement::upPreparation);
    layout->update(QCPLayoutElement::upMargins);
    layout->update(QCPLayoutElement::upLayout);
}

void SceneBuilder::message(const std::string& message) {
    const QStringList lines = wrap(qs(message), m_area.width() * 0.85);
    // Centred: a stretching row above and below the lines.
    auto* above = new QCPLayoutElement(&m_plot);
    m_plot.plotLayout()->addElement(m_rows++, 0, above);
    for (const QString& text : lines) {
        auto* element = new QCPTextElement(&m_plot, text, m_font);
        m_plot.plotLayout()->addElement(m_rows++, 0, element);
        element->setTextFlags(Qt::AlignCenter);
        element->setTextColor(m_style.foreground);
        element->setSelectable(false);
        element->setAutoMargins(QCP::msNone);
        element->setMargins(QMargins());
        element->setSizeConstraintRect(QCPLayoutElement::scrOuterRect);
        const int height = static_cast<int>(std::lround(m_line));
        element->setMinimumSize(0, height);
        element->setMaximumSize(QWIDGETSIZE_MAX, height);
    }
    auto* below = new QCPLayoutElement(&m_plot);
    m_plot.plotLayout()->addElement(m_rows++, 0, below);
}

QRectF buildChartFrame(SceneBuilder& scene, const AxisScale& xScale, const AxisScale& yScale, bool yReversed,
                       const std::string& xTitle, const std::string& yTitle,
                       const std::vector<LegendEntry>& legend, const std::vector<std::string>& caption,
                       double rightMargin) {
    const double L = scene.line();
    const double em = scene.em();
    const QRectF& area = scene.area();
    QStringList captionLines;
    for (const std::string& text : caption)
        captionLines += scene.wrap(qs(text), area.width());
    double yLabelWidth = 0;
    for (const AxisTick& t : yScale.ticks)
        yLabelWidth = std::max(yLabelWidth, scene.width(qs(t.label)));
    const double tick = L * 0.28;
    const double leftBlock = L + em * 0.3 + yLabelWidth + em * 0.4 + tick;
    const double lastXLabel = xScale.ticks.empty() ? 0 : scene.width(qs(xScale.ticks.back().label)) / 2;
    const auto rounded = [](double v) { return static_cast<int>(std::lround(v)); };
    QCPAxisRect* rect = scene.addAxisRect(QMargins(rounded(leftBlock), rounded(fl::chartTopLines * L),
                                                   rounded(std::max(rightMargin, lastXLabel + em * 0.2)),
                                                   rounded(fl::chartBottomLines * L)));
    if (!legend.empty())
        scene.addLegend(legend, 0.4 * L);
    if (!captionLines.isEmpty())
        scene.addCaption(captionLines, 0.4 * L);
    scene.layOut();
    const QRectF plot(rect->rect());
    if (plot.height() < 2 * L || plot.width() < 4 * em)
        return plot;

    // Tick labels centred half a line under the tick, the title 1.6 lines under it (x); labels
    // 0.3 em from the tick and the title centred in the first line of the area (y).
    const QFont font = scene.font();
    const QFontMetrics intMetrics(font); // What QCustomPlot measures labels with
    const double h = intMetrics.height();
    QCPAxis* x = scene.xAxis();
    QCPAxis* y = scene.yAxis();
    const AxisScale xTicks = scene.fittedTicks(xScale, plot.width(), false);
    const AxisScale yTicks = scene.fittedTicks(yScale, plot.height(), true);
    const double xPadding = std::max(0.0, 0.5 * L - h / 2);
    scene.styleAxis(x, xScale, xTicks, tick, xPadding);
    x->setLabel(scene.elided(qs(xTitle), area.width()));
    x->setLabelPadding(std::max(0, rounded(1.6 * L - std::round(xPadding) - 1.5 * h)));
    scene.styleAxis(y, yScale, yTicks, tick, 0.3 * em);
    y->setRangeReversed(yReversed);
    y->setLabel(scene.elided(qs(yTitle), plot.height()));
    int widest = 0;
    for (const AxisTick& t : yTicks.ticks)
        widest = std::max(widest, intMetrics.boundingRect(0, 0, 0, 0, Qt::TextDontClip, qs(t.label)).width());
    const double titleCentre = area.left() + 0.5 * L;
    y->setLabelPadding(std::max(
        0, rounded(plot.left() - titleCentre - h / 2 - std::round(tick) - std::round(0.3 * em) - widest)));
    return plot;
}

std::optional<std::size_t> FigureClickTargets::rowAt(const QPointF& position) const {
    if (!xAxis || !yAxis || !area.contains(position))
        return std::nullopt;
    if (!forestRows.empty()) {
        const double row = yAxis->pixelToCoord(position.y());
        const long index = std::lround(row);
        if (index < 0 || static_cast<std::size_t>(index) >= forestRows.size())
            return std::nullopt;
        return forestRows[static_cast<std::size_t>(index)];
    }
    std::optional<std::size_t> best;
    double bestDistance = 0;
    for (const Point& point : points) {
        const double dx = xAxis->coordToPixel(point.x) - position.x();
        const double dy = yAxis->coordToPixel(point.y) - position.y();
        const double distance = dx * dx + dy * dy;
        if (distance <= pointRadius * pointRadius && (!best || distance < bestDistance)) {
            best = point.outcomeRow;
            bestDistance = distance;
        }
    }
    return best;
}

FigureClickTargets buildFigureScene(QCustomPlot& plot, const FigureModel& model, const FigureStyle& style,
                                    const QSize& size) {
    SceneBuilder scene(plot, style, size);
    // A widget squeezed below a line of text shows nothing rather than a layout of negative sizes.
    if (scene.area().width() < 4 * scene.em() || scene.area().height() < 2 * scene.line())
        return {};
    FigureClickTargets targets;
    switch (model.drawing()) {
    case FigureDrawing::Forest:
        targets = buildForestScene(scene, model.forest);
        break;
    case FigureDrawing::Funnel:
        targets = buildFunnelScene(scene, model.funnel);
        break;
    case FigureDrawing::Tsa:
        targets = buildTsaScene(scene, model.tsa);
        break;
    case FigureDrawing::RobSummary:
        targets = buildRobSummaryScene(scene, model.robSummary);
        break;
    case FigureDrawing::RobTrafficLight:
        targets = buildRobTrafficLightScene(scene, model.robTrafficLight);
        break;
    }
    targets.cutTexts = scene.cutTexts();
    return targets;
}

double minimumFigureHeight(const FigureModel& model, const FigureStyle& style) {
    const double em = style.pt(style.font.pointSizeF() > 0 ? style.font.pointSizeF() : 8);
    const double margin = 2 * style.mm(fl::marginMm);
    if (model.drawing() == FigureDrawing::Forest && model.forest.ok) {
        const ForestPlotData& d = model.forest;
        const double lines = fl::forestHeaderLines + fl::forestHeaderGap + static_cast<double>(d.rows.size())
                             + fl::forestAxisLines + static_cast<double>(d.footer.size());
        const double key = d.riskOfBias.shown ? fl::robKeyGapLines + 6 : 0; // Key and legend, roughly
        return margin + (lines + key) * em * 1.2; // Rows may tighten to 1.2 font sizes, no further
    }
    return margin + em * 24;
}

} // namespace evident::plots
