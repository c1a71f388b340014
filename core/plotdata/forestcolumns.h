// SPDX-License-Identifier: GPL-3.0-or-later
// The group-data columns of a forest plot, by outcome kind (the one place that knows them): Mean, SD and
// Total of each group for continuous outcomes, Events and Total of each group for dichotomous ones (with
// RevMan's "Total events" row under each pooled row), the effect and its SE for generic ones.
#pragma once

#include "core/plotdata/forestplotdata.h"

#include <span>

namespace evident::forestcolumns {

/// The columns between the study label and the weight.
std::vector<ForestColumn> armColumns(const OutcomeAnalysis& analysis);

/// One study's cells in those columns; `decimals` is the effect's (for a generic effect and its SE).
std::vector<std::string> studyCells(const OutcomeAnalysis& analysis, std::size_t study, int decimals);

/// A pooled row's cells in those columns: each group's participants summed over `studies` (empty cells
/// for a generic outcome).
std::vector<std::string> pooledCells(const OutcomeAnalysis& analysis, std::span<const std::size_t> studies);

/// The "Total events" row's cells under a pooled row of a dichotomous outcome; empty for other kinds.
std::vector<std::string> eventCells(const OutcomeAnalysis& analysis, std::span<const std::size_t> studies);

} // namespace evident::forestcolumns
