// SPDX-License-Identifier: GPL-3.0-or-later
// The risk-of-bias summary plot as a QCustomPlot scene: one axis rect with the percentage of studies
// on x (0 to 100) and the SYRCLE items on y (item 1 at the top, the axis reversed and hidden); one
// QCPBars per judgement, stacked low → unclear → high → not assessed, so each item's row is a single
// bar of 100%; the item labels and the study counts inside the bars are text items on the rows; the
// legend and the caption are layout rows under the plot.
#include "ui/plots/scenebuilder.h"

#include <algorithm>
#include <cmath>

namespace evident::plots {
namespace {

namespace fl = figurelayout;

/// Labels longer than this share of the width wrap onto a second line.
constexpr double maximumLabelShare = 0.42;

} // namespace

FigureClickTargets buildRobSummaryScene(SceneBuilder& scene, const RobSummaryData& d) {
    if (!d.ok) {
        scene.message(d.message);
        return {};
    }
    const FigureStyle& style = scene.style();
    const QRectF& area = scene.area();
    const double L = scene.line();
    const double em = scene.em();
    const auto rounded = [](double v) { return static_cast<int>(std::lround(v)); };

    // Item labels: a number column, then the label, on two lines when it is long for the width.
    double numberWidth = 0;
    for (const RobSummaryBar& bar : d.bars)
        numberWidth = std::max(numberWidth, scene.width(qs(bar.number)));
    const double labelLeft = area.left() + numberWidth + 0.5 * em;
    const double labelLimit = area.width() * maximumLabelShare - numberWidth - 0.5 * em;
    std::vector<QString> labels;
    double labelWidth = 0;
    for (const RobSummaryBar& bar : d.bars) {
        const QString label = qs(bar.label);
        QStringList lines =
            scene.width(label) <= labelLimit ? QStringList{label} : scene.wrap(label, labelLimit);
        if (lines.size() > 2)
            lines = QStringList{lines.front(), scene.elided(lines.mid(1).join(QLatin1Char(' ')), labelLimit)};
        for (const QString& line : lines)
            labelWidth = std::max(labelWidth, scene.width(line));
        labels.push_back(lines.join(QLatin1Char('\n')));
    }
    const double plotLeft = labelLeft + labelWidth + em;
    const double lastTick = d.xAxis.ticks.empty() ? 0 : scene.width(qs(d.xAxis.ticks.back().label)) / 2;

    QStringList caption;
    for (const std::string& text : d.caption)
        caption += scene.wrap(qs(text), area.width());
    QCPAxisRect* rect =
        scene.addAxisRect(QMargins(rounded(plotLeft - area.left()), rounded(fl::robSummaryTopLines * L),
                                   rounded(lastTick + 0.2 * em), rounded(fl::chartBottomLines * L)));
    scene.addLegend(d.legend, 0.4 * L);
    if (!caption.isEmpty())
        scene.addCaption(caption, 0.4 * L);
    scene.layOut();
    const QRectF plot(rect->rect());
    if (plot.height() < 2 * L || plot.width() < 4 * em)
        return {};

    QCPAxis* x = scene.xAxis();
    QCPAxis* y = scene.yAxis();
    const double rows = static_cast<double>(d.bars.size());
    y->setRange(-0.5, rows - 0.5);
    y->setRangeReversed(true);
    const double tick = L * 0.28;
    const double h = QFontMetrics(scene.font()).height();
    const double xPadding = std::max(0.0, 0.5 * L - h / 2);
    scene.styleAxis(x, d.xAxis, scene.fittedTicks(d.xAxis, plot.width(), false), tick, xPadding);
    x->setLabel(scene.elided(qs(d.xTitle), area.width()));
    x->setLabelPadding(std::max(0, rounded(1.6 * L - std::round(xPadding) - 1.5 * h)));

    // One QCPBars per judgement, each stacked on the one before: a row's parts add up to 100%. In a
    // figure taller than its content (a chosen height, a tall window) bars thicken less than their
    // rows, to no less than 45% of a row.
    const double rowHeight = plot.height() / std::max(1.0, rows);
    const double barWidth = std::clamp(fl::robSummaryBarShare * fl::robSummaryRowLines * L / rowHeight, 0.45,
                                       fl::robSummaryBarShare);
    QCPBars* below = nullptr;
    std::vector<std::pair<QCPBars*, RobJudgement>> stacks;
    for (RobJudgement judgement : robJudgementOrder()) {
        auto* bars = new QCPBars(y, x);
        bars->setWidthType(QCPBars::wtPlotCoords);
        bars->setWidth(barWidth);
        bars->setBrush(style.robColour(judgement));
        // No outline: QCPBars would shift each stacked part by its pen's width.
        bars->setPen(Qt::NoPen);
        bars->setStackingGap(0);
        bars->setSelectable(QCP::stNone);
        bars->setAntialiased(false);
        if (below)
            bars->moveAbove(below);
        below = bars;
        stacks.emplace_back(bars, judgement);
    }
    // A hairline in the background colour between neighbouring parts keeps them apart in greyscale,
    // centred on the boundary so that no part looks shorter than it is.
    const QPen separator(style.background, style.pt(0.5), Qt::SolidLine, Qt::FlatCap);
    for (std::size_t i = 0; i < d.bars.size(); ++i) {
        const RobSummaryBar& bar = d.bars[i];
        const double row = static_cast<double>(i);
        for (const RobSegment& segment : bar.segments) {
            for (auto& [bars, judgement] : stacks)
                if (judgement == segment.judgement)
                    bars->addData(row, segment.percent);
            if (segment.start > 0)
                scene.line({segment.start, row - barWidth / 2}, {segment.start, row + barWidth / 2},
                           separator, true);
            // The number of studies inside its part when it fits there with a little room.
            const QString text = qs(segment.text);
            const double left = x->coordToPixel(segment.start);
            const double right = x->coordToPixel(segment.start + segment.percent);
            if (right - left >= scene.width(text) + 0.35 * em) {
                scene.text(text, (left + right) / 2, row, Qt::AlignHCenter, false, true).colour =
                    style.robSymbol;
            }
        }
        scene.text(qs(bar.number), area.left() + numberWidth, row, Qt::AlignRight, false, true);
        scene.text(labels[i], labelLeft, row, Qt::AlignLeft, false, true);
    }
    return {};
}

} // namespace evident::plots
