// SPDX-License-Identifier: GPL-3.0-or-later
// The whole analysis against metafor 3.8: for every case of tests/reference/metafor_reference.json
// (made by tests/reference/make_metafor_reference.R, whose "conventions" say what each number is),
// read the case's CSV with the real importer, run the same pipeline as evident-cli, and compare
// every key of the expected JSON with Evident's public JSON output: effect sizes, weights, the pooled
// fit, tau² and its Q-profile interval, heterogeneity, prediction interval, subgroups, leave-one-out,
// cumulative analysis, Egger, Begg, trim-and-fill and the fail-safe N.
//
// Tolerances (relative): 1e-6 for closed forms (effect sizes, Egger, Begg, fail-safe N, and FE, DL,
// HE, SJ fits with everything derived from them); 1e-5 for iterative estimators (REML, ML, PM, EB and
// what depends on their tau²) and for root-found values (the Q-profile bounds).
#include "core/analysis/pipeline.h"
#include "core/report/resultsjson.h"
#include "io/csvimport.h"
#include "tests/support/testsupport.h"

#include <map>

using namespace evident;

namespace {

constexpr double closedFormTolerance = 1e-6;
constexpr double iterativeTolerance = 1e-5;

bool isIterative(Tau2Estimator estimator) {
    return estimator == Tau2Estimator::RestrictedML || estimator == Tau2Estimator::MaximumLikelihood
           || estimator == Tau2Estimator::PauleMandel || estimator == Tau2Estimator::EmpiricalBayes;
}

/// Compares `actual` with every key of `expected`, recursively; collects all mismatches.
class JsonComparison {
public:
    explicit JsonComparison(double tolerance)
        : m_tolerance(tolerance) {}

    void compare(const QJsonValue& expected, const QJsonValue& actual, const QString& path) {
        if (expected.isNull()) {
            if (!actual.isNull())
                m_failures << path + QStringLiteral(": expected null");
        } else if (expected.isDouble()) {
            compareNumber(expected.toDouble(), actual, path);
        } else if (expected.isString() || expected.isBool()) {
            if (actual != expected)
                m_failures << QStringLiteral("%1: got %2, expected %3")
                                  .arg(path, actual.toVariant().toString(), expected.toVariant().toString());
        } else if (expected.isArray()) {
            const QJsonArray want = expected.toArray();
            const QJsonArray got = actual.toArray();
            if (!actual.isArray() || got.size() != want.size()) {
                m_failures << QStringLiteral("%1: got %2 elements, expected %3")
                                  .arg(path)
                                  .arg(got.size())
                                  .arg(want.size());
                return;
            }
            for (qsizetype i = 0; i < want.size(); ++i)
                compare(want.at(i), got.at(i), QStringLiteral("%1[%2]").arg(path).arg(i));
        } else if (expected.isObject()) {
            const QJsonObject want = expected.toObject();
            const QJsonObject got = actual.toObject();
            for (auto it = want.begin(); it != want.end(); ++it) {
                const QString child = path.isEmpty() ? it.key() : path + u'.' + it.key();
                if (!got.contains(it.key()))
                    m_failures << child + QStringLiteral(": missing from Evident's output");
                else
                    compare(it.value(), got.value(it.key()), child);
            }
        }
    }

    const QStringList& failures() const { return m_failures; }
    double largestRelativeError() const { return m_largest; }

private:
    void compareNumber(double expected, const QJsonValue& actual, const QString& path) {
        if (!actual.isDouble()) {
            m_failures << QStringLiteral("%1: got %2, expected %3")
                              .arg(path, actual.toVariant().toString())
                              .arg(expected, 0, 'g', 17);
            return;
        }
        const double tolerance = toleranceFor(path);
        const double value = actual.toDouble();
        if (expected != 0)
            m_largest = std::max(m_largest, std::abs(value - expected) / std::abs(expected));
        if (!test::fuzzyEqual(value, expected, tolerance))
            m_failures << QString::fromUtf8(test::describeMismatch(path, value, expected, tolerance));
    }

