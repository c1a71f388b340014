// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/outcomeanalysis.h"

#include "core/project/outcometsa.h"

namespace evident {

AnalysisOptions analysisOptionsFor(const Outcome& outcome) {
    AnalysisOptions options;
    options.fit.estimator = outcome.settings.estimator;
    options.fit.inference = outcome.settings.inference;
    if (outcome.kind == OutcomeKind::Dichotomous) {
        options.fit.pooling.method = outcome.settings.pooling;
        options.fit.pooling.measure =
            binaryMeasureOf(outcome.settings.measure).value_or(BinaryMeasure::OddsRatio);
        options.fit.pooling.revMan5Convention = outcome.settings.revman5ZeroCells;
        options.fit.pooling.doubleZero =
            outcome.settings.keepDoubleZero ? DoubleZeroRule::Keep : DoubleZeroRule::DropForRatios;
    }
    options.subgroup = outcome.settings.subgroup;
    options.cumulativeOrder = outcome.settings.cumulativeOrder;
    return options;
}

OutcomeAnalysis analyseOutcome(const Project& project, const Outcome& outcome) {
    OutcomeAnalysis analysis;
    analysis.measure = outcome.settings.measure;
    analysis.lowerIsBetter = outcome.lowerIsBetter;
    analysis.options = analysisOptionsFor(outcome);
    analysis.prepared = prepareOutcome(project, outcome);
    analysis.result = runAnalysis(analysis.prepared.data, analysis.options);
    analysis.tsa = runOutcomeTsa(analysis.prepared, outcome);
    return analysis;
}

} // namespace evident
