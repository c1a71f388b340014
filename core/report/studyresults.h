// SPDX-License-Identifier: GPL-3.0-or-later
// Each analysed comparison's own result, as a forest plot row shows it: the effect size, its standard
// error and confidence interval, and its weight in the overall model. For "Export Results as CSV".
#pragma once

#include "core/project/outcomeanalysis.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace evident {

struct StudyResult {
    std::string label;
    std::size_t outcomeRow = 0; ///< Index in Outcome::rows of the comparison's (first) row
    double estimate = 0;        ///< y_i, on the analysis scale (log for ratio measures)
    double se = 0;              ///< √v_i
    Interval ci; ///< y_i ± z·√v_i at the analysis' level (normal quantile, as metafor's forest)
    std::optional<double> weightPercent; ///< In the overall model; none when it was not estimable
};

/// One entry per analysed comparison, in the analysis' order.
std::vector<StudyResult> studyResults(const OutcomeAnalysis& analysis);

} // namespace evident
