// SPDX-License-Identifier: GPL-3.0-or-later
// Probability distributions used across the statistics, as thin wrappers over Boost.Math.
//
// Every function returns NaN instead of throwing for arguments outside its domain, so one bad
// number cannot abort a whole analysis; callers check std::isfinite where it matters.
// Upper tails are computed with Boost's complement() so that very small p-values keep their
// precision (as R's lower.tail = FALSE does).
#pragma once

namespace evident {

/// Standard normal cumulative distribution Φ(x).
double normalCdf(double x);
/// 1 − Φ(x), accurate in the far tail.
double normalUpperTail(double x);
/// Φ⁻¹(p). Returns ±infinity for p = 1 or p = 0.
double normalQuantile(double p);
/// Standard normal density φ(x).
double normalDensity(double x);

/// P(X > x) for a chi-squared variable with df degrees of freedom.
double chiSquaredUpperTail(double x, double df);
/// Quantile of the chi-squared distribution.
double chiSquaredQuantile(double p, double df);

/// Two-sided p-value of a t statistic: 2·P(T > |t|) with df degrees of freedom.
double studentTTwoSidedP(double t, double df);
/// Quantile of Student's t distribution.
double studentTQuantile(double p, double df);

/// P(F > x) for an F(df1, df2) variable.
double fUpperTail(double x, double df1, double df2);

/// Two-sided p-value of a standard normal statistic: 2·(1 − Φ(|z|)).
double normalTwoSidedP(double z);

} // namespace evident
