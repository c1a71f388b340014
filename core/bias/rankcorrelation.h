// SPDX-License-Identifier: GPL-3.0-or-later
// Begg and Mazumdar's rank correlation test for funnel-plot asymmetry.
#pragma once

#include <optional>
#include <span>
#include <string>

namespace evident {

struct BeggTest {
    double tau = 0;
    double p = 1;
    bool exact = false; ///< Exact permutation p-value (no ties) or normal approximation
};

/// Begg & Mazumdar 1994 (Biometrics 50:1088): Kendall's tau between the standardised effects
/// (y_i − θ̂_FE)/√(v_i − 1/Σw) and the variances v_i, as metafor ranktest() (which asks R for the
/// exact p-value when there are no ties; R can give it up to n = 170 and reports NaN beyond, where
/// Evident uses the normal approximation). nullopt with `reason` when k < 3.
std::optional<BeggTest> beggTest(std::span<const double> yi, std::span<const double> vi, std::string* reason);

} // namespace evident
