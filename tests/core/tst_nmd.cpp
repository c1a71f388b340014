// SPDX-License-Identifier: GPL-3.0-or-later
// Normalised mean difference (Vesterinen et al. 2014, J Neurosci Methods 221:92).
//
// Vesterinen et al. give the formulas but no worked numeric example, so the expected values come from
// tests/reference/make_preclinical_vectors.R, which computes the paper's formulas in R and, before
// writing them, checks them against metafor 3.8's escalc("MD") rescaled by −100/(x_c − x_sham)
// (the NMD is that rescaled raw mean difference). The sign convention and the refusals are checked by
// hand-worked rows below.
#include "core/effectsize/continuous.h"
#include "tests/support/testsupport.h"

#include <cmath>
#include <limits>

using namespace evident;

Q_DECLARE_METATYPE(evident::GroupSummary)
Q_DECLARE_METATYPE(evident::OutcomeDirection)

namespace {

// yi and vi are a few arithmetic operations on the inputs; the JSON holds 15 significant digits.
constexpr double tolerance = 1e-13;

QJsonObject reference() {
    static const QJsonObject root =
        test::loadJson(test::testDataPath(QStringLiteral("reference/preclinical_vectors.json"))).object();
    return root;
}

GroupSummary groupFrom(const QJsonArray& values) {
    return {values.at(0).toDouble(), values.at(1).toDouble(), values.at(2).toDouble()};
}

ShamReference sham(double mean, OutcomeDirection direction = OutcomeDirection::Unspecified) {
    return {mean, direction};
}

} // namespace

class TestNmd : public QObject {
    Q_OBJECT
private slots:
    void matchesR_data();
    void matchesR();
    void signMeansBenefitInBothDirections_data();
    void signMeansBenefitInBothDirections();
    void declaredDirectionMustAgreeWithSham_data();
    void declaredDirectionMustAgreeWithSham();
    void isTheRescaledMeanDifference();
    void badInputIsRefused();
    void otherMeasuresIgnoreTheSham();
    void measureIsRegistered();
};

void TestNmd::matchesR_data() {
    QTest::addColumn<GroupSummary>("treated");
    QTest::addColumn<GroupSummary>("control");
    QTest::addColumn<double>("shamMean");
    QTest::addColumn<double>("yi");
    QTest::addColumn<double>("vi");
    for (const auto& value : reference()[QStringLiteral("nmd_cases")].toArray()) {
        const QJsonObject c = value.toObject();
        QTest::newRow(qPrintable(c[QStringLiteral("id")].toString()))
            << groupFrom(c[QStringLiteral("treated")].toArray())
            << groupFrom(c[QStringLiteral("control")].toArray()) << c[QStringLiteral("sham")].toDouble()
            << c[QStringLiteral("yi")].toDouble() << c[QStringLiteral("vi")].toDouble();
    }
}

void TestNmd::matchesR() {
    QFETCH(GroupSummary, treated);
    QFETCH(GroupSummary, control);
    QFETCH(double, shamMean);
    QFETCH(double, yi);
    QFETCH(double, vi);
    const EffectSizeResult result =
        computeContinuousEffect(EffectMeasure::NMD, treated, control, sham(shamMean));
    QVERIFY2(result.value.has_value(), result.problem.c_str());
    EVIDENT_COMPARE_REL(result.value->yi, yi, tolerance);
    EVIDENT_COMPARE_REL(result.value->vi, vi, tolerance);
}

void TestNmd::signMeansBenefitInBothDirections_data() {
    // Worked by hand: NMD = 100 × (x_c − x_t) / (x_c − x_sham).
    QTest::addColumn<double>("treatedMean");
    QTest::addColumn<double>("controlMean");
    QTest::addColumn<double>("shamMean");
    QTest::addColumn<double>("nmd");
    // Lower is better (infarct volume, sham 0): treated 30 vs control 40 recovers a quarter of the lesion.
    QTest::newRow("lower is better, improvement") << 30.0 << 40.0 << 0.0 << 25.0;
    QTest::newRow("lower is better, worse") << 50.0 << 40.0 << 0.0 << -25.0;
    // Higher is better (ejection fraction, sham 70): treated 55 vs control 40 recovers half the lesion.
    QTest::newRow("higher is better, improvement") << 55.0 << 40.0 << 70.0 << 50.0;
    QTest::newRow("higher is better, worse") << 34.0 << 40.0 << 70.0 << -20.0;
    QTest::newRow("treated back at sham") << 70.0 << 40.0 << 70.0 << 100.0;
    QTest::newRow("treated past sham") << 76.0 << 40.0 << 70.0 << 120.0;
    QTest::newRow("treated equals control") << 40.0 << 40.0 << 70.0 << 0.0;
}

