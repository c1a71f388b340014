// SPDX-License-Identifier: GPL-3.0-or-later
// Edge cases of the dichotomous-outcome statistics that the metafor references do not reach: input
// checks and their messages, the zero-cell and double-zero conventions table by table, and the fits
// without an estimate (k = 0, every table dropped, ΣR or ΣS = 0), which must give a reason and never a
// NaN or an infinity.
#include "core/effectsize/binary.h"
#include "core/model/mantelhaenszel.h"
#include "core/model/peto.h"
#include "tests/support/testsupport.h"

#include <cmath>
#include <limits>

using namespace evident;

Q_DECLARE_METATYPE(evident::TwoByTwo)
Q_DECLARE_METATYPE(evident::BinaryMeasure)
Q_DECLARE_METATYPE(std::vector<evident::TwoByTwo>)

namespace {

constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

bool allFinite(const BinaryPooledFit& fit) {
    for (const double x :
         {fit.estimate, fit.se, fit.z, fit.p, fit.ci.lower, fit.ci.upper, fit.q, fit.qP, fit.i2})
        if (!std::isfinite(x))
            return false;
    return true;
}

} // namespace

class TestBinaryEffects : public QObject {
    Q_OBJECT
private slots:
    void checksName_data();
    void checksName();
    void invalidTableHasNoEffect();
    void zeroCells_data();
    void zeroCells();
    void correctionValues();
    void withoutCorrection_data();
    void withoutCorrection();
    void noEstimate_data();
    void noEstimate();
    void invalidTableNamesItsPosition();
    void singleTable();
    void invalidLevel();
    void revManConventionChangesOnlyZeroCellTables();
    void petoWithoutInformation();
    void measureKeys();
};

void TestBinaryEffects::checksName_data() {
    QTest::addColumn<TwoByTwo>("table");
    QTest::addColumn<QString>("problem");
    QTest::newRow("valid") << TwoByTwo{3, 10, 0, 12} << QString();
    QTest::newRow("all events valid") << TwoByTwo{10, 10, 12, 12} << QString();
    QTest::newRow("fractional split control") << TwoByTwo{3, 10, 2.5, 6.5} << QString();
    QTest::newRow("negative treated events") << TwoByTwo{-1, 10, 2, 12} << "Events (treated) are negative";
    QTest::newRow("negative control events") << TwoByTwo{1, 10, -2, 12} << "Events (control) are negative";
    QTest::newRow("treated events exceed")
        << TwoByTwo{11, 10, 2, 12} << "Events (treated) exceed Total (treated)";
    QTest::newRow("control events exceed")
        << TwoByTwo{1, 10, 13, 12} << "Events (control) exceed Total (control)";
    QTest::newRow("no treated") << TwoByTwo{0, 0, 2, 12} << "Total (treated) is below 1";
    QTest::newRow("control below one") << TwoByTwo{0, 5, 0, 0.5} << "Total (control) is below 1";
    QTest::newRow("NaN events") << TwoByTwo{notANumber, 5, 0, 5} << "Events (treated) is not a finite number";
    QTest::newRow("infinite total") << TwoByTwo{1, 5, 0, infinity}
                                    << "Total (control) is not a finite number";
}

void TestBinaryEffects::checksName() {
    QFETCH(TwoByTwo, table);
    QFETCH(QString, problem);
    QCOMPARE(QString::fromStdString(checkTwoByTwo(table)), problem);
}

void TestBinaryEffects::invalidTableHasNoEffect() {
    for (const auto measure :
         {BinaryMeasure::OddsRatio, BinaryMeasure::RiskRatio, BinaryMeasure::RiskDifference}) {
        const BinaryEffect effect = binaryEffect(measure, {12, 10, 2, 12});
        QVERIFY(!effect.value);
        QCOMPARE(effect.problem, std::string("Events (treated) exceed Total (treated)"));
        QVERIFY(effect.dropped.empty());
    }
}

