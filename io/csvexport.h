// SPDX-License-Identifier: GPL-3.0-or-later
// Writing an outcome's data as CSV, in the same columns the importer reads (docs/csv-format.md), so an
// export reads back to the same project.
#pragma once

#include "core/project/project.h"
#include "io/csvwriter.h"

#include <QString>

namespace evident::io {

/// The outcome's rows with their studies' labels, covariates (each arm's own value where it has one) and
/// SYRCLE judgements. Column groups that
/// no row uses (SEM, CI, medians, arms, sham means, risk of bias) are left out.
CsvContent outcomeTable(const Project& project, const Outcome& outcome);

/// The study characteristics table: one row per study, its label, every covariate (the arms' values,
/// "50; 100", where they differ) and the SYRCLE judgements (when any study has been assessed).
CsvContent characteristicsTable(const Project& project);

} // namespace evident::io
