// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/mantelhaenszel.h"

#include "core/common/distributions.h"

#include <algorithm>
#include <cmath>

namespace evident {

void setWaldInference(BinaryPooledFit& fit, double level) {
    fit.z = fit.estimate / fit.se;
    fit.p = normalTwoSidedP(fit.z);
    const double crit = normalQuantile(1 - (1 - level) / 2);
    fit.ci = {fit.estimate - crit * fit.se, fit.estimate + crit * fit.se};
}

void setHeterogeneity(BinaryPooledFit& fit) {
    // metafor rma.mh / rma.peto: Q, its p and I² only with two or more effects.
    if (fit.kEffects < 2) {
        fit.q = 0;
        fit.qDf = 0;
        fit.qP = 1;
        fit.i2 = 0;
        return;
    }
    fit.qDf = fit.kEffects - 1;
    fit.qP = chiSquaredUpperTail(fit.q, fit.qDf);
    fit.i2 = fit.q > 0 ? std::max(0.0, 100 * (fit.q - fit.qDf) / fit.q) : 0;
}

std::optional<BinaryEstimate> mantelHaenszelEstimate(BinaryMeasure measure,
                                                     std::span<const TwoByTwo> tables) {
    if (tables.empty())
        return std::nullopt;
    switch (measure) {
    case BinaryMeasure::OddsRatio: {
        // R = ad/N, S = bc/N, P = (a + d)/N, Q = (b + c)/N (Robins, Breslow & Greenland 1986, eq. 11).
        double sumR = 0, sumS = 0, sumPR = 0, sumPSQR = 0, sumQS = 0;
        for (const auto& t : tables) {
            const double a = t.a(), b = t.b(), c = t.c(), d = t.d();
            const double n = t.total();
            const double r = a * d / n, s = b * c / n, p = (a + d) / n, q = (b + c) / n;
            sumR += r;
            sumS += s;
            sumPR += p * r;
            sumPSQR += p * s + q * r;
            sumQS += q * s;
        }
        if (!(sumR > 0) || !(sumS > 0))
            return std::nullopt;
        const double variance =
            sumPR / (2 * sumR * sumR) + sumPSQR / (2 * sumR * sumS) + sumQS / (2 * sumS * sumS);
        return BinaryEstimate{std::log(sumR / sumS), variance};
    }
    case BinaryMeasure::RiskRatio: {
        // R = a·n₂/N, S = c·n₁/N, variance Σ(n₁n₂m₁ − acN)/N² / (ΣR·ΣS) (Greenland & Robins 1985, eq. 13).
        double sumR = 0, sumS = 0, sumP = 0;
        for (const auto& t : tables) {
            const double a = t.a(), c = t.c();
            const double n1 = t.totalTreated, n2 = t.totalControl, n = t.total();
            sumR += a * n2 / n;
            sumS += c * n1 / n;
            sumP += (n1 * n2 * (a + c) - a * c * n) / (n * n);
        }
        if (!(sumR > 0) || !(sumS > 0))
            return std::nullopt;
        return BinaryEstimate{std::log(sumR / sumS), sumP / (sumR * sumS)};
    }
    case BinaryMeasure::RiskDifference: {
        // Weights n₁n₂/N; Sato, Greenland & Robins 1989 variance, as metafor rma.mh computes it:
        // [RD·Σ(c n₁² − a n₂² + n₁n₂(n₂ − n₁)/2)/N² + Σ(a(n₂ − c) + c(n₁ − a))/(2N)] / (Σ n₁n₂/N)².
        double sumW = 0, sumWRd = 0, sumP = 0, sumQ = 0;
        for (const auto& t : tables) {
            const double a = t.a(), c = t.c();
            const double n1 = t.totalTreated, n2 = t.totalControl, n = t.total();
            sumW += n1 * n2 / n;
            sumWRd += (a * n2 - c * n1) / n;
            sumP += (c * n1 * n1 - a * n2 * n2 + n1 * n2 * (n2 - n1) / 2) / (n * n);
            sumQ += (a * (n2 - c) + c * (n1 - a)) / (2 * n);
        }
        const double rd = sumWRd / sumW;
        return BinaryEstimate{rd, (rd * sumP + sumQ) / (sumW * sumW)};
    }
    }
    return std::nullopt;
}

namespace {

/// Cochran-Mantel-Haenszel and Tarone tests of the MH odds ratio, as metafor rma.mh computes them.
MantelHaenszelOddsRatioTests oddsRatioTests(std::span<const TwoByTwo> tables,
                                            const std::optional<BinaryEstimate>& pooled, bool continuity) {
    MantelHaenszelOddsRatioTests tests;
    // CMH: O − E of the treated events and the hypergeometric variance, summed over tables.
    double sumEvents = 0, sumNonEvents = 0, sumDifference = 0, sumVariance = 0;
    for (const auto& t : tables) {
        const double m1 = t.a() + t.c(), m2 = t.b() + t.d(), n = t.total();
        sumEvents += m1;
        sumNonEvents += m2;
        sumDifference += t.a() - t.totalTreated / n * m1;
        sumVariance += (t.totalTreated / n) * (t.totalControl / n) * m1 * (m2 / (n - 1));
    }
    if (sumEvents > 0 && sumNonEvents > 0 && sumVariance > 0) {
        const double deviation = std::abs(sumDifference) - (continuity ? 0.5 : 0.0);
        tests.cmh = deviation * deviation / sumVariance;
        tests.cmhP = chiSquaredUpperTail(*tests.cmh, 1);
    }
    if (!pooled)
        return tests;

    // Breslow & Day (1980, §4.4) with Tarone's (1985) correction: fitted counts A of each table under
    // the common odds ratio ψ (the root of A(n₂ − m₁ + A) = ψ(n₁ − A)(m₁ − A) inside the margins),
    // BD = Σ(a − A)²/V_A with 1/V_A = 1/A + 1/(n₁ − A) + 1/(m₁ − A) + 1/(A − n₁ − m₁ + N), and
    // Tarone = BD − (Σ(a − A))²/ΣV_A.
    const double psi = std::exp(pooled->estimate);
    double breslowDay = 0, sumResidual = 0, sumFittedVariance = 0;
    for (const auto& t : tables) {
        const double n1 = t.totalTreated, n2 = t.totalControl, n = t.total();
        const double m1 = t.a() + t.c(), m2 = t.b() + t.d();
        double fitted = n1 / n * m1;
        if (psi != 1) {
            const double A = psi * (n1 + m1) + (n2 - m1);
            const double B = std::sqrt(A * A - 4 * n1 * m1 * psi * (psi - 1));
            fitted = (A - B) / (2 * (psi - 1));
        }
        if (!(fitted > 0 && m1 > 0 && m2 > 0))
            continue;
        ++tests.kTarone;
        const double variance =
            1 / (1 / fitted + 1 / (n1 - fitted) + 1 / (m1 - fitted) + 1 / (fitted - n1 - m1 + n));
        const double residual = t.a() - fitted;
        breslowDay += residual * residual / variance;
        sumResidual += residual;
        sumFittedVariance += variance;
    }
    if (tests.kTarone == 0 || !(sumFittedVariance > 0) || !std::isfinite(breslowDay))
        return tests;
    tests.tarone = std::max(0.0, std::max(0.0, breslowDay) - sumResidual * sumResidual / sumFittedVariance);
    if (tests.kTarone > 1)
        tests.taroneP = chiSquaredUpperTail(*tests.tarone, tests.kTarone - 1);
    return tests;
}

std::string noEstimateReason(BinaryMeasure measure, std::size_t tablesInSums) {
    if (tablesInSums == 0)
        return "no table is left to pool";
    if (measure == BinaryMeasure::OddsRatio)
        return "the Mantel-Haenszel odds ratio does not exist: no table has both an event in one group "
               "and a non-event in the other (ΣR or ΣS is 0)";
    return "the Mantel-Haenszel risk ratio does not exist: one group has no events in any table";
}

} // namespace

BinaryPooledFit mantelHaenszel(BinaryMeasure measure, std::span<const TwoByTwo> tables,
                               const MantelHaenszelOptions& options) {
    BinaryPooledFit fit;
    if (!(options.level > 0 && options.level < 1)) {
        fit.problem = "the confidence level must lie between 0 and 1";
        return fit;
    }
    // Per-table effects (metafor: escalc with add[1], to[1], drop00[1]) and the tables of the MH sums
    // (raw counts; with the RevMan 5 convention, escalc's correction and double-zero rule as well).
    std::vector<TwoByTwo> pooled;
    pooled.reserve(tables.size());
    int dropped = 0;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (const std::string invalid = checkTwoByTwo(tables[i]); !invalid.empty()) {
            fit.problem = "table " + std::to_string(i + 1) + ": " + invalid;
            return fit;
        }
        // A table whose effect cannot be computed (a zero cell without correction) still enters the
        // MH sums; it only has no yi/vi (metafor omits NA yi/vi from Q).
        BinaryEffect effect = binaryEffect(measure, tables[i], options.zeroCells);
        dropped += !effect.dropped.empty();
        fit.kEffects += effect.value.has_value();
        fit.studies.push_back(std::move(effect));
        if (!options.revMan5Convention)
            pooled.push_back(tables[i]);
        else if (!(tables[i].isDoubleZero() && dropsDoubleZero(measure, options.zeroCells.doubleZero)))
            pooled.push_back(correctedTable(tables[i], options.zeroCells));
    }
    fit.k = static_cast<int>(pooled.size());
    if (dropped > 0)
        fit.warnings.push_back(std::to_string(dropped)
                               + " table(s) with no events in either group (or events in every participant "
                                 "of both) were left out of the "
                               + std::string(binaryMeasureKey(measure)) + ".");