void TestBinaryEffects::zeroCells_data() {
    QTest::addColumn<TwoByTwo>("table");
    QTest::addColumn<BinaryMeasure>("measure");
    QTest::addColumn<int>("rule");
    QTest::addColumn<bool>("hasValue");
    QTest::addColumn<bool>("corrected");
    QTest::addColumn<QString>("droppedBecause"); ///< part of the reason, empty when kept

    const auto OR = BinaryMeasure::OddsRatio, RR = BinaryMeasure::RiskRatio,
               RD = BinaryMeasure::RiskDifference;
    const int byDefault = int(DoubleZeroRule::DropForRatios), drop = int(DoubleZeroRule::Drop),
              keep = int(DoubleZeroRule::Keep);
    const TwoByTwo noZero{3, 10, 5, 12}, singleZero{0, 10, 5, 12}, doubleZero{0, 10, 0, 12},
        allEvents{10, 10, 12, 12}, noNonEventsTreated{10, 10, 6, 12};
    const QString none = QStringLiteral("no events in either group");
    const QString all = QStringLiteral("events in every participant of both groups");

    QTest::newRow("OR no zero") << noZero << OR << byDefault << true << false << QString();
    QTest::newRow("OR single zero corrected") << singleZero << OR << byDefault << true << true << QString();
    QTest::newRow("RR single zero corrected") << singleZero << RR << byDefault << true << true << QString();
    QTest::newRow("RD single zero corrected (escalc)")
        << singleZero << RD << byDefault << true << true << QString();
    QTest::newRow("OR b = 0 corrected") << noNonEventsTreated << OR << byDefault << true << true << QString();
    QTest::newRow("OR double zero dropped") << doubleZero << OR << byDefault << false << false << none;
    QTest::newRow("RR double zero dropped") << doubleZero << RR << byDefault << false << false << none;
    QTest::newRow("RD double zero kept") << doubleZero << RD << byDefault << true << true << QString();
    QTest::newRow("RD double zero dropped by Drop") << doubleZero << RD << drop << false << false << none;
    QTest::newRow("OR double zero kept by Keep") << doubleZero << OR << keep << true << true << QString();
    QTest::newRow("OR all events dropped") << allEvents << OR << byDefault << false << false << all;
    QTest::newRow("RR all events dropped") << allEvents << RR << byDefault << false << false << all;
    QTest::newRow("RD all events kept") << allEvents << RD << byDefault << true << true << QString();
    QTest::newRow("OR all events kept by Keep") << allEvents << OR << keep << true << true << QString();
}

void TestBinaryEffects::zeroCells() {
    QFETCH(TwoByTwo, table);
    QFETCH(BinaryMeasure, measure);
    QFETCH(int, rule);
    QFETCH(bool, hasValue);
    QFETCH(bool, corrected);
    QFETCH(QString, droppedBecause);
    ZeroCellOptions options;
    options.doubleZero = DoubleZeroRule(rule);
    const BinaryEffect effect = binaryEffect(measure, table, options);
    QVERIFY2(effect.problem.empty(), effect.problem.c_str());
    QCOMPARE(effect.value.has_value(), hasValue);
    QCOMPARE(effect.corrected, corrected);
    QCOMPARE(effect.dropped.empty(), droppedBecause.isEmpty());
    if (!droppedBecause.isEmpty())
        QVERIFY2(QString::fromStdString(effect.dropped).startsWith(droppedBecause), effect.dropped.c_str());
    if (effect.value) {
        QVERIFY(std::isfinite(effect.value->yi));
        QVERIFY(effect.value->vi > 0 && std::isfinite(effect.value->vi));
    }
}

void TestBinaryEffects::correctionValues() {
    // 0/10 vs 5/12 becomes 0.5/11 vs 5.5/13: log OR = log(0.5·7.5/(10.5·5.5)), v = Σ 1/cell (Woolf).
    const BinaryEffect odds = binaryEffect(BinaryMeasure::OddsRatio, {0, 10, 5, 12});
    QVERIFY(odds.value);
    EVIDENT_COMPARE_REL(odds.value->yi, std::log(0.5 * 7.5 / (10.5 * 5.5)), 1e-14);
    EVIDENT_COMPARE_REL(odds.value->vi, 1 / 0.5 + 1 / 10.5 + 1 / 5.5 + 1 / 7.5, 1e-14);
    // A different increment is honoured.
    ZeroCellOptions tenth;
    tenth.add = 0.1;
    const BinaryEffect risk = binaryEffect(BinaryMeasure::RiskRatio, {0, 10, 5, 12}, tenth);
    QVERIFY(risk.value);
    EVIDENT_COMPARE_REL(risk.value->yi, std::log((0.1 / 10.2) / (5.1 / 12.2)), 1e-14);
    EVIDENT_COMPARE_REL(risk.value->vi, 1 / 0.1 - 1 / 10.2 + 1 / 5.1 - 1 / 12.2, 1e-14);
}

