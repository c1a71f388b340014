// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/numberformat.h"

#include <cmath>
#include <cstdio>

namespace evident {
namespace {

const char* const minusSign = "\u2212";

std::string formatWith(const char* format, double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, decimals, value);
    return buffer;
}

} // namespace

std::string formatFixed(double value, int decimals) {
    if (!std::isfinite(value))
        return std::isnan(value) ? "NA" : (value > 0 ? "\u221e" : std::string(minusSign) + "\u221e");
    std::string text = formatWith("%.*f", std::abs(value), decimals);
    const bool roundsToZero = text.find_first_not_of("0.") == std::string::npos;
    if (value < 0 && !roundsToZero)
        text = minusSign + text;
    return text;
}

std::string formatPValue(double p) {
    if (std::isnan(p))
        return "NA";
    if (p < 0.00001)
        return "< 0.00001";
    if (p < 0.001) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.1g", p);
        // %g may switch to exponent notation; write the decimal form instead.
        const double rounded = std::stod(buffer);
        const int decimals = static_cast<int>(std::ceil(-std::log10(rounded)));
        return formatWith("%.*f", rounded, decimals);
    }
    if (p < 0.1) {
        const std::string three = formatWith("%.*f", p, 3);
        if (p < 0.05 && three == "0.050")
            return formatWith("%.*f", p, 4);
        return three;
    }
    return formatWith("%.*f", p, 2);
}

std::string formatPStatement(double p) {
    const std::string value = formatPValue(p);
    return value.front() == '<' ? "P " + value : "P = " + value;
}

std::string formatCount(double n) {
    return std::abs(n - std::round(n)) < 1e-9 ? formatFixed(n, 0) : formatFixed(n, 1);
}

std::string formatPercent(double percent) {
    if (!std::isfinite(percent))
        return "NA";
    return formatWith("%.*f", percent, 0) + "%";
}

int suggestedDecimals(double typicalMagnitude) {
    const double magnitude = std::abs(typicalMagnitude);
    if (magnitude >= 100)
        return 0;
    if (magnitude >= 10)
        return 1;
    return 2;
}

} // namespace evident
