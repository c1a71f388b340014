// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plotdata/axisscale.h"

#include "core/report/numberformat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace evident {
namespace {

// Tolerance for "is this value on the grid", relative to the step: tick values are accumulated in
// floating point, so 0.1 + 0.2 must still count as the tick 0.3.
constexpr double gridTolerance = 1e-9;

double snap(double value, double step) {
    const double snapped = std::round(value / step) * step;
    return std::abs(snapped) < step * gridTolerance ? 0.0 : snapped;
}

int decimalsForStep(double step) {
    // Enough decimals to tell neighbouring ticks apart: 0.25 needs 2, 0.5 needs 1, 5 needs 0.
    for (int decimals = 0; decimals < 10; ++decimals) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled))
            return decimals;
    }
    return 10;
}

std::vector<double> ratioCandidates125(double lnLower, double lnUpper) {
    std::vector<double> ratios;
    const int lowPower = static_cast<int>(std::floor(lnLower / std::log(10.0))) - 1;
    const int highPower = static_cast<int>(std::ceil(lnUpper / std::log(10.0))) + 1;
    for (int power = lowPower; power <= highPower; ++power)
        for (double mantissa : {1.0, 2.0, 5.0})
            ratios.push_back(mantissa * std::pow(10.0, power));
    return ratios;
}

} // namespace