void TestBinaryEffects::withoutCorrection_data() {
    QTest::addColumn<TwoByTwo>("table");
    QTest::addColumn<BinaryMeasure>("measure");
    QTest::addColumn<QString>("problem");
    QTest::newRow("OR zero cell")
        << TwoByTwo{0, 10, 5, 12} << BinaryMeasure::OddsRatio
        << "a zero cell makes the odds ratio or its variance infinite (no zero-cell "
           "correction)";
    QTest::newRow("RR zero events")
        << TwoByTwo{0, 10, 5, 12} << BinaryMeasure::RiskRatio
        << "a zero cell makes the risk ratio or its variance infinite (no zero-cell "
           "correction)";
    QTest::newRow("RD double zero kept")
        << TwoByTwo{0, 10, 0, 12} << BinaryMeasure::RiskDifference
        << "the variance of the risk difference is zero (no zero-cell correction)";
}

void TestBinaryEffects::withoutCorrection() {
    QFETCH(TwoByTwo, table);
    QFETCH(BinaryMeasure, measure);
    QFETCH(QString, problem);
    ZeroCellOptions options;
    options.correctZeroCells = false;
    const BinaryEffect effect = binaryEffect(measure, table, options);
    QVERIFY(!effect.value);
    QVERIFY(!effect.corrected);
    QCOMPARE(QString::fromStdString(effect.problem), problem);
}

void TestBinaryEffects::noEstimate_data() {
    QTest::addColumn<std::vector<TwoByTwo>>("tables");
    QTest::addColumn<BinaryMeasure>("measure");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("revManReason"); ///< with the RevMan 5 convention; empty: it gives an estimate
    const std::vector<TwoByTwo> doubleZeros{{0, 10, 0, 12}, {0, 8, 0, 9}};
    QTest::newRow("k = 0 OR") << std::vector<TwoByTwo>{} << BinaryMeasure::OddsRatio
                              << "no table is left to pool"
                              << "no table is left to pool";
    QTest::newRow("k = 0 RD") << std::vector<TwoByTwo>{} << BinaryMeasure::RiskDifference
                              << "no table is left to pool"
                              << "no table is left to pool";
    QTest::newRow("all double zero OR")
        << doubleZeros << BinaryMeasure::OddsRatio << "the Mantel-Haenszel odds ratio does not exist"
        << "no table is left to pool";
    QTest::newRow("all double zero RR")
        << doubleZeros << BinaryMeasure::RiskRatio << "the Mantel-Haenszel risk ratio does not exist"
        << "no table is left to pool";
    QTest::newRow("all double zero RD")
        << doubleZeros << BinaryMeasure::RiskDifference
        << "the variance of the Mantel-Haenszel estimate is zero" << QString();
    QTest::newRow("ΣR = 0 OR") << std::vector<TwoByTwo>{{0, 10, 3, 10}, {0, 8, 1, 8}}
                               << BinaryMeasure::OddsRatio << "the Mantel-Haenszel odds ratio does not exist"
                               << QString();
    QTest::newRow("ΣS = 0 OR") << std::vector<TwoByTwo>{{4, 10, 0, 10}, {10, 10, 8, 10}}
                               << BinaryMeasure::OddsRatio << "the Mantel-Haenszel odds ratio does not exist"
                               << QString();
}

void TestBinaryEffects::noEstimate() {
    QFETCH(std::vector<TwoByTwo>, tables);
    QFETCH(BinaryMeasure, measure);
    QFETCH(QString, reason);
    QFETCH(QString, revManReason);
    for (const bool revMan : {false, true}) {
        MantelHaenszelOptions options;
        options.revMan5Convention = revMan;
        const BinaryPooledFit fit = mantelHaenszel(measure, tables, options);
        const QString expected = revMan ? revManReason : reason;
        if (expected.isEmpty()) {
            QVERIFY2(fit.estimable && allFinite(fit), fit.problem.c_str());
            continue;
        }
        QVERIFY(!fit.estimable);
        QVERIFY2(QString::fromStdString(fit.problem).startsWith(expected), fit.problem.c_str());
        QVERIFY(allFinite(fit));
        const MantelHaenszelRandomFit random = mantelHaenszelRandom(fit);
        QVERIFY(!random.estimable);
        QVERIFY(!random.problem.empty());
        if (fit.tests) {
            QVERIFY(!fit.tests->tarone && !fit.tests->taroneP);
            if (fit.tests->cmh)
                QVERIFY(std::isfinite(*fit.tests->cmh) && std::isfinite(*fit.tests->cmhP));
        }
    }
}

void TestBinaryEffects::invalidTableNamesItsPosition() {
    const std::vector<TwoByTwo> tables{{1, 10, 2, 10}, {3, 10, 12, 10}};
    const BinaryPooledFit fit = mantelHaenszel(BinaryMeasure::OddsRatio, tables);
    QVERIFY(!fit.estimable);
    QCOMPARE(fit.problem, std::string("table 2: Events (control) exceed Total (control)"));
    const BinaryPooledFit peto = petoOddsRatio(tables);
    QCOMPARE(peto.problem, std::string("table 2: Events (control) exceed Total (control)"));
}

