// SPDX-License-Identifier: GPL-3.0-or-later
// The forest plot as a QCustomPlot scene. One axis rect holds the graphical column: x is the effect
// axis from core/plotdata, y the row index (reversed), so squares, whiskers and diamonds sit on
// their rows in plot coordinates. The table (study, arm data, weight, effect text) is text items with
// x in units and y in the same row coordinates, so text and marks share one vertical mapping.
#include "ui/plots/scenebuilder.h"

#include <algorithm>
#include <cmath>

namespace evident::plots {
namespace {

namespace fl = figurelayout;

struct ForestGeometry {
    std::vector<bool> visible;
    std::vector<double> widths; ///< Per column
    std::vector<double> left;   ///< Per column
    double labelWidth = 0;
    double effectEstimateWidth = 0; ///< Widest "−0.54" before " [" in the effect column
    double plotLeft = 0;
    double plotRight = 0;
    // Traffic-light columns (when the plot shows risk of bias): their left edge, pitch and circles.
    bool riskOfBias = false;
    double robLeft = 0;
    double robPitch = 0;
    double robMark = 0;
    double robHeaderScale = 1; ///< The item numbers' size: "10" must fit over its column

    double robCentre(std::size_t item) const {
        return robLeft + (static_cast<double>(item) + 0.5) * robPitch;
    }
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

ForestGeometry forestGeometry(const SceneBuilder& scene, const ForestPlotData& d) {
    const QRectF& area = scene.area();
    const double em = scene.em();
    ForestGeometry g;
    const std::size_t n = d.columns.size();
    g.visible.assign(n, true);
    g.widths.assign(n, 0);
    g.left.assign(n, 0);
    double estimateWidth = 0, intervalWidth = 0;
    for (std::size_t j = 0; j < n; ++j) {
        g.widths[j] =
            d.columns[j].kind == ForestColumnKind::Effect ? 0 : scene.width(qs(d.columns[j].header), true);
        for (const ForestRow& row : d.rows) {
            if (row.kind == ForestRowKind::Statistic || j >= row.cells.size())
                continue;
            if (d.columns[j].kind == ForestColumnKind::Effect) {
                const auto [estimate, interval] = splitEffect(row.cells[j]);
                estimateWidth = std::max(estimateWidth, scene.width(estimate, row.bold));
                intervalWidth = std::max(intervalWidth, scene.width(interval, row.bold));
            } else {
                g.widths[j] = std::max(g.widths[j], scene.width(qs(row.cells[j]), row.bold));
            }
        }
        if (d.columns[j].kind == ForestColumnKind::Effect) {
            g.effectEstimateWidth = estimateWidth;
            g.widths[j] =
                std::max(g.widths[j], estimateWidth + scene.width(QStringLiteral(" ")) + intervalWidth);
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
        const double need = scene.width(qs(d.columns[j].group)) - em * static_cast<double>(end - j - 1);
        if (need > span)
            for (std::size_t k = j; k < end; ++k)
                g.widths[k] += (need - span) / static_cast<double>(end - j);
        j = end;
    }

    // Tight column gaps and a plot of at least a fifth of the width keep the arm data on a double
    // column (175 mm at 8 pt) with labels like "Lindqvist et al. 2006". With traffic lights a
    // single-column figure keeps 20 mm of plot.
    double gap = em * 0.8;
    const double minimumPlot = std::max(area.width() * 0.22, scene.style().mm(d.riskOfBias.shown ? 20 : 25));
    const double maximumPlot = area.width() * 0.42;
    const auto tableWidth = [&] {
        double total = 0;
        for (std::size_t j = 0; j < n; ++j)
            if (g.visible[j])
                total += g.widths[j] + gap;
        return total;
    };
    // The traffic lights take a block at the right edge, one column per item.
    g.riskOfBias = d.riskOfBias.shown;
    const double L = scene.line();
    const double robGap = 1.5 * em; // Between the plot's edge and the first column
    const auto robBlock = [&] { return g.riskOfBias ? syrcleItemCount * g.robPitch + robGap : 0.0; };
    const auto room = [&] { return area.width() - robBlock() - tableWidth(); };
    if (g.riskOfBias) {
        g.robPitch = fl::robColumnLines * L;
        g.robMark = fl::robMarkLines * L;
    }
    // Narrow figures drop the arm data first, then the weights. With traffic lights they then set the
    // lights closer. Then the gaps narrow and the study labels wrap onto more lines (never shortened:
    // two arms of one study must stay apart); only with traffic lights that still do not fit is the
    // effect column dropped (the interval is still drawn) and the lights set as close as they go.
    for (ForestColumnKind optional : {ForestColumnKind::ArmData, ForestColumnKind::Weight})
        if (room() < minimumPlot)
            for (std::size_t j = 0; j < n; ++j)
                if (d.columns[j].kind == optional)
                    g.visible[j] = false;
    if (g.riskOfBias && room() < minimumPlot) {
        g.robPitch = fl::robNarrowColumnLines * L;
        g.robMark = g.robPitch - 0.12 * L;
    }
    if (room() < minimumPlot)
        gap = em * 0.55;
    // A label column no narrower than its longest word (or its short header), nor a fifth of the width.
    double longestWord = scene.width(
        qs(d.columns[0].shortHeader.empty() ? d.columns[0].header : d.columns[0].shortHeader), true);
    for (const ForestRow& row : d.rows)
        if (row.kind != ForestRowKind::Statistic && row.kind != ForestRowKind::SubgroupHeader
            && !row.cells.empty())
            for (const QString& word : qs(row.cells[0]).split(QLatin1Char(' '), Qt::SkipEmptyParts))
                longestWord = std::max(longestWord, scene.width(word, row.bold));
    const double labelFloor = std::max(area.width() * 0.18, longestWord);
    const double fullLabel = g.widths[0];
    const auto narrowLabels = [&] {
        g.widths[0] = fullLabel;
        if (room() < minimumPlot)
            g.widths[0] = std::min(fullLabel, std::max(labelFloor, fullLabel - (minimumPlot - room())));
    };
    narrowLabels();
    if (g.riskOfBias && room() < minimumPlot) {
        // The effect column goes, the lights close up as far as the whole labels need (to their
        // narrowest), and the labels get back what they can.
        for (std::size_t j = 0; j < n; ++j)
            if (d.columns[j].kind == ForestColumnKind::Effect)
                g.visible[j] = false;
        g.widths[0] = fullLabel;
        if (room() < minimumPlot) {
            const double fits = (area.width() - tableWidth() - minimumPlot - robGap) / syrcleItemCount;
            g.robPitch = std::clamp(fits, fl::robCompactColumnLines * L, g.robPitch);
            g.robMark = g.robPitch - 0.1 * L;
        }
        narrowLabels();
    }
    if (g.riskOfBias)
        g.robHeaderScale =
            std::min(1.0, (g.robPitch - 0.12 * em) / std::max(1.0, scene.width(QStringLiteral("10"), true)));
    double plotWidth = std::max(room(), minimumPlot * 0.6);
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
    const double right = area.right() - robBlock();
    g.plotLeft = right - plotWidth + gap * 0.3;
    g.plotRight = right - gap * 0.3;
    g.robLeft = right + robGap;
    return g;
}

} // namespace

RobKeyLayout robKeyLayout(const SceneBuilder& scene, const ForestRiskOfBias& rob, double width) {
    RobKeyLayout layout;
    if (!rob.shown)
        return layout;
    const double em = scene.em();
    const double gap = fl::robKeyGapEm * em;
    for (const RobKeyEntry& entry : rob.key)
        layout.numberWidth = std::max(layout.numberWidth, scene.width(qs(entry.number)));
    double widest = 0;
    for (const RobKeyEntry& entry : rob.key)
        widest = std::max(widest, layout.numberWidth + 0.5 * em + scene.width(qs(entry.label)));
    const std::size_t count = rob.key.size();
    const auto columns = static_cast<std::size_t>(std::max(1.0, std::floor((width + gap) / (widest + gap))));
    if (columns >= 2) {
        const std::size_t rows = (count + columns - 1) / columns;
        const std::size_t used = (count + rows - 1) / rows;
        // Spread the columns over the width, but no more than two gaps apart.
        const double spacing =
            used > 1 ? std::min((width - widest) / static_cast<double>(used - 1), widest + 2 * gap) : 0;
        for (std::size_t k = 0; k < count; ++k)
            layout.items.push_back({static_cast<double>(k / rows) * spacing, static_cast<int>(k % rows)});
        layout.itemLines = static_cast<int>(rows);
    } else {
        layout.sentence = scene.wrap(qs(rob.keyText), width);
        layout.itemLines = static_cast<int>(layout.sentence.size());
    }
    layout.legendSymbol = fl::robMarkLines * scene.line() + 0.5 * em;
    int line = 0;
    double x = 0;
    for (const LegendEntry& entry : rob.legend) {
        const double w = layout.legendSymbol + scene.width(qs(entry.label));
        if (x > 0 && x + w > width) {
            ++line;
            x = 0;
        }
        layout.legend.push_back({x, line});
        x += w + gap;
    }
    layout.legendLines = rob.legend.empty() ? 0 : line + 1;
    return layout;
}

double drawRobKey(SceneBuilder& scene, const ForestRiskOfBias& rob, const RobKeyLayout& key, double y,
                  double mark) {
    const QRectF& area = scene.area();
    const double L = scene.line();
    const double em = scene.em();
    for (std::size_t k = 0; k < rob.key.size() && k < key.items.size(); ++k) {
        const RobKeyEntry& entry = rob.key[k];
        const double x = area.left() + key.items[k].x;
        const double lineY = y + key.items[k].line * L;
        scene.text(qs(entry.number), x + key.numberWidth, lineY, Qt::AlignRight);
        scene.text(qs(entry.label), x + key.numberWidth + 0.5 * em, lineY, Qt::AlignLeft);
    }
    for (const QString& line : key.sentence) {
        scene.text(line, area.left(), y, Qt::AlignLeft);
        y += L;
    }
    y += (key.sentence.isEmpty() ? key.itemLines : 0) * L + fl::robLegendGapLines * L;
    for (std::size_t k = 0; k < rob.legend.size() && k < key.legend.size(); ++k) {
        const LegendEntry& entry = rob.legend[k];
        const double x = area.left() + key.legend[k].x;
        const double lineY = y + key.legend[k].line * L;
        scene.robMark(entry.judgement, x + mark / 2, lineY, mark, false);
        scene.text(qs(entry.label), x + key.legendSymbol, lineY, Qt::AlignLeft);
    }
    return y + key.legendLines * L;
}

namespace {

/// The x of the centre of a text `width` wide that should be centred on `centre` but stay within
/// [left, right] (when it is wider than that, centred on the range).
double centreWithin(double centre, double width, double left, double right) {
    if (width >= right - left)
        return (left + right) / 2;
    return std::clamp(centre, left + width / 2, right - width / 2);
}

} // namespace

namespace {

/// The text lines of each row and where the rows sit: a row whose label wraps takes a line per line
/// of it, so rows are placed in line slots (a one-line row i of a plot without wrapping is at i).
struct ForestRowLayout {
    std::vector<QStringList> text; ///< The label (or subgroup name, or statistics line) as lines
    std::vector<double> scale;     ///< Font scale of the text (statistics lines may be set smaller)
    std::vector<double> top;       ///< First slot of the row
    std::vector<double> centre;    ///< Where the row's marks go (y in slots)
    std::vector<bool> shown;       ///< False for a "Total events" row whose columns were dropped
    double slotCount = 0;

