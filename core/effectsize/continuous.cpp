// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/effectsize/continuous.h"

#include "core/common/text.h"

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
        return failure("RevMan's SMD needs more than 3.94 animals in total");
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

EffectSizeResult normalisedMeanDifference(const GroupSummary& t, const GroupSummary& c,
                                          const ShamReference& sham) {
    if (!std::isfinite(sham.mean))
        return failure("the sham group's mean is not a finite number");
    const double lesion = c.mean - sham.mean;
    if (lesion == 0)
        return failure("the control and sham means are equal (" + formatShortest(c.mean)
                       + "), so there is no injury to normalise against");
    // A declared direction must agree with the sham being the healthy side of the control; otherwise a
    // positive NMD (treated moved towards sham) would be a change for the worse.
    if (sham.direction == OutcomeDirection::HigherIsBetter && lesion > 0)
        return failure("the outcome is marked higher-is-better but the sham mean ("
                       + formatShortest(sham.mean) + ") is below the control mean (" + formatShortest(c.mean)
                       + "); check whether the sham and control groups are swapped");
    if (sham.direction == OutcomeDirection::LowerIsBetter && lesion < 0)
        return failure("the outcome is marked lower-is-better but the sham mean (" + formatShortest(sham.mean)
                       + ") is above the control mean (" + formatShortest(c.mean)
                       + "); check whether the sham and control groups are swapped");
    // Vesterinen et al. (2014): ω_t = 100·(x_t − x_sham)/(x_c − x_sham), ω_c = 100, NMD = ω_c − ω_t,
    // SD* = 100·SD/(x_c − x_sham), vi = SD*_c²/n_c + SD*_t²/n_t.
    const double scale = 100 / lesion;
    const double yi = 100 - scale * (t.mean - sham.mean);
    const double sdTreated = scale * t.sd;
    const double sdControl = scale * c.sd;
    const double vi = sdControl * sdControl / c.n + sdTreated * sdTreated / t.n;
    if (!std::isfinite(yi) || !std::isfinite(vi))
        return failure("the normalised mean difference overflows: the control and sham means are too close");
    return {EffectSize{yi, vi}, {}};
}

EffectSizeResult computeContinuousEffect(EffectMeasure measure, const GroupSummary& treated,
                                         const GroupSummary& control,
                                         const std::optional<ShamReference>& sham) {
    if (measure != EffectMeasure::NMD)
        return computeContinuousEffect(measure, treated, control);
    if (!sham)
        return failure("the normalised mean difference needs the mean of a sham (or naive) group");
    return normalisedMeanDifference(treated, control, *sham);
}

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
    case EffectMeasure::NMD:
        return failure("the normalised mean difference needs the mean of a sham (or naive) group");
    case EffectMeasure::OR:
    case EffectMeasure::RR:
    case EffectMeasure::RD:
        return failure("this measure needs events and totals, not means");
    case EffectMeasure::Generic:
        break;
    }
    return failure("this measure needs precomputed effect sizes (yi and vi)");
}

} // namespace evident
