// SPDX-License-Identifier: GPL-3.0-or-later
// The numbers and text of one figure, built by core/plotdata from an analysed outcome.
#pragma once

#include "core/plotdata/figurelayout.h"

#include <vector>

namespace evident::plots {

struct FigureModel {
    FigureKind kind = FigureKind::Forest;
    ForestPlotData forest;     ///< Filled when kind is Forest
    FunnelPlotData funnel;     ///< Filled when kind is Funnel
    TsaPlotData tsa;           ///< Filled when kind is Tsa
    RobSummaryData robSummary; ///< Filled when kind is RobSummary

    /// Builds the figure of `kind` for the outcome with the figure's settings. `studies` (the project's)
    /// give the risk-of-bias judgements: the traffic lights of a forest plot with settings.riskOfBias,
    /// and the summary plot, which counts the studies included in the outcome and needs no analysis.
    static FigureModel build(FigureKind kind, const OutcomeAnalysis& analysis, const Outcome& outcome,
                             const FigureSettings& settings, const std::vector<Study>& studies);
    /// The same without the project's studies: no study counts as assessed.
    static FigureModel build(FigureKind kind, const OutcomeAnalysis& analysis, const Outcome& outcome,
                             const FigureSettings& settings);
    /// The figure's settings stored with the outcome.
    static const FigureSettings& settingsOf(const Outcome& outcome, FigureKind kind);
    static FigureSettings& settingsOf(Outcome& outcome, FigureKind kind);

    /// Height in mm for these settings: the chosen height, or the content's.
    double heightMm(const FigureSettings& settings) const;
};

} // namespace evident::plots
