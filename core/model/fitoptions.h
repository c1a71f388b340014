// SPDX-License-Identifier: GPL-3.0-or-later
// Options shared by every model fit.
#pragma once

#include "core/effectsize/binary.h"
#include "core/model/tau2estimator.h"

namespace evident {

/// Convergence settings of the iterative tau² estimators (REML, ML, EB Fisher scoring).
/// metafor's defaults are threshold 1e-5 and 100 iterations; Evident iterates to 1e-10 so that
/// its answers are the exact optimum, not an early stop (the R reference script does the same).
struct IterationControl {
    double threshold = 1e-10;
    int maxIterations = 1000;
};

/// How the studies of a dichotomous outcome are pooled (core/analysis/pooledfit.h); continuous and
/// generic outcomes always use inverse variance.
struct PoolingOptions {
    PoolingMethod method = PoolingMethod::InverseVariance;
    BinaryMeasure measure = BinaryMeasure::OddsRatio;
    /// Add the zero-cell correction inside the Mantel-Haenszel sums too (RevMan 5, Stata metan).
    bool revMan5Convention = false;
    DoubleZeroRule doubleZero = DoubleZeroRule::DropForRatios;
};

struct FitOptions {
    Tau2Estimator estimator = Tau2Estimator::RestrictedML;
    InferenceMethod inference = InferenceMethod::Wald;
    double level = 0.95; ///< Confidence level of every interval.
    IterationControl iteration;
    PoolingOptions pooling;
};

} // namespace evident
