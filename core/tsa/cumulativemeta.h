// SPDX-License-Identifier: GPL-3.0-or-later
// The cumulative meta-analysis behind a TSA: per-trial effects, then the pooled Z statistic,
// heterogeneity and diversity after each trial.
#pragma once

#include "core/effectsize/continuous.h"
#include "core/tsa/ris.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace evident {

/// One trial of a TSA. Continuous outcomes fill treated/control; binary ones the event counts.
struct TsaTrial {
    std::string label;
    GroupSummary treated;
    GroupSummary control;
    double eventsTreated = 0;
    double totalTreated = 0;
    double eventsControl = 0;
    double totalControl = 0;
    std::optional<double> order; ///< ordering value (e.g. year); trials are sorted by it when requested
};

enum class TsaModel {
    FixedEffect,   ///< inverse variance (continuous) or Mantel-Haenszel / inverse variance (binary)
    RandomEffects, ///< DerSimonian-Laird; falls back to the fixed-effect analysis where τ² = 0
};

enum class BinaryPooling { MantelHaenszel, InverseVariance };

/// Variance of a mean difference (RTSA cont_vartype).
enum class MeanDifferenceVariance {
    Pooled,   ///< s_p²(n_I + n_C)/(n_I n_C), pooled SD (RTSA default "equal"; metafor vtype "HO")
    Unpooled, ///< sd_I²/n_I + sd_C²/n_C (RTSA "non-equal"; metafor vtype "LS")
};

struct CumulativeOptions {
    TsaOutcome outcome = TsaOutcome::MeanDifference;
    BinaryMeasure binaryMeasure = BinaryMeasure::RiskRatio;
    TsaModel model = TsaModel::FixedEffect;
    BinaryPooling binaryPooling = BinaryPooling::MantelHaenszel;
    MeanDifferenceVariance meanDifferenceVariance = MeanDifferenceVariance::Pooled;
    double continuityCorrection = 0.5; ///< added to every cell of a trial with a zero cell
};

/// The meta-analysis of trials 1..k.
struct CumulativeStep {
    int trials = 0;          ///< trials pooled (double-zero trials excluded for binary outcomes)
    double participants = 0; ///< cumulative randomised participants of the included trials
    double estimate = 0;     ///< pooled estimate of the monitored model (log scale for RR/OR)
    double se = 0;           ///< its standard error
    double z = 0;            ///< estimate/se: the monitored statistic
    double estimateFixed = 0, seFixed = 0, zFixed = 0;
    double estimateRandom = 0, seRandom = 0, zRandom = 0; ///< DL; equal to the fixed ones where τ² = 0
    double q = 0, tau2 = 0;
    double i2 = 0; ///< fraction in [0, 1]: max(0, (Q − df)/Q)
    double d2 = 0; ///< diversity 1 − V_F/V_R (Wetterslev et al. 2009), V_F the inverse-variance variance
};

struct CumulativeResult {
    bool ok = false;
    std::string error;
    std::vector<std::string> warnings;
    std::vector<std::size_t> trialIndex; ///< input index of the trial added at each step
    std::vector<CumulativeStep> steps;
    std::vector<std::string> excluded; ///< labels of trials left out (double-zero, all-event)
    double pooledControlRisk = 0;      ///< Σ control events / Σ control participants (binary)
};

/// Recomputes the meta-analysis after each trial, in the given order (see docs/tsa.md for every
/// convention; they follow RTSA 0.2.2 metaPrepare/synthesize).
CumulativeResult cumulativeMetaAnalysis(std::span<const TsaTrial> trials, const CumulativeOptions& options);

} // namespace evident
