// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/rootfinding.h"

#include <boost/math/tools/roots.hpp>
#include <boost/math/tools/toms748_solve.hpp>

#include <cmath>
#include <cstdint>

namespace evident {

std::optional<double> findRoot(const std::function<double(double)>& f, double lower, double upper) {
    const double fLower = f(lower);
    const double fUpper = f(upper);
    if (!std::isfinite(fLower) || !std::isfinite(fUpper))
        return std::nullopt;
    if (fLower == 0)
        return lower;
    if (fUpper == 0)
        return upper;
    if ((fLower > 0) == (fUpper > 0))
        return std::nullopt;
    std::uintmax_t maxIterations = 500;
    try {
        const auto bracket = boost::math::tools::toms748_solve(
            f, lower, upper, fLower, fUpper, boost::math::tools::eps_tolerance<double>(50), maxIterations);
        return 0.5 * (bracket.first + bracket.second);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace evident
