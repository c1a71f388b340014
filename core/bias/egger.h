// SPDX-License-Identifier: GPL-3.0-or-later
// Egger's regression test for funnel-plot asymmetry.
#pragma once

#include <optional>
#include <span>
#include <string>

namespace evident {

struct EggerTest {
    double bias = 0; ///< Slope on the standard error (= intercept of Egger's original regression).
    double se = 0;
    double statistic = 0; ///< t with k − 2 df
    int df = 0;
    double p = 1;
    double limitEstimate = 0; ///< Intercept: the estimate as SE → 0 (metafor's "limit estimate").
};

/// Classic Egger test (Egger et al. 1997, BMJ 315:629), in the weighted form metafor uses with
/// regtest(model = "lm"): y_i = b0 + b1·SE_i, weights 1/v_i, residual variance estimated; the test of
/// b1 has k − 2 df (Sterne & Egger 2005, in Publication Bias in Meta-Analysis, ch. 6).
/// Returns nullopt with `reason` set when k < 3 or the standard errors are all equal.
std::optional<EggerTest> eggerTest(std::span<const double> yi, std::span<const double> vi,
                                   std::string* reason);

} // namespace evident
