// SPDX-License-Identifier: GPL-3.0-or-later
// Axis ranges and "nice" tick marks for Evident's figures. Everything a figure shows on an axis is
// decided here, in plain C++, so that it is the same on screen, in every export format and in the CLI.
#pragma once

#include <string>
#include <vector>

namespace evident {

struct AxisTick {
    double value = 0;  ///< In axis coordinates (the log of the ratio on a ratio axis)
    std::string label; ///< As printed ("0.5", "−2", "1,000")
};

struct AxisScale {
    double min = 0;
    double max = 1;
    bool logarithmic = false; ///< Coordinates are natural logs; labels show the ratios
    std::vector<AxisTick> ticks;

    double span() const { return max - min; }
    /// Fraction of the way from min to max (0 at min, 1 at max).
    double fraction(double value) const { return (value - min) / (max - min); }
};

/// A step of 1, 2, 2.5 or 5 times a power of ten that divides `span` into at most `maxTicks` − 1
/// intervals (Heckbert 1990, "Nice numbers for graph labels", Graphics Gems I, p. 61, with 2.5 added).
double niceStep(double span, int maxTicks);

/// A linear axis covering [lower, upper], its ends rounded outward to the tick step; ticks at every
/// step. `maxTicks` ≥ 2. A zero or non-finite span is widened to a unit around the value.
AxisScale niceLinearAxis(double lower, double upper, int maxTicks = 6);

/// A ratio axis for log-scale data covering [lnLower, lnUpper] (natural logs), with RevMan's scales
/// symmetric about 1 (0.5, 0.7, 1, 1.5, 2; 0.2, 0.5, 1, 2, 5; 0.01, 0.1, 1, 10, 100; …), the smallest
/// that covers the range (its ends are the axis ends); 1-2-5 ratios beyond a factor of 1000, thinned
/// to `maxTicks` around 1.
AxisScale niceRatioAxis(double lnLower, double lnUpper, int maxTicks = 6);

/// The same axis with at most `maxTicks` ticks: an axis that has to fit a narrow figure. Keeps the
/// range; linear axes are re-niced inside it, ratio axes keep every other tick, always keeping 0 (1).
AxisScale withFewerTicks(const AxisScale& scale, int maxTicks);

/// Tick label of a linear axis: the value with just enough decimals for the step, a true minus sign,
/// and thousands separators from 10,000 ("12,500"; four-digit numbers stay "2500", as journals print them).
std::string tickLabel(double value, double step);

/// Tick label of a ratio axis for the ratio `ratio` ("0.5", "1", "2", "10").
std::string ratioTickLabel(double ratio);

/// Whole numbers, with thousands separators from 10,000: 2500 → "2500", 12345 → "12,345".
std::string formatThousands(long long value);

} // namespace evident
