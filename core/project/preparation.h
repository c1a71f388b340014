// SPDX-License-Identifier: GPL-3.0-or-later
// From what the user typed to what the analysis uses: parse, validate, compute effect sizes.
#pragma once

#include "core/analysis/analysisdata.h"
#include "core/effectsize/binary.h"
#include "core/effectsize/continuous.h"
#include "core/project/project.h"

#include <string>
#include <vector>

namespace evident {

/// A problem with one row (or one cell) of an outcome. The row is left out of the analysis.
struct InputIssue {
    std::size_t row = 0; ///< Index into Outcome::rows
    std::string study;   ///< The study's label
    std::string field;   ///< Entry-field key ("sd_t", "yi", ...), empty when the row as a whole is at fault
    std::string message; ///< What is wrong, for the user ("SD must be greater than 0 (got -1.2)")
};

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
    std::vector<GroupSummary> treated;                ///< Continuous: the groups as analysed (else empty)
    std::vector<GroupSummary> control;
    std::vector<double> participants; ///< n_t + n_c per analysed comparison (0 when not known)
    std::vector<InputIssue> issues;   ///< Rows left out because of bad input
    std::vector<InputIssue> notes;    ///< Cautions on rows that are analysed (a non-whole n, ...)
    /// Rows left out by a convention, not for bad input: double-zero tables in OR and RR (Cochrane
    /// Handbook §10.4.4.2; RevMan), unless AnalysisSettings::keepDoubleZero.
    std::vector<InputIssue> dropped;
    std::vector<RowDerivation> derivations; ///< One per Outcome::rows entry
    std::size_t excludedByUser = 0;         ///< Rows the user unticked
};

/// Parses and checks every included row of `outcome` by its kind (core/schema/outcomekind.h): converts
/// each continuous arm from its reported form to mean
/// and SD (convertReportedArm), resolves shared control groups (rows of one study with the same
/// `controlGroup`; a row may leave its control cells empty to use the group's), computes yi and vi with
/// the outcome's measure, and collects the project's covariates for the analysed comparisons (an arm's
/// own value, else its study's; arms combined into one comparison must agree, else the value is missing).
/// A covariate is numeric when every non-empty value in the project is a number, and categorical otherwise.
PreparedOutcome prepareOutcome(const Project& project, const Outcome& outcome);

/// Checks one number cell; returns the value, or sets `message` and returns nullopt.
/// `minimum` and `strictMinimum` express "n >= 2" (2, false) and "SD > 0" (0, true). Kept for the TSA's
/// own binary reader; entry fields are read by their rule (readField, core/schema/entryfield.h).
std::optional<double> parseCell(const std::string& text, const char* what, std::optional<double> minimum,
                                bool strictMinimum, std::string& message);

} // namespace evident
