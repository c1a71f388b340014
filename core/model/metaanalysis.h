// SPDX-License-Identifier: GPL-3.0-or-later
// The pooled (intercept-only) meta-analysis of k effect sizes: everything metafor reports for
// rma(yi, vi, method, test) together with confint() (Q-profile) and predict().
#pragma once

#include "core/model/fitoptions.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace evident {

struct Interval {
    double lower = 0;
    double upper = 0;
};

struct MetaAnalysisFit {
    int k = 0;
    bool estimable = false; ///< False if tau² could not be estimated; the numbers below are then unset.
    FitOptions options;

    double estimate = 0;
    double se = 0;
    double statistic = 0; ///< z, or t under Hartung-Knapp
    double p = 1;
    Interval ci;
    std::optional<int> tDf; ///< k − 1 under Hartung-Knapp

    double tau2 = 0;
    double tau = 0;
    std::optional<Interval> tau2Ci; ///< Q-profile interval (Viechtbauer 2007, Stat Med 26:37)
    std::optional<Interval> i2Ci;   ///< Percent, from the tau² interval
    double i2 = 0;                  ///< Percent
    double h2 = 1;
    double q = 0;
    int qDf = 0;
    double qP = 1;
    Interval prediction; ///< est ± crit·√(SE² + τ²), crit as for the CI (metafor predict.rma)

    std::vector<double> weightPercent; ///< 100·w_i/Σw, w_i = 1/(v_i + τ²)
    std::vector<std::string> warnings;
};

/// What to compute beyond the fit itself (leave-one-out and cumulative runs skip the costly parts).
struct MetaAnalysisExtras {
    bool tau2Interval = true;
    bool studyWeights = true; ///< Refits skip them: k refits of k weights would be O(k²) memory
};

/// The extras of a refit (leave-one-out, cumulative, trim-and-fill iterations): the fit alone.
inline constexpr MetaAnalysisExtras refitOnly{.tau2Interval = false, .studyWeights = false};

/// Fits the pooled model. k = 1 gives that study (tau² = 0, Wald interval); k = 0 is not estimable.
MetaAnalysisFit fitMetaAnalysis(std::span<const double> yi, std::span<const double> vi,
                                const FitOptions& options, const MetaAnalysisExtras& extras = {});

/// Q-profile confidence interval for tau²: the τ² values where the generalised Q statistic equals the
/// chi-squared quantiles (k − 1 df) at (1 ± level)/2; bounds truncated at 0 (metafor confint type "QP").
std::optional<Interval> qProfileTau2Interval(std::span<const double> yi, std::span<const double> vi,
                                             double level);

} // namespace evident
