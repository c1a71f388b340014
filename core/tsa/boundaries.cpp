// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tsa/boundaries.h"

#include "core/common/distributions.h"
#include "core/common/rootfinding.h"
#include "core/tsa/sequentialdensity.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace evident {
namespace {

/// Jennison & Turnbull's r. With the finer-step rule below, r = 12 keeps every boundary within 3e-6 of
/// its converged value for 4 to 200 looks (docs/tsa.md, "Numerical integration") (docs/tsa.md, "Numerical
/// integration", shows the convergence).
constexpr int defaultResolution = 12;
/// Simpson panels may be at most this fraction of the SD of the next increment's kernel on the
/// current look's Z scale, √(Δ_{k+1}/t_k); closely spaced looks therefore get a finer grid.
constexpr double panelToKernelRatio = 0.35;
constexpr int maximumResolution = 400;
/// Below this incremental beta no futility boundary is computed (RTSA beta_boundary, tol = 1e-15).
constexpr double negligibleBetaIncrement = 1e-15;

int resolutionAt(std::span<const double> t, std::size_t k, int base) {
    int r = base > 0 ? base : defaultResolution;
    if (k + 1 < t.size()) {
        // Central panels of the J&T grid are 1.5/r wide on the Z scale.
        const double kernelSd = std::sqrt((t[k + 1] - t[k]) / t[k]);
        r = std::max(r, static_cast<int>(std::ceil(1.5 / (panelToKernelRatio * kernelSd))));
    }
    return std::min(r, maximumResolution);
}

/// Solves p(x) = target for a tail probability p decreasing in x (slope p' < 0), starting at `guess`.
/// Newton's method on log p (nearly linear in x for normal tails, so tiny targets keep their relative
/// precision), kept inside a bracket that shrinks with every step and falls back to bisection.
std::optional<double> solveDecreasing(const std::function<double(double)>& p,
                                      const std::function<double(double)>& slope, double target,
                                      double guess) {
    const double logTarget = std::log(target);
    double lower = -INFINITY; // p(lower) > target
    double upper = INFINITY;  // p(upper) < target
    double x = guess;
    for (int iteration = 0; iteration < 200; ++iteration) {
        const double value = p(x);
        if (!(value > 0)) { // underflow: x is far in the tail
            upper = x;
            x = std::isfinite(lower) ? 0.5 * (lower + upper) : x - 1;
            continue;
        }
        const double gap = std::log(value) - logTarget;
        if (gap > 0)
            lower = x;
        else if (gap < 0)
            upper = x;
        else
            return x;
        double next = x - gap / (slope(x) / value);
        if (!std::isfinite(next) || next <= lower || next >= upper) {
            if (std::isfinite(lower) && std::isfinite(upper))
                next = 0.5 * (lower + upper);
            else
                next = std::isfinite(lower) ? x + 1 : x - 1;
        }
        if (std::abs(next - x) <= 1e-13 * std::max(1.0, std::abs(x)))
            return next;
        x = next;
    }
    return std::nullopt;
}

/// Solves p(x) = target for a probability increasing in x.
std::optional<double> solveIncreasing(const std::function<double(double)>& p,
                                      const std::function<double(double)>& slope, double target,
                                      double guess) {
    const auto mirrored = solveDecreasing([&](double x) { return p(-x); },
                                          [&](double x) { return -slope(-x); }, target, -guess);
    if (!mirrored)
        return std::nullopt;
    return -*mirrored;
}

std::vector<double> spendingTimes(std::span<const double> fractions, double horizon) {
    std::vector<double> times;
    times.reserve(fractions.size());
    for (const double t : fractions)
        times.push_back(std::min(t / horizon, 1.0));
    return times;
}

/// Efficacy boundaries from the per-tail incremental alpha (drift 0, symmetric region).
std::vector<double> efficacyBoundaries(std::span<const double> t, std::span<const double> increments,
                                       int base) {
    std::vector<double> upper(t.size(), INFINITY);
    std::optional<SequentialDensity> density;
    for (std::size_t k = 0; k < t.size(); ++k) {
        const double increment = increments[k];
        if (increment >= negligibleAlphaIncrement) {
            const double guess = -normalQuantile(increment);
            if (k == 0) {
                upper[k] = guess; // P(Z₁ ≥ b₁) = π₁ exactly
            } else {
                const auto exit = [&](double b) { return density->exitAbove(t[k], b); };
                const auto slope = [&](double b) { return density->exitAboveSlope(t[k], b); };
                upper[k] = solveDecreasing(exit, slope, increment, guess).value_or(INFINITY);
            }
        }
        if (k + 1 < t.size()) {
            const int r = resolutionAt(t, k, base);
            density = k == 0 ? SequentialDensity::first(t[k], 0, -upper[k], upper[k], r)
                             : density->next(t[k], -upper[k], upper[k], r);
        }
    }
    return upper;
}

struct FutilityPass {
    std::vector<double> lower; ///< −∞ where no beta is spent
    std::vector<double> betaCumulative;
    /// P_θ(continue to the last look, Z ≤ b) − incremental beta there: zero when the final futility
    /// boundary meets the efficacy boundary exactly (the design inflation factor's equation).
    double finalShortfall = 0;
};

/// One pass of RTSA's beta_boundary: the first `suppressed` looks spend no beta; the continuation region
/// at each look is (a_j, b_j) under drift θ.
FutilityPass futilityPass(std::span<const double> t, std::span<const double> betaTimes,
                          std::span<const double> upper, const BoundaryOptions& options, double drift,
                          std::size_t suppressed, int base) {
    const std::size_t n = t.size();
    FutilityPass pass;
    pass.lower.assign(n, -INFINITY);
    pass.betaCumulative.assign(n, 0.0);
    double spentBefore = 0;
    std::optional<SequentialDensity> density;
    for (std::size_t k = 0; k < n; ++k) {
        const double cumulative =
            k < suppressed ? 0.0 : cumulativeSpending(options.betaSpending, options.beta, betaTimes[k]);
        pass.betaCumulative[k] = cumulative;
        const double increment = cumulative - spentBefore;
        spentBefore = cumulative;
        if (increment >= negligibleBetaIncrement) {
            const double mean = drift * std::sqrt(t[k]);
            const double guess = mean + normalQuantile(increment);
            double a;
            if (k == 0) {
                a = guess; // P_θ(Z₁ ≤ a₁) = π₁ exactly
            } else {
                const auto exit = [&](double x) { return density->exitBelow(t[k], x); };
                const auto slope = [&](double x) { return -density->exitAboveSlope(t[k], x); };
                if (k + 1 == n)
                    pass.finalShortfall = density->exitBelow(t[k], upper[k]) - increment;
                if (density->exitBelow(t[k], upper[k]) <= increment)
                    a = upper[k]; // not enough probability left to spend: the wedge closes
                else
                    a = solveIncreasing(exit, slope, increment, std::min(guess, upper[k])).value_or(upper[k]);
            }
            pass.lower[k] = std::min(a, upper[k]);
        }
        if (k + 1 < n) {
            const int r = resolutionAt(t, k, base);
            density = k == 0 ? SequentialDensity::first(t[k], drift, pass.lower[k], upper[k], r)
                             : density->next(t[k], pass.lower[k], upper[k], r);
        }
    }
    return pass;
}

std::string validate(std::span<const double> fractions, const BoundaryOptions& options) {
    if (!(options.alpha > 0 && options.alpha < 1))
        return "alpha must lie strictly between 0 and 1.";
    if (options.futility && !(options.beta > 0 && options.beta < 1))
        return "beta must lie strictly between 0 and 1.";
    if (!(options.horizon > 0) || !std::isfinite(options.horizon))
        return "horizon must be a positive number.";
    if (options.drift && !std::isfinite(*options.drift))
        return "drift must be a finite number.";
    if (fractions.empty())
        return "fractions: at least one information fraction is needed.";
    for (std::size_t k = 0; k < fractions.size(); ++k) {
        if (!std::isfinite(fractions[k]) || !(fractions[k] > 0))
            return "fractions: every information fraction must be a positive number.";
        if (k > 0 && !(fractions[k] > fractions[k - 1]))
            return "fractions: information fractions must increase strictly.";
        if (k + 1 < fractions.size() && fractions[k] >= options.horizon)
            return "fractions: only the last look may reach the required information size (the final "
                   "analysis); look "
                   + std::to_string(k + 1) + " already does.";
    }
    return {};
}

double defaultDrift(const BoundaryOptions& options) {
    return options.drift.value_or(normalQuantile(1 - options.alpha / 2) + normalQuantile(1 - options.beta));
}

} // namespace