double niceStep(double span, int maxTicks) {
    maxTicks = std::max(2, maxTicks);
    if (!(span > 0) || !std::isfinite(span))
        return 1;
    const double rough = span / (maxTicks - 1);
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (double mantissa : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (mantissa * power >= rough * (1 - 1e-12))
            return mantissa * power;
    return 10 * power;
}

AxisScale niceLinearAxis(double lower, double upper, int maxTicks) {
    if (!std::isfinite(lower) || !std::isfinite(upper)) {
        lower = std::isfinite(lower) ? lower : (std::isfinite(upper) ? upper : 0.0);
        upper = lower;
    }
    if (lower > upper)
        std::swap(lower, upper);
    if (upper - lower <= 1e-12 * std::max(1.0, std::abs(upper))) {
        const double half = std::max(0.5, std::abs(lower) * 0.1);
        lower -= half;
        upper += half;
    }
    // A step that fits the rounded-out range may need one tick more than the raw range: retry with
    // fewer ticks until the outward-rounded range keeps to maxTicks.
    for (int ticks = std::max(2, maxTicks); ticks >= 2; --ticks) {
        const double step = niceStep(upper - lower, ticks);
        const double first = std::floor(lower / step + gridTolerance) * step;
        const double last = std::ceil(upper / step - gridTolerance) * step;
        const int count = static_cast<int>(std::lround((last - first) / step)) + 1;
        if (count <= std::max(2, maxTicks) || ticks == 2) {
            AxisScale scale;
            scale.min = snap(first, step);
            scale.max = snap(last, step);
            for (int i = 0; i < count; ++i) {
                const double value = snap(first + i * step, step);
                scale.ticks.push_back({value, tickLabel(value, step)});
            }
            return scale;
        }
    }
    return {};
}

AxisScale niceRatioAxis(double lnLower, double lnUpper, int maxTicks) {
    if (!std::isfinite(lnLower) || !std::isfinite(lnUpper))
        lnLower = lnUpper = 0;
    if (lnLower > lnUpper)
        std::swap(lnLower, lnUpper);
    maxTicks = std::max(3, maxTicks);
    AxisScale scale;
    scale.logarithmic = true;
    // RevMan's ratio scales: ticks symmetric about 1 on the log axis, so that a ratio and its inverse
    // lie equally far from the line of no effect. The first scale that covers the range is used.
    static const std::vector<std::vector<double>> scales = {
        {0.8, 0.9, 1, 1.1, 1.25},     {0.7, 0.85, 1, 1.2, 1.5},
        {0.5, 0.7, 1, 1.5, 2},        {0.2, 0.5, 1, 2, 5},
        {0.1, 0.2, 0.5, 1, 2, 5, 10}, {0.05, 0.2, 1, 5, 20},
        {0.01, 0.1, 1, 10, 100},      {0.001, 0.01, 0.1, 1, 10, 100, 1000},
    };
    for (const std::vector<double>& ratios : scales)
        if (std::log(ratios.front()) <= lnLower + 1e-12 && std::log(ratios.back()) >= lnUpper - 1e-12) {
            scale.min = std::log(ratios.front());
            scale.max = std::log(ratios.back());
            for (double ratio : ratios)
                scale.ticks.push_back({std::log(ratio), ratioTickLabel(ratio)});
            return withFewerTicks(scale, maxTicks);
        }
    // Beyond a factor of 1000 either way: 1-2-5 ratios over the range, thinned.
    const std::vector<double> candidates = ratioCandidates125(lnLower, lnUpper);
    double low = candidates.front();
    double high = candidates.back();
    for (double ratio : candidates)
        if (std::log(ratio) <= lnLower + 1e-12)
            low = ratio;
    for (auto it = candidates.rbegin(); it != candidates.rend(); ++it)
        if (std::log(*it) >= lnUpper - 1e-12)
            high = *it;
    scale.min = std::log(low);
    scale.max = std::log(high);
    for (double ratio : candidates)
        if (ratio >= low * (1 - 1e-12) && ratio <= high * (1 + 1e-12))
            scale.ticks.push_back({std::log(ratio), ratioTickLabel(ratio)});
    return withFewerTicks(scale, maxTicks);
}

AxisScale withFewerTicks(const AxisScale& scale, int maxTicks) {
    maxTicks = std::max(2, maxTicks);
    if (static_cast<int>(scale.ticks.size()) <= maxTicks)
        return scale;
    if (!scale.logarithmic) {
        // Nice multiples of the current step, on the same grid (so 0 and the ends stay ticks when
        // they can): [−4, 4] by 1 becomes −4, 0, 4 rather than −2.5, 0, 2.5.
        const double step =
            scale.ticks.size() > 1 ? scale.ticks[1].value - scale.ticks[0].value : scale.span();
        for (double multiple : {2.0, 4.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0}) {
            const double wider = step * multiple;
            const double first = std::ceil(scale.min / wider - gridTolerance) * wider;
            std::vector<AxisTick> candidate;
            for (double value = first; value <= scale.max + wider * gridTolerance; value += wider)
                candidate.push_back({snap(value, wider), tickLabel(snap(value, wider), step)});
            if (candidate.size() >= 2 && static_cast<int>(candidate.size()) <= maxTicks) {
                AxisScale fewer = scale;
                fewer.ticks = std::move(candidate);
                return fewer;
            }
        }
        AxisScale fewer = scale;
        fewer.ticks = {scale.ticks.front(), scale.ticks.back()};
        return fewer;
    }
    // Ratio axis: keep every n-th tick counted from the tick at 1 (or the first), so 1 stays.
    std::size_t anchor = 0;
    for (std::size_t i = 0; i < scale.ticks.size(); ++i)
        if (std::abs(scale.ticks[i].value) < 1e-12)
            anchor = i;
    for (std::size_t every = 2; every <= scale.ticks.size(); ++every) {
        AxisScale fewer = scale;
        fewer.ticks.clear();
        for (std::size_t i = 0; i < scale.ticks.size(); ++i)
            if ((i + every - anchor % every) % every == 0)
                fewer.ticks.push_back(scale.ticks[i]);
        if (static_cast<int>(fewer.ticks.size()) <= maxTicks)
            return fewer;
    }
    AxisScale fewer = scale;
    fewer.ticks = {scale.ticks[anchor]};
    return fewer;
}

std::string tickLabel(double value, double step) {
    const int decimals = decimalsForStep(step);
    if (decimals == 0 && std::abs(value) >= 10000)
        return (value < 0 ? "\u2212" : "") + formatThousands(std::llround(std::abs(value)));
    return formatFixed(value, decimals);
}

std::string ratioTickLabel(double ratio) {
    // The shortest decimal form that reads back as the ratio: 0.5, 0.05, 1, 2, 1.25.
    for (int decimals = 0; decimals < 6; ++decimals) {
        const double scaled = ratio * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled))
            return ratio >= 10000 ? formatThousands(std::llround(ratio)) : formatFixed(ratio, decimals);
    }
    return formatFixed(ratio, 6);
}

std::string formatThousands(long long value) {
    const bool negative = value < 0;
    std::string digits = std::to_string(negative ? -value : value);
    if (digits.size() > 4)
        for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
            digits.insert(static_cast<std::size_t>(i), ",");
    return (negative ? "\u2212" : "") + digits;
}

} // namespace evident
