// SPDX-License-Identifier: GPL-3.0-or-later
// Rosenthal's fail-safe N.
#pragma once

#include <optional>
#include <span>
#include <string>

namespace evident {

struct FailSafeN {
    double rosenthal = 0; ///< Number of null studies that would raise the combined one-sided p above alpha
    double p = 1;         ///< One-sided p of Stouffer's combined z of the observed studies
};

/// Rosenthal 1979 (Psychol Bull 86:638), as metafor fsn(type = "Rosenthal"): with z_i = y_i/√v_i and
/// Z = |Σz_i|/√k, N = k·(Z/z_{1−α})² − k (α one-sided, default 0.05), rounded up.
std::optional<FailSafeN> rosenthalFailSafeN(std::span<const double> yi, std::span<const double> vi,
                                            std::string* reason, double alpha = 0.05);

} // namespace evident
