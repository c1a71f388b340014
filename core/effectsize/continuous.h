// SPDX-License-Identifier: GPL-3.0-or-later
// Effect sizes for two-group continuous outcomes (treated vs control).
#pragma once

#include "core/effectsize/effectmeasure.h"

#include <optional>
#include <string>

namespace evident {

/// Summary statistics of one group, as used in the analysis (SD, not SEM).
struct GroupSummary {
    double mean = 0;
    double sd = 0;
    double n = 0; ///< May be fractional after a shared control group is split.
};

/// An effect estimate and its sampling variance.
struct EffectSize {
    double yi = 0;
    double vi = 0;
};

/// Either an effect size or the reason it cannot be computed (for the user, without the study name).
struct EffectSizeResult {
    std::optional<EffectSize> value;
    std::string problem;
};

/// Exact bias-correction factor of Hedges' g, J(m) = Γ(m/2) / (√(m/2) · Γ((m−1)/2)),
/// with m = n_t + n_c − 2 (Hedges 1981, J Educ Stat 6:107, eq. 6e). Undefined (NaN) for m <= 1.
double hedgesExactCorrection(double m);

/// Computes yi and vi for a continuous measure (SMD, SMDRevMan, MD, ROM).
/// - SMD: g = J(m)·(m_t − m_c)/s_pooled, vi = 1/n_t + 1/n_c + g²/(2(n_t + n_c)); metafor escalc("SMD"),
///   vtype "LS" (Hedges & Olkin 1985, eq. 5.15 with the large-sample approximation).
/// - SMDRevMan: RevMan 5 (Deeks & Higgins, Statistical algorithms in RevMan 5): J = 1 − 3/(4N − 9),
///   vi = N/(n_t·n_c) + g²/(2(N − 3.94)), N = n_t + n_c.
/// - MD: m_t − m_c, vi = sd_t²/n_t + sd_c²/n_c; metafor escalc("MD"), vtype "LS".
/// - ROM: log(m_t/m_c), vi = sd_t²/(n_t·m_t²) + sd_c²/(n_c·m_c²); metafor escalc("ROM") (Hedges et al. 1999).
/// Inputs are assumed validated (sd > 0, n >= 2); the result reports what still cannot be computed.
EffectSizeResult computeContinuousEffect(EffectMeasure measure, const GroupSummary& treated,
                                         const GroupSummary& control);

} // namespace evident
