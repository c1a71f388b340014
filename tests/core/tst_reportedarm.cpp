// SPDX-License-Identifier: GPL-3.0-or-later
// Reported group data (SEM, CI, median with IQR and/or range) converted to mean and SD.
//
// Sources of the expected numbers:
// - Cochrane Handbook (version 6) §6.5.2.2 (as in version 5.1, §7.7.3.2): its worked numbers for the CI
//   divisor, 2 × 2.0639 = 4.128 for a 95 % CI from a group of 25 (t with 24 df), and 3.92, 3.29, 5.15
//   for 95 %, 90 % and 99 % intervals from large samples.
// - metaBLUE 1.0.0 (an independent R implementation of Luo et al. 2018 and Wan et al. 2014), the output
//   printed in its documentation: Luo.mean(c(1, 4, 10), 30, "S1") = 4.356748 and
//   Wan.std(c(1, 4, 10), 30, "S1") = 2.205578.
// - Neither Wan et al. 2014 nor Luo et al. 2018 prints a worked numeric example that could be found, so
//   every scenario and several n are checked against tests/reference/make_preclinical_vectors.R, which
//   computes the papers' equations in R (R 4.2.2) and writes preclinical_vectors.json.
#include "core/common/text.h"
#include "core/effectsize/reportedarm.h"
#include "tests/support/testsupport.h"

#include <cmath>
#include <limits>

using namespace evident;

Q_DECLARE_METATYPE(evident::ReportedArm)
Q_DECLARE_METATYPE(evident::ReportedField)

