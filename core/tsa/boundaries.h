// SPDX-License-Identifier: GPL-3.0-or-later
// Alpha-spending (efficacy) and non-binding beta-spending (futility) boundaries of a two-sided trial
// sequential analysis, at arbitrary information fractions.
#pragma once

#include "core/tsa/spending.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace evident {

/// Below this incremental alpha per tail a look gets no finite efficacy boundary (+∞): its boundary
/// would be beyond any observable Z. Same threshold as RTSA 0.2.2 (alpha_boundary, tol = 1e-9).
inline constexpr double negligibleAlphaIncrement = 1e-9;

struct BoundaryOptions {
    double alpha = 0.05; ///< Two-sided type-I error; α/2 is spent in each tail.
    double beta = 0.10;  ///< Type-II error, spent by the futility boundary.
    SpendingFunction alphaSpending = SpendingFunction::OBrienFleming;
    bool futility = false; ///< Add non-binding futility (beta-spending) boundaries: the inner wedge.
    SpendingFunction betaSpending = SpendingFunction::OBrienFleming;
    /// Information fraction of the final analysis. 1 without power adjustment; RTSA's design inflation
    /// factor R with it. Error is spent at time min(t / horizon, 1).
    double horizon = 1.0;
    /// Drift of the alternative in Z units at t = 1 (E[Z(1)] when the true effect is the one the RIS was
    /// powered for). Default z_{1−α/2} + z_{1−β}.
    std::optional<double> drift;
    /// Jennison & Turnbull grid parameter r for the quadrature (0 = Evident's default; see docs/tsa.md).
    int resolution = 0;
};

struct BoundaryResult {
    bool ok = false;
    std::string error; ///< Why nothing was computed (names the offending field), when !ok.
    std::vector<std::string> warnings;

    std::vector<double> fractions;
    /// Upper efficacy boundary on the Z scale; the lower one is its negative. +∞ where the incremental
    /// alpha is below negligibleAlphaIncrement (displays cap it; the value is never NaN).
    std::vector<double> upper;
    /// Non-binding futility boundary: the inner wedge is (−value, +value). nullopt where no beta is spent
    /// (the boundary would be negative, RTSA's rule), and everywhere when futility is off.
    std::vector<std::optional<double>> futility;
    std::vector<double> alphaSpent; ///< Cumulative, two-sided (both tails together).
    std::vector<double> betaSpent;  ///< Cumulative beta spent (0 before the first futility look).
    double drift = 0;
};

/// Boundaries at increasing information fractions t₁ < t₂ < … (t > 0). A look at or beyond the horizon
/// is the final analysis and must be the last one; it spends all remaining alpha (and beta) with its
/// true information (the convention of docs/tsa.md, "Beyond the RIS").
/// Efficacy: for each look find b_k with P₀(|Z_j| < b_j for j < k, Z_k ≥ b_k) equal to the incremental
/// spending per tail (Lan & DeMets 1983; Reboussin et al. 2000, Control Clin Trials 21:190).
/// Futility (RTSA 0.2.2 beta_boundary, non-binding): under the drift θ, find a_k with
/// P_θ(a_j < Z_j < b_j for j < k, Z_k ≤ a_k) equal to the incremental beta; looks where a_k would be
/// negative spend no beta and show no futility boundary; the final a is capped at b.
BoundaryResult computeBoundaries(std::span<const double> fractions, const BoundaryOptions& options);

struct DesignInflation {
    bool ok = false;
    std::string error;
    double factor = 1; ///< R: the RIS times R keeps the power 1 − β under sequential monitoring.
};

/// RTSA 0.2.2's design inflation factor (boundaries(type = "design")$root) for design timings that end
/// at 1: without futility, R solves P_{θ√R}(cross the upper boundary) = 1 − β; with non-binding futility,
/// R makes the final futility boundary meet the final efficacy boundary (information t·R).
DesignInflation designInflationFactor(std::span<const double> timings, const BoundaryOptions& options);

/// Probability of crossing the upper efficacy boundary at each look under drift θ (Z_k ~ mean θ√t_k),
/// with continuation region (−b_j, b_j): the power of the design (J&T eq. 19.5).
std::vector<double> upperCrossingProbabilities(std::span<const double> fractions,
                                               std::span<const double> upper, double drift,
                                               int resolution = 0);

} // namespace evident
