// SPDX-License-Identifier: GPL-3.0-or-later
// How the numbers of one grid row became what the analysis uses: each arm as analysed with the
// conversion that gave it (SD from an SEM, mean and SD from a median, ...), the shared control group,
// and the comparison's effect size. Shown in the grid's tooltips and in the row detail pane.
#pragma once

#include "core/project/outcomeanalysis.h"

#include <QString>

namespace evident::ui {

/// "Treated group as analysed: mean 12.4, SD 3.111, n 8", then the method and its arithmetic, one per
/// line. Empty when the arm could not be read (its cells are marked instead).
QString armDerivationText(const RowDerivation& derivation, bool treated);

/// The detail pane's text for `row` of `outcome` (plain text, one statement per line): the row's
/// study and arm, each arm as analysed and how, the shared control group, the effect size of the
/// comparison the row belongs to, or why the row is not in the analysis.
QString rowDetailsText(const OutcomeAnalysis& analysis, const Project& project, const Outcome& outcome,
                       int row);

} // namespace evident::ui
