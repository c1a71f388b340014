// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/figuremodel.h"

namespace evident::plots {

FigureModel FigureModel::build(FigureKind kind, const OutcomeAnalysis& analysis, const Outcome& outcome,
                               const FigureSettings& settings, const std::vector<Study>& studies) {
    FigureModel model;
    model.kind = kind;
    figureType(kind).build(model, analysis, outcome, settings, studies);
    return model;
}

FigureModel FigureModel::build(FigureKind kind, const OutcomeAnalysis& analysis, const Outcome& outcome,
                               const FigureSettings& settings) {
    return build(kind, analysis, outcome, settings, {});
}

const FigureSettings& FigureModel::settingsOf(const Outcome& outcome, FigureKind kind) {
    return figureSettings(outcome.figures, kind);
}

FigureSettings& FigureModel::settingsOf(Outcome& outcome, FigureKind kind) {
    return figureSettings(outcome.figures, kind);
}

bool FigureModel::ok() const {
    switch (drawing()) {
    case FigureDrawing::Forest:
        return forest.ok;
    case FigureDrawing::Funnel:
        return funnel.ok;
    case FigureDrawing::Tsa:
        return tsa.ok;
    case FigureDrawing::RobSummary:
        return robSummary.ok;
    case FigureDrawing::RobTrafficLight:
        break;
    }
    return robTrafficLight.ok;
}

const std::string& FigureModel::message() const {
    switch (drawing()) {
    case FigureDrawing::Forest:
        return forest.message;
    case FigureDrawing::Funnel:
        return funnel.message;
    case FigureDrawing::Tsa:
        return tsa.message;
    case FigureDrawing::RobSummary:
        return robSummary.message;
    case FigureDrawing::RobTrafficLight:
        break;
    }
    return robTrafficLight.message;
}

double FigureModel::heightMm(const FigureSettings& settings) const {
    return figureHeightMm(kind, settings, *this);
}

} // namespace evident::plots
