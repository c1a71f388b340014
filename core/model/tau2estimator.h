// SPDX-License-Identifier: GPL-3.0-or-later
// Between-study variance (tau²) estimators, named as in metafor's rma(method = ...).
#pragma once

#include <optional>
#include <string_view>

namespace evident {

enum class Tau2Estimator {
    FixedEffect,       ///< "FE": no between-study variance (common-effect model)
    DerSimonianLaird,  ///< "DL": DerSimonian & Laird 1986, Control Clin Trials 7:177
    RestrictedML,      ///< "REML": restricted maximum likelihood, Fisher scoring (Viechtbauer 2005)
    MaximumLikelihood, ///< "ML": maximum likelihood, Fisher scoring
    PauleMandel,       ///< "PM": Paule & Mandel 1982; generalised Q equal to its df
    EmpiricalBayes,    ///< "EB": Morris 1983 empirical Bayes
    HedgesOlkin,       ///< "HE": Hedges 1983 unweighted method of moments
    SidikJonkman,      ///< "SJ": Sidik & Jonkman 2005, one step from the crude estimate
};

std::string_view estimatorKey(Tau2Estimator estimator);
std::string_view estimatorLabel(Tau2Estimator estimator);
std::optional<Tau2Estimator> parseEstimator(std::string_view key);

/// How the confidence interval and test of the pooled effect are built.
enum class InferenceMethod {
    Wald,         ///< "z": normal-based Wald test and interval
    HartungKnapp, ///< "hksj": Hartung-Knapp-Sidik-Jonkman, t with k − p df (metafor test = "knha")
};

std::string_view inferenceKey(InferenceMethod method);
std::optional<InferenceMethod> parseInference(std::string_view key);

} // namespace evident
