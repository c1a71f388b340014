// SPDX-License-Identifier: GPL-3.0-or-later
// Peto's one-step odds ratio for 2×2 tables, as metafor's rma.peto computes it.
#pragma once

#include "core/model/mantelhaenszel.h"

namespace evident {

/// Options of the Peto pool: the level, and the zero-cell handling of the per-table escalc("PETO")
/// yi/vi behind Q's degrees of freedom and the forest plot (metafor rma.peto add, to, drop00). The Peto
/// sums themselves always use the raw counts: a table contributes O − E and V as it is.
struct PetoOptions {
    double level = 0.95;
    ZeroCellOptions zeroCells;
};

/// Peto's one-step odds ratio (Yusuf et al. 1985), as metafor rma.peto: log OR = Σ(O − E)/ΣV,
/// SE = 1/√ΣV. No estimate (with a reason) when ΣV = 0: no table has both an event and a non-event.
/// studies[i] holds the table's escalc "PETO" yi = (O − E)/V and vi = 1/V on the zero-cell-corrected
/// counts; peto[i] holds O − E and V on the raw counts (what enters the sums).
BinaryPooledFit petoOddsRatio(std::span<const TwoByTwo> tables, const PetoOptions& options = {});

} // namespace evident
