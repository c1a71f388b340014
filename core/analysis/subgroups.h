// SPDX-License-Identifier: GPL-3.0-or-later
// Subgroup analysis by a categorical covariate.
#pragma once

#include "core/analysis/analysisdata.h"
#include "core/model/metaanalysis.h"
#include "core/model/metaregression.h"

#include <optional>
#include <string>
#include <vector>

namespace evident {

struct SubgroupFit {
    std::string level;
    std::vector<std::size_t> studies; ///< Indices into AnalysisData, in data order.
    MetaAnalysisFit fit;              ///< A level of one study gives that study (tau² = 0).
};

/// Test for subgroup differences as RevMan reports it: Cochran's Q between the subgroup estimates,
/// each weighted by 1/SE² (Borenstein et al. 2009, Introduction to Meta-Analysis, ch. 19;
/// Deeks, Higgins & Altman, Cochrane Handbook §10.11.3.1).
struct SubgroupDifferenceTest {
    double q = 0;
    int df = 0;
    double p = 1;
};

struct SubgroupAnalysis {
    std::string variable;
    std::vector<SubgroupFit> groups; ///< Levels in order of first appearance.
    std::optional<SubgroupDifferenceTest> between;
    /// Mixed-effects moderator test, metafor rma(mods = ~ factor(x)): QM (or F under Hartung-Knapp).
    std::optional<ModeratorTest> moderators;
    std::vector<std::string> warnings;
};

/// Fits each level with the given options, then both tests of subgroup differences.
/// Studies with no value for the covariate are left out, with a warning.
SubgroupAnalysis analyseSubgroups(const AnalysisData& data, const Covariate& covariate,
                                  const FitOptions& options);

} // namespace evident
