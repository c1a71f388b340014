// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tsa/spending.h"

#include "core/common/distributions.h"
#include "core/common/text.h"

#include <cmath>
#include <numbers>

namespace evident {

std::string_view spendingKey(SpendingFunction function) {
    switch (function) {
    case SpendingFunction::OBrienFleming:
        return "OBF";
    case SpendingFunction::Pocock:
        return "Pocock";
    }
    return "OBF";
}

std::string_view spendingLabel(SpendingFunction function) {
    switch (function) {
    case SpendingFunction::OBrienFleming:
        return "O'Brien-Fleming";
    case SpendingFunction::Pocock:
        return "Pocock";
    }
    return "O'Brien-Fleming";
}

std::optional<SpendingFunction> parseSpending(std::string_view key) {
    for (const auto function : {SpendingFunction::OBrienFleming, SpendingFunction::Pocock})
        if (equalsIgnoringCase(key, spendingKey(function)))
            return function;
    if (equalsIgnoringCase(key, "OBrienFleming") || equalsIgnoringCase(key, "obrien-fleming")
        || equalsIgnoringCase(key, "esOF"))
        return SpendingFunction::OBrienFleming;
    if (equalsIgnoringCase(key, "esPoc"))
        return SpendingFunction::Pocock;
    return std::nullopt;
}

double cumulativeSpending(SpendingFunction function, double error, double t) {
    if (t <= 0)
        return 0;
    if (t >= 1)
        return error;
    switch (function) {
    case SpendingFunction::OBrienFleming:
        // Lan & DeMets 1983: α*(t) = 2 − 2Φ(z_{1−error/2}/√t), written with the upper tail for accuracy.
        return 2 * normalUpperTail(normalQuantile(1 - error / 2) / std::sqrt(t));
    case SpendingFunction::Pocock:
        // Lan & DeMets 1983: α*(t) = error · ln(1 + (e − 1)t).
        return error * std::log1p((std::numbers::e - 1) * t);
    }
    return 0;
}

} // namespace evident