BoundaryResult computeBoundaries(std::span<const double> fractions, const BoundaryOptions& options) {
    BoundaryResult result;
    result.error = validate(fractions, options);
    if (!result.error.empty())
        return result;
    const std::size_t n = fractions.size();
    result.fractions.assign(fractions.begin(), fractions.end());
    result.drift = defaultDrift(options);

    const std::vector<double> times = spendingTimes(fractions, options.horizon);
    std::vector<double> increments(n);
    result.alphaSpent.resize(n);
    double spentBefore = 0;
    for (std::size_t k = 0; k < n; ++k) {
        // The last look spends whatever is left, so the total is exactly α even if it is short of the
        // horizon.
        const double cumulative =
            k + 1 == n && times[k] >= 1
                ? options.alpha / 2
                : cumulativeSpending(options.alphaSpending, options.alpha / 2, times[k]);
        increments[k] = std::max(cumulative - spentBefore, 0.0);
        spentBefore = cumulative;
        result.alphaSpent[k] = 2 * cumulative;
    }
    result.upper = efficacyBoundaries(fractions, increments, options.resolution);

    result.futility.assign(n, std::nullopt);
    result.betaSpent.assign(n, 0.0);
    if (options.futility) {
        // RTSA: a look whose futility boundary comes out negative spends no beta; recompute with the
        // first m looks suppressed until the count of such looks no longer changes.
        std::size_t suppressed = 0;
        FutilityPass pass;
        for (std::size_t iteration = 0; iteration <= n; ++iteration) {
            pass = futilityPass(fractions, times, result.upper, options, result.drift, suppressed,
                                options.resolution);
            const auto negative = static_cast<std::size_t>(
                std::count_if(pass.lower.begin(), pass.lower.end(), [](double a) { return a < 0; }));
            if (negative == suppressed || negative >= n)
                break;
            suppressed = negative;
        }
        for (std::size_t k = 0; k < n; ++k) {
            if (std::isfinite(pass.lower[k]) && pass.lower[k] >= 0)
                result.futility[k] = pass.lower[k];
            result.betaSpent[k] = pass.betaCumulative[k];
        }
        if (!result.futility[n - 1])
            result.warnings.push_back("No futility boundary could be placed at the final look.");
    }
    result.ok = true;
    return result;
}

