// SPDX-License-Identifier: GPL-3.0-or-later
// Fixed-effect pooling of 2×2 tables by the Mantel-Haenszel method, as metafor's rma.mh does it, with
// its heterogeneity statistics and (for the odds ratio) the Cochran-Mantel-Haenszel and Tarone tests;
// and RevMan's "M-H, Random": DerSimonian-Laird around the Mantel-Haenszel estimate.
#pragma once

#include "core/effectsize/binary.h"
#include "core/model/metaanalysis.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace evident {

struct MantelHaenszelOptions {
    double level = 0.95; ///< of the confidence interval
    /// The per-table yi/vi behind Q, I² (and the forest plot and the M-H random model): metafor rma.mh
    /// computes them with escalc(add, to, drop00). metafor's own default drops double-zero tables for RD
    /// too (DoubleZeroRule::Drop); Evident's default keeps them for RD, as RevMan does.
    ZeroCellOptions zeroCells;
    /// RevMan 5 (and Stata metan) convention: the tables inside the Mantel-Haenszel sums get the same
    /// zero-cell correction and double-zero rule as the per-table effects (metafor rma.mh with
    /// add = c(a, a), to = c("only0", "only0"), drop00 = c(d, d)). Off: the exact MH of Fleiss and
    /// metafor, on the raw counts of every table (add[2] = 0, drop00[2] = FALSE).
    bool revMan5Convention = false;
    /// Subtract 1/2 from |O − E| in the Cochran-Mantel-Haenszel statistic (metafor correct = TRUE).
    bool cmhContinuityCorrection = true;
};

/// The tests that come with the Mantel-Haenszel odds ratio (metafor rma.mh, measure "OR").
struct MantelHaenszelOddsRatioTests {
    /// Cochran-Mantel-Haenszel test of OR = 1 (Mantel & Haenszel 1959), χ² with 1 df:
    /// (|Σ(a − n₁m₁/N)| − ½)² / Σ n₁n₂m₁m₂/(N²(N − 1)), m₁ = a + c, m₂ = b + d.
    /// Absent when no table has an event, or none a non-event.
    std::optional<double> cmh, cmhP;
    /// Tarone's (1985, Biometrika 72:91) correction of the Breslow-Day test of homogeneous odds ratios,
    /// χ² with kTarone − 1 df, around the MH estimate. Absent without an MH estimate; the p-value is
    /// absent for kTarone < 2.
    std::optional<double> tarone, taroneP;
    int kTarone = 0; ///< tables with fitted counts > 0 and both an event and a non-event (metafor k.pos)
};

/// A fixed-effect pool of 2×2 tables (Mantel-Haenszel or Peto).
struct BinaryPooledFit {
    bool estimable = false;
    std::string problem; ///< why there is no estimate, for the user (no NaN or ∞ is ever returned)
    int k = 0;           ///< tables in the pooled sums (metafor k)
    int kEffects = 0;    ///< tables with a yi/vi (metafor k.yi); Q has kEffects − 1 df

    double estimate = 0; ///< log OR or log RR, or RD
    double se = 0;
    double z = 0;
    double p = 1;
    Interval ci;

    /// Heterogeneity as metafor reports it: Q = Σ w_i(y_i − θ̂)² with w_i = 1/v_i of the per-table
    /// effects (Peto: Σ(O − E)²/V − (Σ(O − E))²/ΣV), I² = max(0, (Q − df)/Q) in percent.
    double q = 0;
    int qDf = 0;
    double qP = 1;
    double i2 = 0;

    std::optional<MantelHaenszelOddsRatioTests> tests; ///< MH odds ratio only
    std::vector<BinaryEffect> studies;                 ///< per input table: yi/vi, or why dropped
    std::vector<PetoTerms> peto;                       ///< Peto only: O − E and V of every input table
    std::vector<std::string> warnings;                 ///< e.g. how many tables were dropped, and why
};

/// Sets z, p and the Wald interval of `fit` from its estimate and se (normal quantile at `level`).
void setWaldInference(BinaryPooledFit& fit, double level);
/// Sets qDf, qP and i2 from q and kEffects as metafor does (df = kEffects − 1; p = 1 and I² = 0 when
/// there are fewer than two effects).
void setHeterogeneity(BinaryPooledFit& fit);

/// A pooled estimate and its variance.
struct BinaryEstimate {
    double estimate = 0; ///< log OR or log RR, or RD
    double variance = 0;
};

/// The Mantel-Haenszel estimate and variance alone (formulas below), on tables used as given: no
/// checks, no correction, no table dropped. Empty when it does not exist (OR: ΣR or ΣS is 0; RR: no
/// event in one group of every table) or `tables` is empty. For callers that prepared the tables (TSA).
std::optional<BinaryEstimate> mantelHaenszelEstimate(BinaryMeasure measure, std::span<const TwoByTwo> tables);

/// Mantel-Haenszel fixed-effect pool (Mantel & Haenszel 1959, J Natl Cancer Inst 22:719; Greenland &
/// Robins 1985, Biometrics 41:55), as metafor rma.mh:
/// - OR: ΣR/ΣS with R = ad/N, S = bc/N; variance of Robins, Breslow & Greenland (1986, Biometrics 42:311).
/// - RR: ΣR/ΣS with R = a·n₂/N, S = c·n₁/N; variance Σ(n₁n₂(a + c)/N² − ac/N)/(ΣR·ΣS) (Greenland &
///   Robins 1985).
/// - RD: Σ(a·n₂ − c·n₁)/N / Σ n₁n₂/N; variance of Sato, Greenland & Robins (1989, Biometrics 45:1323).
/// No estimate (with a reason) for k = 0, for OR when ΣR or ΣS is 0, for RR when Σa or Σc is 0.
/// Tables must pass checkTwoByTwo; a table that does not makes the fit fail with "table i: …".
BinaryPooledFit mantelHaenszel(BinaryMeasure measure, std::span<const TwoByTwo> tables,
                               const MantelHaenszelOptions& options = {});

/// RevMan 5's "M-H, Random" (Deeks & Higgins 2010, Statistical algorithms in Review Manager 5): the
/// DerSimonian-Laird τ² = max(0, (Q − df)/(Σw − Σw²/Σw)) from Q around the Mantel-Haenszel estimate
/// (w = 1/v of the per-table effects), then the inverse-variance pool with weights 1/(v_i + τ²).
struct MantelHaenszelRandomFit {
    bool estimable = false;
    std::string problem;
    int k = 0; ///< tables with a yi/vi
    double estimate = 0;
    double se = 0;
    double z = 0;
    double p = 1;
    Interval ci;
    double tau2 = 0;
    double q = 0; ///< around the MH estimate, as in the fixed-effect fit
    int qDf = 0;
    double qP = 1;
    double i2 = 0; ///< percent
};
MantelHaenszelRandomFit mantelHaenszelRandom(BinaryMeasure measure, std::span<const TwoByTwo> tables,
                                             const MantelHaenszelOptions& options = {});
/// The same from a fixed-effect fit already made with mantelHaenszel() (its studies and Q).
MantelHaenszelRandomFit mantelHaenszelRandom(const BinaryPooledFit& fixed, double level = 0.95);

} // namespace evident