    const std::optional<BinaryEstimate> estimate = mantelHaenszelEstimate(measure, pooled);
    if (measure == BinaryMeasure::OddsRatio)
        fit.tests = oddsRatioTests(pooled, estimate, options.cmhContinuityCorrection);
    if (!estimate || !(estimate->variance > 0) || !std::isfinite(estimate->variance)) {
        fit.problem = estimate ? "the variance of the Mantel-Haenszel estimate is zero"
                               : noEstimateReason(measure, pooled.size());
        return fit;
    }
    fit.estimable = true;
    fit.estimate = estimate->estimate;
    fit.se = std::sqrt(estimate->variance);
    setWaldInference(fit, options.level);

    // metafor rma.mh: Q = Σ (1/v_i)(y_i − θ_MH)² over the per-table effects, truncated at 0.
    double q = 0;
    for (const auto& study : fit.studies)
        if (study.value)
            q += (study.value->yi - fit.estimate) * (study.value->yi - fit.estimate) / study.value->vi;
    fit.q = std::max(0.0, q);
    setHeterogeneity(fit);
    return fit;
}

MantelHaenszelRandomFit mantelHaenszelRandom(const BinaryPooledFit& fixed, double level) {
    MantelHaenszelRandomFit random;
    random.k = fixed.kEffects;
    if (!fixed.estimable) {
        random.problem = fixed.problem;
        return random;
    }
    if (fixed.kEffects == 0) {
        random.problem = "no table has an effect of its own to pool";
        return random;
    }
    // DerSimonian & Laird (1986) moment estimator with Q around the MH estimate (RevMan 5).
    double sumW = 0, sumW2 = 0;
    for (const auto& study : fixed.studies)
        if (study.value) {
            const double w = 1 / study.value->vi;
            sumW += w;
            sumW2 += w * w;
        }
    random.q = fixed.q;
    random.qDf = fixed.qDf;
    random.qP = fixed.qP;
    random.i2 = fixed.i2;
    random.tau2 = fixed.qDf > 0 ? std::max(0.0, (fixed.q - fixed.qDf) / (sumW - sumW2 / sumW)) : 0;
    double sumWStar = 0, sumWStarY = 0;
    for (const auto& study : fixed.studies)
        if (study.value) {
            const double w = 1 / (study.value->vi + random.tau2);
            sumWStar += w;
            sumWStarY += w * study.value->yi;
        }
    random.estimate = sumWStarY / sumWStar;
    random.se = std::sqrt(1 / sumWStar);
    random.z = random.estimate / random.se;
    random.p = normalTwoSidedP(random.z);
    const double crit = normalQuantile(1 - (1 - level) / 2);
    random.ci = {random.estimate - crit * random.se, random.estimate + crit * random.se};
    random.estimable = true;
    return random;
}

MantelHaenszelRandomFit mantelHaenszelRandom(BinaryMeasure measure, std::span<const TwoByTwo> tables,
                                             const MantelHaenszelOptions& options) {
    return mantelHaenszelRandom(mantelHaenszel(measure, tables, options), options.level);
}

} // namespace evident
