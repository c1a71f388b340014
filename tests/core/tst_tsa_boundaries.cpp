// SPDX-License-Identifier: GPL-3.0-or-later
// Alpha- and beta-spending boundaries against tests/reference/tsa_vectors.json.
// Oracles: ldbounds 2.0.2 (ldBounds, Reboussin et al. 2000) and RTSA 0.2.2 (alpha_boundary, boundaries).
// Both are approximations (ldbounds: trapezoid rule with step 0.05·√Δ; RTSA: Jennison & Turnbull grid,
// r = 18, and a boundary search that stops when the crossing probability is within 1e-9 of the target).
// Evident's boundaries converge to 1e-8 as the grid is refined (convergedAgainstFinerGrid), so each
// comparison below is to 1e-4 absolute, with two documented oracle artefacts handled explicitly.
#include "core/common/distributions.h"
#include "core/tsa/boundaries.h"
#include "tests/support/testsupport.h"

#include <cmath>

using namespace evident;

namespace {

QJsonArray boundaryCases() {
    static const QJsonDocument document =
        test::loadJson(test::testDataPath(QStringLiteral("reference/tsa_vectors.json")));
    return document.object().value(QStringLiteral("boundary_cases")).toArray();
}

std::vector<double> toVector(const QJsonArray& array) {
    std::vector<double> values;
    for (const auto& value : array)
        values.push_back(value.isNull() ? NAN : value.toDouble());
    return values;
}

} // namespace

class TestTsaBoundaries : public QObject {
    Q_OBJECT
private slots:
    void matchesLdbounds_data();
    void matchesLdbounds();
    void matchesRtsaAlphaBoundary_data();
    void matchesRtsaAlphaBoundary();
    void matchesRtsaFutility_data();
    void matchesRtsaFutility();
    void matchesRtsaDesignInflation_data();
    void matchesRtsaDesignInflation();
    void matchesIndependentTruth();
    void firstLookIsExact();
    void pocockSpending();
    void convergedAgainstFinerGrid();
    void totalAlphaIsSpent();
    void rejectsNonsense_data();
    void rejectsNonsense();
};

void TestTsaBoundaries::matchesLdbounds_data() {
    QTest::addColumn<QJsonObject>("testCase");
    for (const auto& value : boundaryCases())
        QTest::newRow(value.toObject().value(QStringLiteral("id")).toString().toUtf8().constData())
            << value.toObject();
}

// ldbounds: ldBounds(t = min(t, 1), t2 = t): alpha spent at min(t, 1), covariance from the true
// information. That is Evident's convention beyond the RIS too (case beyond1).
void TestTsaBoundaries::matchesLdbounds() {
    QFETCH(QJsonObject, testCase);
    const QJsonObject ld = testCase.value(QStringLiteral("ldbounds")).toObject();
    const std::vector<double> t =
        toVector(ld.contains(QStringLiteral("t2")) ? ld.value(QStringLiteral("t2")).toArray()
                                                   : ld.value(QStringLiteral("t")).toArray());
    const std::vector<double> upper = toVector(ld.value(QStringLiteral("upper")).toArray());
    const std::vector<double> alphaCumulative = toVector(ld.value(QStringLiteral("alpha_cum")).toArray());
    BoundaryOptions options;
    const BoundaryResult result = computeBoundaries(t, options);
    QVERIFY2(result.ok, result.error.c_str());
    const QString id = testCase.value(QStringLiteral("id")).toString();
    for (std::size_t k = 0; k < t.size(); ++k) {
        const QString label = QStringLiteral("%1 look %2").arg(id).arg(k + 1);
        EVIDENT_COMPARE_ABS(result.alphaSpent[k], alphaCumulative[k], 1e-12);
        // Different "infinite" thresholds: early4 look 1 (two-sided alpha 2.7e-12: ldbounds computes the
        // exact 6.991341, while Evident, like RTSA, treats a per-tail increment below 1e-9 as none) and
        // irregular6 look 2 (ldbounds treats the two-sided increment 1.4e-8 < √ε as none; Evident, like
        // RTSA, computes it: checked against the closed form in matchesRtsaAlphaBoundary).
        if (id == QLatin1String("early4") && k == 0) {
            QVERIFY(std::isinf(result.upper[k]));
            EVIDENT_COMPARE_ABS(upper[k], -normalQuantile(alphaCumulative[k] / 2), 1e-6);
            continue;
        }
        if ((id == QLatin1String("early4") && k == 0) || (id == QLatin1String("irregular6") && k == 1))
            continue;
        if (std::isnan(upper[k])) {
            QVERIFY2(std::isinf(result.upper[k]), qPrintable(label));
            continue;
        }
        // ldbounds' trapezoid rule is off by 1.6e-4 at early4 look 2 and 1.4e-4 at irregular6 look 3, where
        // RTSA and Evident agree to 4e-6 and multivariate normal probabilities (matchesIndependentTruth)
        // confirm Evident to 1e-6: those two are compared with ldbounds to 2e-4.
        const bool coarse =
            (id == QLatin1String("early4") && k == 1) || (id == QLatin1String("irregular6") && k == 2);
        if (std::abs(result.upper[k] - upper[k]) > (coarse ? 2e-4 : 1e-4))
            QFAIL(qPrintable(QStringLiteral("%1: got %2, ldbounds %3")
                                 .arg(label)
                                 .arg(result.upper[k], 0, 'g', 10)
                                 .arg(upper[k], 0, 'g', 10)));
    }
}

