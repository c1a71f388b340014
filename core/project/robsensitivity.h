// SPDX-License-Identifier: GPL-3.0-or-later
// Sensitivity analysis by risk of bias: the outcome analysed again without the studies judged at high
// risk of bias on chosen SYRCLE items.
#pragma once

#include "core/project/outcomeanalysis.h"

#include <string>
#include <vector>

namespace evident {

struct RobSensitivity {
    std::vector<std::size_t> items; ///< The SYRCLE items (0–9) a study must not be at high risk on
    std::vector<std::string> excludedStudies; ///< Labels of the studies left out, in data order
    OutcomeAnalysis analysis;                 ///< The outcome without them
};

/// Leaves out every row of a study judged at high risk on any of `items`, then runs analyseOutcome.
RobSensitivity analyseWithoutHighRisk(const Project& project, const Outcome& outcome,
                                      const std::vector<std::size_t>& items);

/// "Without the 4 studies at high risk of bias on blinding of outcome assessor: SMD = …".
std::string robSensitivitySentence(const RobSensitivity& sensitivity);

} // namespace evident