void TestNmd::signMeansBenefitInBothDirections() {
    QFETCH(double, treatedMean);
    QFETCH(double, controlMean);
    QFETCH(double, shamMean);
    QFETCH(double, nmd);
    const GroupSummary treated{treatedMean, 8, 10};
    const GroupSummary control{controlMean, 6, 12};
    const EffectSizeResult result = normalisedMeanDifference(treated, control, sham(shamMean));
    QVERIFY2(result.value.has_value(), result.problem.c_str());
    EVIDENT_COMPARE_REL(result.value->yi, nmd, 1e-14);
    // vi = (100 / |x_c − x_sham|)² × (SD_c²/n_c + SD_t²/n_t), the same on either side of the sham.
    const double scale = 100 / (controlMean - shamMean);
    EVIDENT_COMPARE_REL(result.value->vi, scale * scale * (36.0 / 12 + 64.0 / 10), 1e-14);
}

void TestNmd::declaredDirectionMustAgreeWithSham_data() {
    QTest::addColumn<double>("controlMean");
    QTest::addColumn<double>("shamMean");
    QTest::addColumn<OutcomeDirection>("direction");
    QTest::addColumn<QString>("problem"); // empty: accepted
    QTest::newRow("higher is better, sham above control")
        << 40.0 << 70.0 << OutcomeDirection::HigherIsBetter << QString();
    QTest::newRow("lower is better, sham below control")
        << 40.0 << 0.0 << OutcomeDirection::LowerIsBetter << QString();
    QTest::newRow("unspecified, sham above") << 40.0 << 70.0 << OutcomeDirection::Unspecified << QString();
    QTest::newRow("unspecified, sham below") << 40.0 << 0.0 << OutcomeDirection::Unspecified << QString();
    QTest::newRow("higher is better, sham below control")
        << 40.0 << 10.0 << OutcomeDirection::HigherIsBetter
        << QStringLiteral(
               "the outcome is marked higher-is-better but the sham mean (10) is below the control mean "
               "(40); check whether the sham and control groups are swapped");
    QTest::newRow("lower is better, sham above control")
        << 40.0 << 55.5 << OutcomeDirection::LowerIsBetter
        << QStringLiteral(
               "the outcome is marked lower-is-better but the sham mean (55.5) is above the control mean "
               "(40); check whether the sham and control groups are swapped");
}

void TestNmd::declaredDirectionMustAgreeWithSham() {
    QFETCH(double, controlMean);
    QFETCH(double, shamMean);
    QFETCH(OutcomeDirection, direction);
    QFETCH(QString, problem);
    const EffectSizeResult result =
        normalisedMeanDifference({50, 5, 6}, {controlMean, 5, 6}, sham(shamMean, direction));
    if (problem.isEmpty()) {
        QVERIFY2(result.value.has_value(), result.problem.c_str());
    } else {
        QVERIFY(!result.value.has_value());
        QCOMPARE(QString::fromStdString(result.problem), problem);
    }
}

void TestNmd::isTheRescaledMeanDifference() {
    // NMD = −100/(x_c − x_sham) × MD and vi_NMD = (100/(x_c − x_sham))² × vi_MD, with MD as metafor's
    // escalc("MD") (tested elsewhere against metafor).
    const GroupSummary treated{12.4, 3.1, 7};
    const GroupSummary control{18.9, 4.4, 6.5};
    const double shamMean = 3.2;
    const auto md = computeContinuousEffect(EffectMeasure::MD, treated, control);
    const auto nmd = computeContinuousEffect(EffectMeasure::NMD, treated, control, sham(shamMean));
    QVERIFY(md.value && nmd.value);
    const double k = -100 / (control.mean - shamMean);
    EVIDENT_COMPARE_REL(nmd.value->yi, k * md.value->yi, 1e-14);
    EVIDENT_COMPARE_REL(nmd.value->vi, k * k * md.value->vi, 1e-14);
}

