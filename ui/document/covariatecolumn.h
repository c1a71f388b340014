// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace evident::ui {

/// A covariate column with all its values: what removing it takes, and undo puts back.
struct CovariateColumn {
    std::string name;
    std::vector<std::string> studyValues;            ///< One per study, in project order
    std::vector<std::vector<std::string>> armValues; ///< Per outcome, per row: the arm's own value
};

} // namespace evident::ui
