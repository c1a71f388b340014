// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/figurerenderer.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace evident::plots {
namespace {

namespace fl = figurelayout;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

/// Fonts, metrics and the line height of one drawing.
struct Context {
    QPainter& painter;
    const FigureStyle& style;
    QFont font;
    QFont bold;
    QFontMetricsF metrics;
    QFontMetricsF boldMetrics;
    double em;   ///< The font size in device pixels
    double line; ///< One text line or table row

    Context(QPainter& p, const FigureStyle& s)
        : painter(p)
        , style(s)
        , font(s.font)
        , bold(boldOf(s.font))
        , metrics(s.font, p.device())
        , boldMetrics(bold, p.device())
        , em(s.pt(s.font.pointSizeF() > 0 ? s.font.pointSizeF() : 8))
        , line(fl::lineHeight * em) {}

    static QFont boldOf(QFont font) {
        font.setBold(true);
        return font;
    }

    double width(const QString& text, bool isBold = false) const {
        return (isBold ? boldMetrics : metrics).horizontalAdvance(text);
    }
    /// Baseline that centres a line of text on y.
    double baseline(double centreY) const { return centreY + (metrics.ascent() - metrics.descent()) / 2; }

    void text(double x, double centreY, const QString& text, Qt::Alignment align = Qt::AlignLeft,
              bool isBold = false, double maxWidth = -1) {
        QString shown = text;
        if (maxWidth > 0 && width(text, isBold) > maxWidth)
            shown = (isBold ? boldMetrics : metrics).elidedText(text, Qt::ElideRight, maxWidth);
        const double w = width(shown, isBold);
        if (align & Qt::AlignRight)
            x -= w;
        else if (align & Qt::AlignHCenter)
            x -= w / 2;
        painter.setFont(isBold ? bold : font);
        painter.setPen(style.foreground);
        painter.drawText(QPointF(x, baseline(centreY)), shown);
    }

