// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tsa/tsa.h"

#include "core/common/distributions.h"

#include <algorithm>
#include <cmath>

namespace evident {
namespace {

/// The 1% rule (RTSA RTSA(), time_tf = 0.01): a look needs more than 1% of the RIS, and more than 1% of
/// the RIS since the last monitored look, to get boundaries.
constexpr double minimumInformationStep = 0.01;

std::string percent(double fraction) {
    return std::to_string(static_cast<long>(std::lround(100 * fraction))) + "%";
}

std::string heterogeneityNote(const TsaResult& result) {
    if (result.adjustment == HeterogeneityAdjustment::None)
        return "";
    const char* name = result.adjustment == HeterogeneityAdjustment::Diversity ? "D²" : "I²";
    return std::string(" (") + name + " = " + percent(result.heterogeneityUsed) + ")";
}

std::string writeConclusion(const TsaResult& result, SpendingFunction spending) {
    const std::string boundary = std::string(spendingLabel(spending)) + " boundary";
    const std::string ris = "the required information size of " + std::to_string(result.ris) + " animals"
                            + heterogeneityNote(result);
    switch (result.verdict) {
    case TsaVerdict::EfficacyCrossed: {
        const TsaLook& look = result.looks[result.efficacyCrossing->look];
        return "The cumulative Z-curve crossed the " + boundary + " at " + percent(look.fraction) + " of "
               + ris + ".";
    }
    case TsaVerdict::FutilityCrossed: {
        const TsaLook& look = result.looks[result.futilityCrossing->look];
        return "The cumulative Z-curve crossed the futility boundary at " + percent(look.fraction) + " of "
               + ris + " without crossing the " + boundary + ".";
    }
    case TsaVerdict::RisReachedWithoutCrossing:
        return "The cumulative Z-curve reached " + ris + " without crossing the " + boundary + ".";
    case TsaVerdict::NotCrossed:
        return "The cumulative Z-curve did not cross the " + boundary + "; the trials include "
               + percent(result.looks.back().fraction) + " of " + ris + ".";
    }
    return {};
}

Interval toReportedScale(const Interval& interval, bool ratio) {
    if (!ratio)
        return interval;
    return {std::exp(interval.lower), std::exp(interval.upper)};
}

} // namespace

TsaResult runTsa(std::span<const TsaTrial> input, const TsaOptions& options) {
    TsaResult result;
    result.adjustment = options.adjustment;
    const auto fail = [&](std::string message) {
        result.error = std::move(message);
        result.ok = false;
        return result;
    };
    if (input.empty())
        return fail("trials: a TSA needs at least one trial.");

    // Order of the looks: data order, or by the ordering value (ties keep data order).
    std::vector<TsaTrial> trials(input.begin(), input.end());
    if (options.orderByValue) {
        for (std::size_t i = 0; i < trials.size(); ++i)
            if (!trials[i].order || !std::isfinite(*trials[i].order))
                return fail((trials[i].label.empty() ? "trial " + std::to_string(i + 1) : trials[i].label)
                            + ": ordering value missing.");
        std::stable_sort(trials.begin(), trials.end(),
                         [](const TsaTrial& a, const TsaTrial& b) { return *a.order < *b.order; });
    }

    const CumulativeResult meta = cumulativeMetaAnalysis(trials, options.analysis);
    if (!meta.ok)
        return fail(meta.error);
    result.warnings = meta.warnings;
    const CumulativeStep& all = meta.steps.back();
    result.d2 = all.d2;
    result.i2 = all.i2;
    result.tau2 = all.tau2;

    // Required information size.
    RisAssumptions assumptions = options.ris;
    assumptions.outcome = options.analysis.outcome;
    assumptions.binaryMeasure = options.analysis.binaryMeasure;
    if (assumptions.outcome == TsaOutcome::Binary && options.controlRiskFromData)
        assumptions.controlRisk = meta.pooledControlRisk;
    double heterogeneity = 0;
    if (options.adjustment == HeterogeneityAdjustment::Diversity)
        heterogeneity = options.heterogeneity.value_or(all.d2);
    else if (options.adjustment == HeterogeneityAdjustment::Inconsistency)
        heterogeneity = options.heterogeneity.value_or(all.i2);
    const RisResult ris = requiredInformationSize(assumptions, options.adjustment, heterogeneity);
    if (!ris.ok)
        return fail(ris.error);
    result.ris = ris.adjusted;
    result.risUnadjusted = ris.fixedEffect;
    result.heterogeneityUsed = heterogeneity;
    if (options.adjustment != HeterogeneityAdjustment::None
        && options.analysis.model == TsaModel::FixedEffect)
        result.warnings.push_back(
            "The RIS is adjusted for heterogeneity but the Z-curve is from the fixed-effect "
            "model.");
    if (options.adjustment == HeterogeneityAdjustment::None && options.analysis.model == TsaModel::FixedEffect
        && all.tau2 > 0)
        result.warnings.push_back("There is heterogeneity (τ² > 0); consider a random-effects TSA with a "
                                  "heterogeneity-adjusted RIS.");

    std::vector<double> fractions;
    for (const auto& step : meta.steps)
        fractions.push_back(step.participants / result.ris);
    if (fractions.front() >= 1)
        return fail("The first trial alone reaches the required information size of "
                    + std::to_string(result.ris)
                    + " animals, so no sequential analysis is possible; check the minimal relevant "
                      "effect.");

    BoundaryOptions boundaryOptions;
    boundaryOptions.alpha = assumptions.alpha;
    boundaryOptions.beta = assumptions.beta;
    boundaryOptions.alphaSpending = options.alphaSpending;
    boundaryOptions.futility = options.futility;
    boundaryOptions.betaSpending = options.betaSpending;
    boundaryOptions.resolution = options.resolution;

    // Which looks are monitored, given the fraction of the final analysis.
    const auto selectLooks = [&](double horizon, std::vector<LookStatus>& status) {
        status.assign(fractions.size(), LookStatus::Monitored);
        double lastMonitored = 0;
        bool finalReached = false;
        for (std::size_t k = 0; k < fractions.size(); ++k) {
            if (finalReached) {
                status[k] = LookStatus::AfterFinalAnalysis;
            } else if (fractions[k] >= horizon) {
                finalReached = true; // always monitored: it is the final analysis
                lastMonitored = fractions[k];
            } else if (fractions[k] - lastMonitored <= minimumInformationStep) {
                status[k] = LookStatus::BelowOnePercent;
            } else {
                lastMonitored = fractions[k];
            }
        }
    };

    std::vector<LookStatus> status;
    if (options.powerAdjusted) {
        // RTSA: the design factor is computed on the timings up to the RIS (1% rule applied), ending at 1.
        selectLooks(1.0, status);
        std::vector<double> timings;
        for (std::size_t k = 0; k < fractions.size(); ++k)
            if (status[k] == LookStatus::Monitored && fractions[k] < 1)
                timings.push_back(fractions[k]);
        timings.push_back(1.0);
        const DesignInflation inflation = designInflationFactor(timings, boundaryOptions);
        if (!inflation.ok)
            return fail(inflation.error);
        result.inflationFactor = inflation.factor;
    }
    const double horizon = result.inflationFactor;
    result.risInflated = result.ris * horizon;
    boundaryOptions.horizon = horizon;
    selectLooks(horizon, status);

    std::vector<double> monitored;
    std::vector<std::size_t> monitoredLook;
    for (std::size_t k = 0; k < fractions.size(); ++k)
        if (status[k] == LookStatus::Monitored) {
            monitored.push_back(fractions[k]);
            monitoredLook.push_back(k);
        }
    // Every look may add 1% of the RIS or less (a tiny minimal relevant effect): then the only
    // boundary is the one at the final analysis.
    const bool finalReached = !monitored.empty() && monitored.back() >= horizon;
    if (!finalReached)
        monitored.push_back(horizon);
    result.boundaries = computeBoundaries(monitored, boundaryOptions);
    if (!result.boundaries.ok)
        return fail(result.boundaries.error);
    for (const auto& warning : result.boundaries.warnings)
        result.warnings.push_back(warning);
    if (!finalReached) {
        result.finalFraction = horizon;
        result.finalUpper = result.boundaries.upper.back();
        result.finalFutility = result.boundaries.futility.back();
    }

    // The looks.
    const bool ratio = options.analysis.outcome == TsaOutcome::Binary
                       && options.analysis.binaryMeasure != BinaryMeasure::RiskDifference;
    const double zCrit = normalQuantile(1 - assumptions.alpha / 2);
    for (std::size_t k = 0; k < meta.steps.size(); ++k) {
        const CumulativeStep& step = meta.steps[k];
        TsaLook look;
        look.label = trials[meta.trialIndex[k]].label;
        look.trials = step.trials;
        look.participants = step.participants;
        look.fraction = fractions[k];
        look.z = step.z;
        look.estimate = ratio ? std::exp(step.estimate) : step.estimate;
        look.naiveCi =
            toReportedScale({step.estimate - zCrit * step.se, step.estimate + zCrit * step.se}, ratio);
        look.tau2 = step.tau2;
        look.i2 = step.i2;
        look.d2 = step.d2;
        look.status = status[k];
        result.looks.push_back(look);
    }
    for (std::size_t m = 0; m < monitoredLook.size(); ++m) {
        TsaLook& look = result.looks[monitoredLook[m]];
        const CumulativeStep& step = meta.steps[monitoredLook[m]];
        const double b = result.boundaries.upper[m];
        look.upper = b;
        look.lower = -b;
        if (const auto& futility = result.boundaries.futility[m]) {
            look.futilityUpper = *futility;
            look.futilityLower = -*futility;
        }
        // TSA-adjusted interval: estimate ± b·SE (RTSA inference()); unbounded where b is infinite.
        look.adjustedCi = toReportedScale({step.estimate - b * step.se, step.estimate + b * step.se}, ratio);
    }
    for (const auto& look : result.looks)
        if (look.status == LookStatus::BelowOnePercent) {
            result.warnings.push_back(
                "Looks adding 1% of the required information size or less get no boundary "
                "(the 1% rule).");
            break;
        }
    if (finalReached && result.looks.back().status == LookStatus::AfterFinalAnalysis)
        result.warnings.push_back("Trials after the one that reached the required information size get no "
                                  "boundary: that look is the final analysis.");

    // Crossings, at monitored looks only.
    for (std::size_t k = 0; k < result.looks.size(); ++k) {
        const TsaLook& look = result.looks[k];
        if (look.status != LookStatus::Monitored)
            continue;
        if (!result.efficacyCrossing && std::isfinite(*look.upper) && std::abs(look.z) >= *look.upper)
            result.efficacyCrossing =
                TsaCrossing{k, look.z > 0 ? CrossingKind::EfficacyUpper : CrossingKind::EfficacyLower};
        if (!result.futilityCrossing && look.futilityUpper && std::abs(look.z) < *look.futilityUpper)
            result.futilityCrossing = TsaCrossing{k, CrossingKind::Futility};
    }
    if (result.efficacyCrossing)
        result.verdict = TsaVerdict::EfficacyCrossed;
    else if (result.futilityCrossing)
        result.verdict = TsaVerdict::FutilityCrossed;
    else if (finalReached)
        result.verdict = TsaVerdict::RisReachedWithoutCrossing;
    else
        result.verdict = TsaVerdict::NotCrossed;
    result.conclusion = writeConclusion(result, options.alphaSpending);
    result.ok = true;
    return result;
}

} // namespace evident
