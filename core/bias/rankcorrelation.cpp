// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/bias/rankcorrelation.h"

#include "core/bias/kendall.h"

#include <cmath>
#include <vector>

namespace evident {

std::optional<BeggTest> beggTest(std::span<const double> yi, std::span<const double> vi,
                                 std::string* reason) {
    const std::size_t k = yi.size();
    if (k < 3) {
        if (reason)
            *reason = "Begg's test needs at least 3 studies.";
        return std::nullopt;
    }
    double sumW = 0, sumWY = 0;
    for (std::size_t i = 0; i < k; ++i) {
        sumW += 1 / vi[i];
        sumWY += yi[i] / vi[i];
    }
    const double pooled = sumWY / sumW;
    const double pooledVariance = 1 / sumW;
    std::vector<double> standardised(k);
    for (std::size_t i = 0; i < k; ++i)
        standardised[i] = (yi[i] - pooled) / std::sqrt(vi[i] - pooledVariance);
    const KendallCorrelation correlation = kendallCorrelation(standardised, vi);
    if (!std::isfinite(correlation.tau)) {
        if (reason)
            *reason = "Begg's test is undefined when all studies have the same variance.";
        return std::nullopt;
    }
    return BeggTest{correlation.tau, correlation.p, correlation.exact};
}

} // namespace evident
