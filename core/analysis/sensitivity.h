// SPDX-License-Identifier: GPL-3.0-or-later
// Leave-one-out and cumulative meta-analysis.
#pragma once

#include "core/analysis/analysisdata.h"
#include "core/model/metaanalysis.h"

#include <string>
#include <vector>

namespace evident {

/// The model refitted without one study (metafor leave1out; Viechtbauer & Cheung 2010, Res Synth Methods
/// 1:112).
struct LeaveOneOutRow {
    std::size_t omitted = 0; ///< Index of the omitted study.
    MetaAnalysisFit fit;
};

/// The model fitted to the first j studies in the chosen order, j = 1..k (metafor cumul; Lau et al. 1992,
/// N Engl J Med 327:248).
struct CumulativeRow {
    std::size_t added = 0; ///< Index of the study added at this step.
    MetaAnalysisFit fit;
};

/// One fit per omitted study, with the given options. Needs k >= 2.
std::vector<LeaveOneOutRow> leaveOneOut(const AnalysisData& data, const FitOptions& options);

/// Cumulative fits in `order` (indices into data; usually data order or sorted by a numeric covariate).
std::vector<CumulativeRow> cumulativeAnalysis(const AnalysisData& data, const std::vector<std::size_t>& order,
                                              const FitOptions& options);

/// Data order sorted by a numeric covariate, ascending, ties kept in data order (R's order()).
/// Studies with no value go last, in data order.
std::vector<std::size_t> orderByCovariate(const Covariate& covariate);

} // namespace evident
