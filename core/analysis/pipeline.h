// SPDX-License-Identifier: GPL-3.0-or-later
// The full analysis of one outcome: pooled model, subgroups, sensitivity and small-study tests.
#pragma once

#include "core/analysis/analysisdata.h"
#include "core/analysis/sensitivity.h"
#include "core/analysis/subgroups.h"
#include "core/bias/egger.h"
#include "core/bias/failsafen.h"
#include "core/bias/rankcorrelation.h"
#include "core/bias/trimandfill.h"
#include "core/model/mantelhaenszel.h"
#include "core/model/metaanalysis.h"

#include <optional>
#include <string>
#include <vector>

namespace evident {

/// Leave-one-out and cumulative analyses refit the model k times on up to k studies (O(k²)); above
/// this many studies they are skipped, with a note, to keep an analysis to seconds.
inline constexpr std::size_t maxStudiesForRefitAnalyses = 5000;

struct AnalysisOptions {
    FitOptions fit;
    std::string subgroup;        ///< Categorical covariate, or empty
    std::string cumulativeOrder; ///< Numeric covariate for the cumulative order, or empty for data order
};

struct AnalysisResult {
    MetaAnalysisFit overall;
    std::optional<SubgroupAnalysis> subgroups;
    std::vector<LeaveOneOutRow> leaveOneOut;
    std::vector<CumulativeRow> cumulative;
    std::optional<EggerTest> egger;
    std::optional<BeggTest> begg;
    std::optional<TrimAndFill> trimAndFill;
    std::optional<FailSafeN> failSafeN;
    /// Mantel-Haenszel odds ratios: the Cochran-Mantel-Haenszel and Tarone tests.
    std::optional<MantelHaenszelOddsRatioTests> mantelHaenszelTests;
    /// Everything the user should know: estimator warnings, and why a statistic is missing.
    std::vector<std::string> warnings;
};

/// Runs every analysis on the prepared data. Never throws; what cannot be computed is left empty
/// and explained in `warnings`.
AnalysisResult runAnalysis(const AnalysisData& data, const AnalysisOptions& options);

/// Checks that the subgroup and order columns exist and have the right kind; returns the problems
/// (empty when the options are usable with this data).
std::vector<std::string> checkAnalysisOptions(const AnalysisData& data, const AnalysisOptions& options);

} // namespace evident
