// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/pooledfit.h"

#include "core/common/distributions.h"
#include "core/model/peto.h"

#include <cmath>
#include <numeric>

namespace evident {
namespace {

std::vector<double> pick(std::span<const double> values, std::span<const std::size_t> subset) {
    std::vector<double> picked;
    picked.reserve(subset.size());
    for (std::size_t i : subset)
        picked.push_back(values[i]);
    return picked;
}

MantelHaenszelOptions mhOptions(const FitOptions& options) {
    MantelHaenszelOptions mh;
    mh.level = options.level;
    mh.zeroCells.doubleZero = options.pooling.doubleZero;
    mh.revMan5Convention = options.pooling.revMan5Convention;
    return mh;
}

/// The weight a table has in the Mantel-Haenszel sums (Greenland & Robins 1985): the denominator term of
/// the estimate, S_i for the ratios and n₁n₂/N for the difference.
double mantelHaenszelWeight(BinaryMeasure measure, const TwoByTwo& t) {
    switch (measure) {
    case BinaryMeasure::OddsRatio:
        return t.b() * t.c() / t.total();
    case BinaryMeasure::RiskRatio:
        return t.c() * t.totalTreated / t.total();
    case BinaryMeasure::RiskDifference:
        break;
    }
    return t.totalTreated * t.totalControl / t.total();
}

void setPercentWeights(MetaAnalysisFit& fit, const std::vector<double>& weights) {
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    fit.weightPercent.clear();
    for (double w : weights)
        fit.weightPercent.push_back(sum > 0 ? 100 * w / sum : 0);
}

/// A fixed-effect M-H or Peto pool in the shape of every other fit.
MetaAnalysisFit fromPooled(const BinaryPooledFit& pooled, const FitOptions& options) {
    MetaAnalysisFit fit;
    fit.k = pooled.k;
    fit.options = options;
    fit.options.estimator = Tau2Estimator::FixedEffect;
    fit.warnings = pooled.warnings;
    if (!pooled.estimable) {
        fit.warnings.push_back(pooled.problem);
        return fit;
    }
    fit.estimable = true;
    fit.estimate = pooled.estimate;
    fit.se = pooled.se;
    fit.statistic = pooled.z;
    fit.p = pooled.p;
    fit.ci = pooled.ci;
    fit.prediction = pooled.ci; // no between-study variance in a fixed-effect model
    fit.q = pooled.q;
    fit.qDf = pooled.qDf;
    fit.qP = pooled.qP;
    fit.i2 = pooled.i2;
    fit.h2 = pooled.qDf > 0 && pooled.q > pooled.qDf ? pooled.q / pooled.qDf : 1;
    return fit;
}

MetaAnalysisFit mantelHaenszelFit(const AnalysisData& data, std::span<const std::size_t> subset,
                                  const FitOptions& options, const MetaAnalysisExtras& extras) {
    std::vector<TwoByTwo> tables;
    for (std::size_t i : subset)
        tables.push_back(data.tables[i]);
    const BinaryMeasure measure = options.pooling.measure;
    const MantelHaenszelOptions mh = mhOptions(options);
    const BinaryPooledFit fixed = mantelHaenszel(measure, tables, mh);
    MetaAnalysisFit fit = fromPooled(fixed, options);
    if (!fit.estimable)
        return fit;
    if (options.estimator == Tau2Estimator::FixedEffect) {
        if (extras.studyWeights) {
            std::vector<double> weights;
            for (const TwoByTwo& table : tables)
                weights.push_back(mantelHaenszelWeight(measure, mh.revMan5Convention && table.hasZeroCell()
                                                                    ? correctedTable(table, mh.zeroCells)
                                                                    : table));
            setPercentWeights(fit, weights);
        }
        return fit;
    }
    // RevMan's "M-H, Random": DerSimonian-Laird around the M-H estimate (Deeks & Higgins 2010).
    const MantelHaenszelRandomFit random = mantelHaenszelRandom(fixed, options.level);
    if (!random.estimable) {
        fit.warnings.push_back(random.problem);
        return fit;
    }
    fit.options.estimator = Tau2Estimator::DerSimonianLaird;
    fit.estimate = random.estimate;
    fit.se = random.se;
    fit.statistic = random.z;
    fit.p = random.p;
    fit.ci = random.ci;
    fit.tau2 = random.tau2;
    fit.tau = std::sqrt(random.tau2);
    // Prediction interval as metafor's predict.rma for a Wald-type random-effects model.
    const double crit = normalQuantile(1 - (1 - options.level) / 2);
    const double spread = std::sqrt(fit.se * fit.se + fit.tau2);
    fit.prediction = {fit.estimate - crit * spread, fit.estimate + crit * spread};
    if (options.estimator != Tau2Estimator::DerSimonianLaird)
        fit.warnings.push_back(
            "Mantel-Haenszel random effects use the DerSimonian-Laird estimate of tau², as "
            "RevMan does; the chosen estimator applies to inverse-variance pooling only.");
    if (extras.studyWeights) {
        std::vector<double> weights;
        for (std::size_t i : subset)
            weights.push_back(1 / (data.vi[i] + fit.tau2));
        setPercentWeights(fit, weights);
    }
    if (extras.tau2Interval && subset.size() >= 2) {
        const auto y = pick(data.yi, subset);
        const auto v = pick(data.vi, subset);
        fit.tau2Ci = qProfileTau2Interval(y, v, options.level);
    }
    return fit;
}

MetaAnalysisFit petoFit(const AnalysisData& data, std::span<const std::size_t> subset,
                        const FitOptions& options, const MetaAnalysisExtras& extras) {
    std::vector<TwoByTwo> tables;
    for (std::size_t i : subset)
        tables.push_back(data.tables[i]);
    PetoOptions peto;
    peto.level = options.level;
    peto.zeroCells.doubleZero = options.pooling.doubleZero;
    const BinaryPooledFit pooled = petoOddsRatio(tables, peto);
    MetaAnalysisFit fit = fromPooled(pooled, options);
    if (options.estimator != Tau2Estimator::FixedEffect)
        fit.warnings.push_back(
            "The Peto odds ratio is a fixed-effect method; no random-effects model is fitted.");
    if (fit.estimable && extras.studyWeights) {
        std::vector<double> weights;
        for (const PetoTerms& terms : pooled.peto)
            weights.push_back(terms.variance);
        setPercentWeights(fit, weights);
    }
    return fit;
}

} // namespace

std::vector<std::size_t> allStudies(const AnalysisData& data) {
    std::vector<std::size_t> all(data.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    return all;
}

MetaAnalysisFit fitStudies(const AnalysisData& data, std::span<const std::size_t> subset,
                           const FitOptions& options, const MetaAnalysisExtras& extras) {
    const PoolingMethod method = options.pooling.method;
    const bool tables = data.tables.size() == data.size();
    if (method != PoolingMethod::InverseVariance && tables) {
        if (method == PoolingMethod::Peto && options.pooling.measure == BinaryMeasure::OddsRatio)
            return petoFit(data, subset, options, extras);
        if (method == PoolingMethod::MantelHaenszel)
            return mantelHaenszelFit(data, subset, options, extras);
    }
    MetaAnalysisFit fit = fitMetaAnalysis(pick(data.yi, subset), pick(data.vi, subset), options, extras);
    if (method != PoolingMethod::InverseVariance)
        fit.warnings.push_back(method == PoolingMethod::Peto && tables
                                   ? "The Peto method pools odds ratios only; inverse variance is used."
                                   : "Mantel-Haenszel and Peto pooling need events and totals; inverse "
                                     "variance is used.");
    return fit;
}

std::optional<MantelHaenszelOddsRatioTests> mantelHaenszelTests(const AnalysisData& data,
                                                                const FitOptions& options) {
    // Both are tests of the common-effect model: not reported beside RevMan's M-H random effects.
    if (options.pooling.method != PoolingMethod::MantelHaenszel
        || options.pooling.measure != BinaryMeasure::OddsRatio
        || options.estimator != Tau2Estimator::FixedEffect || data.tables.size() != data.size()
        || data.size() == 0)
        return std::nullopt;
    return mantelHaenszel(BinaryMeasure::OddsRatio, data.tables, mhOptions(options)).tests;
}

} // namespace evident
