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

/// Column keys, as used in CSV headers and in InputIssue::field (docs/csv-format.md). Arm fields end
/// in "_t" (treated) or "_c" (control).
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
inline constexpr const char* shamMean = "sham_mean";
inline constexpr const char* controlGroup = "control_group";
} // namespace field

/// The column key of one reported field of one arm: "sem_t", "ci_lower_c", "q1_t", "mean_c", ...
std::string armFieldKey(ReportedField reported, bool treated);

/// How the numbers of one grid row were turned into what the analysis uses (for tooltips).
struct RowDerivation {
    std::optional<GroupSummary> treated; ///< Mean, SD, n after conversion (before any control split)
    std::optional<GroupSummary> control;
    std::string treatedNote; ///< e.g. "SD from SEM (Cochrane Handbook §6.5.2.2)\nSD = SEM × √n = …"
    std::string controlNote;
    std::string sharedControlNote; ///< How a shared control group was split or combined
};

struct PreparedOutcome {
    AnalysisData data;             ///< The analysed comparisons (included, valid rows)
    std::vector<std::size_t> rows; ///< Outcome::rows index of each analysed comparison (its first row)
    std::vector<std::vector<std::size_t>> sourceRows; ///< Every row each comparison stands for
    std::vector<GroupSummary> treated; ///< Two-group layout: the groups as analysed (else empty)
    std::vector<GroupSummary> control;
    std::vector<double> participants;       ///< n_t + n_c per analysed comparison (0 when not known)
    std::vector<InputIssue> issues;         ///< Rows left out because of bad input
    std::vector<RowDerivation> derivations; ///< One per Outcome::rows entry
    std::size_t excludedByUser = 0;         ///< Rows the user unticked
};

/// Parses and checks every included row of `outcome`: converts each arm from its reported form to mean
/// and SD (convertReportedArm), resolves shared control groups (rows of one study with the same
/// `controlGroup`; a row may leave its control cells empty to use the group's), computes yi and vi with
/// the outcome's measure, and collects the project's covariates for the analysed comparisons (an arm's
/// own value, else its study's; arms combined into one comparison must agree, else the value is missing).
/// A covariate is numeric when every non-empty value in the project is a number, and categorical otherwise.
PreparedOutcome prepareOutcome(const Project& project, const Outcome& outcome);

/// Checks one number cell; returns the value, or sets `message` and returns nullopt.
/// `minimum` and `strictMinimum` express "n >= 2" (2, false) and "SD > 0" (0, true).
std::optional<double> parseCell(const std::string& text, const char* what, std::optional<double> minimum,
                                bool strictMinimum, std::string& message);

} // namespace evident
