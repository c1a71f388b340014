// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/subgroups.h"

#include "core/analysis/pooledfit.h"
#include "core/common/distributions.h"

#include <algorithm>

namespace evident {
namespace {

std::optional<SubgroupDifferenceTest> testBetweenSubgroups(const std::vector<SubgroupFit>& groups) {
    std::vector<double> estimates;
    std::vector<double> variances;
    for (const auto& group : groups) {
        if (!group.fit.estimable || !(group.fit.se > 0))
            continue;
        estimates.push_back(group.fit.estimate);
        variances.push_back(group.fit.se * group.fit.se);
    }
    if (estimates.size() < 2)
        return std::nullopt;
    FitOptions fixedEffect;
    fixedEffect.estimator = Tau2Estimator::FixedEffect;
    const MetaAnalysisFit between = fitMetaAnalysis(estimates, variances, fixedEffect, refitOnly);
    return SubgroupDifferenceTest{between.q, between.qDf, between.qP};
}

/// Mixed-effects model with an intercept and one dummy per level after the first.
std::optional<ModeratorTest> moderatorTest(const AnalysisData& data, const std::vector<SubgroupFit>& groups,
                                           const FitOptions& options, std::vector<std::string>& warnings) {
    std::vector<std::size_t> studies;
    std::vector<int> levelOf;
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (std::size_t i : groups[g].studies) {
            studies.push_back(i);
            levelOf.push_back(static_cast<int>(g));
        }
    const auto k = static_cast<Eigen::Index>(studies.size());
    const auto levels = static_cast<Eigen::Index>(groups.size());
    if (k <= levels) {
        warnings.push_back("The moderator test needs more studies than subgroups.");
        return std::nullopt;
    }
    Eigen::VectorXd y(k);
    Eigen::VectorXd v(k);
    Eigen::MatrixXd X = Eigen::MatrixXd::Zero(k, levels);
    for (Eigen::Index r = 0; r < k; ++r) {
        y(r) = data.yi[studies[static_cast<std::size_t>(r)]];
        v(r) = data.vi[studies[static_cast<std::size_t>(r)]];
        X(r, 0) = 1;
        if (levelOf[static_cast<std::size_t>(r)] > 0)
            X(r, levelOf[static_cast<std::size_t>(r)]) = 1;
    }
    const RegressionFit fit = fitMetaRegression(y, v, X, options);
    for (const auto& warning : fit.warnings)
        warnings.push_back("Moderator model: " + warning);
    if (!fit.converged)
        return std::nullopt;
    return fit.moderators;
}

} // namespace

SubgroupAnalysis analyseSubgroups(const AnalysisData& data, const Covariate& covariate,
                                  const FitOptions& options) {
    SubgroupAnalysis analysis;
    analysis.variable = covariate.name;
    std::size_t missing = 0;
    for (const auto& level : covariate.distinctLevels()) {
        SubgroupFit group;
        group.level = level;
        for (std::size_t i = 0; i < data.size(); ++i)
            if (covariate.levels[i] == level)
                group.studies.push_back(i);
        analysis.groups.push_back(std::move(group));
    }
    for (const auto& level : covariate.levels)
        missing += level.empty() ? 1 : 0;
    if (missing > 0)
        analysis.warnings.push_back(std::to_string(missing) + (missing == 1 ? " study has" : " studies have")
                                    + " no value for '" + covariate.name
                                    + "' and is left out of the subgroup analysis.");

    for (auto& group : analysis.groups) {
        group.fit = fitStudies(data, group.studies, options);
        for (const auto& warning : group.fit.warnings)
            analysis.warnings.push_back("Subgroup '" + group.level + "': " + warning);
    }
    if (analysis.groups.size() < 2) {
        analysis.warnings.push_back("Subgroup differences cannot be tested: '" + covariate.name
                                    + "' has fewer than two levels among the included studies.");
        return analysis;
    }
    analysis.between = testBetweenSubgroups(analysis.groups);
    analysis.moderators = moderatorTest(data, analysis.groups, options, analysis.warnings);
    return analysis;
}

} // namespace evident
