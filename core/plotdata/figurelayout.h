// SPDX-License-Identifier: GPL-3.0-or-later
// The size of a figure: the fixed proportions the renderer lays out with, and the height a figure
// gets from its content (the number of forest-plot rows, the lines of a caption) when the user has
// not chosen one.
#pragma once

#include "core/plotdata/figureregistry.h"

#include <optional>
#include <string>
#include <string_view>

namespace evident {

/// Proportions shared by the height computed here and the renderer that fills it.
namespace figurelayout {
inline constexpr double pointsPerMm = 72.0 / 25.4;
inline constexpr double marginMm = 2.5;           ///< White border on every side
inline constexpr double lineHeight = 1.45;        ///< One table row or text line, in font sizes
inline constexpr double forestHeaderLines = 2;    ///< Column group and column names
inline constexpr double forestHeaderGap = 0.4;    ///< Below the header rule, in lines
inline constexpr double forestAxisLines = 2.8;    ///< Ticks, tick labels and the "Favours" labels
inline constexpr double averageCharacterEm = 0.5; ///< Width of an average character, for wrapping estimates
inline constexpr double legendSymbolEm = 2.2;     ///< Width of a legend symbol
inline constexpr double legendGapEm = 1.5;        ///< Space between legend entries
inline constexpr double chartTopLines = 1.2;      ///< Above the plot area (room for the RIS label)
inline constexpr double chartBottomLines = 2.6;   ///< Below it: tick labels and the axis title
inline constexpr double funnelAspect = 0.68;      ///< Plot height / width
inline constexpr double tsaAspect = 0.6;
inline constexpr double minimumPlotHeightMm = 45;
inline constexpr double maximumPlotHeightMm = 170;
// Risk of bias beside the forest plot.
inline constexpr double robColumnLines = 0.95;        ///< Width of one traffic-light column, in lines
inline constexpr double robNarrowColumnLines = 0.8;   ///< The same in a figure too narrow for the first
inline constexpr double robMarkLines = 0.78;          ///< Diameter of a traffic light (0.68 when narrow)
inline constexpr double robKeyGapLines = 0.5;         ///< Between the footer and the key
inline constexpr double robLegendGapLines = 0.3;      ///< Between the key and the judgements' legend
inline constexpr double robCompactColumnLines = 0.62; ///< The narrowest columns (single-column figures)
inline constexpr double robKeyNumberEm = 1.6;         ///< The item number's column in the key
inline constexpr double robKeyGapEm = 1.5;            ///< Between the key's columns
/// Average character of the SYRCLE item labels (mostly lower case, narrower than averageCharacterEm).
inline constexpr double robKeyCharacterEm = 0.47;
// The risk-of-bias summary plot.
inline constexpr double robSummaryTopLines = 0.5;  ///< Above the first bar
inline constexpr double robSummaryRowLines = 1.75; ///< One bar's row (room for a label on two lines)
inline constexpr double robSummaryBarShare = 0.62; ///< Bar thickness / row height
// The risk-of-bias traffic lights per study.
inline constexpr double robTrafficHeaderLines = 2.4; ///< "Risk of bias (SYRCLE)", the item numbers, a gap
inline constexpr double robTrafficRowLines = 1.3;    ///< One study's row (its circles)
} // namespace figurelayout

/// Height of a forest plot that shows every row at `fontPointSize`: margins, the two header lines,
/// the rows, the axis and the footer lines (wrapped to `widthMm` when given, as the renderer wraps them).
double forestContentHeightMm(const ForestPlotData& plot, double fontPointSize, double widthMm = 0);

/// Lines that `text` takes when wrapped to `widthMm` at `fontPointSize` (an estimate from the average
/// character width: the renderer wraps for real, and this reserves room for it).
int estimatedWrappedLines(std::string_view text, double widthMm, double fontPointSize);

/// Lines a legend takes when its entries flow left to right within `widthMm` (each entry is its
/// symbol, legendSymbolEm wide, and its text, with legendGapEm between entries); an estimate as above.
int estimatedLegendLines(const std::vector<LegendEntry>& legend, double widthMm, double fontPointSize);

/// Height of a funnel or TSA figure: the plot area from the width and the figure's aspect (within
/// the minimum and maximum), the axis titles, the legend and the caption lines.
double chartContentHeightMm(FigureKind kind, double widthMm, double fontPointSize,
                            const std::vector<LegendEntry>& legend, const std::vector<std::string>& caption);

/// Lines the key of the traffic-light items takes within `widthMm`: its entries ("10" and "Other
/// sources of bias") in as many columns of equal width as fit, filled column by column, or its sentence
/// (ForestRiskOfBias::keyText) wrapped when not even two columns fit; an estimate from the average
/// character width, as above.
int estimatedRobKeyLines(const ForestRiskOfBias& rob, double widthMm, double fontPointSize);

/// Height of the risk-of-bias summary: the bars, the axis, the legend and the caption, or a few lines
/// for the message when there is nothing to draw.
double robSummaryContentHeightMm(const RobSummaryData& plot, double fontPointSize, double widthMm);

/// Height of the traffic lights per study: the header, one row per study (a label that wraps takes
/// two), the key, the legend and the caption, or a few lines for the message.
double robTrafficLightContentHeightMm(const RobTrafficLightData& plot, double fontPointSize, double widthMm);

/// The height to use: settings.heightMm when chosen (> 0), else the content height of the figure's
/// drawing (the pointers not needed by it may be null).
double figureHeightMm(FigureKind kind, const FigureSettings& settings, const ForestPlotData* forest,
                      const FunnelPlotData* funnel, const TsaPlotData* tsa,
                      const RobSummaryData* robSummary = nullptr,
                      const RobTrafficLightData* robTrafficLight = nullptr);
double figureHeightMm(FigureKind kind, const FigureSettings& settings, const FigureContent& content);

/// Pixels of a raster export: round(mm / 25.4 · dpi).
int pixelsForMm(double mm, double dpi);

} // namespace evident
