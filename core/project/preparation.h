// SPDX-License-Identifier: GPL-3.0-or-later
// From what the user typed to what the analysis uses: parse, validate, compute effect sizes.
#pragma once

#include "core/analysis/analysisdata.h"
#include "core/effectsize/continuous.h"
#include "core/project/project.h"

#include <string>
#include <vector>

namespace evident {

/// A problem with one row (or one cell) of an outcome. The row is left out of the analysis.
struct InputIssue {
    std::size_t row = 0; ///< Index into Outcome::rows
    std::string study;   ///< The study's label
    std::string field;   ///< Column key ("sd_t", "yi", ...), empty when the row as a whole is at fault
    std::string message; ///< What is wrong, for the user ("SD must be greater than 0 (got -1.2)")
};

/// Column keys of the two layouts, as used in CSV headers and in InputIssue::field.
namespace field {
inline constexpr const char* meanTreated = "mean_t";
inline constexpr const char* sdTreated = "sd_t";
inline constexpr const char* nTreated = "n_t";
inline constexpr const char* meanControl = "mean_c";
inline constexpr const char* sdControl = "sd_c";
inline constexpr const char* nControl = "n_c";
inline constexpr const char* yi = "yi";
inline constexpr const char* vi = "vi";
inline constexpr const char* sei = "sei";
} // namespace field

struct PreparedOutcome {
    AnalysisData data;                 ///< The included, valid studies
    std::vector<std::size_t> rows;     ///< Outcome::rows index of each analysed study
    std::vector<GroupSummary> treated; ///< Two-group layout: the groups as analysed (else empty)
    std::vector<GroupSummary> control;
    std::vector<double> participants; ///< n_t + n_c per analysed study (0 when not known)
    std::vector<InputIssue> issues;   ///< Rows left out because of bad input
    std::size_t excludedByUser = 0;   ///< Rows the user unticked
};

/// Parses and checks every included row of `outcome`, computes yi and vi with the outcome's
/// measure, and collects the project's covariates for the analysed studies. A covariate is
/// numeric when every non-empty value in the project is a number, and categorical otherwise.
PreparedOutcome prepareOutcome(const Project& project, const Outcome& outcome);

/// Checks one number cell; returns the value, or sets `message` and returns nullopt.
/// `minimum` and `strictMinimum` express "n >= 2" (2, false) and "SD > 0" (0, true).
std::optional<double> parseCell(const std::string& text, const char* what, std::optional<double> minimum,
                                bool strictMinimum, std::string& message);

} // namespace evident
