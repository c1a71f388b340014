// SPDX-License-Identifier: GPL-3.0-or-later
// Everything computed for one outcome of a project: what the desktop app shows and plots, and what
// evident-cli renders and reports. One function, so both always show the same numbers.
#pragma once

#include "core/analysis/pipeline.h"
#include "core/model/modelchoice.h"
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

/// The analysis settings a new outcome of this kind starts with: the kind's first measure; for
/// dichotomous outcomes Mantel-Haenszel pooling with DerSimonian-Laird random effects (RevMan's
/// "M-H, Random"), otherwise inverse variance with REML.
AnalysisSettings defaultAnalysisSettings(OutcomeKind kind);

/// The model an outcome's settings ask for (inverse variance unless the outcome is dichotomous).
ModelChoice modelOf(OutcomeKind kind, const AnalysisSettings& settings);

/// Empty when `model` can analyse `measure` of a `kind` outcome; otherwise why not, for the user
/// ("Peto pooling is for odds ratios only").
std::string modelProblem(OutcomeKind kind, EffectMeasure measure, const ModelChoice& model);

/// The settings with a pooling method and estimator that fit the kind and measure, for the app after a
/// change of measure or method: a method the measure does not offer becomes the kind's first (M-H), and
/// an estimator the method does not offer becomes DerSimonian-Laird (random) or fixed effect.
AnalysisSettings consistentSettings(OutcomeKind kind, AnalysisSettings settings);

/// The analysis options an outcome's settings ask for.
AnalysisOptions analysisOptionsFor(const Outcome& outcome);

/// Prepares the outcome's data and runs the main analysis and the TSA.
OutcomeAnalysis analyseOutcome(const Project& project, const Outcome& outcome);

} // namespace evident