void TestTsaBoundaries::matchesRtsaAlphaBoundary_data() {
    matchesLdbounds_data();
}

// RTSA alpha_boundary(): with some t > 1 it spends at t/max(t); Evident reproduces that with
// horizon = max(t). RTSA prints 20 for an "infinite" boundary.
void TestTsaBoundaries::matchesRtsaAlphaBoundary() {
    QFETCH(QJsonObject, testCase);
    const QJsonObject rtsa = testCase.value(QStringLiteral("rtsa_alpha_boundary")).toObject();
    const std::vector<double> t = toVector(testCase.value(QStringLiteral("timing")).toArray());
    const std::vector<double> upper = toVector(rtsa.value(QStringLiteral("upper")).toArray());
    const std::vector<double> spent = toVector(rtsa.value(QStringLiteral("alpha_cum_per_side")).toArray());
    BoundaryOptions options;
    options.horizon = std::max(1.0, t.back());
    const BoundaryResult result = computeBoundaries(t, options);
    QVERIFY2(result.ok, result.error.c_str());
    const QString id = testCase.value(QStringLiteral("id")).toString();
    for (std::size_t k = 0; k < t.size(); ++k) {
        const QString label = QStringLiteral("%1 look %2").arg(id).arg(k + 1);
        EVIDENT_COMPARE_ABS(result.alphaSpent[k], 2 * spent[k], 1e-12);
        if (upper[k] == 20) {
            QVERIFY2(std::isinf(result.upper[k]), qPrintable(label));
            continue;
        }
        const double increment = spent[k] - (k > 0 ? spent[k - 1] : 0.0);
        if (increment < 1e-6) {
            // RTSA's search stops within 1e-9 of the target probability, which for an increment of 7e-9
            // moves the boundary by 3e-4. Here every earlier boundary is infinite, so the exact boundary is
            // z_{1−π}; check Evident against it, and RTSA against its own tolerance.
            for (std::size_t j = 0; j < k; ++j)
                QVERIFY(std::isinf(result.upper[j]));
            EVIDENT_COMPARE_ABS(result.upper[k], -normalQuantile(increment), 1e-5);
            QVERIFY2(std::abs(normalUpperTail(upper[k]) - increment) <= 1e-9, qPrintable(label));
            continue;
        }
        if (std::abs(result.upper[k] - upper[k]) > 1e-4)
            QFAIL(qPrintable(QStringLiteral("%1: got %2, RTSA %3")
                                 .arg(label)
                                 .arg(result.upper[k], 0, 'g', 10)
                                 .arg(upper[k], 0, 'g', 10)));
    }
}