std::vector<double> upperCrossingProbabilities(std::span<const double> fractions,
                                               std::span<const double> upper, double drift, int resolution) {
    std::vector<double> crossing(fractions.size(), 0.0);
    std::optional<SequentialDensity> density;
    for (std::size_t k = 0; k < fractions.size(); ++k) {
        crossing[k] = k == 0 ? normalUpperTail(upper[0] - drift * std::sqrt(fractions[0]))
                             : density->exitAbove(fractions[k], upper[k]);
        if (k + 1 < fractions.size()) {
            const int r = resolutionAt(fractions, k, resolution);
            density = k == 0 ? SequentialDensity::first(fractions[k], drift, -upper[k], upper[k], r)
                             : density->next(fractions[k], -upper[k], upper[k], r);
        }
    }
    return crossing;
}

DesignInflation designInflationFactor(std::span<const double> timings, const BoundaryOptions& options) {
    DesignInflation result;
    BoundaryOptions design = options;
    design.horizon = 1;
    const BoundaryResult bounds = computeBoundaries(timings, design);
    if (!bounds.ok) {
        result.error = bounds.error;
        return result;
    }
    if (timings.back() != 1.0) {
        result.error = "timings: a design must end with the final analysis at information fraction 1.";
        return result;
    }
    const double drift = bounds.drift;
    std::optional<double> root;
    if (!options.futility) {
        // Information t·R multiplies the mean of every Z_k by √R: solve power(θ√R) = 1 − β.
        const auto powerGap = [&](double factor) {
            double power = 0;
            for (const double p : upperCrossingProbabilities(timings, bounds.upper, drift * std::sqrt(factor),
                                                             options.resolution))
                power += p;
            return power - (1 - options.beta);
        };
        root = findRoot(powerGap, 0.5, 4.0);
    } else {
        // Beta is spent at the design timings, the drift acts on information t·R (RTSA inf_warp):
        // find R where the final futility boundary reaches the final efficacy boundary.
        std::vector<double> scaled(timings.size());
        const auto passAt = [&](double factor, std::size_t suppressed) {
            for (std::size_t k = 0; k < timings.size(); ++k)
                scaled[k] = timings[k] * factor;
            // The drift is per unit of scaled information, so Z_k has mean θ√(t_k R).
            return futilityPass(scaled, timings, bounds.upper, options, drift, suppressed,
                                options.resolution);
        };
        std::size_t suppressed = 0;
        for (std::size_t iteration = 0; iteration <= timings.size(); ++iteration) {
            root =
                findRoot([&](double factor) { return passAt(factor, suppressed).finalShortfall; }, 0.5, 4.0);
            if (!root)
                break;
            const FutilityPass pass = passAt(*root, suppressed);
            const auto negative = static_cast<std::size_t>(
                std::count_if(pass.lower.begin(), pass.lower.end(), [](double a) { return a < 0; }));
            if (negative == suppressed || negative >= timings.size())
                break;
            suppressed = negative;
        }
    }
    if (!root) {
        result.error = "The design inflation factor could not be found between 0.5 and 4.";
        return result;
    }
    result.factor = *root;
    result.ok = true;
    return result;
}

} // namespace evident
