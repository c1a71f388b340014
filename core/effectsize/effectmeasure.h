// SPDX-License-Identifier: GPL-3.0-or-later
// The effect measures Evident can pool, with their names on the command line and in files.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace evident {

enum class EffectMeasure {
    SMD,       ///< Hedges' g with the exact small-sample correction, as metafor escalc("SMD")
    SMDRevMan, ///< RevMan 5 "Std. Mean Difference": approximate J and RevMan's variance
    MD,        ///< Raw mean difference, as metafor escalc("MD")
    ROM,       ///< Log ratio of means, as metafor escalc("ROM")
    NMD,       ///< Normalised mean difference in percent of the sham-to-control distance (Vesterinen 2014)
    Generic,   ///< Precomputed yi with vi or sei, used as given
    OR,        ///< Log odds ratio, as metafor escalc("OR")
    RR,        ///< Log risk ratio, as metafor escalc("RR")
    RD,        ///< Risk difference, as metafor escalc("RD")
};

/// How the studies of a dichotomous outcome are pooled (continuous and generic outcomes always use
/// inverse variance).
enum class PoolingMethod {
    InverseVariance, ///< Weights 1/(v_i + τ²) with the chosen τ² estimator
    MantelHaenszel,  ///< Mantel-Haenszel (fixed); with a random-effects estimator RevMan's "M-H, Random"
    Peto,            ///< Peto's one-step odds ratio (fixed)
};

/// Stable key ("IV", "MH", "PETO") and label ("M-H", "Peto", "IV") of a pooling method.
std::string_view poolingKey(PoolingMethod method);
std::string_view poolingLabel(PoolingMethod method);
/// "Inverse variance", "Mantel-Haenszel", "Peto" (menus and reports).
std::string_view poolingName(PoolingMethod method);
std::optional<PoolingMethod> parsePooling(std::string_view key);

/// Short, stable name used on the command line and in project files ("SMD", "SMD_REVMAN", ...).
std::string_view measureKey(EffectMeasure measure);
/// Label for reports and plot axes ("Std. mean difference (Hedges' g)", "Odds ratio").
std::string_view measureLabel(EffectMeasure measure);
/// Abbreviation used in manuscript-style text ("SMD", "MD", "ROM", "OR").
std::string_view measureAbbreviation(EffectMeasure measure);
/// Parses a key case-insensitively; nullopt when unknown.
std::optional<EffectMeasure> parseMeasure(std::string_view key);
/// True for measures analysed on the log scale (reported back-transformed as ratios).
bool isRatioMeasure(EffectMeasure measure);
/// An effect, or a limit of its interval, on the scale it is reported on: the ratio (exp) for a ratio
/// measure, else as analysed.
double toReportingScale(double value, EffectMeasure measure);
/// True for measures whose sign already means benefit, whichever way the outcome improves: NMD is
/// positive when the treated group lies closer to the sham group than the control does. Such a measure
/// must not be flipped for "lower is better" outcomes (SMD, MD and ROM are treated minus control).
bool isOrientedToBenefit(EffectMeasure measure);
/// True for measures that need the mean of a sham (or naive) group besides the two compared groups.
bool needsShamMean(EffectMeasure measure);

} // namespace evident
