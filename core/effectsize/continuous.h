// SPDX-License-Identifier: GPL-3.0-or-later
// Effect sizes for two-group continuous outcomes (treated vs control).
#pragma once

#include "core/effectsize/effectmeasure.h"
#include "core/effectsize/outcomedirection.h"

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

/// The sham-operated (or naive, "normal") group a normalised mean difference is measured against.
struct ShamReference {
    double mean = 0;
    /// When declared, the sham must lie on the better side of the control (the lesion made the control
    /// worse); otherwise a positive NMD would mean harm and the effect is refused with a reason.
    OutcomeDirection direction = OutcomeDirection::Unspecified;
};

/// Normalised mean difference (Vesterinen et al. 2014, J Neurosci Methods 221:92): both groups are
/// expressed in percent of the sham-to-control distance, ω = 100·(x − x_sham)/(x_c − x_sham), so the
/// control sits at 100 % and the sham at 0 %, and
///   NMD = ω_c − ω_t = 100·(x_c − x_t)/(x_c − x_sham),
///   vi  = SD*_c²/n_c + SD*_t²/n_t with SD* = 100·SD/(x_c − x_sham).
/// Sign: NMD > 0 when the treated group is closer to the sham than the control is (improvement), 100 %
/// when the treatment restores the sham value, > 100 % past it, < 0 when the treated group is further
/// from the sham than the control. This holds whether higher or lower values are better, because the
/// sham mean fixes which side is healthy. The sham mean is treated as known (its uncertainty is ignored,
/// as in Vesterinen et al.).
EffectSizeResult normalisedMeanDifference(const GroupSummary& treated, const GroupSummary& control,
                                          const ShamReference& sham);

/// Computes yi and vi for a continuous measure (SMD, SMDRevMan, MD, ROM; NMD needs the overload below).
/// - SMD: g = J(m)·(m_t − m_c)/s_pooled, vi = 1/n_t + 1/n_c + g²/(2(n_t + n_c)); metafor escalc("SMD"),
///   vtype "LS" (Hedges & Olkin 1985, eq. 5.15 with the large-sample approximation).
/// - SMDRevMan: RevMan 5 (Deeks & Higgins, Statistical algorithms in RevMan 5): J = 1 − 3/(4N − 9),
///   vi = N/(n_t·n_c) + g²/(2(N − 3.94)), N = n_t + n_c.
/// - MD: m_t − m_c, vi = sd_t²/n_t + sd_c²/n_c; metafor escalc("MD"), vtype "LS".
/// - ROM: log(m_t/m_c), vi = sd_t²/(n_t·m_t²) + sd_c²/(n_c·m_c²); metafor escalc("ROM") (Hedges et al. 1999).
/// Inputs are assumed validated (sd > 0, n >= 2); the result reports what still cannot be computed.
EffectSizeResult computeContinuousEffect(EffectMeasure measure, const GroupSummary& treated,
                                         const GroupSummary& control);

/// As above, and NMD with the sham group's mean (ignored by the other measures). NMD without a sham
/// reference is refused with a reason.
EffectSizeResult computeContinuousEffect(EffectMeasure measure, const GroupSummary& treated,
                                         const GroupSummary& control,
                                         const std::optional<ShamReference>& sham);

} // namespace evident
