// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tsa/sequentialdensity.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace evident {
namespace {

constexpr double inverseSqrt2Pi = 0.39894228040143267794; // 1/√(2π)

double density(double x) {
    return inverseSqrt2Pi * std::exp(-0.5 * x * x);
}

/// 1 − Φ(x) through erfc, accurate far into the upper tail.
double upperTail(double x) {
    return 0.5 * std::erfc(x * std::numbers::sqrt2 / 2);
}

/// Beyond 8.5 standard deviations the normal density is below 2e-16 of its peak: the terms are skipped
/// (they change no probability by more than 1e-16 of its value).
constexpr double kernelCutoff = 8.5;

/// Half-width, in Z units around the mean, of the evenly spaced part of the grid.
constexpr double evenHalfWidth = 8.0;

} // namespace

void SequentialDensity::buildGrid(double lower, double upper, int resolution) {
    // Jennison & Turnbull (2000) §19.2.1: points evenly spaced (3/(2r) apart) around the mean and
    // logarithmically spaced in the tails (r − 1 points out to 4 ln r beyond the even part); points outside
    // the continuation region are replaced by the region's end. J&T space evenly within ±3; Evident goes to
    // ±8 so that boundaries for tiny alpha increments (Z up to 6, with small information steps) are
    // integrated as finely as the ordinary ones. Regions of ordinary boundaries are clipped well inside.
    const int r = std::max(resolution, 2);
    const double mean = m_drift * std::sqrt(m_information);
    const double step = 3.0 / (2.0 * r);
    const int halfCount = static_cast<int>(std::ceil(evenHalfWidth / step));
    const double halfWidth = halfCount * step;
    std::vector<double> points;
    points.reserve(static_cast<std::size_t>(2 * halfCount + 2 * r));
    for (int i = 1; i < r; ++i)
        points.push_back(mean - halfWidth - 4 * std::log(static_cast<double>(r) / i));
    const auto firstEven = points.size();
    for (int i = -halfCount; i <= halfCount; ++i)
        points.push_back(mean + step * i);
    const auto lastEven = points.size() - 1;
    for (int i = r - 1; i >= 1; --i)
        points.push_back(mean + halfWidth + 4 * std::log(static_cast<double>(r) / i));
    std::vector<double> clipped;
    clipped.reserve(points.size() + 2);
    // Positions in `clipped` of the first and last evenly spaced point.
    std::size_t firstCentral = SIZE_MAX;
    std::size_t lastCentral = 0;
    if (std::isfinite(lower) && lower > points.front())
        clipped.push_back(lower);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double x = points[i];
        if (x > lower && x < upper) {
            if (i >= firstEven && i <= lastEven) {
                firstCentral = std::min(firstCentral, clipped.size());
                lastCentral = clipped.size();
            }
            clipped.push_back(x);
        }
    }
    if (std::isfinite(upper) && upper < points.back())
        clipped.push_back(upper);
    m_uniformFirst = 0;
    m_uniformLast = 0;
    if (firstCentral != SIZE_MAX && lastCentral > firstCentral) {
        // Central points and the mid-points between them are evenly spaced (step/2).
        m_uniformFirst = 2 * firstCentral;
        m_uniformLast = 2 * lastCentral;
    }
    if (clipped.size() < 2) {
        // The region is narrower than one grid step (or empty): integrate over it with one Simpson panel.
        clipped.clear();
        m_uniformFirst = m_uniformLast = 0;
        if (upper > lower) {
            clipped.push_back(std::max(lower, points.front()));
            clipped.push_back(std::min(upper, points.back()));
        }
    }

    // Composite Simpson's rule: each panel [x_i, x_{i+1}] gets its mid-point; weights d/6, 4d/6, d/6.
    m_nodes.clear();
    m_weights.clear();
    if (clipped.size() < 2)
        return;
    const std::size_t panels = clipped.size() - 1;
    m_nodes.resize(2 * panels + 1);
    m_weights.assign(2 * panels + 1, 0.0);
    for (std::size_t i = 0; i < panels; ++i) {
        const double width = clipped[i + 1] - clipped[i];
        m_nodes[2 * i] = clipped[i];
        m_nodes[2 * i + 1] = 0.5 * (clipped[i] + clipped[i + 1]);
        m_weights[2 * i] += width / 6;
        m_weights[2 * i + 1] += 4 * width / 6;
        m_weights[2 * i + 2] += width / 6;
    }
    m_nodes[2 * panels] = clipped[panels];
}

