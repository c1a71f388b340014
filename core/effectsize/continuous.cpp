// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/effectsize/continuous.h"

#include <cmath>
#include <limits>

namespace evident {

double hedgesExactCorrection(double m) {
    if (!(m > 1))
        return std::numeric_limits<double>::quiet_NaN();
    // Log-gamma keeps this finite for large m, where the gamma functions overflow.
    return std::exp(std::lgamma(m / 2) - 0.5 * std::log(m / 2) - std::lgamma((m - 1) / 2));
}

namespace {

double pooledSd(const GroupSummary& t, const GroupSummary& c) {
    const double m = t.n + c.n - 2;
    return std::sqrt(((t.n - 1) * t.sd * t.sd + (c.n - 1) * c.sd * c.sd) / m);
}

EffectSizeResult failure(std::string problem) {
    return {std::nullopt, std::move(problem)};
}

EffectSizeResult standardisedMeanDifference(const GroupSummary& t, const GroupSummary& c) {
    const double m = t.n + c.n - 2;
    const double sd = pooledSd(t, c);
    if (!(sd > 0))
        return failure("the pooled SD is zero");
    const double g = hedgesExactCorrection(m) * (t.mean - c.mean) / sd;
    const double vi = 1 / t.n + 1 / c.n + g * g / (2 * (t.n + c.n));
    return {EffectSize{g, vi}, {}};
}

EffectSizeResult revManStandardisedMeanDifference(const GroupSummary& t, const GroupSummary& c) {
    const double total = t.n + c.n;
    if (!(total > 3.94))
        return failure("RevMan's SMD needs more than 3.94 participants in total");
    const double sd = pooledSd(t, c);
    if (!(sd > 0))
        return failure("the pooled SD is zero");
    const double g = (1 - 3 / (4 * total - 9)) * (t.mean - c.mean) / sd;
    const double vi = total / (t.n * c.n) + g * g / (2 * (total - 3.94));
    return {EffectSize{g, vi}, {}};
}

EffectSizeResult meanDifference(const GroupSummary& t, const GroupSummary& c) {
    return {EffectSize{t.mean - c.mean, t.sd * t.sd / t.n + c.sd * c.sd / c.n}, {}};
}

EffectSizeResult logRatioOfMeans(const GroupSummary& t, const GroupSummary& c) {
    if (t.mean == 0 || c.mean == 0 || (t.mean > 0) != (c.mean > 0))
        return failure("the ratio of means needs both means non-zero and of the same sign");
    const double yi = std::log(t.mean / c.mean);
    const double vi = t.sd * t.sd / (t.n * t.mean * t.mean) + c.sd * c.sd / (c.n * c.mean * c.mean);
    return {EffectSize{yi, vi}, {}};
}

} // namespace

EffectSizeResult computeContinuousEffect(EffectMeasure measure, const GroupSummary& treated,
                                         const GroupSummary& control) {
    switch (measure) {
    case EffectMeasure::SMD:
        return standardisedMeanDifference(treated, control);
    case EffectMeasure::SMDRevMan:
        return revManStandardisedMeanDifference(treated, control);
    case EffectMeasure::MD:
        return meanDifference(treated, control);
    case EffectMeasure::ROM:
        return logRatioOfMeans(treated, control);
    case EffectMeasure::Generic:
        break;
    }
    return failure("this measure needs precomputed effect sizes (yi and vi)");
}

} // namespace evident
