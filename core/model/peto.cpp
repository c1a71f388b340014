// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/peto.h"

#include <algorithm>
#include <cmath>

namespace evident {

BinaryPooledFit petoOddsRatio(std::span<const TwoByTwo> tables, const PetoOptions& options) {
    BinaryPooledFit fit;
    if (!(options.level > 0 && options.level < 1)) {
        fit.problem = "the confidence level must lie between 0 and 1";
        return fit;
    }
    // Yusuf et al. (1985): Σ(O − E) and ΣV on the raw counts of every table (metafor rma.peto with its
    // default add[2] = 0, drop00[2] = FALSE). A table without events, or without non-events, has V = 0
    // and O − E = 0: it adds nothing.
    double sumDifference = 0, sumVariance = 0, sumSquaredOverV = 0;
    int dropped = 0;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (const std::string invalid = checkTwoByTwo(tables[i]); !invalid.empty()) {
            fit.problem = "table " + std::to_string(i + 1) + ": " + invalid;
            return fit;
        }
        const PetoTerms terms = petoTerms(tables[i]);
        fit.peto.push_back(terms);
        sumDifference += terms.observedMinusExpected;
        sumVariance += terms.variance;
        if (terms.variance > 0)
            sumSquaredOverV += terms.observedMinusExpected * terms.observedMinusExpected / terms.variance;
        BinaryEffect effect = petoEffect(tables[i], options.zeroCells);
        dropped += !effect.dropped.empty();
        fit.kEffects += effect.value.has_value();
        fit.studies.push_back(std::move(effect));
    }
    fit.k = static_cast<int>(tables.size());
    if (dropped > 0)
        fit.warnings.push_back(std::to_string(dropped)
                               + " table(s) with no events in either group (or events in every participant "
                                 "of both) have no Peto odds ratio of their own.");
    if (!(sumVariance > 0)) {
        fit.problem = tables.empty() ? "no table is left to pool"
                                     : "the Peto odds ratio does not exist: no table has both an event and a "
                                       "non-event";
        return fit;
    }
    fit.estimable = true;
    fit.estimate = sumDifference / sumVariance;
    fit.se = std::sqrt(1 / sumVariance);
    setWaldInference(fit, options.level);

    // metafor rma.peto: Q = Σ(O − E)²/V − (Σ(O − E))²/ΣV over tables with V > 0, truncated at 0, with
    // kEffects − 1 degrees of freedom (the tables with an escalc "PETO" yi/vi).
    fit.q = std::max(0.0, sumSquaredOverV - sumDifference * sumDifference / sumVariance);
    setHeterogeneity(fit);
    return fit;
}

} // namespace evident
