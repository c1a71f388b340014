// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tsa/ris.h"

#include "core/common/distributions.h"

#include <cmath>

namespace evident {

std::string_view adjustmentKey(HeterogeneityAdjustment adjustment) {
    switch (adjustment) {
    case HeterogeneityAdjustment::None:
        return "none";
    case HeterogeneityAdjustment::Diversity:
        return "D2";
    case HeterogeneityAdjustment::Inconsistency:
        return "I2";
    }
    return "none";
}

double relativeRiskReductionForOddsRatio(double controlRisk, double oddsRatio) {
    const double odds = controlRisk / (1 - controlRisk) * oddsRatio;
    return 1 - odds / (1 + odds) / controlRisk;
}

RisResult requiredInformationSize(const RisAssumptions& assumptions, HeterogeneityAdjustment adjustment,
                                  double heterogeneity) {
    RisResult result;
    const auto fail = [&](std::string message) {
        result.error = std::move(message);
        return result;
    };
    if (!(assumptions.alpha > 0 && assumptions.alpha < 1))
        return fail("alpha must lie strictly between 0 and 1.");
    if (!(assumptions.beta > 0 && assumptions.beta < 1))
        return fail("beta must lie strictly between 0 and 1.");

    double theta = 0;
    double nu = 0;
    switch (assumptions.outcome) {
    case TsaOutcome::MeanDifference:
        if (!std::isfinite(assumptions.minimalRelevantDifference)
            || assumptions.minimalRelevantDifference == 0)
            return fail("minimal relevant difference must be a non-zero number.");
        if (!(assumptions.standardDeviation > 0) || !std::isfinite(assumptions.standardDeviation))
            return fail("standard deviation must be a positive number.");
        theta = assumptions.minimalRelevantDifference;
        nu = assumptions.standardDeviation * assumptions.standardDeviation;
        break;
    case TsaOutcome::StandardisedMeanDifference:
        if (!std::isfinite(assumptions.minimalRelevantDifference)
            || assumptions.minimalRelevantDifference == 0)
            return fail("minimal relevant SMD must be a non-zero number.");
        theta = assumptions.minimalRelevantDifference;
        nu = 1; // the SMD is in units of the outcome SD
        break;
    case TsaOutcome::Binary: {
        const double pC = assumptions.controlRisk;
        if (!(pC > 0 && pC < 1))
            return fail("control event proportion must lie strictly between 0 and 1.");
        const double rrr = assumptions.relativeRiskReduction;
        if (!std::isfinite(rrr) || rrr == 0 || rrr >= 1)
            return fail("relative risk reduction must be a non-zero number below 1.");
        const double pI = pC * (1 - rrr);
        if (!(pI > 0 && pI < 1))
            return fail("relative risk reduction gives an intervention event proportion outside (0, 1).");
        theta = pC - pI;
        if (assumptions.binaryMeasure == BinaryMeasure::RiskDifference) {
            nu = pC * (1 - pC) + pI * (1 - pI);
        } else {
            const double mean = (pC + pI) / 2;
            nu = mean * (1 - mean);
        }
        break;
    }
    }
    const double z = normalQuantile(1 - assumptions.alpha / 2) + normalQuantile(1 - assumptions.beta);
    // RTSA ris(): NF <- 2·(z_{1−α/side} + z_{1−β})²·2·ν/θ², rounded up.
    const double nf = std::ceil(2 * z * z * 2 * nu / (theta * theta));
    if (!std::isfinite(nf) || nf > 2e9)
        return fail(
            "the required information size is too large to compute; check the minimal relevant effect.");
    result.fixedEffect = static_cast<int>(nf);

    result.adjusted = result.fixedEffect;
    if (adjustment != HeterogeneityAdjustment::None) {
        if (!(heterogeneity >= 0 && heterogeneity < 1))
            return fail(std::string(adjustment == HeterogeneityAdjustment::Diversity ? "D²" : "I²")
                        + " must lie in [0, 1) to adjust the required information size.");
        result.adjustmentFactor = 1 / (1 - heterogeneity);
        const double adjusted = std::ceil(result.adjustmentFactor * nf);
        if (!std::isfinite(adjusted) || adjusted > 2e9)
            return fail("the heterogeneity-adjusted information size is too large to compute.");
        result.adjusted = static_cast<int>(adjusted);
    }
    result.ok = true;
    return result;
}

} // namespace evident
