// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/outcometsa.h"

#include "core/schema/outcomekind.h"

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
    case EffectMeasure::OR:
    case EffectMeasure::RR:
    case EffectMeasure::RD:
        return TsaOutcome::Binary;
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
    if (outcome == TsaOutcome::Binary) {
        options.ris.relativeRiskReduction = std::fabs(settings.minimalRelevantEffect);
        options.ris.controlRisk = settings.controlRisk;
        options.controlRiskFromData = !(settings.controlRisk > 0);
    }
    return options;
}

std::optional<TsaOptions> outcomeTsaOptions(const Outcome& outcome) {
    const auto tsaOutcome = tsaOutcomeFor(outcome.settings.measure);
    if (!tsaOutcome)
        return std::nullopt;
    TsaOptions options = tsaOptionsFor(outcome.tsa, *tsaOutcome);
    if (*tsaOutcome == TsaOutcome::Binary) {
        options.analysis.binaryMeasure = *binaryMeasureOf(outcome.settings.measure);
        options.ris.binaryMeasure = options.analysis.binaryMeasure;
    }
    return options;
}

TsaResult runOutcomeTsa(const PreparedOutcome& prepared, const Outcome& outcome) {
    if (!outcomeKindSpec(outcome.kind).twoArms)
        return failure("Trial sequential analysis needs the two groups of each study: the means, SDs and "
                       "sizes, or the events and totals.");
    const std::optional<TsaOptions> outcomeOptions = outcomeTsaOptions(outcome);
    if (!outcomeOptions)
        return failure("Trial sequential analysis is available for MD, SMD, OR, RR and RD outcomes, not for "
                       + std::string(measureLabel(outcome.settings.measure)) + ".");
    // Either sign: a negative effect is natural when lower is better (RTSA accepts it). The RIS
    // depends on its square, and the futility wedge here is symmetric about Z = 0.
    if (!(std::abs(outcome.tsa.minimalRelevantEffect) > 0))
        return failure("Set the minimal relevant effect to compute the required information size.");

    TsaOptions options = *outcomeOptions;
    const bool binary = options.analysis.outcome == TsaOutcome::Binary;
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
        if (binary) {
            const TwoByTwo& table = prepared.data.tables[i];
            trial.eventsTreated = table.eventsTreated;
            trial.totalTreated = table.totalTreated;
            trial.eventsControl = table.eventsControl;
            trial.totalControl = table.totalControl;
        } else {
            trial.treated = prepared.treated[i];
            trial.control = prepared.control[i];
        }
        if (order)
            trial.order = order->numbers[i];
        trials.push_back(trial);
    }
    return runTsa(trials, options);
}

} // namespace evident
