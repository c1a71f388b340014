// SPDX-License-Identifier: GPL-3.0-or-later
// Small string helpers shared by the core (ASCII only: keys, column names, option values).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace evident {

bool equalsIgnoringCase(std::string_view a, std::string_view b);
std::string toLowerAscii(std::string_view text);
std::string_view trimmed(std::string_view text);

/// Parses a whole string as a finite decimal number ("1.5", "-2e-3", " 7 "). Rejects trailing
/// text, "nan" and "inf", so a typo never becomes a number.
std::optional<double> parseNumber(std::string_view text);

/// Formats with 17 significant digits, enough to round-trip a double exactly.
std::string formatFullPrecision(double value);

} // namespace evident
