// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/sensitivity.h"

#include "core/analysis/pooledfit.h"

#include <algorithm>
#include <numeric>

namespace evident {

std::vector<LeaveOneOutRow> leaveOneOut(const AnalysisData& data, const FitOptions& options) {
    const std::size_t k = data.size();
    std::vector<LeaveOneOutRow> rows;
    if (k < 2)
        return rows;
    rows.reserve(k);
    std::vector<std::size_t> kept(k - 1);
    for (std::size_t omitted = 0; omitted < k; ++omitted) {
        for (std::size_t i = 0, j = 0; i < k; ++i)
            if (i != omitted)
                kept[j++] = i;
        rows.push_back({omitted, fitStudies(data, kept, options, refitOnly)});
    }
    return rows;
}

std::vector<CumulativeRow> cumulativeAnalysis(const AnalysisData& data, const std::vector<std::size_t>& order,
                                              const FitOptions& options) {
    std::vector<CumulativeRow> rows;
    rows.reserve(order.size());
    std::vector<std::size_t> included;
    for (std::size_t index : order) {
        included.push_back(index);
        rows.push_back({index, fitStudies(data, included, options, refitOnly)});
    }
    return rows;
}

std::vector<std::size_t> orderByCovariate(const Covariate& covariate) {
    std::vector<std::size_t> order(covariate.numbers.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& x = covariate.numbers[a];
        const auto& y = covariate.numbers[b];
        if (x && y)
            return *x < *y;
        return x.has_value() && !y.has_value();
    });
    return order;
}

} // namespace evident
