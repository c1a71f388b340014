// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/metaregression.h"

#include "core/common/distributions.h"
#include "core/common/rootfinding.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace evident {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// Weighted least squares through the projection P = W − WX(X'WX)⁻¹X'W, without ever forming the
/// k × k matrix P: every trace below reduces to p × p products (Searle, Casella & McCulloch 1992, ch. 6).
struct Projection {
    bool ok = false;
    VectorXd beta;
    MatrixXd xtwxInverse; ///< (X'WX)⁻¹
    VectorXd residuals;   ///< y − Xβ̂
    double rss = 0;       ///< y'Py = Σ w r²
};

Projection project(const VectorXd& y, const VectorXd& w, const MatrixXd& X) {
    Projection result;
    const MatrixXd xtwx = X.transpose() * w.asDiagonal() * X;
    const Eigen::LLT<MatrixXd> cholesky(xtwx);
    if (cholesky.info() != Eigen::Success)
        return result;
    result.xtwxInverse = cholesky.solve(MatrixXd::Identity(X.cols(), X.cols()));
    result.beta = result.xtwxInverse * (X.transpose() * w.cwiseProduct(y));
    result.residuals = y - X * result.beta;
    result.rss = w.dot(result.residuals.cwiseAbs2());
    result.ok = std::isfinite(result.rss);
    return result;
}

/// X' diag(d) X.
MatrixXd crossProduct(const MatrixXd& X, const VectorXd& d) {
    return X.transpose() * d.asDiagonal() * X;
}

/// tr(P) = Σw − tr(A X'W²X).
double traceP(const VectorXd& w, const MatrixXd& X, const MatrixXd& A) {
    return w.sum() - (A * crossProduct(X, w.cwiseAbs2())).trace();
}

/// tr(PP) = Σw² − 2 tr(A X'W³X) + tr(A X'W²X A X'W²X).
double tracePP(const VectorXd& w, const MatrixXd& X, const MatrixXd& A) {
    const VectorXd w2 = w.cwiseAbs2();
    const MatrixXd AB2 = A * crossProduct(X, w2);
    return w2.sum() - 2 * (A * crossProduct(X, w2.cwiseProduct(w))).trace() + (AB2 * AB2).trace();
}

VectorXd inverseVarianceWeights(const VectorXd& v, double tau2) {
    return (v.array() + tau2).inverse().matrix();
}

double logDeterminant(const MatrixXd& m) {
    return Eigen::LLT<MatrixXd>(m).matrixLLT().diagonal().array().log().sum() * 2;
}

/// Log-likelihood (ML) or restricted log-likelihood (REML) at tau², as metafor's ll.ML / ll.REML.
double logLikelihood(const VectorXd& y, const VectorXd& v, const MatrixXd& X, double tau2, bool restricted) {
    const VectorXd w = inverseVarianceWeights(v, tau2);
    const Projection pr = project(y, w, X);
    const double k = static_cast<double>(y.size());
    const double p = static_cast<double>(X.cols());
    const double logVariances = (v.array() + tau2).log().sum();
    if (!restricted)
        return -0.5 * k * std::log(2 * M_PI) - 0.5 * logVariances - 0.5 * pr.rss;
    return -0.5 * (k - p) * std::log(2 * M_PI) - 0.5 * logVariances - 0.5 * logDeterminant(crossProduct(X, w))
           - 0.5 * pr.rss;
}

/// Hedges (1983) unweighted method-of-moments estimate, before truncation at zero.
double hedgesOlkinRaw(const VectorXd& y, const VectorXd& v, const MatrixXd& X) {
    const VectorXd ones = VectorXd::Ones(y.size());
    const Projection ols = project(y, ones, X);
    const double tracePV = v.sum() - (ols.xtwxInverse * crossProduct(X, v)).trace();
    return (ols.rss - tracePV) / static_cast<double>(y.size() - X.cols());
}

