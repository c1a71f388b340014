// SPDX-License-Identifier: GPL-3.0-or-later
// Machine-readable results of `evident-cli tsa` and `evident-cli boundaries` (docs/json-output.md).
#pragma once

#include "core/common/json.h"
#include "core/tsa/tsa.h"

namespace evident {

/// The TSA as JSON: ris, ris_unadjusted, d2, i2 (percent), looks, crossed, conclusion, warnings.
/// An infinite boundary is written as null with "upper_infinite": true (JSON has no infinity).
JsonValue tsaToJson(const TsaResult& result, const TsaOptions& options);

/// Boundaries alone: fractions, upper, futility, alpha_spent (cumulative, two-sided).
JsonValue boundariesToJson(const BoundaryResult& result, const BoundaryOptions& options);

/// Text for a terminal: the settings, a table of the looks and the conclusion.
std::string tsaTextReport(const TsaResult& result, const TsaOptions& options);

} // namespace evident
