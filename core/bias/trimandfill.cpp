// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/bias/trimandfill.h"

#include "core/model/metaregression.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace evident {
namespace {

std::optional<FunnelSide> estimateSide(std::span<const double> yi, std::span<const double> vi,
                                       const FitOptions& options) {
    const auto k = static_cast<Eigen::Index>(yi.size());
    Eigen::VectorXd y(k), v(k);
    Eigen::MatrixXd X(k, 2);
    for (Eigen::Index i = 0; i < k; ++i) {
        y(i) = yi[static_cast<std::size_t>(i)];
        v(i) = vi[static_cast<std::size_t>(i)];
        X(i, 0) = 1;
        X(i, 1) = std::sqrt(v(i));
    }
    FitOptions regression = options;
    regression.inference = InferenceMethod::Wald;
    const RegressionFit fit = fitMetaRegression(y, v, X, regression);
    if (!fit.converged)
        return std::nullopt;
    return fit.coefficients[1].estimate < 0 ? FunnelSide::Right : FunnelSide::Left;
}

} // namespace

std::optional<TrimAndFill> trimAndFill(std::span<const double> yi, std::span<const double> vi,
                                       const FitOptions& options, const MetaAnalysisFit& original,
                                       std::string* reason) {
    const std::size_t k = yi.size();
    const auto fail = [&](const char* why) -> std::optional<TrimAndFill> {
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    if (k < 3)
        return fail("Trim-and-fill needs at least 3 studies.");
    const auto side = estimateSide(yi, vi, options);
    if (!side)
        return fail("Trim-and-fill could not determine the side of the funnel plot.");

    // Work as if studies were missing on the left: flip the sign for the right side.
    const double sign = *side == FunnelSide::Right ? -1.0 : 1.0;
    std::vector<std::size_t> order(k);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return sign * yi[a] < sign * yi[b]; });
    std::vector<double> y(k), v(k);
    for (std::size_t i = 0; i < k; ++i) {
        y[i] = sign * yi[order[i]];
        v[i] = vi[order[i]];
    }

    FitOptions trimmedOptions = options;
    trimmedOptions.inference = InferenceMethod::Wald;
    const double kd = static_cast<double>(k);
    int k0 = 0;
    int previous = -1;
    double centre = 0;
    for (int iteration = 0; k0 != previous; ++iteration) {
        if (iteration >= 100)
            return fail("Trim-and-fill did not converge in 100 iterations.");
        previous = k0;
        const std::span<const double> keptY(y.data(), k - static_cast<std::size_t>(k0));
        const std::span<const double> keptV(v.data(), k - static_cast<std::size_t>(k0));
        const MetaAnalysisFit trimmed = fitMetaAnalysis(keptY, keptV, trimmedOptions, refitOnly);
        if (!trimmed.estimable)
            return fail("Trim-and-fill could not fit the trimmed data.");
        centre = trimmed.estimate;
        // Rank |y − centre| (ties by position, R's ties.method = "first"), then L0 =
        // (4·S_r − k(k + 1))/(2k − 1), S_r the sum of the ranks of the positive deviations.
        std::vector<std::size_t> byDistance(k);
        std::iota(byDistance.begin(), byDistance.end(), 0);
        std::stable_sort(byDistance.begin(), byDistance.end(), [&](std::size_t a, std::size_t b) {
            return std::abs(y[a] - centre) < std::abs(y[b] - centre);
        });
        double rankSumAbove = 0;
        for (std::size_t rank = 0; rank < k; ++rank)
            if (y[byDistance[rank]] - centre > 0)
                rankSumAbove += static_cast<double>(rank + 1);
        const double l0 = (4 * rankSumAbove - kd * (kd + 1)) / (2 * kd - 1);
        k0 = std::max(0, static_cast<int>(std::nearbyint(l0)));
        k0 = std::min(k0, static_cast<int>(k) - 1);
    }

    TrimAndFill result;
    result.k0 = k0;
    result.side = *side;
    if (k0 == 0) {
        result.adjusted = original;
        return result;
    }
    // Mirror the k0 most extreme studies about the trimmed estimate.
    std::vector<double> allY(yi.begin(), yi.end());
    std::vector<double> allV(vi.begin(), vi.end());
    for (std::size_t i = k - static_cast<std::size_t>(k0); i < k; ++i) {
        const double mirrored = sign * (2 * centre - y[i]);
        result.filledYi.push_back(mirrored);
        result.filledVi.push_back(v[i]);
        allY.push_back(mirrored);
        allV.push_back(v[i]);
    }
    FitOptions filledOptions = options;
    filledOptions.inference = InferenceMethod::Wald;
    result.adjusted = fitMetaAnalysis(allY, allV, filledOptions, {.tau2Interval = false});
    return result;
}

} // namespace evident
