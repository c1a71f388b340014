// SPDX-License-Identifier: GPL-3.0-or-later
// Kendall's rank correlation with the p-value R's cor.test(method = "kendall") gives.
#pragma once

#include <span>

namespace evident {

struct KendallCorrelation {
    double tau = 0;     ///< tau-b (tau-a when there are no ties)
    double p = 1;       ///< Two-sided
    bool exact = false; ///< True when the exact null distribution was used
};

/// Largest n for which R's cor.test(exact = TRUE) can give the exact p-value: it divides by n!, and
/// 171! overflows a double, so R (and metafor's ranktest) report NaN from n = 171 on.
inline constexpr std::size_t kendallExactLimit = 170;

/// Kendall's tau-b in O(n log n) (Knight 1966, JASA 61:436). The two-sided p-value is exact when
/// there are no ties and n <= exactLimit (the permutation distribution of the number of inversions,
/// Kendall 1938), else the normal approximation with the tie-corrected variance of S (Kendall 1970,
/// Rank Correlation Methods, eq. 4.3), as R's cor.test does. Needs n >= 2.
KendallCorrelation kendallCorrelation(std::span<const double> x, std::span<const double> y,
                                      std::size_t exactLimit = kendallExactLimit);

/// P(T <= q) for the number T of concordant (equivalently, discordant) pairs among n untied pairs
/// under independence.
double kendallExactCdf(double q, std::size_t n);

} // namespace evident
