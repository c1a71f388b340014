// SPDX-License-Identifier: GPL-3.0-or-later
// Everything computed for one outcome of a project: what the desktop app shows and plots, and what
// evident-cli renders and reports. One function, so both always show the same numbers.
#pragma once

#include "core/analysis/pipeline.h"
#include "core/project/preparation.h"
#include "core/project/project.h"
#include "core/tsa/tsa.h"

namespace evident {

struct OutcomeAnalysis {
    PreparedOutcome prepared; ///< The analysed studies, and the rows left out with reasons
    AnalysisOptions options;
    AnalysisResult result;
    TsaResult tsa; ///< ok = false with the reason when TSA does not apply
    EffectMeasure measure = EffectMeasure::SMD;
    bool lowerIsBetter = false;
};

/// The analysis options an outcome's settings ask for.
AnalysisOptions analysisOptionsFor(const Outcome& outcome);

/// Prepares the outcome's data and runs the main analysis and the TSA.
OutcomeAnalysis analyseOutcome(const Project& project, const Outcome& outcome);

} // namespace evident
