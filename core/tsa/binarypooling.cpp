// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tsa/binarypooling.h"

#include <cmath>

namespace evident {

BinaryEstimate binaryTrialEffect(BinaryMeasure measure, const TwoByTwo& t) {
    const double a = t.eventsTreated;
    const double b = t.totalTreated - t.eventsTreated;
    const double c = t.eventsControl;
    const double d = t.totalControl - t.eventsControl;
    const double p1 = a / t.totalTreated;
    const double p2 = c / t.totalControl;
    switch (measure) {
    case BinaryMeasure::RiskRatio:
        return {std::log(p1 / p2), 1 / a - 1 / t.totalTreated + 1 / c - 1 / t.totalControl};
    case BinaryMeasure::OddsRatio:
        return {std::log(a * d / (b * c)), 1 / a + 1 / b + 1 / c + 1 / d};
    case BinaryMeasure::RiskDifference:
        return {p1 - p2, p1 * (1 - p1) / t.totalTreated + p2 * (1 - p2) / t.totalControl};
    }
    return {};
}

BinaryEstimate mantelHaenszel(BinaryMeasure measure, std::span<const TwoByTwo> tables) {
    switch (measure) {
    case BinaryMeasure::OddsRatio: {
        // R = ad/N, S = bc/N, P = (a + d)/N, Q = (b + c)/N (Robins, Breslow & Greenland 1986).
        double sumR = 0, sumS = 0, sumPR = 0, sumPSQR = 0, sumQS = 0;
        for (const auto& t : tables) {
            const double a = t.eventsTreated, b = t.totalTreated - a;
            const double c = t.eventsControl, d = t.totalControl - c;
            const double n = t.totalTreated + t.totalControl;
            const double r = a * d / n, s = b * c / n, p = (a + d) / n, q = (b + c) / n;
            sumR += r;
            sumS += s;
            sumPR += p * r;
            sumPSQR += p * s + q * r;
            sumQS += q * s;
        }
        const double variance =
            sumPR / (2 * sumR * sumR) + sumPSQR / (2 * sumR * sumS) + sumQS / (2 * sumS * sumS);
        return {std::log(sumR / sumS), variance};
    }
    case BinaryMeasure::RiskRatio: {
        // R = a·n₂/N, S = c·n₁/N, variance Σ(n₁n₂m₁ − acN)/N² / (ΣR·ΣS) (Greenland & Robins 1985).
        double sumR = 0, sumS = 0, sumP = 0;
        for (const auto& t : tables) {
            const double a = t.eventsTreated, c = t.eventsControl;
            const double n1 = t.totalTreated, n2 = t.totalControl, n = n1 + n2;
            sumR += a * n2 / n;
            sumS += c * n1 / n;
            sumP += (n1 * n2 * (a + c) - a * c * n) / (n * n);
        }
        return {std::log(sumR / sumS), sumP / (sumR * sumS)};
    }
    case BinaryMeasure::RiskDifference: {
        // Weights n₁n₂/N; Sato, Greenland & Robins 1989 variance, as metafor rma.mh computes it:
        // [RD·Σ(c n₁² − a n₂² + n₁n₂(n₂ − n₁)/2)/N² + Σ(a(n₂ − c) + c(n₁ − a))/(2N)] / (Σ n₁n₂/N)².
        double sumW = 0, sumWRd = 0, sumP = 0, sumQ = 0;
        for (const auto& t : tables) {
            const double a = t.eventsTreated, c = t.eventsControl;
            const double n1 = t.totalTreated, n2 = t.totalControl, n = n1 + n2;
            sumW += n1 * n2 / n;
            sumWRd += (a * n2 - c * n1) / n;
            sumP += (c * n1 * n1 - a * n2 * n2 + n1 * n2 * (n2 - n1) / 2) / (n * n);
            sumQ += (a * (n2 - c) + c * (n1 - a)) / (2 * n);
        }
        const double rd = sumWRd / sumW;
        return {rd, (rd * sumP + sumQ) / (sumW * sumW)};
    }
    }
    return {};
}

} // namespace evident