    /// Root-found Q-profile bounds are iterative whatever the estimator; effect sizes and the
    /// small-study tests do not depend on tau² and are closed forms whatever the estimator.
    double toleranceFor(const QString& path) const {
        if (path.contains(QStringLiteral("tau2_ci")))
            return iterativeTolerance;
        static const QRegularExpression independentOfTau2(
            QStringLiteral(R"(^(egger|begg|fail_safe_n)\.|^studies\[\d+\]\.(yi|vi)$)"));
        if (independentOfTau2.match(path).hasMatch())
            return closedFormTolerance;
        return m_tolerance;
    }

    double m_tolerance;
    double m_largest = 0;
    QStringList m_failures;
};

} // namespace

class TestMetaforReference : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void matchesMetafor_data();
    void matchesMetafor();
    void cleanupTestCase();

private:
    QJsonArray m_cases;
    std::map<QString, double> m_largestError; ///< Per tolerance class, reported at the end
};

void TestMetaforReference::initTestCase() {
    const QJsonDocument reference =
        test::loadJson(test::testDataPath(QStringLiteral("reference/metafor_reference.json")));
    m_cases = reference.object().value(QStringLiteral("cases")).toArray();
    QVERIFY2(m_cases.size() >= 60, "the reference file should hold every case");
}

void TestMetaforReference::matchesMetafor_data() {
    QTest::addColumn<QJsonObject>("referenceCase");
    for (const QJsonValue& value : std::as_const(m_cases)) {
        const QJsonObject referenceCase = value.toObject();
        QTest::newRow(qPrintable(referenceCase.value(QStringLiteral("id")).toString())) << referenceCase;
    }
}

void TestMetaforReference::matchesMetafor() {
    QFETCH(QJsonObject, referenceCase);
    const QJsonObject options = referenceCase.value(QStringLiteral("options")).toObject();
    const QString csvPath = test::testDataPath(QStringLiteral("reference/")
                                               + referenceCase.value(QStringLiteral("dataset")).toString());

    const io::CsvImport import = io::importCsvFile(csvPath);
    QVERIFY2(import.errors.isEmpty(), qPrintable(import.errors.join(u'\n')));
    Outcome outcome = import.project.outcomes.front();
    const auto measure = parseMeasure(options.value(QStringLiteral("measure")).toString().toStdString());
    QVERIFY(measure);
    outcome.settings.measure = *measure;

    AnalysisOptions analysisOptions;
    const auto estimator = parseEstimator(options.value(QStringLiteral("method")).toString().toStdString());
    const auto inference = parseInference(options.value(QStringLiteral("test")).toString().toStdString());
    QVERIFY(estimator && inference);
    analysisOptions.fit.estimator = *estimator;
    analysisOptions.fit.inference = *inference;
    analysisOptions.subgroup = options.value(QStringLiteral("subgroup")).toString().toStdString();
    analysisOptions.cumulativeOrder = options.value(QStringLiteral("order")).toString().toStdString();

    const PreparedOutcome prepared = prepareOutcome(import.project, outcome);
    QVERIFY(prepared.issues.empty());
    QVERIFY(checkAnalysisOptions(prepared.data, analysisOptions).empty());
    const AnalysisResult result = runAnalysis(prepared.data, analysisOptions);
    const QJsonObject actual =
        QJsonDocument::fromJson(QByteArray::fromStdString(
                                    analysisToJson(prepared.data, analysisOptions, *measure, result).dump(0)))
            .object();

    const double tolerance = isIterative(*estimator) ? iterativeTolerance : closedFormTolerance;
    JsonComparison comparison(tolerance);
    comparison.compare(referenceCase.value(QStringLiteral("expected")), actual, QString());
    const QString category =
        isIterative(*estimator) ? QStringLiteral("iterative") : QStringLiteral("closed-form");
    m_largestError[category] = std::max(m_largestError[category], comparison.largestRelativeError());
    QVERIFY2(comparison.failures().isEmpty(), qPrintable(comparison.failures().join(u'\n')));
}

void TestMetaforReference::cleanupTestCase() {
    for (const auto& [category, error] : m_largestError)
        qInfo("Largest relative difference from metafor, %s cases: %.2g", qPrintable(category), error);
}

QTEST_GUILESS_MAIN(TestMetaforReference)
#include "tst_metafor_reference.moc"
