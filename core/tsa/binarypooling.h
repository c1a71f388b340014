// SPDX-License-Identifier: GPL-3.0-or-later
// Two-by-two tables: per-trial effects and the Mantel-Haenszel fixed-effect pooled estimate.
#pragma once

#include "core/tsa/ris.h"

#include <span>

namespace evident {

/// One trial's 2×2 table after any continuity correction.
struct TwoByTwo {
    double eventsTreated = 0;
    double totalTreated = 0;
    double eventsControl = 0;
    double totalControl = 0;
};

struct BinaryEstimate {
    double estimate = 0; ///< log RR, log OR or RD
    double variance = 0;
};

/// Per-trial effect and large-sample variance (RTSA 0.2.2 metaPrepare; metafor escalc):
/// log RR, v = 1/a − 1/n₁ + 1/c − 1/n₂; log OR, v = 1/a + 1/b + 1/c + 1/d; RD, v = p₁q₁/n₁ + p₂q₂/n₂.
BinaryEstimate binaryTrialEffect(BinaryMeasure measure, const TwoByTwo& table);

/// Mantel-Haenszel pooled estimate (Mantel & Haenszel 1959, J Natl Cancer Inst 22:719) with the variance
/// of Robins, Breslow & Greenland 1986 (Biometrics 42:311) for log OR, of Greenland & Robins 1985
/// (Biometrics 41:55) for log RR, and of Sato, Greenland & Robins 1989 (Biometrics 45:1323) for RD, as
/// metafor rma.mh.
BinaryEstimate mantelHaenszel(BinaryMeasure measure, std::span<const TwoByTwo> tables);

} // namespace evident