void TestBinaryEffects::singleTable() {
    // k = 1: the MH OR is the table's own ad/bc, with no heterogeneity (Q = 0, p = 1, I² = 0).
    const std::vector<TwoByTwo> one{{7, 30, 12, 29}};
    const BinaryPooledFit fit = mantelHaenszel(BinaryMeasure::OddsRatio, one);
    QVERIFY(fit.estimable);
    EVIDENT_COMPARE_REL(fit.estimate, std::log(7.0 * 17 / (23.0 * 12)), 1e-14);
    QCOMPARE(fit.q, 0.0);
    QCOMPARE(fit.qDf, 0);
    QCOMPARE(fit.qP, 1.0);
    QCOMPARE(fit.i2, 0.0);
    QVERIFY(fit.tests && fit.tests->tarone && !fit.tests->taroneP); // 1 df short of a p-value
    const MantelHaenszelRandomFit random = mantelHaenszelRandom(fit);
    QVERIFY(random.estimable);
    QCOMPARE(random.tau2, 0.0);
}

void TestBinaryEffects::invalidLevel() {
    const std::vector<TwoByTwo> one{{7, 30, 12, 29}};
    MantelHaenszelOptions options;
    options.level = 95; // a percentage by mistake
    const BinaryPooledFit fit = mantelHaenszel(BinaryMeasure::RiskRatio, one, options);
    QVERIFY(!fit.estimable);
    QCOMPARE(fit.problem, std::string("the confidence level must lie between 0 and 1"));
    PetoOptions peto;
    peto.level = 0;
    QVERIFY(!petoOddsRatio(one, peto).estimable);
}

void TestBinaryEffects::revManConventionChangesOnlyZeroCellTables() {
    // Without zero cells the RevMan 5 convention is the exact MH.
    const std::vector<TwoByTwo> plain{{7, 30, 12, 29}, {3, 20, 8, 21}};
    MantelHaenszelOptions revMan;
    revMan.revMan5Convention = true;
    QCOMPARE(mantelHaenszel(BinaryMeasure::OddsRatio, plain, revMan).estimate,
             mantelHaenszel(BinaryMeasure::OddsRatio, plain).estimate);
    // With one, it equals the exact MH of the corrected tables.
    const std::vector<TwoByTwo> zero{{7, 30, 12, 29}, {0, 20, 8, 21}};
    const std::vector<TwoByTwo> corrected{{7, 30, 12, 29}, {0.5, 21, 8.5, 22}};
    EVIDENT_COMPARE_REL(mantelHaenszel(BinaryMeasure::RiskRatio, zero, revMan).estimate,
                        mantelHaenszel(BinaryMeasure::RiskRatio, corrected).estimate, 1e-14);
    QVERIFY(mantelHaenszel(BinaryMeasure::RiskRatio, zero).estimate
            != mantelHaenszel(BinaryMeasure::RiskRatio, zero, revMan).estimate);
}

void TestBinaryEffects::petoWithoutInformation() {
    const std::vector<TwoByTwo> none{{0, 10, 0, 12}, {5, 5, 6, 6}};
    const BinaryPooledFit fit = petoOddsRatio(none);
    QVERIFY(!fit.estimable);
    QVERIFY(QString::fromStdString(fit.problem).startsWith(u"the Peto odds ratio does not exist"));
    QVERIFY(allFinite(fit));
    QCOMPARE(fit.peto.size(), std::size_t(2));
    QCOMPARE(fit.peto[0].variance, 0.0);
    QVERIFY(!fit.studies[0].value && !fit.studies[0].dropped.empty());
    QVERIFY(!petoOddsRatio({}).estimable);
}

void TestBinaryEffects::measureKeys() {
    QCOMPARE(binaryMeasureKey(BinaryMeasure::OddsRatio), std::string_view("OR"));
    QCOMPARE(binaryMeasureKey(BinaryMeasure::RiskRatio), std::string_view("RR"));
    QCOMPARE(binaryMeasureKey(BinaryMeasure::RiskDifference), std::string_view("RD"));
    QVERIFY(dropsDoubleZero(BinaryMeasure::RiskRatio, DoubleZeroRule::DropForRatios));
    QVERIFY(!dropsDoubleZero(BinaryMeasure::RiskDifference, DoubleZeroRule::DropForRatios));
    QVERIFY(!dropsDoubleZero(BinaryMeasure::OddsRatio, DoubleZeroRule::Keep));
}

QTEST_GUILESS_MAIN(TestBinaryEffects)
#include "tst_binary_effects.moc"