Tau2Estimate fisherScoring(const VectorXd& y, const VectorXd& v, const MatrixXd& X, Tau2Estimator estimator,
                           const IterationControl& control) {
    const double k = static_cast<double>(y.size());
    const double p = static_cast<double>(X.cols());
    Tau2Estimate result;
    double tau2 = std::max(0.0, hedgesOlkinRaw(y, v, X)); // metafor's starting value
    double change = control.threshold + 1;
    int iteration = 0;
    while (change > control.threshold) {
        ++iteration;
        if (iteration > control.maxIterations) {
            result.converged = false;
            break;
        }
        const VectorXd w = inverseVarianceWeights(v, tau2);
        const Projection pr = project(y, w, X);
        if (!pr.ok) {
            result.converged = false;
            break;
        }
        double adjustment = 0;
        if (estimator == Tau2Estimator::MaximumLikelihood) {
            const double ytPPy = (w.cwiseProduct(pr.residuals)).squaredNorm();
            adjustment = (ytPPy - w.sum()) / w.squaredNorm();
        } else if (estimator == Tau2Estimator::RestrictedML) {
            const double ytPPy = (w.cwiseProduct(pr.residuals)).squaredNorm();
            adjustment = (ytPPy - traceP(w, X, pr.xtwxInverse)) / tracePP(w, X, pr.xtwxInverse);
        } else { // Empirical Bayes (Morris 1983)
            adjustment = (pr.rss * k / (k - p) - k) / w.sum();
        }
        if (!std::isfinite(adjustment))
            adjustment = 0;
        while (tau2 + adjustment < 0) // step halving keeps tau² inside its parameter space
            adjustment /= 2;
        const double previous = tau2;
        tau2 += adjustment;
        change = std::abs(previous - tau2);
    }
    result.iterations = iteration;
    if (!result.converged) {
        result.warnings.push_back("The " + std::string(estimatorKey(estimator))
                                  + " estimator of tau² did not converge (Fisher scoring, "
                                  + std::to_string(control.maxIterations)
                                  + " iterations). Try the DL or PM estimator.");
        result.tau2 = nan;
        return result;
    }
    // As metafor: if the likelihood at tau² = 0 is clearly higher, the iterations stopped at a
    // local maximum, and tau² = 0 is the estimate.
    if (estimator != Tau2Estimator::EmpiricalBayes) {
        const bool restricted = estimator == Tau2Estimator::RestrictedML;
        const double atZero = logLikelihood(y, v, X, 0, restricted);
        const double atEstimate = logLikelihood(y, v, X, tau2, restricted);
        const double tolerance = std::pow(std::numeric_limits<double>::epsilon(), 0.25);
        if (atZero - atEstimate > tolerance && tau2 > control.threshold) {
            result.warnings.push_back("Fisher scoring may have stopped at a local maximum of the likelihood; "
                                      "tau² was set to 0.");
            tau2 = 0;
        }
    }
    result.tau2 = std::max(0.0, tau2);
    return result;
}

Tau2Estimate pauleMandel(const VectorXd& y, const VectorXd& v, const MatrixXd& X) {
    Tau2Estimate result;
    const double target = static_cast<double>(y.size() - X.cols());
    const auto excess = [&](double tau2) { return generalisedQ(y, v, X, tau2) - target; };
    if (excess(0) < 0) {
        result.tau2 = 0;
        return result;
    }
    // Q(τ²) decreases monotonically to 0, so widening the bracket always finds the root.
    double upper = 100;
    while (excess(upper) > 0 && upper < 1e15)
        upper *= 10;
    const auto root = findRoot(excess, 0, upper);
    if (!root) {
        result.converged = false;
        result.tau2 = nan;
        result.warnings.push_back("The Paule-Mandel estimator of tau² could not be found.");
        return result;
    }
    result.tau2 = *root;
    return result;
}

} // namespace

double generalisedQ(const VectorXd& y, const VectorXd& v, const MatrixXd& X, double tau2) {
    return project(y, inverseVarianceWeights(v, tau2), X).rss;
}

Tau2Estimate estimateTau2(const VectorXd& y, const VectorXd& v, const MatrixXd& X, Tau2Estimator estimator,
                          const IterationControl& control) {
    const double k = static_cast<double>(y.size());
    const double p = static_cast<double>(X.cols());
    Tau2Estimate result;
    if (estimator == Tau2Estimator::FixedEffect || y.size() <= 1)
        return result; // tau² = 0 (metafor uses tau² = 0 whenever k = 1)
    switch (estimator) {
    case Tau2Estimator::DerSimonianLaird: {
        const VectorXd w = v.cwiseInverse();
        const Projection pr = project(y, w, X);
        result.tau2 = (pr.rss - (k - p)) / traceP(w, X, pr.xtwxInverse);
        break;
    }
    case Tau2Estimator::HedgesOlkin:
        result.tau2 = hedgesOlkinRaw(y, v, X);
        break;
    case Tau2Estimator::SidikJonkman: {
        // Crude start τ₀² = Σ(y − ȳ)²/k, then one weighted step (Sidik & Jonkman 2005, J R Stat Soc C
        // 54:367).
        const double tau0 = (y.array() - y.mean()).square().sum() / k;
        const Projection pr = project(y, inverseVarianceWeights(v, tau0), X);
        result.tau2 = tau0 * pr.rss / (k - p);
        break;
    }
    case Tau2Estimator::PauleMandel:
        result = pauleMandel(y, v, X);
        break;
    case Tau2Estimator::RestrictedML:
    case Tau2Estimator::MaximumLikelihood:
    case Tau2Estimator::EmpiricalBayes:
        result = fisherScoring(y, v, X, estimator, control);
        break;
    case Tau2Estimator::FixedEffect:
        break;
    }
    if (result.converged)
        result.tau2 = std::max(0.0, result.tau2);
    return result;
}