    double lines(std::size_t i) const {
        return shown[i] ? static_cast<double>(std::max<qsizetype>(1, text[i].size())) : 0.0;
    }
};

ForestRowLayout forestRowLayout(const SceneBuilder& scene, const ForestPlotData& d, const ForestGeometry& g) {
    const QRectF& area = scene.area();
    const double em = scene.em();
    ForestRowLayout layout;
    // The events row says nothing once the figure is too narrow for the group columns.
    bool armDataShown = false;
    for (std::size_t j = 0; j < d.columns.size(); ++j)
        armDataShown = armDataShown || (d.columns[j].kind == ForestColumnKind::ArmData && g.visible[j]);
    for (const ForestRow& row : d.rows) {
        const QString text = row.cells.empty() ? QString() : qs(row.cells[0]);
        double scale = 1;
        QStringList lines;
        if (row.kind == ForestRowKind::Statistic) {
            // A statistics line that does not fit is set smaller (to 80%), as RevMan sets these lines,
            // and wraps when it does not fit even then: its numbers are never cut.
            scale = std::clamp(area.width() / std::max(1.0, scene.width(text)), 0.8, 1.0);
            lines = scene.width(text) * scale <= area.width() ? QStringList{text}
                                                              : scene.wrap(text, area.width());
            if (lines.size() > 1)
                scale = 1;
        } else if (row.kind == ForestRowKind::SubgroupHeader) {
            const double width = g.plotLeft - area.left() - em;
            lines = scene.width(text, true) <= width ? QStringList{text} : scene.wrap(text, width, true);
        } else {
            lines = scene.width(text, row.bold) <= g.labelWidth ? QStringList{text}
                                                                : scene.wrap(text, g.labelWidth, row.bold);
        }
        layout.text.push_back(lines);
        layout.shown.push_back(row.kind != ForestRowKind::Events || armDataShown);
        layout.scale.push_back(scale);
        layout.top.push_back(layout.slotCount);
        layout.centre.push_back(layout.slotCount + (layout.lines(layout.text.size() - 1) - 1) / 2);
        layout.slotCount += layout.lines(layout.text.size() - 1);
    }
    return layout;
}

} // namespace

FigureClickTargets buildForestScene(SceneBuilder& scene, const ForestPlotData& d) {
    FigureClickTargets targets;
    if (!d.ok) {
        scene.message(d.message);
        return targets;
    }
    const QRectF& area = scene.area();
    const FigureStyle& style = scene.style();
    double footerLines = 0;
    for (const std::string& text : d.footer)
        footerLines += static_cast<double>(scene.wrap(qs(text), area.width()).size());
    const RobKeyLayout key = robKeyLayout(scene, d.riskOfBias, area.width());
    const double keyLines = d.riskOfBias.shown ? fl::robKeyGapLines + key.lines() : 0;
    ForestGeometry g = forestGeometry(scene, d);
    ForestRowLayout rows = forestRowLayout(scene, d, g);
    const double lines = fl::forestHeaderLines + fl::forestHeaderGap + rows.slotCount + fl::forestAxisLines
                         + footerLines + keyLines;
    if (area.height() < lines * scene.line()) {
        scene.setLine(area.height() / lines); // Tighter rows rather than rows off the page
        g = forestGeometry(scene, d);
        rows = forestRowLayout(scene, d, g);
    }
    const double rowCount = rows.slotCount;
    const double L = scene.line();
    const double em = scene.em();
    const std::size_t n = d.columns.size();
    const auto columnRight = [&](std::size_t j) { return g.left[j] + g.widths[j]; };

    // The graphical column: its axis rect spans the rows and a little below the last, where the
    // axis line is. Rows are at y = 0, 1, ... (reversed), half a row from the rect's top.
    const double top = area.top();
    const double rowsTop = top + (fl::forestHeaderLines + fl::forestHeaderGap) * L;
    const double axisGap = 0.15; // Rows between the last row's bottom and the axis
    const double axisY = rowsTop + (rowCount + axisGap) * L;
    const auto rounded = [](double v) { return static_cast<int>(std::lround(v)); };
    QCPAxisRect* rect = scene.addAxisRect(
        QMargins(rounded(g.plotLeft - area.left()), rounded(rowsTop - area.top()),
                 rounded(area.right() - g.plotRight), std::max(0, rounded(area.bottom() - axisY))));
    scene.layOut();
    const QRect plot = rect->rect();
    QCPAxis* xAxis = scene.xAxis();
    QCPAxis* yAxis = scene.yAxis();
    yAxis->setRange(-0.5, rowCount - 0.5 + axisGap);
    yAxis->setRangeReversed(true);
    const double plotWidth = plot.width();
    const double tick = L * 0.28;
    const AxisScale ticks = scene.fittedTicks(d.axis, plotWidth, false);
    const double h = QFontMetrics(scene.font()).height();
    scene.styleAxis(xAxis, d.axis, ticks, tick, std::max(0.0, 0.5 * L - h / 2));
    const auto toX = [&](double v) { return xAxis->coordToPixel(v); };
    targets.xAxis = xAxis;
    targets.yAxis = yAxis;
    targets.area = area;
    targets.forestRows.assign(static_cast<std::size_t>(rowCount), std::nullopt);

    // Header: column groups on the first line, column names on the second.
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
            scene.text(qs(d.columns[j].group), (g.left[first] + columnRight(last)) / 2, top + 0.5 * L,
                       Qt::AlignHCenter, true);
        j = end;
    }
    // One title over the effect column and the plot: "Std. Mean Difference" / "IV, Random, 95% CI",
    // centred over them, or moved left over free header space when the plot alone is narrower (a
    // single-column figure with traffic lights, whose effect column is dropped); the study column
    // then takes its short header if that makes room.
    const double titleLeft = g.visible[n - 1] ? g.left[n - 1] : g.plotLeft;
    const double titleCentre = (titleLeft + g.plotRight) / 2;
    const double titleRight = g.riskOfBias ? g.robLeft - 0.5 * em : area.right();
    const QString groupTitle = qs(d.plotGroupHeader), methodTitle = qs(d.plotHeader);
    double firstLineLeft = area.left(), secondLineLeft = area.left();
    for (std::size_t j = 0; j < n; ++j)
        if (g.visible[j] && d.columns[j].kind != ForestColumnKind::Effect) {
            if (!d.columns[j].group.empty())
                firstLineLeft = std::max(firstLineLeft, columnRight(j) + em);
            if (d.columns[j].kind != ForestColumnKind::Label)
                secondLineLeft = std::max(secondLineLeft, columnRight(j) + em);
        }
    QString labelHeader = qs(d.columns[0].header);
    const double methodWidth = scene.width(methodTitle, true);
    const auto labelHeaderEnd = [&](const QString& header) {
        return g.left[0] + scene.width(header, true) + em;
    };
    if (!d.columns[0].shortHeader.empty()
        && labelHeaderEnd(labelHeader)
               > std::min(titleCentre, titleRight - methodWidth / 2) - methodWidth / 2)
        labelHeader = qs(d.columns[0].shortHeader);
    secondLineLeft = std::max(secondLineLeft, labelHeaderEnd(labelHeader));
    for (std::size_t j = 0; j < n; ++j) {
        if (!g.visible[j])
            continue;
        const ForestColumn& column = d.columns[j];
        if (column.kind == ForestColumnKind::Label)
            scene.text(labelHeader, g.left[j], top + 1.5 * L, Qt::AlignLeft, true);
        else if (column.kind != ForestColumnKind::Effect) // The effect column shares the plot's title
            scene.text(qs(column.header), columnRight(j), top + 1.5 * L, Qt::AlignRight, true);
    }
    scene.text(scene.elided(groupTitle, titleRight - firstLineLeft, true),
               centreWithin(titleCentre, scene.width(groupTitle, true), firstLineLeft, titleRight),
               top + 0.5 * L, Qt::AlignHCenter, true);
    scene.text(scene.elided(methodTitle, titleRight - secondLineLeft, true),
               centreWithin(titleCentre, methodWidth, secondLineLeft, titleRight), top + 1.5 * L,
               Qt::AlignHCenter, true);
    // The traffic lights' header: "Risk of bias" over all the columns, the item numbers over each.
    if (g.riskOfBias) {
        const double blockWidth = syrcleItemCount * g.robPitch;
        scene.text(scene.elided(qs(d.riskOfBias.header), blockWidth, true), g.robLeft + blockWidth / 2,
                   top + 0.5 * L, Qt::AlignHCenter, true);
        for (std::size_t item = 0; item < d.riskOfBias.columns.size(); ++item)
            scene.text(qs(d.riskOfBias.columns[item]), g.robCentre(item), top + 1.5 * L, Qt::AlignHCenter,
                       scene.font(true, g.robHeaderScale));
    }
    const double rule = top + (fl::forestHeaderLines + fl::forestHeaderGap / 2) * L;
    scene.line({area.left(), rule}, {area.right(), rule}, scene.pen(style.foreground, 0.5), false);

