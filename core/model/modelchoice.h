// SPDX-License-Identifier: GPL-3.0-or-later
// The model of a meta-analysis as one choice: how the studies are pooled and with which τ² estimator.
// Its key is what `evident-cli --method` takes and what the JSON's "method" reports.
#pragma once

#include "core/effectsize/effectmeasure.h"
#include "core/model/tau2estimator.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evident {

struct ModelChoice {
    PoolingMethod pooling = PoolingMethod::InverseVariance;
    Tau2Estimator estimator = Tau2Estimator::RestrictedML;

    bool operator==(const ModelChoice&) const = default;
};

/// The key of a model: the τ² estimator's key under inverse variance ("REML", "FE"), "MH" for
/// Mantel-Haenszel (fixed effect, metafor rma.mh), "MH-DL" for RevMan's "M-H, Random" (DerSimonian-Laird
/// around the M-H estimate) and "PETO" for the Peto odds ratio.
std::string modelKey(const ModelChoice& choice);
/// Parses a key case-insensitively; nullopt when unknown.
std::optional<ModelChoice> parseModelKey(std::string_view key);
/// Every key, inverse-variance estimators first: "REML, DL, …, FE, MH, MH-DL, PETO".
std::vector<std::string> modelKeys();
/// The τ² estimators a pooling method is offered with: all of them under inverse variance;
/// DerSimonian-Laird and fixed effect under Mantel-Haenszel (RevMan's choices); fixed effect only for Peto.
std::vector<Tau2Estimator> estimatorsOf(PoolingMethod pooling);

} // namespace evident
