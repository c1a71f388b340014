// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/bias/kendall.h"

#include "core/common/distributions.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace evident {
namespace {

/// Sizes of the groups of equal values (only groups of 2 or more).
std::vector<double> tieGroupSizes(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    std::vector<double> sizes;
    for (std::size_t i = 0; i < values.size();) {
        std::size_t j = i + 1;
        while (j < values.size() && values[j] == values[i])
            ++j;
        if (j - i > 1)
            sizes.push_back(static_cast<double>(j - i));
        i = j;
    }
    return sizes;
}

/// Counts inversions (pairs i < j with v[i] > v[j]) while merge-sorting v.
double countInversions(std::vector<double>& v) {
    std::vector<double> buffer(v.size());
    double inversions = 0;
    for (std::size_t width = 1; width < v.size(); width *= 2) {
        for (std::size_t lo = 0; lo < v.size(); lo += 2 * width) {
            const std::size_t mid = std::min(lo + width, v.size());
            const std::size_t hi = std::min(lo + 2 * width, v.size());
            std::size_t a = lo, b = mid, out = lo;
            while (a < mid && b < hi) {
                if (v[b] < v[a]) {
                    inversions += static_cast<double>(mid - a);
                    buffer[out++] = v[b++];
                } else {
                    buffer[out++] = v[a++];
                }
            }
            while (a < mid)
                buffer[out++] = v[a++];
            while (b < hi)
                buffer[out++] = v[b++];
        }
        v.swap(buffer);
    }
    return inversions;
}

double pairsWithin(const std::vector<double>& groups) {
    double sum = 0;
    for (double t : groups)
        sum += t * (t - 1) / 2;
    return sum;
}

} // namespace

double kendallExactCdf(double q, std::size_t n) {
    const auto maxInversions = static_cast<std::ptrdiff_t>(n * (n - 1) / 2);
    if (q < 0)
        return 0;
    if (q >= static_cast<double>(maxInversions))
        return 1;
    // Probability of j inversions among the first m elements, built up m = 1..n: adding element m
    // adds 0..m−1 inversions with equal probability (a sliding-window convolution).
    std::vector<double> current(static_cast<std::size_t>(maxInversions) + 1, 0.0);
    std::vector<double> next(current.size(), 0.0);
    current[0] = 1;
    std::ptrdiff_t reach = 0;
    for (std::size_t m = 2; m <= n; ++m) {
        const auto width = static_cast<std::ptrdiff_t>(m);
        const std::ptrdiff_t newReach = reach + width - 1;
        double window = 0;
        for (std::ptrdiff_t j = 0; j <= newReach; ++j) {
            if (j <= reach)
                window += current[static_cast<std::size_t>(j)];
            if (j - width >= 0)
                window -= current[static_cast<std::size_t>(j - width)];
            next[static_cast<std::size_t>(j)] = window / static_cast<double>(m);
        }
        reach = newReach;
        current.swap(next);
    }
    const auto upTo = static_cast<std::size_t>(std::floor(q));
    return std::min(
        1.0, std::accumulate(current.begin(), current.begin() + static_cast<std::ptrdiff_t>(upTo) + 1, 0.0));
}

KendallCorrelation kendallCorrelation(std::span<const double> x, std::span<const double> y,
                                      std::size_t exactLimit) {
    const std::size_t n = x.size();
    KendallCorrelation result;
    if (n < 2)
        return result;

    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return x[a] < x[b] || (x[a] == x[b] && y[a] < y[b]); });
    double jointTies = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i + 1;
        while (j < n && x[order[j]] == x[order[i]] && y[order[j]] == y[order[i]])
            ++j;
        jointTies += static_cast<double>((j - i) * (j - i - 1) / 2);
        i = j;
    }
    std::vector<double> ySortedByX(n);
    for (std::size_t i = 0; i < n; ++i)
        ySortedByX[i] = y[order[i]];
    const double discordant = countInversions(ySortedByX);

    const std::vector<double> xTies = tieGroupSizes({x.begin(), x.end()});
    const std::vector<double> yTies = tieGroupSizes({y.begin(), y.end()});
    const double nd = static_cast<double>(n);
    const double pairs = nd * (nd - 1) / 2;
    const double tiedX = pairsWithin(xTies);
    const double tiedY = pairsWithin(yTies);
    const double s = pairs - tiedX - tiedY + jointTies - 2 * discordant;
    result.tau = s / std::sqrt((pairs - tiedX) * (pairs - tiedY));
    if (!std::isfinite(result.tau)) {
        result.tau = std::nan("");
        result.p = std::nan("");
        return result;
    }

    const bool ties = !xTies.empty() || !yTies.empty();
    if (!ties && n <= exactLimit) {
        const double concordant = std::round((result.tau + 1) * nd * (nd - 1) / 4);
        const double oneSided = concordant > nd * (nd - 1) / 4 ? 1 - kendallExactCdf(concordant - 1, n)
                                                               : kendallExactCdf(concordant, n);
        result.p = std::min(1.0, 2 * oneSided);
        result.exact = true;
        return result;
    }
    double vt = 0, vu = 0, t1 = 0, u1 = 0, t2 = 0, u2 = 0;
    for (double t : xTies) {
        vt += t * (t - 1) * (2 * t + 5);
        t1 += t * (t - 1);
        t2 += t * (t - 1) * (t - 2);
    }
    for (double u : yTies) {
        vu += u * (u - 1) * (2 * u + 5);
        u1 += u * (u - 1);
        u2 += u * (u - 1) * (u - 2);
    }
    const double varianceS = (nd * (nd - 1) * (2 * nd + 5) - vt - vu) / 18 + t1 * u1 / (2 * nd * (nd - 1))
                             + (n > 2 ? t2 * u2 / (9 * nd * (nd - 1) * (nd - 2)) : 0.0);
    result.p = normalTwoSidedP(s / std::sqrt(varianceS));
    return result;
}

} // namespace evident
