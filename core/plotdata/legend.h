// SPDX-License-Identifier: GPL-3.0-or-later
// Legend entries shared by the figures: what symbol an entry shows and its text. The renderer draws each
// symbol the way the plot draws that element.
#pragma once

#include "core/project/riskofbias.h"

#include <string>

namespace evident {

/// What a legend entry shows before its text; the renderer draws each the way the plot draws it.
enum class LegendSymbol {
    StudyPoint,
    FilledStudyPoint, ///< Trim-and-fill study: open marker
    PooledLine,
    AdjustedLine,
    PseudoConfidence,
    Contour, ///< A shade; LegendEntry::shade says which (0 lightest)
    ZCurve,
    Conventional,
    Boundary,
    Futility,
    InformationSize,
    RobMark, ///< A traffic light of LegendEntry::judgement: coloured circle with its symbol
    RobBar,  ///< A bar segment of LegendEntry::judgement: coloured swatch
};

struct LegendEntry {
    LegendSymbol symbol = LegendSymbol::StudyPoint;
    std::string label;
    int shade = 0;
    RobJudgement judgement = RobJudgement::NotAssessed; ///< RobMark and RobBar
};

} // namespace evident
