// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/distributions.h"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <limits>

namespace evident {
namespace {

namespace bmp = boost::math::policies;
// Report domain and overflow errors as NaN/infinity rather than exceptions.
using QuietPolicy = bmp::policy<bmp::domain_error<bmp::ignore_error>, bmp::overflow_error<bmp::ignore_error>,
                                bmp::evaluation_error<bmp::ignore_error>, bmp::pole_error<bmp::ignore_error>>;

using Normal = boost::math::normal_distribution<double, QuietPolicy>;
using ChiSquared = boost::math::chi_squared_distribution<double, QuietPolicy>;
using StudentT = boost::math::students_t_distribution<double, QuietPolicy>;
using FisherF = boost::math::fisher_f_distribution<double, QuietPolicy>;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

bool isValidDegreesOfFreedom(double df) {
    return std::isfinite(df) && df > 0;
}

} // namespace

double normalCdf(double x) {
    if (std::isnan(x))
        return nan;
    if (std::isinf(x))
        return x > 0 ? 1.0 : 0.0;
    return boost::math::cdf(Normal(), x);
}

double normalUpperTail(double x) {
    if (std::isnan(x))
        return nan;
    if (std::isinf(x))
        return x > 0 ? 0.0 : 1.0;
    return boost::math::cdf(boost::math::complement(Normal(), x));
}

double normalQuantile(double p) {
    if (std::isnan(p) || p < 0 || p > 1)
        return nan;
    if (p == 0)
        return -infinity;
    if (p == 1)
        return infinity;
    return boost::math::quantile(Normal(), p);
}

double normalDensity(double x) {
    static const double inverseSqrtTwoPi = 1.0 / std::sqrt(2.0 * M_PI);
    return inverseSqrtTwoPi * std::exp(-0.5 * x * x);
}

double chiSquaredUpperTail(double x, double df) {
    if (std::isnan(x) || !isValidDegreesOfFreedom(df))
        return nan;
    if (x <= 0)
        return 1.0;
    if (std::isinf(x))
        return 0.0;
    return boost::math::cdf(boost::math::complement(ChiSquared(df), x));
}

double chiSquaredQuantile(double p, double df) {
    if (std::isnan(p) || p < 0 || p > 1 || !isValidDegreesOfFreedom(df))
        return nan;
    if (p == 0)
        return 0.0;
    if (p == 1)
        return infinity;
    return boost::math::quantile(ChiSquared(df), p);
}

double studentTTwoSidedP(double t, double df) {
    if (std::isnan(t) || !isValidDegreesOfFreedom(df))
        return nan;
    if (std::isinf(t))
        return 0.0;
    return 2.0 * boost::math::cdf(boost::math::complement(StudentT(df), std::abs(t)));
}

double studentTQuantile(double p, double df) {
    if (std::isnan(p) || p < 0 || p > 1 || !isValidDegreesOfFreedom(df))
        return nan;
    if (p == 0)
        return -infinity;
    if (p == 1)
        return infinity;
    return boost::math::quantile(StudentT(df), p);
}

double fUpperTail(double x, double df1, double df2) {
    if (std::isnan(x) || !isValidDegreesOfFreedom(df1) || !isValidDegreesOfFreedom(df2))
        return nan;
    if (x <= 0)
        return 1.0;
    if (std::isinf(x))
        return 0.0;
    return boost::math::cdf(boost::math::complement(FisherF(df1, df2), x));
}

double normalTwoSidedP(double z) {
    if (std::isnan(z))
        return nan;
    return 2.0 * normalUpperTail(std::abs(z));
}

} // namespace evident