RegressionFit fitMetaRegression(const VectorXd& y, const VectorXd& v, const MatrixXd& X,
                                const FitOptions& options) {
    RegressionFit fit;
    fit.k = static_cast<int>(y.size());
    fit.p = static_cast<int>(X.cols());
    const double k = fit.k;
    const double p = fit.p;

    if (fit.k < fit.p || fit.k == 0) {
        fit.warnings.push_back("Too few studies (" + std::to_string(fit.k) + ") for a model with "
                               + std::to_string(fit.p) + " coefficients.");
        return fit;
    }
    if (Eigen::ColPivHouseholderQR<MatrixXd>(X).rank() < fit.p) {
        fit.warnings.push_back("The model matrix is not of full rank; a moderator is redundant.");
        return fit;
    }
    // metafor warns at the same ratio (control evtol = 1e-7).
    if (v.maxCoeff() / v.minCoeff() >= 1e7)
        fit.warnings.push_back("The largest sampling variance is over 10 million times the smallest; "
                               "results may be numerically unstable.");

    Tau2Estimate tau2 = estimateTau2(y, v, X, options.estimator, options.iteration);
    fit.warnings.insert(fit.warnings.end(), tau2.warnings.begin(), tau2.warnings.end());
    if (!tau2.converged)
        return fit;
    fit.tau2 = tau2.tau2;

    const VectorXd w = inverseVarianceWeights(v, fit.tau2);
    const Projection pr = project(y, w, X);
    if (!pr.ok) {
        fit.warnings.push_back("The weighted model could not be fitted (singular weights).");
        return fit;
    }
    fit.covariance = pr.xtwxInverse;

    const bool hartungKnapp = options.inference == InferenceMethod::HartungKnapp;
    if (hartungKnapp) {
        if (options.estimator == Tau2Estimator::FixedEffect)
            fit.warnings.push_back("The Hartung-Knapp method is meant for random-effects models, not the "
                                   "fixed-effect model.");
        // s² = Q(τ̂²)/(k − p) (Hartung & Knapp 2001, Stat Med 20:3875; Sidik & Jonkman 2002).
        const double s2 = pr.rss <= std::numeric_limits<double>::epsilon() ? 0.0 : pr.rss / (k - p);
        fit.covariance *= s2;
        fit.tDf = fit.k - fit.p;
    }
    const double alpha = 1 - options.level;
    if (fit.tDf)
        fit.criticalValue = *fit.tDf > 0 ? studentTQuantile(1 - alpha / 2, *fit.tDf) : nan;
    else
        fit.criticalValue = normalQuantile(1 - alpha / 2);

    for (int j = 0; j < fit.p; ++j) {
        CoefficientTest c;
        c.estimate = pr.beta(j);
        c.se = std::sqrt(fit.covariance(j, j));
        c.statistic = c.estimate / c.se;
        if (fit.tDf)
            c.p = *fit.tDf > 0 ? studentTTwoSidedP(c.statistic, *fit.tDf) : nan;
        else
            c.p = normalTwoSidedP(c.statistic);
        c.ciLower = c.estimate - fit.criticalValue * c.se;
        c.ciUpper = c.estimate + fit.criticalValue * c.se;
        fit.coefficients.push_back(c);
    }

    if (fit.p > 1) {
        const int m = fit.p - 1;
        const VectorXd b = pr.beta.tail(m);
        const MatrixXd vb = fit.covariance.bottomRightCorner(m, m);
        ModeratorTest test;
        test.df1 = m;
        test.statistic = b.dot(vb.llt().solve(b));
        if (fit.tDf) {
            test.statistic /= m;
            test.df2 = *fit.tDf;
            test.p = *fit.tDf > 0 ? fUpperTail(test.statistic, m, *fit.tDf) : nan;
        } else {
            test.p = chiSquaredUpperTail(test.statistic, m);
        }
        fit.moderators = test;
    }

    // Heterogeneity with fixed-effect weights (Cochran's Q, Higgins & Thompson 2002 I² and H²).
    if (fit.k > fit.p) {
        const VectorXd wFixed = v.cwiseInverse();
        const Projection fixed = project(y, wFixed, X);
        fit.qe = std::max(0.0, fixed.rss);
        fit.qeDf = fit.k - fit.p;
        fit.qeP = chiSquaredUpperTail(fit.qe, fit.qeDf);
        fit.typicalVariance = (k - p) / traceP(wFixed, X, fixed.xtwxInverse);
        if (options.estimator == Tau2Estimator::FixedEffect) {
            fit.i2 = fit.qe > 0 ? std::max(0.0, 100 * (fit.qe - (k - p)) / fit.qe) : 0.0;
            fit.h2 = fit.qe / (k - p);
        } else {
            fit.i2 = 100 * fit.tau2 / (fit.typicalVariance + fit.tau2);
            fit.h2 = fit.tau2 / fit.typicalVariance + 1;
        }
    }
    fit.converged = true;
    return fit;
}

} // namespace evident
