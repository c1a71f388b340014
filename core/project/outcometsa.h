// SPDX-License-Identifier: GPL-3.0-or-later
// The trial sequential analysis of a project outcome: the same included, valid studies as the main
// analysis, with the outcome's TSA settings.
#pragma once

#include "core/project/preparation.h"
#include "core/tsa/tsa.h"

namespace evident {

/// The TSA outcome type that monitors this effect measure: MD for MD, SMD for both SMD measures
/// (Hedges' g); nullopt for measures TSA does not support (ROM, precomputed effects).
std::optional<TsaOutcome> tsaOutcomeFor(EffectMeasure measure);

/// Translates an outcome's TSA settings into the options of runTsa.
TsaOptions tsaOptionsFor(const TsaSettings& settings, TsaOutcome outcome);

/// The options runOutcomeTsa runs `outcome` with: its TSA settings for its effect measure (nullopt
/// for a measure TSA does not support).
std::optional<TsaOptions> outcomeTsaOptions(const Outcome& outcome);

/// Runs the TSA on the analysed studies of `prepared` (two-group continuous data), ordered by the
/// settings' order column when it names a numeric covariate. Returns ok = false with the reason
/// when the outcome cannot be monitored (wrong layout or measure, no minimal relevant effect, ...).
TsaResult runOutcomeTsa(const PreparedOutcome& prepared, const Outcome& outcome);

} // namespace evident
