// SPDX-License-Identifier: GPL-3.0-or-later
// One entry point for fitting the pooled model of some of an outcome's studies, whatever the pooling
// method: inverse variance on yi/vi (every outcome kind), or Mantel-Haenszel and Peto on the 2×2
// tables of a dichotomous outcome. The overall analysis, subgroups, leave-one-out and cumulative
// analyses all fit through it, so they always pool the same way.
#pragma once

#include "core/analysis/analysisdata.h"
#include "core/model/mantelhaenszel.h"
#include "core/model/metaanalysis.h"

#include <optional>
#include <span>

namespace evident {

/// Fits the studies `subset` (indices into `data`) with `options.pooling.method`:
/// - InverseVariance: fitMetaAnalysis on their yi/vi with the options' τ² estimator.
/// - MantelHaenszel with the fixed-effect estimator: metafor rma.mh (core/model/mantelhaenszel.h); the
///   weights are the Mantel-Haenszel weights (OR: b·c/N, RR: c·n₁/N, RD: n₁n₂/N; Greenland & Robins 1985),
///   as RevMan shows them. With any other estimator: RevMan's "M-H, Random" (DerSimonian-Laird around the
///   M-H estimate), weights 1/(v_i + τ²).
/// - Peto: metafor rma.peto, weights V_i (the hypergeometric variances).
/// Mantel-Haenszel and Peto need data.tables; without them (or for a measure they do not pool) the fit
/// falls back to inverse variance with a warning.
MetaAnalysisFit fitStudies(const AnalysisData& data, std::span<const std::size_t> subset,
                           const FitOptions& options, const MetaAnalysisExtras& extras = {});

/// The Cochran-Mantel-Haenszel and Tarone tests of the studies, when they are pooled as M-H odds ratios
/// under the common-effect model (both test that model).
std::optional<MantelHaenszelOddsRatioTests> mantelHaenszelTests(const AnalysisData& data,
                                                                const FitOptions& options);

/// Every index of `data`, 0 … k − 1.
std::vector<std::size_t> allStudies(const AnalysisData& data);

} // namespace evident