void TestTsaBoundaries::matchesRtsaFutility_data() {
    QTest::addColumn<QJsonObject>("testCase");
    QTest::addColumn<double>("beta");
    for (const auto& value : boundaryCases()) {
        const QJsonObject object = value.toObject();
        const QString id = object.value(QStringLiteral("id")).toString();
        // beyond1: RTSA spends alpha at t/1.2 but beta at min(t, 1); Evident applies one convention to both.
        if (id == QLatin1String("beyond1"))
            continue;
        for (const double beta : {0.2, 0.1})
            QTest::newRow(qPrintable(QStringLiteral("%1 beta %2").arg(id).arg(beta))) << object << beta;
    }
}

// RTSA boundaries(type = "analysis", design_R = 1, futility = "non-binding"): what RTSA(power_adj = FALSE)
// draws.
void TestTsaBoundaries::matchesRtsaFutility() {
    QFETCH(QJsonObject, testCase);
    QFETCH(double, beta);
    const QJsonObject rtsa = testCase.value(QStringLiteral("beta_%1").arg(beta))
                                 .toObject()
                                 .value(QStringLiteral("analysis_R1_nonbinding"))
                                 .toObject();
    const std::vector<double> t = toVector(rtsa.value(QStringLiteral("inf_frac")).toArray());
    const std::vector<double> upper = toVector(rtsa.value(QStringLiteral("upper")).toArray());
    const std::vector<double> futility = toVector(rtsa.value(QStringLiteral("fut_upper")).toArray());
    const std::vector<double> betaSpent = toVector(rtsa.value(QStringLiteral("beta_cum")).toArray());
    BoundaryOptions options;
    options.beta = beta;
    options.futility = true;
    const BoundaryResult result = computeBoundaries(t, options);
    QVERIFY2(result.ok, result.error.c_str());
    for (std::size_t k = 0; k < t.size(); ++k) {
        const QString label = QStringLiteral("look %1").arg(k + 1);
        if (upper[k] != 20 && normalUpperTail(upper[k]) > 1e-6)
            EVIDENT_COMPARE_ABS(result.upper[k], upper[k], 1e-4);
        EVIDENT_COMPARE_ABS(result.betaSpent[k], betaSpent[k], 1e-12);
        if (std::isnan(futility[k])) {
            QVERIFY2(!result.futility[k], qPrintable(label));
            continue;
        }
        QVERIFY2(result.futility[k], qPrintable(label));
        if (std::abs(*result.futility[k] - futility[k]) > 1e-4)
            QFAIL(qPrintable(QStringLiteral("%1: got %2, RTSA %3")
                                 .arg(label)
                                 .arg(*result.futility[k], 0, 'g', 10)
                                 .arg(futility[k], 0, 'g', 10)));
    }
}

void TestTsaBoundaries::matchesRtsaDesignInflation_data() {
    matchesRtsaFutility_data();
}

// RTSA boundaries(type = "design"): the inflation factor R with and without futility, and the design's
// futility boundaries (information t·R, so drift θ√R at information t).
void TestTsaBoundaries::matchesRtsaDesignInflation() {
    QFETCH(QJsonObject, testCase);
    QFETCH(double, beta);
    const QJsonObject cases = testCase.value(QStringLiteral("beta_%1").arg(beta)).toObject();
    const QJsonObject plain = cases.value(QStringLiteral("design_nofutility")).toObject();
    const QJsonObject withFutility = cases.value(QStringLiteral("design_nonbinding")).toObject();
    const std::vector<double> t = toVector(plain.value(QStringLiteral("inf_frac")).toArray());
    BoundaryOptions options;
    options.beta = beta;
    const DesignInflation inflation = designInflationFactor(t, options);
    QVERIFY2(inflation.ok, inflation.error.c_str());
    EVIDENT_COMPARE_ABS(inflation.factor, plain.value(QStringLiteral("root_inflation")).toDouble(), 1e-5);

    options.futility = true;
    const DesignInflation futilityInflation = designInflationFactor(t, options);
    QVERIFY2(futilityInflation.ok, futilityInflation.error.c_str());
    EVIDENT_COMPARE_ABS(futilityInflation.factor,
                        withFutility.value(QStringLiteral("root_inflation")).toDouble(), 1e-4);

    // The design's futility boundaries at RTSA's own R.
    options.drift = (normalQuantile(1 - 0.025) + normalQuantile(1 - beta))
                    * std::sqrt(withFutility.value(QStringLiteral("root_inflation")).toDouble());
    const BoundaryResult result = computeBoundaries(t, options);
    QVERIFY2(result.ok, result.error.c_str());
    const std::vector<double> futility = toVector(withFutility.value(QStringLiteral("fut_upper")).toArray());
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (std::isnan(futility[k])) {
            QVERIFY(!result.futility[k]);
            continue;
        }
        QVERIFY(result.futility[k]);
        EVIDENT_COMPARE_ABS(*result.futility[k], futility[k], 1e-4);
    }
}

