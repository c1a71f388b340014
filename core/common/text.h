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
/// `text` (UTF-8) followed by spaces up to `width` characters (code points), for plain-text tables:
/// "µg" is one column wide, not two bytes. Longer text is kept whole.
std::string paddedRight(std::string_view text, std::size_t width);
/// The number of code points of UTF-8 `text`.
std::size_t codePointCount(std::string_view text);

/// Parses a whole string as a finite decimal number ("1.5", "-2e-3", " 7 "). Rejects trailing
/// text, "nan" and "inf", so a typo never becomes a number.
std::optional<double> parseNumber(std::string_view text);

/// Formats with 17 significant digits, enough to round-trip a double exactly.
std::string formatFullPrecision(double value);

/// The shortest text that reads back as the same double ("2.1", not "2.1000000000000001"): how a number
/// the user typed is echoed back in explanations.
std::string formatShortest(double value);

/// Rounds to a few significant digits for explanations shown to the user ("5.94", "0.0123", "1234"),
/// without trailing zeros and without an exponent unless the magnitude is extreme.
std::string formatSignificant(double value, int significantDigits = 4);

} // namespace evident
