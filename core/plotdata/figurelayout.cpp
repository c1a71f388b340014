// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plotdata/figurelayout.h"

#include "core/common/text.h"

#include <algorithm>
#include <cmath>

namespace evident {

namespace {

std::size_t characterCount(std::string_view text) {
    std::size_t characters = 0;
    for (unsigned char c : text)
        characters += (c & 0xC0) != 0x80 ? 1 : 0;
    return characters;
}

/// Lines the rows of a forest plot take at `widthMm`: study labels wrap when the table and the plot
/// do not fit side by side, statistics lines when they are wider than the figure even at 80%. An
/// estimate of what the renderer does (it drops the arm data and the weights first, then narrows the
/// label column), erring on the side of room.
double forestRowLines(const ForestPlotData& plot, double fontPointSize, double widthMm) {
    using namespace figurelayout;
    if (widthMm <= 0)
        return static_cast<double>(plot.rows.size());
    const double inner = widthMm - 2 * marginMm;
    const double em = fontPointSize / pointsPerMm;
    const double characterMm = averageCharacterEm * em;
    std::vector<double> widths(plot.columns.size(), 0);
    for (const ForestRow& row : plot.rows)
        if (row.kind != ForestRowKind::Statistic && row.kind != ForestRowKind::SubgroupHeader)
            for (std::size_t j = 0; j < row.cells.size() && j < widths.size(); ++j)
                widths[j] =
                    std::max(widths[j], characterMm * static_cast<double>(characterCount(row.cells[j])));
    const double line = lineHeight * em;
    double robMm = plot.riskOfBias.shown ? syrcleItemCount * robNarrowColumnLines * line + 1.5 * em : 0;
    const double plotMm = std::max(0.22 * inner, plot.riskOfBias.shown ? 20.0 : 25.0);
    const double gapMm = 0.8 * em;
    double tableMm = 0;
    for (std::size_t j = 0; j < widths.size(); ++j)
        tableMm += widths[j] + gapMm;
    bool armDataShown = false;
    for (ForestColumnKind optional : {ForestColumnKind::ArmData, ForestColumnKind::Weight})
        for (std::size_t j = 0; j < widths.size(); ++j) {
            if (plot.columns[j].kind != optional)
                continue;
            if (tableMm + plotMm + robMm > inner)
                tableMm -= widths[j] + gapMm;
            else if (optional == ForestColumnKind::ArmData)
                armDataShown = true;
        }
    // With traffic lights that still do not fit, the effect column goes and the lights close up.
    if (plot.riskOfBias.shown && tableMm + plotMm + robMm > inner) {
        for (std::size_t j = 0; j < widths.size(); ++j)
            if (plot.columns[j].kind == ForestColumnKind::Effect)
                tableMm -= widths[j] + gapMm;
        robMm = syrcleItemCount * robCompactColumnLines * line + 1.5 * em;
    }
    const double labelMm =
        widths.empty() ? inner
                       : std::max(0.18 * inner, widths[0] - std::max(0.0, tableMm + plotMm + robMm - inner));
    double lines = 0;
    for (const ForestRow& row : plot.rows) {
        const std::string text = row.cells.empty() ? std::string() : row.cells[0];
        if (row.kind == ForestRowKind::Events && !armDataShown)
            continue; // Drawn only beside the group columns
        if (row.kind == ForestRowKind::Statistic)
            lines += 0.8 * characterMm * static_cast<double>(characterCount(text)) <= inner
                         ? 1
                         : estimatedWrappedLines(text, inner, fontPointSize);
        else if (row.kind == ForestRowKind::SubgroupHeader)
            lines += estimatedWrappedLines(text, inner - plotMm - robMm, fontPointSize);
        else
            lines += characterMm * static_cast<double>(characterCount(text)) <= labelMm
                         ? 1
                         : estimatedWrappedLines(text, labelMm, fontPointSize);
    }
    return lines;
}

} // namespace

double forestContentHeightMm(const ForestPlotData& plot, double fontPointSize, double widthMm) {
    using namespace figurelayout;
    const double line = lineHeight * fontPointSize / pointsPerMm;
    double lines = forestHeaderLines + forestHeaderGap;
    if (plot.ok) {
        lines += forestRowLines(plot, fontPointSize, widthMm) + forestAxisLines;
        for (const std::string& text : plot.footer)
            lines += widthMm > 0 ? estimatedWrappedLines(text, widthMm - 2 * marginMm, fontPointSize) : 1;
        if (plot.riskOfBias.shown) {
            const double inner = widthMm > 0 ? widthMm - 2 * marginMm : 170;
            lines += robKeyGapLines + estimatedRobKeyLines(plot.riskOfBias, inner, fontPointSize)
                     + robLegendGapLines + estimatedLegendLines(plot.riskOfBias.legend, inner, fontPointSize);
        }
    } else {
        lines = 3;
    }
    return 2 * marginMm + lines * line;
}

int estimatedWrappedLines(std::string_view text, double widthMm, double fontPointSize) {
    using namespace figurelayout;
    if (text.empty())
        return 0;
    std::size_t characters = 0;
    for (unsigned char c : text)
        characters += (c & 0xC0) != 0x80 ? 1 : 0;
    // 10% slack: lines break between words, not at any character.
    const double perLine = std::max(1.0, 0.9 * widthMm * pointsPerMm / (averageCharacterEm * fontPointSize));
    return std::max(1, static_cast<int>(std::ceil(static_cast<double>(characters) / perLine)));
}

int estimatedLegendLines(const std::vector<LegendEntry>& legend, double widthMm, double fontPointSize) {
    using namespace figurelayout;
    if (legend.empty())
        return 0;
    const double capacityEm = widthMm * pointsPerMm / fontPointSize;
    int lines = 1;
    double used = 0;
    for (const LegendEntry& entry : legend) {
        std::size_t characters = 0;
        for (unsigned char c : entry.label)
            characters += (c & 0xC0) != 0x80 ? 1 : 0;
        const double width = legendSymbolEm + averageCharacterEm * static_cast<double>(characters);
        if (used > 0 && used + legendGapEm + width > capacityEm) {
            ++lines;
            used = width;
        } else {
            used += (used > 0 ? legendGapEm : 0) + width;
        }
    }
    return lines;
}

double chartContentHeightMm(FigureKind kind, double widthMm, double fontPointSize,
                            const std::vector<LegendEntry>& legend, const std::vector<std::string>& caption) {
    using namespace figurelayout;
    const double aspect = kind == FigureKind::Tsa ? tsaAspect : funnelAspect;
    const double plotHeight = std::clamp(widthMm * aspect, minimumPlotHeightMm, maximumPlotHeightMm);
    const double line = lineHeight * fontPointSize / pointsPerMm;
    int captionLines = 0;
    for (const std::string& text : caption)
        captionLines += estimatedWrappedLines(text, widthMm - 2 * marginMm, fontPointSize);
    const int legendLines = estimatedLegendLines(legend, widthMm - 2 * marginMm, fontPointSize);
    // Above the plot: the RIS label's line. Below: tick labels and axis title, the legend, the caption.
    return 2 * marginMm + plotHeight
           + (chartTopLines + chartBottomLines + (legendLines > 0 ? 0.4 + legendLines : 0)
              + (captionLines > 0 ? 0.4 + captionLines : 0))
                 * line;
}

int estimatedRobKeyLines(const ForestRiskOfBias& rob, double widthMm, double fontPointSize) {
    using namespace figurelayout;
    if (rob.key.empty())
        return 0;
    double widest = 0;
    for (const RobKeyEntry& entry : rob.key) {
        std::size_t characters = 0;
        for (unsigned char c : entry.label)
            characters += (c & 0xC0) != 0x80 ? 1 : 0;
        widest = std::max(widest, robKeyNumberEm + robKeyCharacterEm * static_cast<double>(characters));
    }
    const double capacityEm = widthMm * pointsPerMm / fontPointSize;
    const auto columns = static_cast<std::size_t>(
        std::max(1.0, std::floor((capacityEm + robKeyGapEm) / (widest + robKeyGapEm))));
    if (columns >= 2)
        return static_cast<int>((rob.key.size() + columns - 1) / columns);
    return estimatedWrappedLines(rob.keyText, widthMm, fontPointSize); // Not even two columns: a sentence
}

double robSummaryContentHeightMm(const RobSummaryData& plot, double fontPointSize, double widthMm) {
    using namespace figurelayout;
    const double line = lineHeight * fontPointSize / pointsPerMm;
    const double inner = widthMm - 2 * marginMm;
    if (!plot.ok)
        return 2 * marginMm + (4 + estimatedWrappedLines(plot.message, inner * 0.85, fontPointSize)) * line;
    int captionLines = 0;
    for (const std::string& text : plot.caption)
        captionLines += estimatedWrappedLines(text, inner, fontPointSize);
    const int legendLines = estimatedLegendLines(plot.legend, inner, fontPointSize);
    return 2 * marginMm
           + (robSummaryTopLines + robSummaryRowLines * static_cast<double>(plot.bars.size())
              + chartBottomLines + (legendLines > 0 ? 0.4 + legendLines : 0)
              + (captionLines > 0 ? 0.4 + captionLines : 0))
                 * line;
}

double robTrafficLightContentHeightMm(const RobTrafficLightData& plot, double fontPointSize, double widthMm) {
    using namespace figurelayout;
    const double line = lineHeight * fontPointSize / pointsPerMm;
    const double inner = widthMm - 2 * marginMm;
    if (!plot.ok)
        return 2 * marginMm + (4 + estimatedWrappedLines(plot.message, inner * 0.85, fontPointSize)) * line;
    // Labels get what the ten columns leave, and wrap onto a second line when longer.
    const double labelMm = std::max(0.25 * inner, inner - syrcleItemCount * robColumnLines * line - 2 * line);
    double rows = 0;
    for (const RobTrafficLightRow& row : plot.rows)
        rows += robTrafficRowLines * std::min(2, estimatedWrappedLines(row.label, labelMm, fontPointSize));
    ForestRiskOfBias key;
    key.key = plot.key;
    key.keyText = plot.keyText;
    int captionLines = 0;
    for (const std::string& text : plot.caption)
        captionLines += estimatedWrappedLines(text, inner, fontPointSize);
    return 2 * marginMm
           + (robTrafficHeaderLines + rows + robKeyGapLines + estimatedRobKeyLines(key, inner, fontPointSize)
              + robLegendGapLines + estimatedLegendLines(plot.legend, inner, fontPointSize)
              + (captionLines > 0 ? 0.4 + captionLines : 0))
                 * line;
}

double figureHeightMm(FigureKind kind, const FigureSettings& settings, const ForestPlotData* forest,
                      const FunnelPlotData* funnel, const TsaPlotData* tsa, const RobSummaryData* robSummary,
                      const RobTrafficLightData* robTrafficLight) {
    if (settings.heightMm > 0)
        return settings.heightMm;
    switch (figureType(kind).drawing) {
    case FigureDrawing::Forest:
        return forest ? forestContentHeightMm(*forest, settings.fontPointSize, settings.widthMm) : 100.0;
    case FigureDrawing::Funnel:
        return funnel && funnel->ok
                   ? chartContentHeightMm(kind, settings.widthMm, settings.fontPointSize, funnel->legend,
                                          funnel->caption)
                   : chartContentHeightMm(kind, settings.widthMm, settings.fontPointSize, {}, {});
    case FigureDrawing::Tsa: {
        if (tsa && tsa->ok)
            return chartContentHeightMm(kind, settings.widthMm, settings.fontPointSize, tsa->legend,
                                        tsa->caption);
        return chartContentHeightMm(kind, settings.widthMm, settings.fontPointSize, {},
                                    tsa ? std::vector<std::string>{tsa->message}
                                        : std::vector<std::string>{});
    }
    case FigureDrawing::RobSummary:
        return robSummary ? robSummaryContentHeightMm(*robSummary, settings.fontPointSize, settings.widthMm)
                          : 100.0;
    case FigureDrawing::RobTrafficLight:
        return robTrafficLight ? robTrafficLightContentHeightMm(*robTrafficLight, settings.fontPointSize,
                                                                settings.widthMm)
                               : 100.0;
    }
    return 100.0;
}

double figureHeightMm(FigureKind kind, const FigureSettings& settings, const FigureContent& content) {
    return figureHeightMm(kind, settings, &content.forest, &content.funnel, &content.tsa, &content.robSummary,
                          &content.robTrafficLight);
}

int pixelsForMm(double mm, double dpi) {
    return static_cast<int>(std::lround(mm / 25.4 * dpi));
}

} // namespace evident
