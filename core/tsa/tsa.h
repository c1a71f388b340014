// SPDX-License-Identifier: GPL-3.0-or-later
// Trial sequential analysis: the cumulative Z-curve of a meta-analysis monitored against alpha-spending
// (and optional futility) boundaries on the scale of the required information size (Wetterslev,
// Jakobsen & Gluud 2017, BMC Med Res Methodol 17:39; RTSA 0.2.2).
#pragma once

#include "core/model/metaanalysis.h"
#include "core/tsa/boundaries.h"
#include "core/tsa/cumulativemeta.h"
#include "core/tsa/ris.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace evident {

struct TsaOptions {
    CumulativeOptions analysis;
    bool orderByValue = false; ///< sort trials by TsaTrial::order (stable); otherwise data order
    RisAssumptions ris;        ///< outcome and binary measure are taken from `analysis`
    /// For binary outcomes without a control risk in `ris` (0): use the pooled observed control risk.
    bool controlRiskFromData = false;
    HeterogeneityAdjustment adjustment = HeterogeneityAdjustment::None;
    /// Anticipated D² or I²; when empty the value of the meta-analysis of all trials is used (RTSA).
    std::optional<double> heterogeneity;
    SpendingFunction alphaSpending = SpendingFunction::OBrienFleming;
    bool futility = false;
    SpendingFunction betaSpending = SpendingFunction::OBrienFleming;
    /// Inflate the RIS by RTSA's design factor R (RTSA power_adj = TRUE). Off by default, as in the TSA
    /// program.
    bool powerAdjusted = false;
    int resolution = 0; ///< quadrature grid parameter, 0 = default
};

enum class LookStatus {
    Monitored,         ///< has boundaries
    BelowOnePercent,   ///< adds ≤ 1% of the RIS since the last monitored look: no boundary (1% rule)
    AfterFinalAnalysis ///< comes after the look that reached the RIS: no boundary
};

struct TsaLook {
    std::string label; ///< label of the trial added at this look
    int trials = 0;
    double participants = 0;
    double fraction = 0;             ///< participants / RIS
    double z = 0;                    ///< the monitored cumulative Z
    double estimate = 0;             ///< pooled estimate, reported scale (ratios for RR/OR)
    Interval naiveCi;                ///< conventional 1 − α interval
    double tau2 = 0, i2 = 0, d2 = 0; ///< i2 and d2 as fractions
    LookStatus status = LookStatus::Monitored;
    std::optional<double> upper, lower;                 ///< efficacy boundaries (±; may be ±∞)
    std::optional<double> futilityUpper, futilityLower; ///< inner wedge, where beta is spent
    std::optional<Interval> adjustedCi; ///< estimate ± b·SE, reported scale (RTSA inference())
};

enum class CrossingKind { EfficacyUpper, EfficacyLower, Futility };

struct TsaCrossing {
    std::size_t look = 0; ///< index into TsaResult::looks
    CrossingKind kind = CrossingKind::EfficacyUpper;
};

enum class TsaVerdict {
    EfficacyCrossed, ///< the Z-curve crossed an efficacy boundary
    FutilityCrossed, ///< it entered the futility wedge (and crossed no efficacy boundary)
    RisReachedWithoutCrossing,
    NotCrossed, ///< inconclusive so far
};

struct TsaResult {
    bool ok = false;
    std::string error;
    std::vector<std::string> warnings;

    int ris = 0;                ///< the RIS used (heterogeneity-adjusted when asked)
    int risUnadjusted = 0;      ///< fixed-effect RIS, NF
    double inflationFactor = 1; ///< R (1 without power adjustment)
    double risInflated = 0;     ///< ris·R: the information of the final analysis
    HeterogeneityAdjustment adjustment = HeterogeneityAdjustment::None;
    double heterogeneityUsed = 0;    ///< the D² or I² that adjusted the RIS
    double d2 = 0, i2 = 0, tau2 = 0; ///< of the meta-analysis of all trials

    std::vector<TsaLook> looks;
    /// Boundary at the final analysis (fraction R) when the data have not reached it: what the curve
    /// still has to cross. Empty once a look has reached the RIS.
    std::optional<double> finalFraction, finalUpper, finalFutility;
    BoundaryResult boundaries; ///< at the monitored looks (and the final analysis)

    std::optional<TsaCrossing> efficacyCrossing;
    std::optional<TsaCrossing> futilityCrossing;
    TsaVerdict verdict = TsaVerdict::NotCrossed;
    std::string conclusion; ///< one sentence a reviewer can paste
};

/// Runs a retrospective TSA on the trials (the conventions are listed in docs/tsa.md).
TsaResult runTsa(std::span<const TsaTrial> trials, const TsaOptions& options);

} // namespace evident
