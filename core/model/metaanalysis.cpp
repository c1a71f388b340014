// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/metaanalysis.h"

#include "core/common/distributions.h"
#include "core/common/rootfinding.h"
#include "core/model/metaregression.h"

#include <cmath>

namespace evident {
namespace {

Eigen::VectorXd toVector(std::span<const double> values) {
    return Eigen::Map<const Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

MetaAnalysisFit singleStudy(double yi, double vi, const FitOptions& options,
                            const MetaAnalysisExtras& extras) {
    MetaAnalysisFit fit;
    fit.k = 1;
    fit.options = options;
    fit.estimable = true;
    fit.estimate = yi;
    fit.se = std::sqrt(vi);
    fit.statistic = yi / fit.se;
    fit.p = normalTwoSidedP(fit.statistic);
    const double z = normalQuantile(1 - (1 - options.level) / 2);
    fit.ci = {yi - z * fit.se, yi + z * fit.se};
    fit.prediction = fit.ci;
    if (extras.studyWeights)
        fit.weightPercent = {100.0};
    if (options.inference == InferenceMethod::HartungKnapp)
        fit.warnings.push_back("With a single study the Hartung-Knapp interval is undefined; the Wald "
                               "interval is shown.");
    return fit;
}

} // namespace

std::optional<Interval> qProfileTau2Interval(std::span<const double> yi, std::span<const double> vi,
                                             double level) {
    const auto k = static_cast<double>(yi.size());
    if (yi.size() < 2)
        return std::nullopt;
    const Eigen::VectorXd y = toVector(yi);
    const Eigen::VectorXd v = toVector(vi);
    const Eigen::MatrixXd X = Eigen::MatrixXd::Ones(y.size(), 1);
    const double alpha = 1 - level;
    const double df = k - 1;
    const double criticalForLower = chiSquaredQuantile(1 - alpha / 2, df);
    const double criticalForUpper = chiSquaredQuantile(alpha / 2, df);
    const auto q = [&](double tau2) { return generalisedQ(y, v, X, tau2); };

    // Q(τ²) decreases in τ², so each bound is where it crosses a critical value.
    const auto solve = [&](double critical) -> std::optional<double> {
        if (q(0) <= critical)
            return 0.0;
        double upper = 100;
        while (q(upper) > critical && upper < 1e15)
            upper *= 10;
        return findRoot([&](double tau2) { return q(tau2) - critical; }, 0, upper);
    };
    const auto lower = solve(criticalForLower);
    const auto upper = solve(criticalForUpper);
    if (!lower || !upper)
        return std::nullopt;
    return Interval{*lower, *upper};
}

MetaAnalysisFit fitMetaAnalysis(std::span<const double> yi, std::span<const double> vi,
                                const FitOptions& options, const MetaAnalysisExtras& extras) {
    if (yi.size() == 1)
        return singleStudy(yi[0], vi[0], options, extras);

    MetaAnalysisFit fit;
    fit.k = static_cast<int>(yi.size());
    fit.options = options;
    if (fit.k == 0) {
        fit.warnings.push_back("No studies to analyse.");
        return fit;
    }
    const Eigen::VectorXd y = toVector(yi);
    const Eigen::VectorXd v = toVector(vi);
    const RegressionFit model = fitMetaRegression(y, v, Eigen::MatrixXd::Ones(y.size(), 1), options);
    fit.warnings = model.warnings;
    if (!model.converged)
        return fit;

    const CoefficientTest& pooled = model.coefficients.front();
    fit.estimable = true;
    fit.estimate = pooled.estimate;
    fit.se = pooled.se;
    fit.statistic = pooled.statistic;
    fit.p = pooled.p;
    fit.ci = {pooled.ciLower, pooled.ciUpper};
    fit.tDf = model.tDf;
    fit.tau2 = model.tau2;
    fit.tau = std::sqrt(model.tau2);
    fit.i2 = model.i2;
    fit.h2 = model.h2;
    fit.q = model.qe;
    fit.qDf = model.qeDf;
    fit.qP = model.qeP;

    const double predictionSe = std::sqrt(fit.se * fit.se + fit.tau2);
    fit.prediction = {fit.estimate - model.criticalValue * predictionSe,
                      fit.estimate + model.criticalValue * predictionSe};

    if (extras.studyWeights) {
        const Eigen::ArrayXd w = (v.array() + fit.tau2).inverse();
        const double totalWeight = w.sum();
        fit.weightPercent.resize(yi.size());
        for (std::size_t i = 0; i < yi.size(); ++i)
            fit.weightPercent[i] = 100 * w(static_cast<Eigen::Index>(i)) / totalWeight;
    }

    if (extras.tau2Interval && options.estimator != Tau2Estimator::FixedEffect) {
        fit.tau2Ci = qProfileTau2Interval(yi, vi, options.level);
        if (fit.tau2Ci) {
            const auto toI2 = [&](double tau2) { return 100 * tau2 / (model.typicalVariance + tau2); };
            fit.i2Ci = Interval{toI2(fit.tau2Ci->lower), toI2(fit.tau2Ci->upper)};
        } else {
            fit.warnings.push_back("The Q-profile confidence interval for tau² could not be computed.");
        }
    }
    return fit;
}

} // namespace evident
