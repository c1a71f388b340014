// SPDX-License-Identifier: GPL-3.0-or-later
// Bracketed root finding for the monotone equations of the statistics (Paule-Mandel, Q-profile).
#pragma once

#include <functional>
#include <optional>

namespace evident {

/// Finds x in [lower, upper] with f(x) = 0, given f(lower) and f(upper) of opposite signs, by
/// Alefeld, Potra & Shi's TOMS 748 algorithm (Boost.Math), to nearly full double precision.
/// Returns nullopt when the bracket does not hold a sign change or the search fails.
std::optional<double> findRoot(const std::function<double(double)>& f, double lower, double upper);

} // namespace evident
