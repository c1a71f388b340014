// SPDX-License-Identifier: GPL-3.0-or-later
// How numbers are written in manuscript-style text, plots and reports.
#pragma once

#include <string>

namespace evident {

/// Fixed decimals with a true minus sign: formatFixed(-0.5371, 2) → "−0.54". Never "−0.00".
std::string formatFixed(double value, int decimals);

/// A P value the way RevMan and most journals print it: "< 0.00001", "0.0003", "0.049", "0.66".
/// Three decimals below 0.1 (four when three would round a value below 0.05 up to "0.050"),
/// two decimals from 0.1, one significant digit below 0.001.
std::string formatPValue(double p);

/// "P = 0.049" or "P < 0.00001".
std::string formatPStatement(double p);

/// A count of animals or events: whole ("12"), or with one decimal when a shared control group split
/// between comparisons left a fraction ("7.5").
std::string formatCount(double n);

/// A percentage rounded to a whole number: "85%".
std::string formatPercent(double percent);

/// Decimals that suit an effect of this magnitude: 2 for SMDs and small MDs, fewer for large MDs.
int suggestedDecimals(double typicalMagnitude);

} // namespace evident
