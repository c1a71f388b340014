// SPDX-License-Identifier: GPL-3.0-or-later
// The one list of Evident's figures: for each, its keys (command line, file names, project file),
// its title, the settings it is saved with, and how its numbers are built. A new figure is one entry
// here (and a scene, when it draws something new).
#pragma once

#include "core/plotdata/forestplotdata.h"
#include "core/plotdata/funnelplotdata.h"
#include "core/plotdata/riskofbiasplotdata.h"
#include "core/plotdata/tsaplotdata.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace evident {

/// The first four keep the values they had before the registry (benchmarks name figures by number).
enum class FigureKind { Forest, Funnel, Tsa, RobSummary, Cumulative, LeaveOneOut, RobTrafficLight };

/// What a figure's scene draws from. Figures of one drawing share a renderer: a cumulative
/// forest plot is drawn as a forest plot.
enum class FigureDrawing { Forest, Funnel, Tsa, RobSummary, RobTrafficLight };

/// The numbers and text of one figure: the member of its drawing is filled.
struct FigureContent {
    ForestPlotData forest;
    FunnelPlotData funnel;
    TsaPlotData tsa;
    RobSummaryData robSummary;
    RobTrafficLightData robTrafficLight;
};

struct FigureType {
    FigureKind kind;
    std::string_view key;        ///< `evident-cli render --figure`, exported file names: "rob-summary"
    std::string_view projectKey; ///< Key in a project file's "figures" object: "rob_summary"
    std::string_view title;      ///< "Risk-of-bias summary": tabs, menus, messages
    FigureDrawing drawing;
    FigureSettings OutcomeFigures::*settings; ///< Saved with the outcome
    /// False for the risk-of-bias figures: they show judgements, not effect sizes, so rows with
    /// invalid data do not stop them.
    bool needsAnalysis;
    /// Fills the content member of `drawing` for the outcome; `studies` are the project's.
    void (*build)(FigureContent& content, const OutcomeAnalysis& analysis, const Outcome& outcome,
                  const FigureSettings& settings, const std::vector<Study>& studies);
};

/// Every figure, in the order the app lists them.
std::span<const FigureType> figureTypes();
const FigureType& figureType(FigureKind kind);

std::string_view figureKey(FigureKind kind); ///< figureType(kind).key
/// The figure with this key or project key (either spelling: "rob-summary", "rob_summary"), any case.
std::optional<FigureKind> parseFigureKind(std::string_view key);
/// "forest, cumulative, …": the keys, for messages and help.
std::string figureKeyList();

const FigureSettings& figureSettings(const OutcomeFigures& figures, FigureKind kind);
FigureSettings& figureSettings(OutcomeFigures& figures, FigureKind kind);

} // namespace evident