    // Statistics lines that run into the plot column break the line of no effect; find them first
    // so that the line is drawn under the marks.
    std::vector<bool> intrudes(d.rows.size(), false);
    std::size_t lastPlotted = 0;
    for (std::size_t i = 0; i < d.rows.size(); ++i) {
        const ForestRow& row = d.rows[i];
        if (row.kind == ForestRowKind::Statistic) {
            const QFontMetricsF metrics(scene.font(false, rows.scale[i]));
            double shown = 0;
            for (const QString& line : rows.text[i])
                shown = std::max(shown, metrics.horizontalAdvance(line));
            intrudes[i] = area.left() + shown > g.plotLeft - em * 0.5;
        } else if (row.kind != ForestRowKind::SubgroupHeader) {
            lastPlotted = i;
        }
    }
    const QPen nullPen = scene.pen(style.foreground, 0.5);
    double segmentTop = -0.5;
    for (std::size_t i = 0; i <= lastPlotted; ++i)
        if (intrudes[i]) {
            const double rowTop = rows.top[i] - 0.5;
            if (rowTop > segmentTop)
                scene.line({d.nullValue, segmentTop}, {d.nullValue, rowTop}, nullPen, true);
            segmentTop = rowTop + rows.lines(i);
        }
    scene.line({d.nullValue, segmentTop}, {d.nullValue, rowCount - 0.5 + axisGap}, nullPen, true);

