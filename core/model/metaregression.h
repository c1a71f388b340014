// SPDX-License-Identifier: GPL-3.0-or-later
// Weighted (mixed-effects) meta-regression: y_i = x_i'β + u_i + e_i, u_i ~ N(0, τ²), e_i ~ N(0, v_i).
// The intercept-only model is the special case X = 1. Implements metafor's rma.uni
// (Viechtbauer 2010, J Stat Softw 36(3)) for the estimators in Tau2Estimator.
#pragma once

#include "core/model/fitoptions.h"

#include <Eigen/Dense>

#include <optional>
#include <string>
#include <vector>

namespace evident {

/// Result of estimating tau² alone.
struct Tau2Estimate {
    double tau2 = 0;
    bool converged = true;
    int iterations = 0;
    std::vector<std::string> warnings;
};

/// Estimates tau² for the design X (k × p, full column rank, including the intercept column).
/// Formulas as in metafor rma.uni; for example DL: τ² = max(0, (Q − (k − p)) / tr(P)),
/// REML: Fisher scoring τ² ← τ² + (y'PPy − tr P) / tr(PP), with P = W − WX(X'WX)⁻¹X'W.
Tau2Estimate estimateTau2(const Eigen::VectorXd& y, const Eigen::VectorXd& v, const Eigen::MatrixXd& X,
                          Tau2Estimator estimator, const IterationControl& control);

/// Estimate, standard error, test and interval of one coefficient.
struct CoefficientTest {
    double estimate = 0;
    double se = 0;
    double statistic = 0; ///< z, or t for Hartung-Knapp
    double p = 0;
    double ciLower = 0;
    double ciUpper = 0;
};

/// Omnibus test of the moderators (all coefficients but the intercept): QM, chi-squared with
/// df1 = p − 1, or F(df1, df2 = k − p) under Hartung-Knapp (QM divided by df1, as metafor).
struct ModeratorTest {
    double statistic = 0;
    int df1 = 0;
    std::optional<int> df2;
    double p = 0;
};

struct RegressionFit {
    int k = 0;
    int p = 0;
    bool converged = false; ///< False when tau² could not be estimated; nothing else is then valid.
    double tau2 = 0;
    std::vector<CoefficientTest> coefficients;
    Eigen::MatrixXd covariance; ///< Var(β̂), scaled by s² under Hartung-Knapp.
    std::optional<int> tDf;     ///< Degrees of freedom of the t tests (Hartung-Knapp), else none.
    double criticalValue = 0;   ///< z or t quantile used for the intervals; NaN when df = 0.
    double qe = 0;              ///< Residual heterogeneity Q_E (fixed-effect weights).
    int qeDf = 0;
    double qeP = 1;
    double i2 = 0; ///< Percent.
    double h2 = 1;
    double typicalVariance = 0; ///< Typical within-study variance (k − p)/tr(P), metafor's vt.
    std::optional<ModeratorTest> moderators;
    std::vector<std::string> warnings;
};

/// Fits the model. X must include the intercept as its first column. On failure to estimate tau²
/// the result has converged = false and a warning that says why.
RegressionFit fitMetaRegression(const Eigen::VectorXd& y, const Eigen::VectorXd& v, const Eigen::MatrixXd& X,
                                const FitOptions& options);

/// Generalised Q statistic Q(τ²) = Σ w_i (y_i − x_i'β̂)² with w_i = 1/(v_i + τ²): the residual
/// weighted sum of squares used by Paule-Mandel and the Q-profile interval (Viechtbauer 2007).
double generalisedQ(const Eigen::VectorXd& y, const Eigen::VectorXd& v, const Eigen::MatrixXd& X,
                    double tau2);

} // namespace evident
