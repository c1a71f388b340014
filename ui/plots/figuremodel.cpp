// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/figuremodel.h"

namespace evident::plots {

FigureModel FigureModel::build(FigureKind kind, const OutcomeAnalysis& analysis, const Outcome& outcome,
                               const FigureSettings& settings, const std::vector<Study>& studies) {
    FigureModel model;
    model.kind = kind;
    switch (kind) {
    case FigureKind::Forest:
        model.forest = buildForestPlot(analysis, outcome, settings);
        if (settings.riskOfBias)
            addForestRiskOfBias(model.forest, outcome, studies);
        break;
    case FigureKind::Funnel:
        model.funnel = buildFunnelPlot(analysis, outcome, settings);
        break;
    case FigureKind::Tsa:
        model.tsa = buildTsaPlot(analysis, outcome, settings);
        break;
    case FigureKind::RobSummary:
        model.robSummary = buildRobSummary(outcome, studies, settings);
        break;
    }
    return model;
}

FigureModel FigureModel::build(FigureKind kind, const OutcomeAnalysis& analysis, const Outcome& outcome,
                               const FigureSettings& settings) {
    return build(kind, analysis, outcome, settings, {});
}

const FigureSettings& FigureModel::settingsOf(const Outcome& outcome, FigureKind kind) {
    switch (kind) {
    case FigureKind::Funnel:
        return outcome.figures.funnel;
    case FigureKind::Tsa:
        return outcome.figures.tsa;
    case FigureKind::RobSummary:
        return outcome.figures.robSummary;
    case FigureKind::Forest:
        break;
    }
    return outcome.figures.forest;
}

FigureSettings& FigureModel::settingsOf(Outcome& outcome, FigureKind kind) {
    return const_cast<FigureSettings&>(settingsOf(static_cast<const Outcome&>(outcome), kind));
}

double FigureModel::heightMm(const FigureSettings& settings) const {
    return figureHeightMm(kind, settings, &forest, &funnel, &tsa, &robSummary);
}

} // namespace evident::plots