    // Rows: table text on the row's y, then the whisker and square, diamond or prediction bar.
    const QPen whiskerPen = scene.pen(style.foreground, 0.6);
    // An interval cut at the axis' end ends in an arrowhead 0.32 lines long and 0.35 lines wide,
    // its tip on the end. QCustomPlot outlines the head with the whisker's pen (mitred), so the
    // head is set that much smaller and the line ended short of the axis' end by the mitre.
    const double arrow = L * 0.32;
    const double halfPen = whiskerPen.widthF() / 2;
    const double tipAngle = std::atan(0.55); // Half the head's angle at the tip
    const double mitre = halfPen / std::sin(tipAngle);
    const QCPLineEnding head(QCPLineEnding::esFlatArrow, 2 * (0.55 * arrow - halfPen / std::cos(tipAngle)),
                             arrow - halfPen - mitre);
    const double tipInset = mitre / plotWidth * d.axis.span();
    for (std::size_t i = 0; i < d.rows.size(); ++i) {
        const ForestRow& row = d.rows[i];
        const double y = rows.centre[i];
        if (!rows.shown[i])
            continue;
        // The row's text lines, one per slot, the row's marks centred on them.
        const auto drawLines = [&](const QFont& font) {
            for (qsizetype k = 0; k < rows.text[i].size(); ++k)
                scene.text(rows.text[i][k], area.left(), rows.top[i] + static_cast<double>(k), Qt::AlignLeft,
                           font, true);
        };
        if (row.kind == ForestRowKind::Statistic) {
            drawLines(scene.font(false, rows.scale[i]));
            continue;
        }
        if (row.kind == ForestRowKind::SubgroupHeader) {
            drawLines(scene.font(true));
            continue;
        }
        for (std::size_t j = 0; j < n && j < row.cells.size(); ++j) {
            if (!g.visible[j] || row.cells[j].empty())
                continue;
            const ForestColumnKind kind = d.columns[j].kind;
            if (kind == ForestColumnKind::Label) {
                for (qsizetype k = 0; k < rows.text[i].size(); ++k)
                    scene.text(rows.text[i][k], g.left[j], rows.top[i] + static_cast<double>(k),
                               Qt::AlignLeft, row.bold, true);
            } else if (kind == ForestColumnKind::Effect) {
                const auto [estimate, interval] = splitEffect(row.cells[j]);
                // Estimates right-aligned, intervals aligned on their opening bracket.
                if (!estimate.isEmpty())
                    scene.text(estimate, g.left[j] + g.effectEstimateWidth, y, Qt::AlignRight, row.bold,
                               true);
                if (!interval.isEmpty())
                    scene.text(interval,
                               g.left[j] + g.effectEstimateWidth + scene.width(QStringLiteral(" "), row.bold),
                               y, Qt::AlignLeft, row.bold, true);
            } else {
                scene.text(qs(row.cells[j]), columnRight(j), y, Qt::AlignRight, row.bold, true);
            }
        }
        if (g.riskOfBias)
            for (std::size_t item = 0; item < row.riskOfBias.size(); ++item)
                scene.robMark(row.riskOfBias[item], g.robCentre(item), y, g.robMark, true);
        if (!row.interval)
            continue;
        const ForestInterval& iv = *row.interval;
        if (row.kind == ForestRowKind::Study) {
            CanvasLine& whisker =
                scene.line({iv.lower + (iv.clippedLower ? tipInset : 0), y},
                           {iv.upper - (iv.clippedUpper ? tipInset : 0), y}, whiskerPen, true);
            if (iv.clippedLower)
                whisker.tail = head;
            if (iv.clippedUpper)
                whisker.head = head;
            if (iv.estimateVisible) {
                const double side = std::max(L * 0.2, L * 0.8 * row.markerScale);
                scene.markers({{iv.estimate, y}}, QCPScatterStyle::ssSquare, side, Qt::NoPen,
                              QBrush(style.marker));
            }
            if (row.outcomeRow)
                for (std::size_t slot = static_cast<std::size_t>(rows.top[i]);
                     slot < static_cast<std::size_t>(rows.top[i] + rows.lines(i))
                     && slot < targets.forestRows.size();
                     ++slot)
                    targets.forestRows[slot] = row.outcomeRow;
        } else if (row.kind == ForestRowKind::PredictionInterval) {
            const double half = 0.14; // Rows: a bar 0.28 lines high
            scene.curve({{iv.lower, y - half},
                         {iv.upper, y - half},
                         {iv.upper, y + half},
                         {iv.lower, y + half},
                         {iv.lower, y - half}},
                        scene.pen(style.pooled, 0.6), Qt::NoBrush);
        } else {
            const double half = 0.36;
            // Closed at the top vertex, where the outline's open ends meet at a point anyway.
            scene.curve({{iv.estimate, y - half},
                         {iv.upper, y},
                         {iv.estimate, y + half},
                         {iv.lower, y},
                         {iv.estimate, y - half}},
                        scene.pen(style.pooled, 0.4), QBrush(style.pooled));
        }
    }

