// SPDX-License-Identifier: GPL-3.0-or-later
// The cumulative and leave-one-out analyses as forest plots: one row per refit (its pooled estimate
// and interval as a square and whisker), then the overall estimate as a diamond. The rows use the
// forest plot's data, so the forest plot's renderer draws them.
#pragma once

#include "core/plotdata/forestplotdata.h"

namespace evident {

/// Cumulative meta-analysis (Lau et al. 1992, N Engl J Med 327:248; metafor cumul): row j is the
/// model fitted to the first j studies in the analysis' cumulative order, labelled with the study
/// added at that step.
ForestPlotData buildCumulativeForestPlot(const OutcomeAnalysis& analysis, const Outcome& outcome,
                                         const FigureSettings& settings);

/// Leave-one-out analysis (Viechtbauer & Cheung 2010, Res Synth Methods 1:112; metafor leave1out):
/// row i is the model refitted without study i, labelled with the omitted study.
ForestPlotData buildLeaveOneOutForestPlot(const OutcomeAnalysis& analysis, const Outcome& outcome,
                                          const FigureSettings& settings);

} // namespace evident