namespace {

// R's qt()/qnorm() and Boost agree to ~1e-15 (tst_distributions checks 1e-12); the JSON holds 15
// significant digits. 1e-12 leaves room for both and still catches any formula slip.
constexpr double tolerance = 1e-12;
constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

QJsonObject reference() {
    static const QJsonObject root =
        test::loadJson(test::testDataPath(QStringLiteral("reference/preclinical_vectors.json"))).object();
    return root;
}

ReportedArm arm(DispersionType type, double n, double centre) {
    ReportedArm a;
    a.type = type;
    a.n = n;
    a.centre = centre;
    return a;
}

ReportedArm semArm(double n, double mean, double sem) {
    ReportedArm a = arm(DispersionType::SEM, n, mean);
    a.sem = sem;
    return a;
}

ReportedArm ciArm(double n, double mean, double lower, double upper, double level) {
    ReportedArm a = arm(DispersionType::CI, n, mean);
    a.ciLower = lower;
    a.ciUpper = upper;
    a.ciLevel = level;
    return a;
}

ReportedArm medianArm(DispersionType type, double n, double minimum, double q1, double median, double q3,
                      double maximum) {
    ReportedArm a = arm(type, n, median);
    a.minimum = minimum;
    a.q1 = q1;
    a.q3 = q3;
    a.maximum = maximum;
    return a;
}

bool contains(const std::vector<std::string>& lines, const std::string& text) {
    for (const auto& line : lines)
        if (line.find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

class TestReportedArm : public QObject {
    Q_OBJECT
private slots:
    void sdIsUsedAsReported();
    void sdFromSemMatchesR_data();
    void sdFromSemMatchesR();
    void sdFromCiMatchesR_data();
    void sdFromCiMatchesR();
    void ciDivisorMatchesCochraneHandbook_data();
    void ciDivisorMatchesCochraneHandbook();
    void medianBasedMatchesR_data();
    void medianBasedMatchesR();
    void medianBasedMatchesMetaBlueDocumentation();
    void provenanceShowsTheArithmetic();
    void warningsForSmallOrFractionalN();
    void unusedFieldsAreIgnored();
    void badInputIsRefusedWithTheField_data();
    void badInputIsRefusedWithTheField();
    void keysAndFieldsRoundTrip();
    void numbersAreFormattedForReading_data();
    void numbersAreFormattedForReading();
};

void TestReportedArm::sdIsUsedAsReported() {
    ReportedArm a = arm(DispersionType::SD, 8, 25.3);
    a.sd = 5.9;
    const ArmConversion result = convertReportedArm(a);
    QVERIFY(result.ok());
    QCOMPARE(result.summary->mean, 25.3);
    QCOMPARE(result.summary->sd, 5.9);
    QCOMPARE(result.summary->n, 8.0);
    QCOMPARE(result.method, std::string("mean and SD as reported"));
    QVERIFY(result.steps.empty());
}

void TestReportedArm::sdFromSemMatchesR_data() {
    QTest::addColumn<ReportedArm>("input");
    QTest::addColumn<double>("expectedSd");
    for (const auto& value : reference()[QStringLiteral("sem_cases")].toArray()) {
        const QJsonObject c = value.toObject();
        QTest::newRow(qPrintable(c[QStringLiteral("id")].toString()))
            << semArm(c[QStringLiteral("n")].toDouble(), c[QStringLiteral("mean")].toDouble(),
                      c[QStringLiteral("sem")].toDouble())
            << c[QStringLiteral("sd")].toDouble();
    }
}

void TestReportedArm::sdFromSemMatchesR() {
    QFETCH(ReportedArm, input);
    QFETCH(double, expectedSd);
    const ArmConversion result = convertReportedArm(input);
    QVERIFY2(result.ok(), result.problem.c_str());
    EVIDENT_COMPARE_REL(result.summary->sd, expectedSd, tolerance);
    QCOMPARE(result.summary->mean, input.centre);
    QCOMPARE(result.summary->n, input.n);
}

void TestReportedArm::sdFromCiMatchesR_data() {
    QTest::addColumn<ReportedArm>("input");
    QTest::addColumn<double>("expectedSd");
    for (const auto& value : reference()[QStringLiteral("ci_cases")].toArray()) {
        const QJsonObject c = value.toObject();
        QTest::newRow(qPrintable(c[QStringLiteral("id")].toString()))
            << ciArm(c[QStringLiteral("n")].toDouble(), c[QStringLiteral("mean")].toDouble(),
                     c[QStringLiteral("lower")].toDouble(), c[QStringLiteral("upper")].toDouble(),
                     c[QStringLiteral("level")].toDouble())
            << c[QStringLiteral("sd")].toDouble();
    }
}

void TestReportedArm::sdFromCiMatchesR() {
    QFETCH(ReportedArm, input);
    QFETCH(double, expectedSd);
    const ArmConversion result = convertReportedArm(input);
    QVERIFY2(result.ok(), result.problem.c_str());
    EVIDENT_COMPARE_REL(result.summary->sd, expectedSd, tolerance);
    QCOMPARE(result.summary->mean, input.centre);
}

void TestReportedArm::ciDivisorMatchesCochraneHandbook_data() {
    // The divisor d in SD = √n × (upper − lower) / d, as the Handbook prints it, and the rounding of the
    // printed figure (half a unit in its last digit, relative), which is the tolerance.
    QTest::addColumn<double>("n");
    QTest::addColumn<double>("level");
    QTest::addColumn<double>("handbookDivisor");
    QTest::addColumn<double>("printedPrecision");
    QTest::newRow("n 25, 95%: 2 x 2.0639 (t, 24 df)") << 25.0 << 0.95 << 2 * 2.0639 << 0.00005 / 2.0639;
    QTest::newRow("n 25, 95%: 4.128") << 25.0 << 0.95 << 4.128 << 0.0005 / 4.128;
    // "Large" samples: with t always used, the divisor must have converged to the normal-theory values.
    QTest::newRow("large n, 95%: 3.92") << 1e6 << 0.95 << 3.92 << 0.005 / 3.92;
    QTest::newRow("large n, 90%: 3.29") << 1e6 << 0.90 << 3.29 << 0.005 / 3.29;
    QTest::newRow("large n, 99%: 5.15") << 1e6 << 0.99 << 5.15 << 0.005 / 5.15;
}

void TestReportedArm::ciDivisorMatchesCochraneHandbook() {
    QFETCH(double, n);
    QFETCH(double, level);
    QFETCH(double, handbookDivisor);
    QFETCH(double, printedPrecision);
    const double lower = 10;
    const double upper = 14;
    const ArmConversion result = convertReportedArm(ciArm(n, 12, lower, upper, level));
    QVERIFY2(result.ok(), result.problem.c_str());
    const double divisor = std::sqrt(n) * (upper - lower) / result.summary->sd;
    EVIDENT_COMPARE_REL(divisor, handbookDivisor, printedPrecision);
}

void TestReportedArm::medianBasedMatchesR_data() {
    QTest::addColumn<ReportedArm>("input");
    QTest::addColumn<double>("expectedMean");
    QTest::addColumn<double>("expectedSd");
    const struct {
        DispersionType type;
        const char* key;
    } scenarios[] = {{DispersionType::MedianRange, "range"},
                     {DispersionType::MedianIQR, "iqr"},
                     {DispersionType::MedianIQRRange, "both"}};
    for (const auto& value : reference()[QStringLiteral("median_cases")].toArray()) {
        const QJsonObject c = value.toObject();
        for (const auto& scenario : scenarios) {
            const QJsonObject expected = c[QLatin1String(scenario.key)].toObject();
            const QString name =
                c[QStringLiteral("id")].toString() + QStringLiteral(", ") + QLatin1String(scenario.key);
            QTest::newRow(qPrintable(name))
                << medianArm(scenario.type, c[QStringLiteral("n")].toDouble(),
                             c[QStringLiteral("min")].toDouble(), c[QStringLiteral("q1")].toDouble(),
                             c[QStringLiteral("median")].toDouble(), c[QStringLiteral("q3")].toDouble(),
                             c[QStringLiteral("max")].toDouble())
                << expected[QStringLiteral("mean")].toDouble() << expected[QStringLiteral("sd")].toDouble();
        }
    }
}

void TestReportedArm::medianBasedMatchesR() {
    QFETCH(ReportedArm, input);
    QFETCH(double, expectedMean);
    QFETCH(double, expectedSd);
    const ArmConversion result = convertReportedArm(input);
    QVERIFY2(result.ok(), result.problem.c_str());
    EVIDENT_COMPARE_REL(result.summary->mean, expectedMean, tolerance);
    EVIDENT_COMPARE_REL(result.summary->sd, expectedSd, tolerance);
    QCOMPARE(result.summary->n, input.n);
}

void TestReportedArm::medianBasedMatchesMetaBlueDocumentation() {
    // metaBLUE prints 7 significant digits: the tolerance is half a unit in the last one.
    const ArmConversion result =
        convertReportedArm(medianArm(DispersionType::MedianRange, 30, 1, 0, 4, 0, 10));
    QVERIFY2(result.ok(), result.problem.c_str());
    EVIDENT_COMPARE_ABS(result.summary->mean, 4.356748, 5e-7);
    EVIDENT_COMPARE_ABS(result.summary->sd, 2.205578, 5e-7);
}

void TestReportedArm::provenanceShowsTheArithmetic() {
    const ArmConversion sem = convertReportedArm(semArm(8, 25.3, 2.1));
    QVERIFY(sem.ok());
    QCOMPARE(sem.steps.size(), std::size_t(1));
    QCOMPARE(sem.steps.front(), std::string("SD = SEM × √n = 2.1 × √8 = 5.94"));
    QVERIFY(sem.method.find("Cochrane Handbook §6.5.2.2") != std::string::npos);
    QVERIFY(sem.provenance().find("5.94") != std::string::npos);

    const ArmConversion ci = convertReportedArm(ciArm(8, 41.5, 37.1, 45.9, 0.95));
    QVERIFY(ci.ok());
    QVERIFY(ci.method.find("95% confidence interval") != std::string::npos);
    QVERIFY(contains(ci.steps, "t = 2.365 (Student's t, 0.975 quantile, 7 df)"));
    QVERIFY(contains(ci.steps, "= √8 × (45.9 − 37.1) / (2 × 2.365) = 5.263"));

    const ArmConversion iqr =
        convertReportedArm(medianArm(DispersionType::MedianIQR, 8, 0, 22.5, 25.1, 28.3, 0));
    QVERIFY(iqr.ok());
    QVERIFY(iqr.method.find("Luo et al. 2018, eq. 11") != std::string::npos);
    QVERIFY(iqr.method.find("Wan et al. 2014, eq. 16") != std::string::npos);
    QVERIFY(iqr.method.find("roughly normal") != std::string::npos);
    QVERIFY(contains(iqr.steps, "w = 0.7 + 0.39 / n = 0.7 + 0.39 / 8 = 0.7487"));

    const ArmConversion range =
        convertReportedArm(medianArm(DispersionType::MedianRange, 10, -12.5, 0, -5.5, 0, 1.5));
    QVERIFY(range.ok());
    QVERIFY(range.method.find("Luo et al. 2018, eq. 7") != std::string::npos);
    QVERIFY(range.method.find("Wan et al. 2014, eq. 9") != std::string::npos);
    // Negative numbers are bracketed inside formulas.
    QVERIFY(contains(range.steps, "(1.5 − (-12.5))"));

    const ArmConversion both =
        convertReportedArm(medianArm(DispersionType::MedianIQRRange, 15, 140, 162, 171, 185, 214));
    QVERIFY(both.ok());
    QVERIFY(both.method.find("Luo et al. 2018, eq. 15") != std::string::npos);
    QVERIFY(both.method.find("Wan et al. 2014, eq. 12") != std::string::npos);
    QCOMPARE(both.steps.size(), std::size_t(5));
}

void TestReportedArm::warningsForSmallOrFractionalN() {
    const ArmConversion small = convertReportedArm(medianArm(DispersionType::MedianIQR, 4, 0, 12, 13, 15, 0));
    QVERIFY(small.ok());
    QVERIFY(contains(small.warnings, "fewer than 5 animals"));
    QVERIFY(small.provenance().find("Note: median-based estimates") != std::string::npos);

    const ArmConversion five = convertReportedArm(medianArm(DispersionType::MedianIQR, 5, 0, 12, 13, 15, 0));
    QVERIFY(five.ok());
    QVERIFY(five.warnings.empty());

    const ArmConversion fractional = convertReportedArm(semArm(7.5, 1, 0.2));
    QVERIFY(fractional.ok());
    QVERIFY(contains(fractional.warnings, "n (7.5) is not a whole number"));
}

void TestReportedArm::unusedFieldsAreIgnored() {
    ReportedArm a = semArm(6, 100, 12.5);
    a.sd = notANumber;
    a.q1 = infinity;
    a.ciLevel = 95;
    const ArmConversion result = convertReportedArm(a);
    QVERIFY2(result.ok(), result.problem.c_str());
}

void TestReportedArm::badInputIsRefusedWithTheField_data() {
    QTest::addColumn<ReportedArm>("input");
    QTest::addColumn<ReportedField>("field");
    QTest::addColumn<QString>("message");

    ReportedArm sd = arm(DispersionType::SD, 8, 10);
    sd.sd = 2;
    auto with = [](ReportedArm a, auto change) {
        change(a);
        return a;
    };
    using F = ReportedField;

    QTest::newRow("n below 2") << with(sd, [](ReportedArm& a) { a.n = 1; }) << F::N
                               << QStringLiteral("n must be at least 2 (got 1)");
    QTest::newRow("n zero") << with(sd, [](ReportedArm& a) { a.n = 0; }) << F::N
                            << QStringLiteral("n must be at least 2 (got 0)");
    QTest::newRow("n NaN") << with(sd, [](ReportedArm& a) { a.n = notANumber; }) << F::N
                           << QStringLiteral("n is not a finite number");
    QTest::newRow("n infinite") << with(sd, [](ReportedArm& a) { a.n = infinity; }) << F::N
                                << QStringLiteral("n is not a finite number");
    QTest::newRow("mean infinite") << with(sd, [](ReportedArm& a) { a.centre = -infinity; }) << F::Centre
                                   << QStringLiteral("mean is not a finite number");
    QTest::newRow("SD zero") << with(sd, [](ReportedArm& a) { a.sd = 0; }) << F::SD
                             << QStringLiteral("SD (0) must be greater than 0");
    QTest::newRow("SD NaN") << with(sd, [](ReportedArm& a) { a.sd = notANumber; }) << F::SD
                            << QStringLiteral("SD is not a finite number");

    const ReportedArm sem = semArm(8, 10, 1);
    QTest::newRow("SEM negative") << with(sem, [](ReportedArm& a) { a.sem = -0.5; }) << F::SEM
                                  << QStringLiteral("SEM (-0.5) must be greater than 0");
    QTest::newRow("SEM overflows") << with(sem, [](ReportedArm& a) {
        a.sem = 1e308;
    }) << F::SEM << QStringLiteral("the numbers are too large or too small to convert to a mean and SD");
    QTest::newRow("SEM zero") << with(sem, [](ReportedArm& a) { a.sem = 0; }) << F::SEM
                              << QStringLiteral("SEM (0) must be greater than 0");

    const ReportedArm ci = ciArm(8, 10, 8, 12, 0.95);
    QTest::newRow("CI level in percent")
        << with(ci, [](ReportedArm& a) { a.ciLevel = 95; }) << F::CILevel
        << QStringLiteral("CI level must be between 0 and 1, e.g. 0.95 for a "
                          "95% interval (got 95)");
    QTest::newRow("CI level zero") << with(ci, [](ReportedArm& a) { a.ciLevel = 0; }) << F::CILevel
                                   << QStringLiteral("CI level must be between 0 and 1");
    QTest::newRow("CI level one") << with(ci, [](ReportedArm& a) { a.ciLevel = 1; }) << F::CILevel
                                  << QStringLiteral("CI level must be between 0 and 1");
    QTest::newRow("CI upper below lower")
        << with(ci, [](ReportedArm& a) { a.ciUpper = 7; }) << F::CIUpper
        << QStringLiteral("CI upper limit (7) must be greater than CI lower "
                          "limit (8): the interval's width is zero or negative");
    QTest::newRow("CI limits equal") << with(ci, [](ReportedArm& a) { a.ciUpper = 8; }) << F::CIUpper
                                     << QStringLiteral("the interval's width is zero or negative");
    QTest::newRow("mean below CI") << with(ci, [](ReportedArm& a) {
        a.centre = 7.5;
    }) << F::Centre << QStringLiteral("mean (7.5) must lie within its confidence interval (8 to 12)");
    QTest::newRow("mean above CI") << with(ci, [](ReportedArm& a) { a.centre = 12.5; }) << F::Centre
                                   << QStringLiteral("mean (12.5) must lie within its confidence interval");
    QTest::newRow("CI lower NaN") << with(ci, [](ReportedArm& a) { a.ciLower = notANumber; }) << F::CILower
                                  << QStringLiteral("CI lower limit is not a finite number");
    QTest::newRow("CI upper infinite") << with(ci, [](ReportedArm& a) { a.ciUpper = infinity; }) << F::CIUpper
                                       << QStringLiteral("CI upper limit is not a finite number");
    QTest::newRow("CI level NaN") << with(ci, [](ReportedArm& a) { a.ciLevel = notANumber; }) << F::CILevel
                                  << QStringLiteral("CI level is not a finite number");

    const ReportedArm iqr = medianArm(DispersionType::MedianIQR, 8, 0, 10, 12, 18, 0);
    QTest::newRow("q1 above median") << with(iqr, [](ReportedArm& a) { a.q1 = 15; }) << F::Q1
                                     << QStringLiteral("q1 (15) must not be greater than median (12)");
    QTest::newRow("median above q3") << with(iqr, [](ReportedArm& a) { a.centre = 20; }) << F::Centre
                                     << QStringLiteral("median (20) must not be greater than q3 (18)");
    QTest::newRow("q1 above q3") << with(iqr, [](ReportedArm& a) {
        a.q1 = 19;
    }) << F::Q3 << QStringLiteral("q3 (18) must be greater than q1 (19): the IQR is zero or negative");
    QTest::newRow("IQR zero") << with(iqr, [](ReportedArm& a) { a.q1 = a.centre = a.q3 = 12; }) << F::Q3
                              << QStringLiteral("the IQR is zero or negative");
    QTest::newRow("q1 NaN") << with(iqr, [](ReportedArm& a) { a.q1 = notANumber; }) << F::Q1
                            << QStringLiteral("q1 is not a finite number");
    QTest::newRow("median NaN") << with(iqr, [](ReportedArm& a) { a.centre = notANumber; }) << F::Centre
                                << QStringLiteral("median is not a finite number");

    const ReportedArm range = medianArm(DispersionType::MedianRange, 8, 5, 0, 12, 0, 30);
    QTest::newRow("minimum above median")
        << with(range, [](ReportedArm& a) { a.minimum = 13; }) << F::Minimum
        << QStringLiteral("minimum (13) must not be greater than median (12)");
    QTest::newRow("median above maximum")
        << with(range, [](ReportedArm& a) { a.maximum = 11; }) << F::Centre
        << QStringLiteral("median (12) must not be greater than maximum (11)");
    QTest::newRow("range overflows") << with(range, [](ReportedArm& a) {
        a.minimum = -1.7e308, a.maximum = 1.7e308;
    }) << F::Maximum << QStringLiteral("the numbers are too large or too small to convert to a mean and SD");
    QTest::newRow("range zero") << with(range, [](ReportedArm& a) { a.minimum = a.centre = a.maximum = 3; })
                                << F::Maximum
                                << QStringLiteral(
                                       "maximum (3) must be greater than minimum (3): the range is "
                                       "zero or negative");
    QTest::newRow("maximum infinite") << with(range, [](ReportedArm& a) { a.maximum = infinity; })
                                      << F::Maximum << QStringLiteral("maximum is not a finite number");

    const ReportedArm both = medianArm(DispersionType::MedianIQRRange, 8, 5, 10, 12, 18, 30);
    QTest::newRow("five numbers: minimum above q1")
        << with(both, [](ReportedArm& a) { a.minimum = 11; }) << F::Minimum
        << QStringLiteral("minimum (11) must not be greater than q1 (10)");
    QTest::newRow("five numbers: q3 above maximum")
        << with(both, [](ReportedArm& a) { a.maximum = 17; }) << F::Q3
        << QStringLiteral("q3 (18) must not be greater than maximum (17)");
    QTest::newRow("five numbers: q1 above median")
        << with(both, [](ReportedArm& a) { a.q1 = 12.5; }) << F::Q1
        << QStringLiteral("q1 (12.5) must not be greater than median (12)");
    QTest::newRow("five numbers: median above q3")
        << with(both, [](ReportedArm& a) { a.centre = 18.5; }) << F::Centre
        << QStringLiteral("median (18.5) must not be greater than q3 (18)");
    QTest::newRow("five numbers: IQR zero") << with(both, [](ReportedArm& a) { a.q1 = a.centre = a.q3 = 12; })
                                            << F::Q3 << QStringLiteral("the IQR is zero or negative");
    QTest::newRow("five numbers: minimum NaN")
        << with(both, [](ReportedArm& a) { a.minimum = notANumber; }) << F::Minimum
        << QStringLiteral("minimum is not a finite number");
}

void TestReportedArm::badInputIsRefusedWithTheField() {
    QFETCH(ReportedArm, input);
    QFETCH(ReportedField, field);
    QFETCH(QString, message);
    const ArmConversion result = convertReportedArm(input);
    QVERIFY(!result.ok());
    QVERIFY(!result.summary.has_value());
    QVERIFY(result.problemField.has_value());
    QCOMPARE(int(*result.problemField), int(field));
    QVERIFY2(QString::fromStdString(result.problem).contains(message), result.problem.c_str());
    QVERIFY2(QString::fromStdString(result.provenance()).contains(message), "the tooltip shows the problem");
}

void TestReportedArm::keysAndFieldsRoundTrip() {
    for (auto type : {DispersionType::SD, DispersionType::SEM, DispersionType::CI, DispersionType::MedianIQR,
                      DispersionType::MedianRange, DispersionType::MedianIQRRange}) {
        const auto parsed = parseDispersionType(dispersionKey(type));
        QVERIFY(parsed.has_value());
        QCOMPARE(int(*parsed), int(type));
        QVERIFY(!dispersionLabel(type).empty());
        const auto fields = fieldsUsedBy(type);
        QCOMPARE(int(fields.at(0)), int(ReportedField::N));
        QCOMPARE(int(fields.at(1)), int(ReportedField::Centre));
        QCOMPARE(fieldName(ReportedField::Centre, type),
                 std::string(isMedianBased(type) ? "median" : "mean"));
    }
    QCOMPARE(int(*parseDispersionType(" median_iqr_range ")), int(DispersionType::MedianIQRRange));
    QVERIFY(!parseDispersionType("SE").has_value());
    QCOMPARE(fieldsUsedBy(DispersionType::CI).size(), std::size_t(5));
    QCOMPARE(fieldsUsedBy(DispersionType::MedianIQRRange).size(), std::size_t(6));
}

void TestReportedArm::numbersAreFormattedForReading_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("significant");
    QTest::addColumn<QString>("shortest");
    QTest::newRow("5.9397") << 5.939696961967 << QStringLiteral("5.94") << QStringLiteral("5.939696961967");
    QTest::newRow("2.1") << 2.1 << QStringLiteral("2.1") << QStringLiteral("2.1");
    QTest::newRow("1234.567") << 1234.567 << QStringLiteral("1235") << QStringLiteral("1234.567");
    QTest::newRow("0.012345") << 0.012345 << QStringLiteral("0.01235") << QStringLiteral("0.012345");
    QTest::newRow("-3.25") << -3.25 << QStringLiteral("-3.25") << QStringLiteral("-3.25");
    QTest::newRow("zero") << 0.0 << QStringLiteral("0") << QStringLiteral("0");
    QTest::newRow("tiny") << 1.5e-7 << QStringLiteral("1.5e-07") << QStringLiteral("1.5e-07");
    QTest::newRow("rounds to 10") << 9.99996 << QStringLiteral("10") << QStringLiteral("9.99996");
}

void TestReportedArm::numbersAreFormattedForReading() {
    QFETCH(double, value);
    QFETCH(QString, significant);
    QFETCH(QString, shortest);
    QCOMPARE(QString::fromStdString(formatSignificant(value, 4)), significant);
    QCOMPARE(QString::fromStdString(formatShortest(value)), shortest);
}

QTEST_GUILESS_MAIN(TestReportedArm)
#include "tst_reportedarm.moc"
