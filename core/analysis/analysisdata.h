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
    /// The order of the levels when it is not that of the studies: prepareOutcome() lists them as they
    /// first appear in the grid, rows left out included, so a row becoming invalid (or unticked) does
    /// not reorder the subgroups. Empty: the order of the studies.
    std::vector<std::string> order;

    /// Distinct non-empty levels of the studies: those in `order` first, in its order, then the others
    /// in order of first appearance among the studies.
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