    // "Favours" labels under the tick labels: centred in each half of the axis when they fit there
    // (RevMan), else against the line of no effect.
    const double nullX = toX(d.nullValue);
    const double axisLine = plot.bottom(); // Where QCustomPlot draws the axis line
    const double favoursY = axisLine + tick + 1.55 * L;
    const QString left = qs(d.favoursLeft), right = qs(d.favoursRight);
    const double half = em * 0.4;
    double leftEnd = nullX - half, rightStart = nullX + half;
    if (scene.width(left) <= nullX - plot.left() - half)
        leftEnd = (plot.left() + nullX) / 2 + scene.width(left) / 2;
    if (scene.width(right) <= plot.left() + plotWidth - nullX - half)
        rightStart = (nullX + plot.left() + plotWidth) / 2 - scene.width(right) / 2;
    const double overflow = rightStart + scene.width(right) - area.right();
    if (overflow > 0) {
        rightStart -= overflow;
        leftEnd = std::min(leftEnd, rightStart - em);
    }
    scene.text(left, leftEnd, favoursY, Qt::AlignRight);
    scene.text(right, rightStart, favoursY, Qt::AlignLeft);

    // Statistics lines under the axis.
    double y = rowsTop + (rowCount + fl::forestAxisLines + 0.5) * L;
    for (const std::string& text : d.footer)
        for (const QString& line : scene.wrap(qs(text), area.width())) {
            scene.text(scene.elided(line, area.width()), area.left(), y, Qt::AlignLeft);
            y += L;
        }

    // The key of the traffic lights: what each item number stands for, then the judgements.
    if (d.riskOfBias.shown) {
        y += fl::robKeyGapLines * L;
        drawRobKey(scene, d.riskOfBias, key, y, g.robMark);
    }
    return targets;
}

} // namespace evident::plots
