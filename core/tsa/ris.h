// SPDX-License-Identifier: GPL-3.0-or-later
// Required information size (RIS) of a meta-analysis: the number of participants a single trial would
// need to detect the minimal relevant effect with the given α and β, optionally inflated for
// heterogeneity (Wetterslev, Thorlund, Brok & Gluud 2009, BMC Med Res Methodol 9:86).
#pragma once

#include "core/effectsize/binary.h"

#include <optional>
#include <string>
#include <string_view>

namespace evident {

/// What kind of outcome a TSA monitors.
enum class TsaOutcome {
    MeanDifference,             ///< raw mean difference (MD)
    StandardisedMeanDifference, ///< Hedges' g (SMD)
    Binary,                     ///< events out of participants, analysed as RR, OR or RD
};

/// How the fixed-effect RIS is inflated for between-trial heterogeneity.
enum class HeterogeneityAdjustment {
    None,          ///< the fixed-effect RIS
    Diversity,     ///< NF / (1 − D²) (Wetterslev et al. 2009)
    Inconsistency, ///< NF / (1 − I²)
};

std::string_view adjustmentKey(HeterogeneityAdjustment adjustment); ///< "none", "D2", "I2"

struct RisAssumptions {
    TsaOutcome outcome = TsaOutcome::MeanDifference;
    double alpha = 0.05; ///< two-sided
    double beta = 0.10;
    /// MD: minimal relevant difference in outcome units; SMD: minimal relevant SMD. Sign is irrelevant.
    double minimalRelevantDifference = 0;
    double standardDeviation = 0;     ///< MD only: the SD of the outcome (not a standard error)
    double controlRisk = 0;           ///< Binary: anticipated event proportion in the control group
    double relativeRiskReduction = 0; ///< Binary: anticipated RRR, intervention risk = control·(1 − RRR)
    BinaryMeasure binaryMeasure = BinaryMeasure::RiskRatio;
};

struct RisResult {
    bool ok = false;
    std::string error;           ///< names the offending field when !ok
    int fixedEffect = 0;         ///< NF, participants in both arms (1:1)
    int adjusted = 0;            ///< the heterogeneity-adjusted RIS (= NF without adjustment)
    double adjustmentFactor = 1; ///< 1/(1 − D²) or 1/(1 − I²)
};

/// RIS in participants (both arms, 1:1 allocation), following RTSA 0.2.2 ris():
///   NF = ceil( 4·(z_{1−α/2} + z_{1−β})² · ν / θ² )
/// - MD: θ = minimal relevant difference, ν = SD².
/// - SMD: θ = minimal relevant SMD and ν = 1, because on the SMD scale the outcome SD is 1 by definition
///   (assumes equal SDs in the two arms and ignores the small-sample bias correction of g).
/// - Binary RR and OR: p_I = p_C(1 − RRR), θ = p_C − p_I, ν = p̄(1 − p̄), p̄ = (p_C + p_I)/2.
/// - Binary RD: θ = p_C − p_I, ν = p_C(1 − p_C) + p_I(1 − p_I) (RTSA's convention: twice the usual
///   two-sample size for a risk difference; see docs/tsa.md).
/// Adjusted: ceil( NF / (1 − H) ) with H = D² or I² in [0, 1), NF already rounded up (RTSA's order).
RisResult requiredInformationSize(const RisAssumptions& assumptions, HeterogeneityAdjustment adjustment,
                                  double heterogeneity = 0);

/// The RRR that corresponds to an odds ratio at a control risk: p_I = logit⁻¹(logit p_C + ln OR),
/// RRR = 1 − p_I/p_C (RTSA ris() with outcome "OR" takes the odds ratio itself).
double relativeRiskReductionForOddsRatio(double controlRisk, double oddsRatio);

} // namespace evident
