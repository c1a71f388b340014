// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/bias/failsafen.h"

#include "core/common/distributions.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace evident {

std::optional<FailSafeN> rosenthalFailSafeN(std::span<const double> yi, std::span<const double> vi,
                                            std::string* reason, double alpha) {
    const auto k = static_cast<double>(yi.size());
    if (yi.empty()) {
        if (reason)
            *reason = "The fail-safe N needs at least one study.";
        return std::nullopt;
    }
    double sumZ = 0;
    for (std::size_t i = 0; i < yi.size(); ++i)
        sumZ += yi[i] / std::sqrt(vi[i]);
    const double combined = std::abs(sumZ / std::sqrt(k));
    const double critical = normalQuantile(1 - alpha);
    double n = std::max(0.0, k * std::pow(combined / critical, 2) - k);
    // Round up, unless it is an integer up to rounding error (as metafor).
    const double tolerance = std::sqrt(std::numeric_limits<double>::epsilon());
    n = std::abs(n - std::round(n)) >= tolerance ? std::ceil(n) : std::round(n);
    return FailSafeN{n, normalUpperTail(combined)};
}

} // namespace evident
