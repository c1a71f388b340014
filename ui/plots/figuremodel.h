// SPDX-License-Identifier: GPL-3.0-or-later
// The numbers and text of one figure, built by core/plotdata from an analysed outcome.
#pragma once

#include "core/plotdata/figurelayout.h"

#include <vector>

namespace evident::plots {

/// A figure's kind and content (FigureContent: the member of its drawing is filled).
struct FigureModel : FigureContent {
    FigureKind kind = FigureKind::Forest;

    /// Builds the figure of `kind` for the outcome with the figure's settings (the registry's builder,
    /// core/plotdata/figureregistry.h). `studies` (the project's) give the risk-of-bias judgements.
    static FigureModel build(FigureKind kind, const OutcomeAnalysis& analysis, const Outcome& outcome,
                             const FigureSettings& settings, const std::vector<Study>& studies);
    /// The same without the project's studies: no study counts as assessed.
    static FigureModel build(FigureKind kind, const OutcomeAnalysis& analysis, const Outcome& outcome,
                             const FigureSettings& settings);
    /// The figure's settings stored with the outcome.
    static const FigureSettings& settingsOf(const Outcome& outcome, FigureKind kind);
    static FigureSettings& settingsOf(Outcome& outcome, FigureKind kind);

    FigureDrawing drawing() const { return figureType(kind).drawing; }
    /// Whether there is something to draw, and if not, why.
    bool ok() const;
    const std::string& message() const;
    /// Height in mm for these settings: the chosen height, or the content's.
    double heightMm(const FigureSettings& settings) const;
};

} // namespace evident::plots
