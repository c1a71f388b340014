// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/outcometsa.h"

#include <cmath>

namespace evident {
namespace {

TsaResult failure(std::string reason) {
    TsaResult result;
    result.error = std::move(reason);
    return result;
}

} // namespace

std::optional<TsaOutcome> tsaOutcomeFor(EffectMeasure measure) {
    switch (measure) {
    case EffectMeasure::MD:
        return TsaOutcome::MeanDifference;
    case EffectMeasure::SMD:
    case EffectMeasure::SMDRevMan:
        return TsaOutcome::StandardisedMeanDifference;
    default:
        return std::nullopt;
    }
}

TsaOptions tsaOptionsFor(const TsaSettings& settings, TsaOutcome outcome) {
    TsaOptions options;
    options.analysis.outcome = outcome;
    options.analysis.model = settings.model;
    options.ris.outcome = outcome;
    options.ris.alpha = settings.alpha;
    options.ris.beta = settings.beta;
    options.ris.minimalRelevantDifference = settings.minimalRelevantEffect;
    options.ris.standardDeviation = settings.standardDeviation;
    options.adjustment = settings.adjustment;
    options.alphaSpending = settings.spending;
    options.futility = settings.futility;
    options.powerAdjusted = settings.powerAdjusted;
    return options;
}

TsaResult runOutcomeTsa(const PreparedOutcome& prepared, const Outcome& outcome) {
    if (outcome.layout != DataLayout::TwoGroupContinuous)
        return failure("Trial sequential analysis needs the group means, SDs and sizes of each study.");
    const auto tsaOutcome = tsaOutcomeFor(outcome.settings.measure);
    if (!tsaOutcome)
        return failure("Trial sequential analysis is available for MD and SMD outcomes, not for "
                       + std::string(measureLabel(outcome.settings.measure)) + ".");
    // Either sign: a negative effect is natural when lower is better (RTSA accepts it). The RIS
    // depends on its square, and the futility wedge here is symmetric about Z = 0.
    if (!(std::abs(outcome.tsa.minimalRelevantEffect) > 0))
        return failure("Set the minimal relevant effect to compute the required information size.");

    TsaOptions options = tsaOptionsFor(outcome.tsa, *tsaOutcome);
    const Covariate* order =
        outcome.tsa.orderColumn.empty() ? nullptr : prepared.data.covariate(outcome.tsa.orderColumn);
    if (!outcome.tsa.orderColumn.empty() && (!order || order->kind != CovariateKind::Numeric))
        return failure("The TSA order column '" + outcome.tsa.orderColumn + "' is not a numeric column.");
    options.orderByValue = order != nullptr;

    std::vector<TsaTrial> trials;
    trials.reserve(prepared.data.size());
    for (std::size_t i = 0; i < prepared.data.size(); ++i) {
        TsaTrial trial;
        trial.label = prepared.data.labels[i];
        trial.treated = prepared.treated[i];
        trial.control = prepared.control[i];
        if (order)
            trial.order = order->numbers[i];
        trials.push_back(trial);
    }
    return runTsa(trials, options);
}

} // namespace evident
