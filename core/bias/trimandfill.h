// SPDX-License-Identifier: GPL-3.0-or-later
// Duval and Tweedie's trim-and-fill method.
#pragma once

#include "core/model/metaanalysis.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace evident {

enum class FunnelSide { Left, Right };

struct TrimAndFill {
    int k0 = 0;                         ///< Estimated number of missing studies
    FunnelSide side = FunnelSide::Left; ///< Side on which studies are missing
    std::vector<double> filledYi;       ///< The imputed (mirror-image) studies
    std::vector<double> filledVi;
    MetaAnalysisFit adjusted; ///< Model on observed plus filled studies (the original fit when k0 = 0)
};

/// Trim-and-fill with the L0 estimator (Duval & Tweedie 2000, Biometrics 56:455; JASA 95:89), as
/// metafor trimfill(): the side is where Egger-type regression on √v_i points away from (slope < 0:
/// missing on the right, else the left); the model is refitted with the same tau² estimator and,
/// as metafor does, a Wald test when studies were filled. nullopt with `reason` when k < 3 or the
/// iterations do not settle.
std::optional<TrimAndFill> trimAndFill(std::span<const double> yi, std::span<const double> vi,
                                       const FitOptions& options, const MetaAnalysisFit& original,
                                       std::string* reason);

} // namespace evident