SequentialDensity SequentialDensity::first(double information, double drift, double lower, double upper,
                                           int resolution) {
    SequentialDensity result(information, drift);
    result.buildGrid(lower, upper, resolution);
    const double mean = drift * std::sqrt(information);
    result.m_weightedDensity.resize(result.m_nodes.size());
    for (std::size_t i = 0; i < result.m_nodes.size(); ++i)
        result.m_weightedDensity[i] = result.m_weights[i] * density(result.m_nodes[i] - mean);
    return result;
}

SequentialDensity SequentialDensity::next(double information, double lower, double upper,
                                          int resolution) const {
    SequentialDensity result(information, m_drift);
    result.buildGrid(lower, upper, resolution);
    const double increment = information - m_information;
    const double sdIncrement = std::sqrt(increment);
    const double rootNow = std::sqrt(information);
    const double rootBefore = std::sqrt(m_information);
    const double shift = m_drift * increment;
    const double scale = rootNow / sdIncrement;
    const double reach = kernelCutoff * sdIncrement;

    // Work on the S scale: previous nodes s_j = y_j√t_{k−1}; new nodes c_i = z_i√t_k − θΔ. The kernel is
    // φ((c_i − s_j)/√Δ).
    const std::size_t previousCount = m_nodes.size();
    std::vector<double> previousS(previousCount);
    for (std::size_t j = 0; j < previousCount; ++j)
        previousS[j] = m_nodes[j] * rootBefore;
    const std::size_t count = result.m_nodes.size();
    std::vector<double> centre(count);
    for (std::size_t i = 0; i < count; ++i)
        centre[i] = result.m_nodes[i] * rootNow - shift;
    std::vector<double> sum(count, 0.0);

    // Evenly spaced new nodes (step h): the kernel obeys K_{i+1,j} = K_{i,j}·P_i·R_j with
    // P_i = exp(−(c_{i+1}² − c_i²)/(2Δ)) and R_j = exp(h·s_j/Δ), so one exponential per node replaces one
    // per pair of nodes. Each previous node starts at its nearest new node and walks outwards until the
    // kernel is negligible.
    const std::size_t first = result.m_uniformFirst;
    const std::size_t last = result.m_uniformLast;
    const bool hasRun = last > first + 1;
    std::vector<char> direct(previousCount, hasRun ? 0 : 1);
    if (hasRun) {
        const double step = (centre[last] - centre[first]) / static_cast<double>(last - first);
        std::vector<double> ratio(last - first);
        std::vector<double> inverseRatio(last - first);
        for (std::size_t i = first; i < last; ++i) {
            const double exponent = (centre[i + 1] * centre[i + 1] - centre[i] * centre[i]) / (2 * increment);
            ratio[i - first] = std::exp(-exponent);
            inverseRatio[i - first] = std::exp(exponent);
        }
        for (std::size_t j = 0; j < previousCount; ++j) {
            const double weight = m_weightedDensity[j];
            if (weight == 0)
                continue;
            const double s = previousS[j];
            const double exponent = step * s / increment;
            if (std::abs(exponent) > 600) { // the factors would overflow: evaluate this node directly
                direct[j] = 1;
                continue;
            }
            const double rj = std::exp(exponent);
            const double inverseRj = std::exp(-exponent);
            const auto nearest = std::lower_bound(centre.begin() + static_cast<std::ptrdiff_t>(first),
                                                  centre.begin() + static_cast<std::ptrdiff_t>(last) + 1, s);
            auto start = static_cast<std::size_t>(nearest - centre.begin());
            start = std::min(start, last);
            if (start > first && s - centre[start - 1] < centre[start] - s)
                --start;
            const double atStart = density((centre[start] - s) / sdIncrement);
            if (atStart == 0)
                continue;
            sum[start] += weight * atStart;
            double kernel = atStart;
            for (std::size_t i = start; i < last && centre[i + 1] - s <= reach; ++i) {
                kernel *= ratio[i - first] * rj; // the product does not wait for the previous kernel
                sum[i + 1] += weight * kernel;
            }
            kernel = atStart;
            for (std::size_t i = start; i > first && s - centre[i - 1] <= reach; --i) {
                kernel *= inverseRatio[i - 1 - first] * inverseRj;
                sum[i - 1] += weight * kernel;
            }
        }
    }

    // Everything else pair by pair: new nodes outside the even run, and previous nodes set aside above.
    std::vector<std::size_t> setAside;
    for (std::size_t j = 0; j < previousCount; ++j)
        if (direct[j])
            setAside.push_back(j);
    for (std::size_t i = 0; i < count; ++i) {
        if (hasRun && i >= first && i <= last) {
            for (const std::size_t j : setAside)
                if (std::abs(centre[i] - previousS[j]) <= reach)
                    sum[i] += m_weightedDensity[j] * density((centre[i] - previousS[j]) / sdIncrement);
            continue;
        }
        const auto begin = std::lower_bound(previousS.begin(), previousS.end(), centre[i] - reach);
        const auto end = std::upper_bound(begin, previousS.end(), centre[i] + reach);
        for (auto it = begin; it != end; ++it)
            sum[i] += m_weightedDensity[static_cast<std::size_t>(it - previousS.begin())]
                      * density((centre[i] - *it) / sdIncrement);
    }
    result.m_weightedDensity.resize(count);
    for (std::size_t i = 0; i < count; ++i)
        result.m_weightedDensity[i] = result.m_weights[i] * scale * sum[i];
    return result;
}

