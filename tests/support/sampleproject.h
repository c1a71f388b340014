// SPDX-License-Identifier: GPL-3.0-or-later
// Small projects for tests of the project file, the document and the desktop widgets.
#pragma once

#include "core/project/project.h"

#include <cstddef>

namespace evident::test {

/// Two outcomes over five studies with three covariates (one numeric), a row with a bad cell, an
/// unticked row, a precomputed outcome, and every setting away from its default.
Project sampleProject();

/// One two-group outcome of `studies` heterogeneous SMD studies (fixed seed), with a categorical
/// and a numeric covariate.
Project syntheticProject(std::size_t studies);

/// Preclinical data entry: a three-study project with a multi-arm study sharing one control group (one
/// arm leaves its control cells empty), arms reported as SEM, a 90% CI and a five-number summary, a sham
/// mean, an unticked row, and SYRCLE judgements with support text holding commas and quotes.
Project preclinicalProject();

/// A dichotomous outcome over the studies of sampleProject() (ids 10–14): a zero cell, a double-zero
/// table, two arms sharing one control group (the second leaves its control cells empty), an unticked
/// row, a bad cell (events above the total), and every dichotomous setting away from its default.
Outcome dichotomousOutcome();

} // namespace evident::test
