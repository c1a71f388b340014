// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/modelchoice.h"

#include "core/common/text.h"

#include <array>

namespace evident {
namespace {

// The models that are not inverse variance, with their keys. Inverse-variance models are keyed by their
// estimator alone.
struct NamedModel {
    std::string_view key;
    ModelChoice choice;
};
constexpr std::array<NamedModel, 3> namedModels{{
    {"MH", {PoolingMethod::MantelHaenszel, Tau2Estimator::FixedEffect}},
    {"MH-DL", {PoolingMethod::MantelHaenszel, Tau2Estimator::DerSimonianLaird}},
    {"PETO", {PoolingMethod::Peto, Tau2Estimator::FixedEffect}},
}};

// In the order menus offer them: the usual random-effects estimators first, fixed effect last.
constexpr std::array<Tau2Estimator, 8> allEstimators{
    Tau2Estimator::RestrictedML,      Tau2Estimator::DerSimonianLaird, Tau2Estimator::PauleMandel,
    Tau2Estimator::MaximumLikelihood, Tau2Estimator::EmpiricalBayes,   Tau2Estimator::HedgesOlkin,
    Tau2Estimator::SidikJonkman,      Tau2Estimator::FixedEffect};

} // namespace

std::string modelKey(const ModelChoice& choice) {
    for (const NamedModel& model : namedModels)
        if (model.choice == choice)
            return std::string(model.key);
    if (choice.pooling == PoolingMethod::InverseVariance)
        return std::string(estimatorKey(choice.estimator));
    // A pooling method with an estimator it is not offered with (a hand-edited file): say both.
    return std::string(poolingKey(choice.pooling)) + "-" + std::string(estimatorKey(choice.estimator));
}

std::optional<ModelChoice> parseModelKey(std::string_view key) {
    for (const NamedModel& model : namedModels)
        if (equalsIgnoringCase(model.key, key))
            return model.choice;
    if (const auto estimator = parseEstimator(key))
        return ModelChoice{PoolingMethod::InverseVariance, *estimator};
    return std::nullopt;
}

std::vector<std::string> modelKeys() {
    std::vector<std::string> keys;
    for (Tau2Estimator estimator : allEstimators)
        keys.emplace_back(estimatorKey(estimator));
    for (const NamedModel& model : namedModels)
        keys.emplace_back(model.key);
    return keys;
}

std::vector<Tau2Estimator> estimatorsOf(PoolingMethod pooling) {
    switch (pooling) {
    case PoolingMethod::InverseVariance:
        return {allEstimators.begin(), allEstimators.end()};
    case PoolingMethod::MantelHaenszel:
        return {Tau2Estimator::DerSimonianLaird, Tau2Estimator::FixedEffect};
    case PoolingMethod::Peto:
        break;
    }
    return {Tau2Estimator::FixedEffect};
}

} // namespace evident