void TestNmd::badInputIsRefused() {
    const GroupSummary treated{30, 5, 8};
    const GroupSummary control{40, 6, 8};

    auto noSham = computeContinuousEffect(EffectMeasure::NMD, treated, control);
    QVERIFY(!noSham.value);
    QCOMPARE(noSham.problem,
             std::string("the normalised mean difference needs the mean of a sham (or naive) group"));
    noSham = computeContinuousEffect(EffectMeasure::NMD, treated, control, std::nullopt);
    QVERIFY(!noSham.value);
    QCOMPARE(noSham.problem,
             std::string("the normalised mean difference needs the mean of a sham (or naive) group"));

    const auto equal = normalisedMeanDifference(treated, control, sham(40));
    QVERIFY(!equal.value);
    QCOMPARE(
        equal.problem,
        std::string("the control and sham means are equal (40), so there is no injury to normalise against"));

    const auto notFinite =
        normalisedMeanDifference(treated, control, sham(std::numeric_limits<double>::quiet_NaN()));
    QVERIFY(!notFinite.value);
    QCOMPARE(notFinite.problem, std::string("the sham group's mean is not a finite number"));

    const auto infinite =
        normalisedMeanDifference(treated, control, sham(-std::numeric_limits<double>::infinity()));
    QVERIFY(!infinite.value);
    QCOMPARE(infinite.problem, std::string("the sham group's mean is not a finite number"));

    // A sham a hair's breadth from the control overflows rather than giving infinity.
    const auto overflow = normalisedMeanDifference({1e300, 1e300, 8}, {1.0, 1e300, 8}, sham(1.0 - 1e-16));
    QVERIFY(!overflow.value);
    QCOMPARE(
        overflow.problem,
        std::string("the normalised mean difference overflows: the control and sham means are too close"));
}

void TestNmd::otherMeasuresIgnoreTheSham() {
    const GroupSummary treated{30, 5, 8};
    const GroupSummary control{40, 6, 9};
    for (auto measure :
         {EffectMeasure::SMD, EffectMeasure::SMDRevMan, EffectMeasure::MD, EffectMeasure::ROM}) {
        const auto with = computeContinuousEffect(measure, treated, control, sham(0));
        const auto without = computeContinuousEffect(measure, treated, control);
        QVERIFY(with.value && without.value);
        QCOMPARE(with.value->yi, without.value->yi);
        QCOMPARE(with.value->vi, without.value->vi);
    }
}

void TestNmd::measureIsRegistered() {
    QCOMPARE(measureKey(EffectMeasure::NMD), std::string_view("NMD"));
    QCOMPARE(measureAbbreviation(EffectMeasure::NMD), std::string_view("NMD"));
    QVERIFY(!measureLabel(EffectMeasure::NMD).empty());
    QCOMPARE(int(*parseMeasure("nmd")), int(EffectMeasure::NMD));
    QVERIFY(isOrientedToBenefit(EffectMeasure::NMD));
    QVERIFY(needsShamMean(EffectMeasure::NMD));
    QVERIFY(!isRatioMeasure(EffectMeasure::NMD));
    for (auto measure : {EffectMeasure::SMD, EffectMeasure::SMDRevMan, EffectMeasure::MD, EffectMeasure::ROM,
                         EffectMeasure::Generic}) {
        QVERIFY(!isOrientedToBenefit(measure));
        QVERIFY(!needsShamMean(measure));
    }
    // The generic measure keeps its key after NMD was added in front of it.
    QCOMPARE(int(*parseMeasure("GENERIC")), int(EffectMeasure::Generic));

    for (auto direction :
         {OutcomeDirection::Unspecified, OutcomeDirection::HigherIsBetter, OutcomeDirection::LowerIsBetter})
        QCOMPARE(int(*parseDirection(directionKey(direction))), int(direction));
    QVERIFY(!parseDirection("UP").has_value());
}

QTEST_GUILESS_MAIN(TestNmd)
#include "tst_nmd.moc"