// tests/reference/make_tsa_boundary_truth.R: the disputed boundaries from mvtnorm's multivariate normal
// probabilities, a method independent of any density recursion.
void TestTsaBoundaries::matchesIndependentTruth() {
    const QJsonObject cases =
        test::loadJson(test::testDataPath(QStringLiteral("reference/tsa_boundary_truth.json")))
            .object()
            .value(QStringLiteral("cases"))
            .toObject();
    QCOMPARE(cases.size(), 5);
    for (const auto& key : cases.keys()) {
        const QJsonObject truth = cases.value(key).toObject();
        const std::vector<double> t = toVector(truth.value(QStringLiteral("t")).toArray());
        const std::vector<double> upper = toVector(truth.value(QStringLiteral("upper")).toArray());
        // The truth script spends at the first looks of the full design, whose final look is at the
        // horizon t/spend_t (1, or RTSA's design factor R).
        const std::vector<double> spendingTime = toVector(truth.value(QStringLiteral("spend_t")).toArray());
        BoundaryOptions options;
        options.horizon = t.front() / spendingTime.front();
        std::vector<double> design = t;
        design.push_back(options.horizon);
        const BoundaryResult result = computeBoundaries(design, options);
        QVERIFY(result.ok);
        for (std::size_t k = 0; k < t.size(); ++k) {
            if (std::isnan(upper[k]))
                QVERIFY(std::isinf(result.upper[k]));
            else
                EVIDENT_COMPARE_ABS(result.upper[k], upper[k], 1e-5);
        }
    }
}

void TestTsaBoundaries::firstLookIsExact() {
    // First boundary: P(Z₁ ≥ b₁) = α*(t₁) per tail, so b₁ = Φ⁻¹(1 − 2(1 − Φ(z_{1−α/4}/√t₁))) for
    // O'Brien-Fleming (not z_{1−α/4}/√t₁, which docs/tsa-methods.md §4 gives; ldbounds' 6.991341 at
    // t = 0.1 is this exact value).
    const std::vector<double> t{0.2, 1.0};
    const BoundaryResult result = computeBoundaries(t, {});
    QVERIFY(result.ok);
    EVIDENT_COMPARE_REL(result.upper[0],
                        -normalQuantile(2 * normalUpperTail(normalQuantile(1 - 0.05 / 4) / std::sqrt(0.2))),
                        1e-12);
    // One look at the RIS is a fixed-sample test: b = z_{1−α/2}.
    const std::vector<double> single{1.0};
    EVIDENT_COMPARE_REL(computeBoundaries(single, {}).upper[0], normalQuantile(0.975), 1e-12);
}

