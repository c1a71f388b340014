// SPDX-License-Identifier: GPL-3.0-or-later
// The input of an analysis: the included studies' effect sizes and their covariates.
#pragma once

#include "core/effectsize/binary.h"

#include <optional>
#include <string>
#include <vector>

namespace evident {

enum class CovariateKind { Categorical, Numeric };

/// One study-level variable. Values are indexed like AnalysisData::labels; a missing value is an
/// empty string (categorical) or nullopt (numeric).
struct Covariate {
    std::string name;
    CovariateKind kind = CovariateKind::Categorical;
    std::vector<std::string> levels;            ///< Categorical values, one per study.
    std::vector<std::optional<double>> numbers; ///< Numeric values, one per study.

    /// Distinct non-empty levels in order of first appearance.
    std::vector<std::string> distinctLevels() const;
};

struct AnalysisData {
    std::vector<std::string> labels;
    std::vector<double> yi;
    std::vector<double> vi;
    std::vector<Covariate> covariates;
    /// Dichotomous outcomes: each study's 2×2 table as entered (aligned with yi; empty otherwise), for
    /// Mantel-Haenszel and Peto pooling.
    std::vector<TwoByTwo> tables;

    std::size_t size() const { return yi.size(); }
    /// The covariate with this name (case-insensitive), or nullptr.
    const Covariate* covariate(std::string_view name) const;
};

} // namespace evident
