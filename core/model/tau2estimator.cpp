// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/tau2estimator.h"

#include "core/common/text.h"

#include <array>

namespace evident {
namespace {

struct EstimatorNames {
    Tau2Estimator estimator;
    std::string_view key;
    std::string_view label;
};

constexpr std::array<EstimatorNames, 8> estimatorNames{{
    {Tau2Estimator::FixedEffect, "FE", "Fixed effect (inverse variance)"},
    {Tau2Estimator::DerSimonianLaird, "DL", "DerSimonian-Laird"},
    {Tau2Estimator::RestrictedML, "REML", "Restricted maximum likelihood"},
    {Tau2Estimator::MaximumLikelihood, "ML", "Maximum likelihood"},
    {Tau2Estimator::PauleMandel, "PM", "Paule-Mandel"},
    {Tau2Estimator::EmpiricalBayes, "EB", "Empirical Bayes"},
    {Tau2Estimator::HedgesOlkin, "HE", "Hedges (method of moments)"},
    {Tau2Estimator::SidikJonkman, "SJ", "Sidik-Jonkman"},
}};

} // namespace

std::string_view estimatorKey(Tau2Estimator estimator) {
    for (const auto& names : estimatorNames)
        if (names.estimator == estimator)
            return names.key;
    return "?";
}

std::string_view estimatorLabel(Tau2Estimator estimator) {
    for (const auto& names : estimatorNames)
        if (names.estimator == estimator)
            return names.label;
    return "?";
}

std::optional<Tau2Estimator> parseEstimator(std::string_view key) {
    for (const auto& names : estimatorNames)
        if (equalsIgnoringCase(names.key, key))
            return names.estimator;
    return std::nullopt;
}

std::string_view inferenceKey(InferenceMethod method) {
    return method == InferenceMethod::HartungKnapp ? "hksj" : "z";
}

std::optional<InferenceMethod> parseInference(std::string_view key) {
    if (equalsIgnoringCase(key, "z") || equalsIgnoringCase(key, "wald"))
        return InferenceMethod::Wald;
    if (equalsIgnoringCase(key, "hksj") || equalsIgnoringCase(key, "knha") || equalsIgnoringCase(key, "hk"))
        return InferenceMethod::HartungKnapp;
    return std::nullopt;
}

} // namespace evident
