// SPDX-License-Identifier: GPL-3.0-or-later
// Lan-DeMets error-spending functions for trial sequential analysis.
#pragma once

#include <optional>
#include <string_view>

namespace evident {

/// The shape of the error-spending function (Lan & DeMets 1983, Biometrika 70:659).
enum class SpendingFunction {
    OBrienFleming, ///< Lan-DeMets O'Brien-Fleming type: little error spent early
    Pocock,        ///< Lan-DeMets Pocock type: error spent almost evenly
};

std::string_view spendingKey(SpendingFunction function);   ///< "OBF", "Pocock"
std::string_view spendingLabel(SpendingFunction function); ///< "O'Brien-Fleming", "Pocock"
std::optional<SpendingFunction> parseSpending(std::string_view key);

/// Cumulative error spent by information time t in [0, 1] out of a total `error` (one tail).
/// - O'Brien-Fleming type: 2·(1 − Φ(z_{1−error/2} / √t)) (Lan & DeMets 1983, eq. for α₁*(t); RTSA
///   esOF(error, t); ldbounds alphas(iuse = 1)). Two-sided TSA spends error = α/2 per tail, i.e.
///   4·(1 − Φ(z_{1−α/4}/√t)) in total.
/// - Pocock type: error · ln(1 + (e − 1)·t) (Lan & DeMets 1983; RTSA esPoc).
/// t ≤ 0 gives 0; t ≥ 1 gives `error`.
double cumulativeSpending(SpendingFunction function, double error, double t);

} // namespace evident
