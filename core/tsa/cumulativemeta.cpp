// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tsa/cumulativemeta.h"

#include "core/model/mantelhaenszel.h"
#include "core/model/metaanalysis.h"

#include <cmath>

namespace evident {
namespace {

/// RTSA metaPrepare "equal": pooled SD, v = s_p²(n_I + n_C)/(n_I n_C) (metafor escalc MD, vtype "HO").
EffectSize meanDifference(const TsaTrial& trial, MeanDifferenceVariance variance) {
    const auto& t = trial.treated;
    const auto& c = trial.control;
    const double difference = t.mean - c.mean;
    if (variance == MeanDifferenceVariance::Unpooled)
        return {difference, t.sd * t.sd / t.n + c.sd * c.sd / c.n};
    const double pooled = ((t.n - 1) * t.sd * t.sd + (c.n - 1) * c.sd * c.sd) / (t.n + c.n - 2);
    return {difference, pooled * (t.n + c.n) / (t.n * c.n)};
}

std::string describe(const TsaTrial& trial, std::size_t index) {
    return trial.label.empty() ? "trial " + std::to_string(index + 1) : trial.label;
}

} // namespace

CumulativeResult cumulativeMetaAnalysis(std::span<const TsaTrial> trials, const CumulativeOptions& options) {
    CumulativeResult result;
    if (trials.empty()) {
        result.error = "trials: a TSA needs at least one trial.";
        return result;
    }
    const bool binary = options.outcome == TsaOutcome::Binary;
    std::vector<double> yi, vi;
    std::vector<TwoByTwo> tables;
    double participants = 0;
    double controlEvents = 0, controlTotal = 0;

    for (std::size_t index = 0; index < trials.size(); ++index) {
        const TsaTrial& trial = trials[index];
        const std::string name = describe(trial, index);
        EffectSize effect;
        double size = 0;
        if (!binary) {
            for (const auto* group : {&trial.treated, &trial.control})
                if (!(group->n >= 2) || !(group->sd > 0) || !std::isfinite(group->mean)
                    || !std::isfinite(group->sd)) {
                    result.error =
                        name + ": each group needs a finite mean, an SD above 0 and at least 2 participants.";
                    return result;
                }
            if (options.outcome == TsaOutcome::MeanDifference) {
                effect = meanDifference(trial, options.meanDifferenceVariance);
            } else {
                const EffectSizeResult smd =
                    computeContinuousEffect(EffectMeasure::SMD, trial.treated, trial.control);
                if (!smd.value) {
                    result.error = name + ": " + smd.problem;
                    return result;
                }
                effect = *smd.value;
            }
            size = trial.treated.n + trial.control.n;
        } else {
            TwoByTwo table{trial.eventsTreated, trial.totalTreated, trial.eventsControl, trial.totalControl};
            if (!(table.totalTreated > 0 && table.totalControl > 0) || !(table.eventsTreated >= 0)
                || !(table.eventsControl >= 0) || table.eventsTreated > table.totalTreated
                || table.eventsControl > table.totalControl) {
                result.error = name + ": events must lie between 0 and the number of animals in each arm.";
                return result;
            }
            // RTSA metaPrepare: trials without events carry no information on RR, OR or RD and are left
            // out; so are trials where everyone had the event, for RR and OR.
            const bool noEvents = table.eventsTreated == 0 && table.eventsControl == 0;
            const bool allEvents =
                table.eventsTreated == table.totalTreated && table.eventsControl == table.totalControl;
            if (noEvents || (allEvents && options.binaryMeasure != BinaryMeasure::RiskDifference)) {
                result.excluded.push_back(name);
                continue;
            }
            controlEvents += table.eventsControl;
            controlTotal += table.totalControl;
            size = table.totalTreated + table.totalControl;
            // A zero cell makes the log RR/OR or the RD variance degenerate: add the correction to every
            // cell of that trial (RTSA adds 0.5 to events and 1 to totals when an arm has no events;
            // Evident also corrects an arm where everyone had the event).
            const bool zeroCell = table.eventsTreated == 0 || table.eventsControl == 0
                                  || table.eventsTreated == table.totalTreated
                                  || table.eventsControl == table.totalControl;
            if (zeroCell) {
                const double k = options.continuityCorrection;
                table = {table.eventsTreated + k, table.totalTreated + 2 * k, table.eventsControl + k,
                         table.totalControl + 2 * k};
            }
            effect = binaryEffectOfTable(options.binaryMeasure, table);
            tables.push_back(table);
        }
        if (!std::isfinite(effect.yi) || !(effect.vi > 0) || !std::isfinite(effect.vi)) {
            result.error = name + ": its effect size or variance cannot be computed.";
            return result;
        }
        yi.push_back(effect.yi);
        vi.push_back(effect.vi);
        participants += size;

        const std::span<const double> y(yi), v(vi);
        FitOptions fixedOptions;
        fixedOptions.estimator = Tau2Estimator::FixedEffect;
        FitOptions randomOptions;
        randomOptions.estimator = Tau2Estimator::DerSimonianLaird;
        const MetaAnalysisExtras extras = refitOnly;
        const MetaAnalysisFit fixed = fitMetaAnalysis(y, v, fixedOptions, extras);
        const MetaAnalysisFit random = fitMetaAnalysis(y, v, randomOptions, extras);

        CumulativeStep step;
        step.trials = static_cast<int>(yi.size());
        step.participants = participants;
        step.q = fixed.q;
        step.tau2 = random.tau2;
        step.i2 = random.i2 / 100;
        step.estimateFixed = fixed.estimate;
        step.seFixed = fixed.se;
        if (binary && options.binaryPooling == BinaryPooling::MantelHaenszel) {
            // The tables are corrected and double zeros dropped above (RTSA's conventions), so the MH
            // sums run on them as given.
            const std::optional<BinaryEstimate> mh = mantelHaenszelEstimate(options.binaryMeasure, tables);
            if (!mh) {
                result.error = name + ": the Mantel-Haenszel estimate does not exist after this trial.";
                return result;
            }
            step.estimateFixed = mh->estimate;
            step.seFixed = std::sqrt(mh->variance);
        }
        step.zFixed = step.estimateFixed / step.seFixed;
        // Where τ² = 0 the random-effects model is the fixed-effect one (RTSA keeps the MH analysis there).
        if (random.tau2 > 0) {
            step.estimateRandom = random.estimate;
            step.seRandom = random.se;
            // Diversity D² = 1 − V_F/V_R (Wetterslev et al. 2009, eq. 3), V_F from inverse-variance weights.
            step.d2 = 1 - (fixed.se * fixed.se) / (random.se * random.se);
        } else {
            step.estimateRandom = step.estimateFixed;
            step.seRandom = step.seFixed;
        }
        step.zRandom = step.estimateRandom / step.seRandom;
        const bool useRandom = options.model == TsaModel::RandomEffects;
        step.estimate = useRandom ? step.estimateRandom : step.estimateFixed;
        step.se = useRandom ? step.seRandom : step.seFixed;
        step.z = step.estimate / step.se;
        if (!std::isfinite(step.z)) {
            result.error = name + ": the cumulative Z statistic cannot be computed after this trial.";
            return result;
        }
        result.steps.push_back(step);
        result.trialIndex.push_back(index);
    }
    if (result.steps.empty()) {
        result.error = "trials: no trial has any event, so there is nothing to analyse.";
        return result;
    }
    if (!result.excluded.empty())
        result.warnings.push_back(
            std::to_string(result.excluded.size())
            + " trial(s) without events in either arm (or with events in every participant, "
              "for RR and OR) were left out.");
    if (binary)
        result.pooledControlRisk = controlEvents / controlTotal;
    result.ok = true;
    return result;
}

} // namespace evident