void TestTsaBoundaries::pocockSpending() {
    // Lan-DeMets Pocock-type spending, per tail α/2·ln(1 + (e − 1)t), looks at 0.5 and 1. ldbounds 2.0.2
    // ldBounds(t = c(.5, 1), iuse = 2, alpha = 0.05, sides = 2) gives 2.156999, 2.200942; multivariate
    // normal probabilities (mvtnorm pmvnorm, as in make_tsa_boundary_truth.R) give 2.156999, 2.200977.
    const std::vector<double> t{0.5, 1.0};
    BoundaryOptions options;
    options.alphaSpending = SpendingFunction::Pocock;
    const BoundaryResult result = computeBoundaries(t, options);
    QVERIFY(result.ok);
    EVIDENT_COMPARE_ABS(result.alphaSpent[0], 0.05 * std::log(1 + (std::exp(1.0) - 1) * 0.5), 1e-15);
    EVIDENT_COMPARE_ABS(result.upper[0], -normalQuantile(0.025 * std::log(1 + (std::exp(1.0) - 1) * 0.5)),
                        1e-12);
    EVIDENT_COMPARE_ABS(result.upper[1], 2.200976955, 1e-6);
    EVIDENT_COMPARE_ABS(result.upper[1], 2.200941774, 1e-4);
}

void TestTsaBoundaries::convergedAgainstFinerGrid() {
    // The default grid against one more than ten times finer: the quadrature error of the default (about
    // 3e-6) is far below the 1e-4 the oracles are compared with, for few and for many looks.
    for (const int looks : {4, 26, 100}) {
        std::vector<double> t;
        for (int i = 1; i <= looks; ++i)
            t.push_back(static_cast<double>(i) / looks);
        BoundaryOptions options;
        options.futility = true;
        const BoundaryResult normal = computeBoundaries(t, options);
        options.resolution = 160;
        const BoundaryResult fine = computeBoundaries(t, options);
        for (int k = 0; k < looks; ++k) {
            if (std::isfinite(fine.upper[k]))
                EVIDENT_COMPARE_ABS(normal.upper[k], fine.upper[k], 1e-5);
            if (fine.futility[k])
                EVIDENT_COMPARE_ABS(*normal.futility[k], *fine.futility[k], 1e-5);
        }
    }
}

void TestTsaBoundaries::totalAlphaIsSpent() {
    // Under H0 the probability of ever crossing the upper boundary is α/2 (the boundaries are built so).
    const std::vector<double> t{0.1, 0.25, 0.4, 0.6, 0.75, 1.0};
    const BoundaryResult result = computeBoundaries(t, {});
    double total = 0;
    for (const double p : upperCrossingProbabilities(t, result.upper, 0.0))
        total += p;
    EVIDENT_COMPARE_ABS(total, 0.025, 1e-9);
    EVIDENT_COMPARE_ABS(result.alphaSpent.back(), 0.05, 1e-15);
}

void TestTsaBoundaries::rejectsNonsense_data() {
    QTest::addColumn<std::vector<double>>("fractions");
    QTest::addColumn<double>("alpha");
    QTest::addColumn<QString>("field");
    QTest::newRow("no looks") << std::vector<double>{} << 0.05 << QStringLiteral("fractions");
    QTest::newRow("alpha 0") << std::vector<double>{0.5, 1} << 0.0 << QStringLiteral("alpha");
    QTest::newRow("alpha 1") << std::vector<double>{0.5, 1} << 1.0 << QStringLiteral("alpha");
    QTest::newRow("decreasing") << std::vector<double>{0.5, 0.4, 1} << 0.05 << QStringLiteral("fractions");
    QTest::newRow("zero fraction") << std::vector<double>{0.0, 1} << 0.05 << QStringLiteral("fractions");
    QTest::newRow("NaN fraction") << std::vector<double>{NAN, 1} << 0.05 << QStringLiteral("fractions");
    QTest::newRow("look after the final one")
        << std::vector<double>{0.5, 1.1, 1.3} << 0.05 << QStringLiteral("fractions");
}

void TestTsaBoundaries::rejectsNonsense() {
    QFETCH(std::vector<double>, fractions);
    QFETCH(double, alpha);
    QFETCH(QString, field);
    BoundaryOptions options;
    options.alpha = alpha;
    const BoundaryResult result = computeBoundaries(fractions, options);
    QVERIFY(!result.ok);
    QVERIFY2(QString::fromStdString(result.error).startsWith(field), result.error.c_str());
}

QTEST_GUILESS_MAIN(TestTsaBoundaries)
#include "tst_tsa_boundaries.moc"
