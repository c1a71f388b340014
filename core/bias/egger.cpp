// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/bias/egger.h"

#include "core/common/distributions.h"

#include <Eigen/Dense>

#include <cmath>

namespace evident {

std::optional<EggerTest> eggerTest(std::span<const double> yi, std::span<const double> vi,
                                   std::string* reason) {
    const auto k = static_cast<Eigen::Index>(yi.size());
    if (k < 3) {
        if (reason)
            *reason = "Egger's test needs at least 3 studies.";
        return std::nullopt;
    }
    Eigen::MatrixXd X(k, 2);
    Eigen::VectorXd y(k);
    Eigen::VectorXd w(k);
    for (Eigen::Index i = 0; i < k; ++i) {
        X(i, 0) = 1;
        X(i, 1) = std::sqrt(vi[static_cast<std::size_t>(i)]);
        y(i) = yi[static_cast<std::size_t>(i)];
        w(i) = 1 / vi[static_cast<std::size_t>(i)];
    }
    const Eigen::Matrix2d xtwx = X.transpose() * w.asDiagonal() * X;
    const Eigen::LDLT<Eigen::Matrix2d> decomposition(xtwx);
    if (decomposition.info() != Eigen::Success
        || std::abs(xtwx.determinant()) <= 1e-12 * xtwx.squaredNorm()) {
        if (reason)
            *reason = "Egger's test is undefined when all studies have the same standard error.";
        return std::nullopt;
    }
    const Eigen::Matrix2d inverse = decomposition.solve(Eigen::Matrix2d::Identity());
    const Eigen::Vector2d beta = inverse * (X.transpose() * w.cwiseProduct(y));
    const Eigen::VectorXd residuals = y - X * beta;
    const double sigma2 = w.dot(residuals.cwiseAbs2()) / static_cast<double>(k - 2);

    EggerTest test;
    test.bias = beta(1);
    test.se = std::sqrt(sigma2 * inverse(1, 1));
    test.statistic = test.bias / test.se;
    test.df = static_cast<int>(k - 2);
    test.p = studentTTwoSidedP(test.statistic, test.df);
    test.limitEstimate = beta(0);
    return test;
}

} // namespace evident
