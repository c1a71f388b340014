// SPDX-License-Identifier: GPL-3.0-or-later
// Where a covariate value typed for one grid row belongs: to the study (shared by its rows in every
// outcome) or to that row's arm alone (two doses of one study). Arm values exist only where arms differ.
#pragma once

#include "core/project/project.h"

#include <cstddef>
#include <string>
#include <vector>

namespace evident {

/// The covariate values of one study after an edit: the study's value and every row of the study, in
/// every outcome, with its list of own values (OutcomeRow::covariateValues).
struct CovariatePlacement {
    std::string studyValue;
    struct RowValues {
        std::size_t outcome = 0;
        std::size_t row = 0;
        std::vector<std::string> values;
    };
    std::vector<RowValues> rows;
};

/// Places `value` for covariate `covariate` on row `row` of outcome `outcome`:
/// - a study with a single row in that outcome takes it as the study's value;
/// - a study with several rows (arms) there takes it as that arm's own value;
/// then tidies: when every row of the study, in every outcome, has the same value, it becomes the
/// study's and the arms keep none; an arm value equal to the study's is dropped.
/// The row must exist and belong to a study of the project.
CovariatePlacement placeCovariateValue(const Project& project, std::size_t outcome, std::size_t row,
                                       std::size_t covariate, const std::string& value);

} // namespace evident