    QPen pen(const QColor& colour, double points, Qt::PenStyle penStyle = Qt::SolidLine) const {
        QPen p(colour, style.pt(points), penStyle, Qt::FlatCap, Qt::MiterJoin);
        if (penStyle == Qt::DashLine)
            p.setDashPattern({4, 3});
        else if (penStyle == Qt::DotLine)
            p.setDashPattern({1.5, 2});
        return p;
    }
};

/// Words of `text` flowed into lines no wider than `width`.
QStringList wrapText(const Context& c, const QString& input, double width) {
    // "I² = 43%" and "P = 0.095" never break around their equals sign.
    QString text = input;
    text.replace(QStringLiteral(" = "), QStringLiteral("\u00a0=\u00a0"));
    text.replace(QStringLiteral(" < "), QStringLiteral("\u00a0<\u00a0"));
    QStringList lines;
    QString current;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString candidate = current.isEmpty() ? word : current + QLatin1Char(' ') + word;
        if (!current.isEmpty() && c.width(candidate) > width) {
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

void drawMessage(Context& c, const QRectF& area, const std::string& message) {
    const QStringList lines = wrapText(c, qs(message), area.width() * 0.85);
    double y = area.center().y() - c.line * (static_cast<double>(lines.size()) - 1) / 2;
    for (const QString& text : lines) {
        c.text(area.center().x(), y, text, Qt::AlignHCenter);
        y += c.line;
    }
}

/// Ticks of `scale` thinned until their labels, `spacing` apart at least, fit `length` pixels.
AxisScale fittedTicks(const Context& c, const AxisScale& scale, double length, bool vertical) {
    AxisScale fitted = scale;
    while (fitted.ticks.size() > 2) {
        double need = 0;
        for (const AxisTick& tick : fitted.ticks)
            need = std::max(need, vertical ? c.metrics.height() * 1.6 : c.width(qs(tick.label)) + c.em);
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
    return fitted;
}

void drawArrowHead(Context& c, double x, double y, double direction, double size) {
    QPolygonF head;
    head << QPointF(x, y) << QPointF(x - direction * size, y - size * 0.55)
         << QPointF(x - direction * size, y + size * 0.55);
    c.painter.setPen(Qt::NoPen);
    c.painter.setBrush(c.style.foreground);
    c.painter.drawPolygon(head);
}

// ---------------------------------------------------------------------------------------------
// Forest plot

struct ForestGeometry {
    std::vector<bool> visible;
    std::vector<double> widths; ///< Per column
    std::vector<double> left;   ///< Per column
    double labelWidth = 0;
    double effectEstimateWidth = 0; ///< Widest "−0.54" before " [" in the effect column
    double plotLeft = 0;
    double plotRight = 0;
};

std::pair<QString, QString> splitEffect(const std::string& text) {
    const QString all = qs(text);
    if (all.startsWith(QLatin1Char('[')))
        return {QString(), all}; // An interval alone (the prediction interval row)
    const qsizetype at = all.indexOf(QStringLiteral(" ["));
    if (at < 0)
        return {all, QString()};
    return {all.left(at), all.mid(at + 1)};
}

ForestGeometry forestGeometry(const Context& c, const ForestPlotData& d, const QRectF& area) {
    ForestGeometry g;
    const std::size_t n = d.columns.size();
    g.visible.assign(n, true);
    g.widths.assign(n, 0);
    g.left.assign(n, 0);
    double estimateWidth = 0, intervalWidth = 0;
    for (std::size_t j = 0; j < n; ++j) {
        g.widths[j] =
            d.columns[j].kind == ForestColumnKind::Effect ? 0 : c.width(qs(d.columns[j].header), true);
        for (const ForestRow& row : d.rows) {
            if (row.kind == ForestRowKind::Statistic || j >= row.cells.size())
                continue;
            if (d.columns[j].kind == ForestColumnKind::Effect) {
                const auto [estimate, interval] = splitEffect(row.cells[j]);
                estimateWidth = std::max(estimateWidth, c.width(estimate, row.bold));
                intervalWidth = std::max(intervalWidth, c.width(interval, row.bold));
            } else {
                g.widths[j] = std::max(g.widths[j], c.width(qs(row.cells[j]), row.bold));
            }
        }
        if (d.columns[j].kind == ForestColumnKind::Effect) {
            g.effectEstimateWidth = estimateWidth;
            g.widths[j] = std::max(g.widths[j], estimateWidth + c.width(QStringLiteral(" ")) + intervalWidth);
        }
    }
    // Groups spanning columns ("Treatment" over Mean, SD, Total) must fit over their columns.
    for (std::size_t j = 0; j < n;) {
        std::size_t end = j + 1;
        while (end < n && !d.columns[j].group.empty() && d.columns[end].group == d.columns[j].group)
            ++end;
        double span = 0;
        for (std::size_t k = j; k < end; ++k)
            span += g.widths[k];
        const double need = c.width(qs(d.columns[j].group)) - c.em * static_cast<double>(end - j - 1);
        if (need > span)
            for (std::size_t k = j; k < end; ++k)
                g.widths[k] += (need - span) / static_cast<double>(end - j);
        j = end;
    }

    // Tight column gaps and a plot of at least a fifth of the width keep the arm data on a double
    // column (175 mm at 8 pt) with labels like "Lindqvist et al. 2006".
    const double gap = c.em * 0.8;
    const double minimumPlot = std::max(area.width() * 0.22, c.style.mm(25));
    const double maximumPlot = area.width() * 0.42;
    const auto tableWidth = [&] {
        double total = 0;
        for (std::size_t j = 0; j < n; ++j)
            if (g.visible[j])
                total += g.widths[j] + gap;
        return total;
    };
    // Narrow figures drop the arm data first, then the weights, and only then shorten study labels.
    for (ForestColumnKind optional : {ForestColumnKind::ArmData, ForestColumnKind::Weight})
        if (area.width() - tableWidth() < minimumPlot)
            for (std::size_t j = 0; j < n; ++j)
                if (d.columns[j].kind == optional)
                    g.visible[j] = false;
    if (area.width() - tableWidth() < minimumPlot) {
        const double excess = minimumPlot - (area.width() - tableWidth());
        g.widths[0] = std::max(area.width() * 0.2, g.widths[0] - excess);
    }
    double plotWidth = std::max(area.width() - tableWidth(), minimumPlot * 0.6);
    double extra = 0;
    if (plotWidth > maximumPlot) {
        extra = plotWidth - maximumPlot;
        plotWidth = maximumPlot;
    }
    // Left over space widens the gap after the study labels, where RevMan has it.
    double x = area.left();
    for (std::size_t j = 0; j < n; ++j) {
        if (!g.visible[j])
            continue;
        g.left[j] = x;
        x += g.widths[j] + gap + (j == 0 ? extra : 0);
    }
    g.labelWidth = g.widths[0];
    g.plotLeft = area.right() - plotWidth + gap * 0.3;
    g.plotRight = area.right() - gap * 0.3;
    return g;
}

void drawForest(Context& c, const QRectF& area, const ForestPlotData& d, FigureHits* hits) {
    if (!d.ok) {
        drawMessage(c, area, d.message);
        return;
    }
    double footerLines = 0;
    for (const std::string& text : d.footer)
        footerLines += static_cast<double>(wrapText(c, qs(text), area.width()).size());
    const double lines = fl::forestHeaderLines + fl::forestHeaderGap + static_cast<double>(d.rows.size())
                         + fl::forestAxisLines + footerLines;
    if (area.height() < lines * c.line)
        c.line = area.height() / lines; // Tighter rows rather than rows off the page
    const double L = c.line;
    const ForestGeometry g = forestGeometry(c, d, area);
    const std::size_t n = d.columns.size();
    const double plotWidth = g.plotRight - g.plotLeft;
    const auto toX = [&](double v) { return g.plotLeft + d.axis.fraction(v) * plotWidth; };
    const auto columnRight = [&](std::size_t j) { return g.left[j] + g.widths[j]; };

    // Header: column groups on the first line, column names on the second.
    const double top = area.top();
    for (std::size_t j = 0; j < n;) {
        std::size_t end = j + 1;
        while (end < n && !d.columns[j].group.empty() && d.columns[end].group == d.columns[j].group)
            ++end;
        std::size_t first = j, last = end - 1;
        while (first < end && !g.visible[first])
            ++first;
        while (last > first && !g.visible[last])
            --last;
        if (first < end && g.visible[first] && !d.columns[j].group.empty()
            && d.columns[j].kind != ForestColumnKind::Effect)
            c.text((g.left[first] + columnRight(last)) / 2, top + 0.5 * L, qs(d.columns[j].group),
                   Qt::AlignHCenter, true);
        j = end;
    }
    for (std::size_t j = 0; j < n; ++j) {
        if (!g.visible[j])
            continue;
        const ForestColumn& column = d.columns[j];
        if (column.kind == ForestColumnKind::Label)
            c.text(g.left[j], top + 1.5 * L, qs(column.header), Qt::AlignLeft, true);
        else if (column.kind != ForestColumnKind::Effect) // The effect column shares the plot's title
            c.text(columnRight(j), top + 1.5 * L, qs(column.header), Qt::AlignRight, true);
    }
    // One title over the effect column and the plot: "Std. Mean Difference" / "IV, Random, 95% CI".
    const double titleLeft = g.left[n - 1];
    const double titleCentre = (titleLeft + g.plotRight) / 2;
    c.text(titleCentre, top + 0.5 * L, qs(d.plotGroupHeader), Qt::AlignHCenter, true,
           g.plotRight - titleLeft);
    c.text(titleCentre, top + 1.5 * L, qs(d.plotHeader), Qt::AlignHCenter, true, g.plotRight - titleLeft);
    const double rule = top + (fl::forestHeaderLines + fl::forestHeaderGap / 2) * L;
    c.painter.setPen(c.pen(c.style.foreground, 0.5));
    c.painter.drawLine(QPointF(area.left(), rule), QPointF(area.right(), rule));

    // Rows.
    const double rowsTop = top + (fl::forestHeaderLines + fl::forestHeaderGap) * L;
    std::size_t lastPlotted = 0;
    std::vector<bool> intrudes(d.rows.size(), false);
    for (std::size_t i = 0; i < d.rows.size(); ++i) {
        const ForestRow& row = d.rows[i];
        const double y = rowsTop + (static_cast<double>(i) + 0.5) * L;
        if (row.kind == ForestRowKind::Statistic) {
            // A subgroup's statistics line that does not fit is set smaller (to 80%), as RevMan sets
            // these lines, before it would be shortened.
            const QString text = row.cells.empty() ? QString() : qs(row.cells[0]);
            const double scale = std::clamp(area.width() / std::max(1.0, c.width(text)), 0.8, 1.0);
            QFont small = c.font;
            small.setPointSizeF(c.font.pointSizeF() * scale);
            const QFontMetricsF smallMetrics(small, c.painter.device());
            const double shown = std::min(smallMetrics.horizontalAdvance(text), area.width());
            intrudes[i] = area.left() + shown > g.plotLeft - c.em * 0.5;
            c.painter.setFont(small);
            c.painter.setPen(c.style.foreground);
            c.painter.drawText(QPointF(area.left(), c.baseline(y)),
                               smallMetrics.elidedText(text, Qt::ElideRight, area.width()));
            continue;
        }
        if (row.kind == ForestRowKind::SubgroupHeader) {
            c.text(area.left(), y, qs(row.cells[0]), Qt::AlignLeft, true, g.plotLeft - area.left() - c.em);
            continue;
        }
        lastPlotted = i;
        for (std::size_t j = 0; j < n && j < row.cells.size(); ++j) {
            if (!g.visible[j] || row.cells[j].empty())
                continue;
            const ForestColumnKind kind = d.columns[j].kind;
            if (kind == ForestColumnKind::Label) {
                c.text(g.left[j], y, qs(row.cells[j]), Qt::AlignLeft, row.bold, g.labelWidth);
            } else if (kind == ForestColumnKind::Effect) {
                const auto [estimate, interval] = splitEffect(row.cells[j]);
                // Estimates right-aligned, intervals aligned on their opening bracket.
                if (!estimate.isEmpty())
                    c.text(g.left[j] + g.effectEstimateWidth, y, estimate, Qt::AlignRight, row.bold);
                if (!interval.isEmpty())
                    c.text(g.left[j] + g.effectEstimateWidth + c.width(QStringLiteral(" "), row.bold), y,
                           interval, Qt::AlignLeft, row.bold);
            } else {
                c.text(columnRight(j), y, qs(row.cells[j]), Qt::AlignRight, row.bold);
            }
        }
        if (!row.interval)
            continue;
        const ForestInterval& iv = *row.interval;
        const double x0 = toX(iv.lower), x1 = toX(iv.upper), xe = toX(iv.estimate);
        const double arrow = L * 0.32;
        if (row.kind == ForestRowKind::Study) {
            c.painter.setPen(c.pen(c.style.foreground, 0.6));
            c.painter.drawLine(QPointF(x0 + (iv.clippedLower ? arrow * 0.5 : 0), y),
                               QPointF(x1 - (iv.clippedUpper ? arrow * 0.5 : 0), y));
            if (iv.clippedLower)
                drawArrowHead(c, x0, y, -1, arrow);
            if (iv.clippedUpper)
                drawArrowHead(c, x1, y, 1, arrow);
            if (iv.estimateVisible) {
                const double side = std::max(L * 0.2, L * 0.8 * row.markerScale);
                c.painter.setPen(Qt::NoPen);
                c.painter.setBrush(c.style.marker);
                c.painter.drawRect(QRectF(xe - side / 2, y - side / 2, side, side));
            }
            if (hits && row.outcomeRow)
                hits->items.push_back({QRectF(area.left(), y - L / 2, area.width(), L), *row.outcomeRow});
        } else if (row.kind == ForestRowKind::PredictionInterval) {
            const double h = L * 0.28;
            c.painter.setPen(c.pen(c.style.pooled, 0.6));
            c.painter.setBrush(Qt::NoBrush);
            c.painter.drawRect(QRectF(QPointF(x0, y - h / 2), QPointF(x1, y + h / 2)));
        } else {
            const double h = L * 0.36;
            QPolygonF diamond;
            diamond << QPointF(x0, y) << QPointF(xe, y - h) << QPointF(x1, y) << QPointF(xe, y + h);
            c.painter.setPen(c.pen(c.style.pooled, 0.4));
            c.painter.setBrush(c.style.pooled);
            c.painter.drawPolygon(diamond);
        }
    }

    // The line of no effect, broken where a statistics line runs into the plot column.
    const double nullX = toX(d.nullValue);
    c.painter.setPen(c.pen(c.style.foreground, 0.5));
    double segmentTop = rowsTop;
    for (std::size_t i = 0; i <= lastPlotted; ++i)
        if (intrudes[i]) {
            const double rowTop = rowsTop + static_cast<double>(i) * L;
            if (rowTop > segmentTop)
                c.painter.drawLine(QPointF(nullX, segmentTop), QPointF(nullX, rowTop));
            segmentTop = rowTop + L;
        }
    const double plottedBottom = rowsTop + static_cast<double>(lastPlotted + 1) * L;
    const double axisY = rowsTop + static_cast<double>(d.rows.size()) * L + 0.15 * L;
    c.painter.drawLine(QPointF(nullX, segmentTop), QPointF(nullX, std::max(plottedBottom, axisY)));

    // Axis, tick labels and the "Favours" labels.
    const AxisScale axis = fittedTicks(c, d.axis, plotWidth, false);
    c.painter.setPen(c.pen(c.style.foreground, 0.6));
    c.painter.drawLine(QPointF(g.plotLeft, axisY), QPointF(g.plotRight, axisY));
    const double tick = L * 0.28;
    for (const AxisTick& t : axis.ticks) {
        const double x = toX(t.value);
        c.painter.setPen(c.pen(c.style.foreground, 0.6));
        c.painter.drawLine(QPointF(x, axisY), QPointF(x, axisY + tick));
        c.text(x, axisY + tick + 0.5 * L, qs(t.label), Qt::AlignHCenter);
    }
    const double favoursY = axisY + tick + 1.55 * L;
    const QString left = qs(d.favoursLeft), right = qs(d.favoursRight);
    const double half = c.em * 0.4;
    double leftEnd = nullX - half, rightStart = nullX + half;
    // Centred in each half of the axis when they fit there (RevMan); else against the null line.
    if (c.width(left) <= nullX - g.plotLeft - half)
        leftEnd = (g.plotLeft + nullX) / 2 + c.width(left) / 2;
    if (c.width(right) <= g.plotRight - nullX - half)
        rightStart = (nullX + g.plotRight) / 2 - c.width(right) / 2;
    const double overflow = rightStart + c.width(right) - area.right();
    if (overflow > 0) {
        rightStart -= overflow;
        leftEnd = std::min(leftEnd, rightStart - c.em);
    }
    c.text(leftEnd, favoursY, left, Qt::AlignRight);
    c.text(rightStart, favoursY, right, Qt::AlignLeft);

    // Statistics lines under the axis.
    double y = rowsTop + (static_cast<double>(d.rows.size()) + fl::forestAxisLines + 0.5) * L;
    for (const std::string& text : d.footer)
        for (const QString& line : wrapText(c, qs(text), area.width())) {
            c.text(area.left(), y, line, Qt::AlignLeft, false, area.width());
            y += L;
        }
}

// ---------------------------------------------------------------------------------------------
// Charts: funnel and TSA plots share axes, legend and caption.

struct Chart {
    QRectF plot;
    AxisScale x;
    AxisScale y;
    bool yInverted = false;

    double toX(double v) const { return plot.left() + x.fraction(v) * plot.width(); }
    double toY(double v) const {
        return yInverted ? plot.top() + y.fraction(v) * plot.height()
                         : plot.bottom() - y.fraction(v) * plot.height();
    }
    QPointF at(const PlotPoint& p) const { return QPointF(toX(p.x), toY(p.y)); }
};

struct LegendItemPlacement {
    const LegendEntry* entry;
    QPointF origin; ///< Left end, vertical centre
};

std::vector<std::vector<const LegendEntry*>>
flowLegend(const Context& c, const std::vector<LegendEntry>& legend, double width) {
    std::vector<std::vector<const LegendEntry*>> lines;
    double used = 0;
    for (const LegendEntry& entry : legend) {
        const double w = fl::legendSymbolEm * c.em + c.width(qs(entry.label));
        if (lines.empty() || (used > 0 && used + fl::legendGapEm * c.em + w > width)) {
            lines.emplace_back();
            used = 0;
        }
        used += (used > 0 ? fl::legendGapEm * c.em : 0) + w;
        lines.back().push_back(&entry);
    }
    return lines;
}

void drawLegendSymbol(Context& c, const LegendEntry& entry, double x, double y) {
    const double w = (fl::legendSymbolEm - 0.5) * c.em;
    const double r = c.line * 0.17;
    QPainter& p = c.painter;
    p.setBrush(Qt::NoBrush);
    switch (entry.symbol) {
    case LegendSymbol::StudyPoint:
        p.setPen(Qt::NoPen);
        p.setBrush(c.style.marker);
        p.drawEllipse(QPointF(x + w / 2, y), r, r);
        break;
    case LegendSymbol::FilledStudyPoint:
        p.setPen(c.pen(c.style.marker, 0.7));
        p.setBrush(c.style.background);
        p.drawEllipse(QPointF(x + w / 2, y), r, r);
        break;
    case LegendSymbol::PooledLine:
        p.setPen(c.pen(c.style.pooled, 0.8));
        p.drawLine(QPointF(x, y), QPointF(x + w, y));
        break;
    case LegendSymbol::AdjustedLine:
        p.setPen(c.pen(c.style.pooled, 0.8, Qt::DashLine));
        p.drawLine(QPointF(x, y), QPointF(x + w, y));
        break;
    case LegendSymbol::PseudoConfidence:
        p.setPen(c.pen(c.style.foreground, 0.7, Qt::DotLine));
        p.drawLine(QPointF(x, y), QPointF(x + w, y));
        break;
    case LegendSymbol::Contour: {
        static constexpr double shades[] = {0.08, 0.16, 0.27};
        p.setPen(c.pen(c.style.shade(0.45), 0.3));
        p.setBrush(c.style.shade(shades[std::clamp(entry.shade, 0, 2)]));
        p.drawRect(QRectF(x, y - c.line * 0.3, w, c.line * 0.6));
        break;
    }
    case LegendSymbol::ZCurve:
        p.setPen(c.pen(c.style.marker, 1.3));
        p.drawLine(QPointF(x, y), QPointF(x + w, y));
        p.setPen(Qt::NoPen);
        p.setBrush(c.style.marker);
        p.drawRect(QRectF(x + w / 2 - r, y - r, 2 * r, 2 * r));
        break;
    case LegendSymbol::Conventional:
        p.setPen(c.pen(c.style.muted, 0.7, Qt::DashLine));
        p.drawLine(QPointF(x, y), QPointF(x + w, y));
        break;
    case LegendSymbol::Boundary:
        p.setPen(c.pen(c.style.boundary, 1.1));
        p.drawLine(QPointF(x, y), QPointF(x + w, y));
        break;
    case LegendSymbol::Futility:
        p.setPen(c.pen(c.style.futility, 1.0, Qt::DashLine));
        p.drawLine(QPointF(x, y), QPointF(x + w, y));
        break;
    case LegendSymbol::InformationSize:
        p.setPen(c.pen(c.style.foreground, 0.8, Qt::DotLine));
        p.drawLine(QPointF(x + w / 2, y - c.line * 0.4), QPointF(x + w / 2, y + c.line * 0.4));
        break;
    }
}

/// Lays out the axes, legend and caption in `area` and draws all but the data.
Chart drawChartFrame(Context& c, const QRectF& area, const AxisScale& xScale, const AxisScale& yScale,
                     bool yInverted, const std::string& xTitle, const std::string& yTitle,
                     const std::vector<LegendEntry>& legend, const std::vector<std::string>& caption,
                     double rightMargin) {
    const double L = c.line;
    QStringList captionLines;
    for (const std::string& text : caption)
        captionLines += wrapText(c, qs(text), area.width());
    const auto legendLines = flowLegend(c, legend, area.width());
    const double bottomBlock =
        fl::chartBottomLines * L
        + (legendLines.empty() ? 0 : (0.4 + static_cast<double>(legendLines.size())) * L)
        + (captionLines.isEmpty() ? 0 : (0.4 + static_cast<double>(captionLines.size())) * L);
    double yLabelWidth = 0;
    for (const AxisTick& t : yScale.ticks)
        yLabelWidth = std::max(yLabelWidth, c.width(qs(t.label)));
    const double tick = L * 0.28;
    const double leftBlock = L + c.em * 0.3 + yLabelWidth + c.em * 0.4 + tick;
    double lastXLabel = xScale.ticks.empty() ? 0 : c.width(qs(xScale.ticks.back().label)) / 2;
    Chart chart;
    chart.x = xScale;
    chart.y = yScale;
    chart.yInverted = yInverted;
    chart.plot = QRectF(
        QPointF(area.left() + leftBlock, area.top() + fl::chartTopLines * L),
        QPointF(area.right() - std::max(rightMargin, lastXLabel + c.em * 0.2), area.bottom() - bottomBlock));
    if (chart.plot.height() < 2 * L || chart.plot.width() < 4 * c.em)
        return chart;
    chart.x = fittedTicks(c, xScale, chart.plot.width(), false);
    chart.y = fittedTicks(c, yScale, chart.plot.height(), true);
    chart.x.min = xScale.min;
    chart.x.max = xScale.max;

    QPainter& p = c.painter;
    p.setPen(c.pen(c.style.foreground, 0.6));
    p.drawLine(chart.plot.bottomLeft(), chart.plot.bottomRight());
    p.drawLine(chart.plot.topLeft(), chart.plot.bottomLeft());
    for (const AxisTick& t : chart.x.ticks) {
        const double x = chart.toX(t.value);
        p.setPen(c.pen(c.style.foreground, 0.6));
        p.drawLine(QPointF(x, chart.plot.bottom()), QPointF(x, chart.plot.bottom() + tick));
        c.text(x, chart.plot.bottom() + tick + 0.5 * L, qs(t.label), Qt::AlignHCenter);
    }
    for (const AxisTick& t : chart.y.ticks) {
        const double y = chart.toY(t.value);
        p.setPen(c.pen(c.style.foreground, 0.6));
        p.drawLine(QPointF(chart.plot.left() - tick, y), QPointF(chart.plot.left(), y));
        c.text(chart.plot.left() - tick - c.em * 0.3, y, qs(t.label), Qt::AlignRight);
    }
    c.text(chart.plot.center().x(), chart.plot.bottom() + tick + 1.6 * L, qs(xTitle), Qt::AlignHCenter, false,
           area.width());
    p.save();
    p.translate(area.left() + 0.5 * L, chart.plot.center().y());
    p.rotate(-90);
    c.text(0, 0, qs(yTitle), Qt::AlignHCenter, false, chart.plot.height());
    p.restore();

    double y = chart.plot.bottom() + fl::chartBottomLines * L + 0.4 * L + 0.5 * L;
    for (const auto& entries : legendLines) {
        double x = area.left();
        for (const LegendEntry* entry : entries) {
            drawLegendSymbol(c, *entry, x, y);
            x += fl::legendSymbolEm * c.em;
            c.text(x, y, qs(entry->label));
            x += c.width(qs(entry->label)) + fl::legendGapEm * c.em;
        }
        y += L;
    }
    if (!legendLines.empty())
        y += 0.4 * L;
    for (const QString& text : captionLines) {
        c.text(area.left(), y, text);
        y += L;
    }
    return chart;
}

QPolygonF toPolygon(const Chart& chart, const Polygon& points) {
    QPolygonF polygon;
    for (const PlotPoint& point : points)
        polygon << chart.at(point);
    return polygon;
}

void drawFunnel(Context& c, const QRectF& area, const FunnelPlotData& d, FigureHits* hits) {
    if (!d.ok) {
        drawMessage(c, area, d.message);
        return;
    }
    const Chart chart =
        drawChartFrame(c, area, d.xAxis, d.yAxis, true, d.xTitle, d.yTitle, d.legend, d.caption, c.em);
    if (chart.plot.height() < 2 * c.line)
        return;
    QPainter& p = c.painter;
    static constexpr double shades[] = {0.08, 0.16, 0.27};
    for (std::size_t i = 0; i < d.contours.size(); ++i) {
        p.setPen(Qt::NoPen);
        p.setBrush(c.style.shade(shades[std::min<std::size_t>(i, 2)]));
        for (const Polygon& polygon : d.contours[i].polygons)
            p.drawPolygon(toPolygon(chart, polygon));
    }
    // Axes again on top of the shading.
    p.setPen(c.pen(c.style.foreground, 0.6));
    p.drawLine(chart.plot.bottomLeft(), chart.plot.bottomRight());
    p.drawLine(chart.plot.topLeft(), chart.plot.bottomLeft());

    p.setBrush(Qt::NoBrush);
    p.setPen(c.pen(c.style.foreground, 0.7, Qt::DotLine));
    p.drawPolyline(toPolygon(chart, d.pseudoConfidence));
    p.setPen(c.pen(c.style.pooled, 0.8));
    p.drawLine(chart.at({d.pooledEstimate, d.yAxis.min}), chart.at({d.pooledEstimate, d.yAxis.max}));
    if (d.adjustedEstimate) {
        p.setPen(c.pen(c.style.pooled, 0.8, Qt::DashLine));
        p.drawLine(chart.at({*d.adjustedEstimate, d.yAxis.min}),
                   chart.at({*d.adjustedEstimate, d.yAxis.max}));
    }
    // Marker size shrinks a little with many studies so that clusters stay legible.
    const std::size_t k = d.studies.size() + d.filled.size();
    const double r = c.line * (k > 100 ? 0.11 : 0.16);
    p.setPen(c.pen(c.style.marker, 0.7));
    p.setBrush(c.style.background);
    for (const FunnelStudy& s : d.filled)
        p.drawEllipse(chart.at({s.effect, s.se}), r, r);
    p.setPen(Qt::NoPen);
    p.setBrush(c.style.marker);
    for (const FunnelStudy& s : d.studies) {
        const QPointF centre = chart.at({s.effect, s.se});
        p.drawEllipse(centre, r, r);
        if (hits && s.outcomeRow)
            hits->items.push_back(
                {QRectF(centre.x() - 2 * r, centre.y() - 2 * r, 4 * r, 4 * r), *s.outcomeRow});
    }
}

void drawBoundary(Context& c, const Chart& chart, const TsaBoundaryLine& line, const QPen& pen) {
    if (line.points.size() < 1)
        return;
    QPolygonF polyline;
    for (const PlotPoint& point : line.points)
        polyline << chart.at(point);
    c.painter.setPen(pen);
    c.painter.setBrush(Qt::NoBrush);
    c.painter.drawPolyline(polyline);
    // Monitored looks with a finite boundary get a small tick, as in the TSA program.
    c.painter.setPen(Qt::NoPen);
    c.painter.setBrush(pen.color());
    const double r = c.line * 0.09;
    for (std::size_t i = 0; i < line.points.size(); ++i)
        if (!line.capped[i])
            c.painter.drawEllipse(polyline[static_cast<int>(i)], r, r);
}

void drawTsa(Context& c, const QRectF& area, const TsaPlotData& d) {
    if (!d.ok) {
        drawMessage(c, area, d.message);
        return;
    }
    const double L = c.line;
    const Chart chart =
        drawChartFrame(c, area, d.xAxis, d.yAxis, false, d.xTitle, d.yTitle, d.legend, d.caption, 1.3 * L);
    if (chart.plot.height() < 2 * L)
        return;
    QPainter& p = c.painter;
    const double x0 = d.xAxis.min, x1 = d.xAxis.max;
    p.setPen(c.pen(c.style.muted, 0.5));
    p.drawLine(chart.at({x0, 0}), chart.at({x1, 0}));
    p.setPen(c.pen(c.style.muted, 0.7, Qt::DashLine));
    p.drawLine(chart.at({x0, d.conventional}), chart.at({x1, d.conventional}));
    p.drawLine(chart.at({x0, -d.conventional}), chart.at({x1, -d.conventional}));

    p.setPen(c.pen(c.style.foreground, 0.8, Qt::DotLine));
    p.drawLine(chart.at({d.ris, d.yAxis.min}), chart.at({d.ris, d.yAxis.max}));
    const QString risLabel = qs(d.risLabel);
    const double risX = std::clamp(chart.toX(d.ris), area.left() + c.width(risLabel) / 2,
                                   area.right() - c.width(risLabel) / 2);
    c.text(risX, chart.plot.top() - 0.6 * L, risLabel, Qt::AlignHCenter);

    drawBoundary(c, chart, d.futilityUpper, c.pen(c.style.futility, 1.0, Qt::DashLine));
    drawBoundary(c, chart, d.futilityLower, c.pen(c.style.futility, 1.0, Qt::DashLine));
    drawBoundary(c, chart, d.upper, c.pen(c.style.boundary, 1.1));
    drawBoundary(c, chart, d.lower, c.pen(c.style.boundary, 1.1));

    QPolygonF curve;
    for (const PlotPoint& point : d.zCurve)
        curve << chart.at(point);
    p.setPen(c.pen(c.style.marker, 1.3));
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(curve);
    const double r = L * 0.14;
    p.setPen(Qt::NoPen);
    p.setBrush(c.style.marker);
    for (int i = 1; i < curve.size(); ++i)
        p.drawRect(QRectF(curve[i].x() - r, curve[i].y() - r, 2 * r, 2 * r));

    // Which way is benefit: labels along the right edge, one per half.
    const double labelX = chart.plot.right() + 0.75 * L;
    const double halfHeight = chart.plot.height() / 2;
    for (const auto& [text, centre] : {std::pair{d.favoursUpper, chart.plot.top() + halfHeight / 2},
                                       std::pair{d.favoursLower, chart.plot.bottom() - halfHeight / 2}}) {
        p.save();
        p.translate(labelX, centre);
        p.rotate(-90);
        c.text(0, 0, qs(text), Qt::AlignHCenter, false, halfHeight * 0.95);
        p.restore();
    }
}

} // namespace

std::optional<std::size_t> FigureHits::rowAt(const QPointF& point) const {
    std::optional<std::size_t> best;
    double bestDistance = 0;
    for (const FigureHit& hit : items)
        if (hit.rect.contains(point)) {
            const QPointF d = hit.rect.center() - point;
            const double distance = d.x() * d.x() + d.y() * d.y();
            if (!best || distance < bestDistance) {
                best = hit.outcomeRow;
                bestDistance = distance;
            }
        }
    return best;
}

void renderFigure(QPainter& painter, const QRectF& target, const FigureModel& model, const FigureStyle& style,
                  FigureHits* hits) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    if (style.fillBackground)
        painter.fillRect(target, style.background);
    Context c(painter, style);
    const double margin = style.mm(fl::marginMm);
    const QRectF area = target.adjusted(margin, margin, -margin, -margin);
    if (hits)
        hits->items.clear();
    switch (model.kind) {
    case FigureKind::Forest:
        drawForest(c, area, model.forest, hits);
        break;
    case FigureKind::Funnel:
        drawFunnel(c, area, model.funnel, hits);
        break;
    case FigureKind::Tsa:
        drawTsa(c, area, model.tsa);
        break;
    }
    painter.restore();
}

double minimumFigureHeight(const FigureModel& model, const FigureStyle& style) {
    const double em = style.pt(style.font.pointSizeF() > 0 ? style.font.pointSizeF() : 8);
    const double margin = 2 * style.mm(fl::marginMm);
    if (model.kind == FigureKind::Forest && model.forest.ok) {
        const ForestPlotData& d = model.forest;
        const double lines = fl::forestHeaderLines + fl::forestHeaderGap + static_cast<double>(d.rows.size())
                             + fl::forestAxisLines + static_cast<double>(d.footer.size());
        return margin + lines * em * 1.2; // Rows may tighten to 1.2 font sizes, no further
    }
    return margin + em * 24;
}

} // namespace evident::plots
