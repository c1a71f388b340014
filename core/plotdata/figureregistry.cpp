// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plotdata/figureregistry.h"

#include "core/common/text.h"
#include "core/plotdata/sensitivityplotdata.h"

#include <algorithm>

namespace evident {
namespace {

void buildForest(FigureContent& content, const OutcomeAnalysis& analysis, const Outcome& outcome,
                 const FigureSettings& settings, const std::vector<Study>& studies) {
    content.forest = buildForestPlot(analysis, outcome, settings);
    if (settings.riskOfBias)
        addForestRiskOfBias(content.forest, outcome, studies);
}

void buildCumulative(FigureContent& content, const OutcomeAnalysis& analysis, const Outcome& outcome,
                     const FigureSettings& settings, const std::vector<Study>&) {
    content.forest = buildCumulativeForestPlot(analysis, outcome, settings);
}

void buildLeaveOneOut(FigureContent& content, const OutcomeAnalysis& analysis, const Outcome& outcome,
                      const FigureSettings& settings, const std::vector<Study>&) {
    content.forest = buildLeaveOneOutForestPlot(analysis, outcome, settings);
}

void buildFunnel(FigureContent& content, const OutcomeAnalysis& analysis, const Outcome& outcome,
                 const FigureSettings& settings, const std::vector<Study>&) {
    content.funnel = buildFunnelPlot(analysis, outcome, settings);
}

void buildTsa(FigureContent& content, const OutcomeAnalysis& analysis, const Outcome& outcome,
              const FigureSettings& settings, const std::vector<Study>&) {
    content.tsa = buildTsaPlot(analysis, outcome, settings);
}

void buildSummary(FigureContent& content, const OutcomeAnalysis&, const Outcome& outcome,
                  const FigureSettings& settings, const std::vector<Study>& studies) {
    content.robSummary = buildRobSummary(outcome, studies, settings);
}

void buildTrafficLight(FigureContent& content, const OutcomeAnalysis&, const Outcome& outcome,
                       const FigureSettings& settings, const std::vector<Study>& studies) {
    content.robTrafficLight = buildRobTrafficLight(outcome, studies, settings);
}

// The project keys of the first four are those of schema 2 files.
constexpr FigureType types[] = {
    {FigureKind::Forest, "forest", "forest", "Forest plot", FigureDrawing::Forest, &OutcomeFigures::forest,
     true, &buildForest},
    {FigureKind::Cumulative, "cumulative", "cumulative", "Cumulative meta-analysis", FigureDrawing::Forest,
     &OutcomeFigures::cumulative, true, &buildCumulative},
    {FigureKind::LeaveOneOut, "leave-one-out", "leave_one_out", "Leave-one-out analysis",
     FigureDrawing::Forest, &OutcomeFigures::leaveOneOut, true, &buildLeaveOneOut},
    {FigureKind::Funnel, "funnel", "funnel", "Funnel plot", FigureDrawing::Funnel, &OutcomeFigures::funnel,
     true, &buildFunnel},
    {FigureKind::Tsa, "tsa", "tsa", "TSA plot", FigureDrawing::Tsa, &OutcomeFigures::tsa, true, &buildTsa},
    {FigureKind::RobSummary, "rob-summary", "rob_summary", "Risk-of-bias summary", FigureDrawing::RobSummary,
     &OutcomeFigures::robSummary, false, &buildSummary},
    {FigureKind::RobTrafficLight, "rob-traffic-light", "rob_traffic_light", "Risk of bias by study",
     FigureDrawing::RobTrafficLight, &OutcomeFigures::robTrafficLight, false, &buildTrafficLight},
};

} // namespace

std::span<const FigureType> figureTypes() {
    return types;
}

const FigureType& figureType(FigureKind kind) {
    for (const FigureType& type : types)
        if (type.kind == kind)
            return type;
    return types[0];
}

std::string_view figureKey(FigureKind kind) {
    return figureType(kind).key;
}

std::optional<FigureKind> parseFigureKind(std::string_view key) {
    for (const FigureType& type : types)
        if (equalsIgnoringCase(key, type.key) || equalsIgnoringCase(key, type.projectKey))
            return type.kind;
    return std::nullopt;
}

std::string figureKeyList() {
    std::string list;
    for (const FigureType& type : types)
        list += (list.empty() ? "" : ", ") + std::string(type.key);
    return list;
}

const FigureSettings& figureSettings(const OutcomeFigures& figures, FigureKind kind) {
    return figures.*(figureType(kind).settings);
}

FigureSettings& figureSettings(OutcomeFigures& figures, FigureKind kind) {
    return figures.*(figureType(kind).settings);
}

} // namespace evident