double SequentialDensity::exitAbove(double nextInformation, double z) const {
    return z == INFINITY ? 0.0 : exitTail(nextInformation, z, 1.0);
}

double SequentialDensity::exitBelow(double nextInformation, double z) const {
    return z == -INFINITY ? 0.0 : exitTail(nextInformation, z, -1.0);
}

double SequentialDensity::exitTail(double nextInformation, double z, double direction) const {
    // Σ_j w_j g(y_j) · Φ̄(±(z√t_k − y_j√t_{k−1} − θΔ)/√Δ): the upper tail for +1, the lower for −1.
    const double increment = nextInformation - m_information;
    const double sdIncrement = std::sqrt(increment);
    const double target = z * std::sqrt(nextInformation) - m_drift * increment;
    const double rootBefore = std::sqrt(m_information);
    double sum = 0;
    for (std::size_t j = 0; j < m_nodes.size(); ++j)
        sum += m_weightedDensity[j] * upperTail(direction * (target - m_nodes[j] * rootBefore) / sdIncrement);
    return sum;
}

double SequentialDensity::exitAboveSlope(double nextInformation, double z) const {
    const double increment = nextInformation - m_information;
    const double sdIncrement = std::sqrt(increment);
    const double rootNext = std::sqrt(nextInformation);
    const double target = z * rootNext - m_drift * increment;
    const double rootBefore = std::sqrt(m_information);
    double sum = 0;
    for (std::size_t j = 0; j < m_nodes.size(); ++j)
        sum += m_weightedDensity[j] * density((target - m_nodes[j] * rootBefore) / sdIncrement);
    return -sum * rootNext / sdIncrement;
}

double SequentialDensity::mass() const {
    double sum = 0;
    for (const double value : m_weightedDensity)
        sum += value;
    return sum;
}

} // namespace evident
