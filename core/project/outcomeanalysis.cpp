// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/outcomeanalysis.h"

#include "core/project/outcometsa.h"
#include "core/schema/outcomekind.h"

#include <algorithm>

namespace evident {

AnalysisSettings defaultAnalysisSettings(OutcomeKind kind) {
    AnalysisSettings settings;
    settings.measure = outcomeKindSpec(kind).measures.front();
    if (kind == OutcomeKind::Dichotomous) {
        settings.pooling = PoolingMethod::MantelHaenszel;
        settings.estimator = Tau2Estimator::DerSimonianLaird;
    }
    return settings;
}

ModelChoice modelOf(OutcomeKind kind, const AnalysisSettings& settings) {
    return {kind == OutcomeKind::Dichotomous ? settings.pooling : PoolingMethod::InverseVariance,
            settings.estimator};
}

std::string modelProblem(OutcomeKind kind, EffectMeasure measure, const ModelChoice& model) {
    const auto offered = poolingMethodsOf(kind, measure);
    if (std::find(offered.begin(), offered.end(), model.pooling) == offered.end()) {
        if (kind != OutcomeKind::Dichotomous)
            return std::string(poolingName(model.pooling))
                   + " pooling needs events and totals: it is for dichotomous outcomes only";
        return std::string(poolingName(model.pooling)) + " pooling is for odds ratios only";
    }
    const auto estimators = estimatorsOf(model.pooling);
    if (std::find(estimators.begin(), estimators.end(), model.estimator) == estimators.end())
        return std::string(poolingName(model.pooling)) + " pooling is fitted "
               + (model.pooling == PoolingMethod::Peto ? "as a fixed-effect model only"
                                                       : "as a fixed-effect model (MH) or with "
                                                         "DerSimonian-Laird random effects (MH-DL)");
    return {};
}

AnalysisSettings consistentSettings(OutcomeKind kind, AnalysisSettings settings) {
    if (kind != OutcomeKind::Dichotomous)
        return settings;
    const auto offered = poolingMethodsOf(kind, settings.measure);
    if (std::find(offered.begin(), offered.end(), settings.pooling) == offered.end())
        settings.pooling = offered.front();
    const auto estimators = estimatorsOf(settings.pooling);
    if (std::find(estimators.begin(), estimators.end(), settings.estimator) == estimators.end())
        settings.estimator =
            settings.estimator != Tau2Estimator::FixedEffect
                    && std::find(estimators.begin(), estimators.end(), Tau2Estimator::DerSimonianLaird)
                           != estimators.end()
                ? Tau2Estimator::DerSimonianLaird
                : Tau2Estimator::FixedEffect;
    return settings;
}

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
