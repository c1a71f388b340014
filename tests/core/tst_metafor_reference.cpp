// SPDX-License-Identifier: GPL-3.0-or-later
// Effect sizes and the pooled fit against metafor 3.8: every case of tests/reference/metafor_reference.json
// (made by tests/reference/make_metafor_reference.R; its "conventions" object defines what is compared).
// The subgroup, leave-one-out, cumulative and small-study sections of the file are tested elsewhere.
#include "core/effectsize/continuous.h"
#include "core/effectsize/effectmeasure.h"
#include "core/model/metaanalysis.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QStringList>

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

using namespace evident;

namespace {

// Closed forms (effect sizes, FE, DL, HE, SJ and what follows from them) must agree to 1e-6;
// iterative estimators (REML, ML, PM, EB) and root-found values (Q-profile bounds) to 1e-5.
constexpr double closedFormTolerance = 1e-6;
constexpr double iterativeTolerance = 1e-5;

bool isIterative(Tau2Estimator estimator) {
    return estimator == Tau2Estimator::RestrictedML || estimator == Tau2Estimator::MaximumLikelihood
           || estimator == Tau2Estimator::PauleMandel || estimator == Tau2Estimator::EmpiricalBayes;
}

/// A CSV file as text cells. A stand-in until the real reader exists in io/.
struct CsvTable {
    QStringList header;
    std::vector<QStringList> rows;
    QString error;
};

/// Reads comma-delimited text with a header row and RFC 4180 quoting ("a, b", doubled quotes).
CsvTable readCsv(const QString& path) {
    CsvTable table;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        table.error = QStringLiteral("cannot open ") + path;
        return table;
    }
    const QString text = QString::fromUtf8(file.readAll());
    std::vector<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            record << field;
            field.clear();
            records.push_back(record);
            record.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) {
        record << field;
        records.push_back(record);
    }
    if (records.empty()) {
        table.error = QStringLiteral("empty file ") + path;
        return table;
    }
    table.header = records.front();
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != table.header.size()) {
            table.error = QStringLiteral("row %1 of %2 has %3 fields, the header %4")
                              .arg(r)
                              .arg(path)
                              .arg(records[r].size())
                              .arg(table.header.size());
            return table;
        }
        table.rows.push_back(records[r]);
    }
    return table;
}

/// Labels with their effect sizes, computed from summary data or taken as given.
struct StudyEffects {
    QStringList labels;
    std::vector<double> yi;
    std::vector<double> vi;
    QString error;
};

StudyEffects effectsFromTable(const CsvTable& table, EffectMeasure measure) {
    StudyEffects effects;
    std::map<QString, qsizetype> column;
    for (qsizetype j = 0; j < table.header.size(); ++j)
        column[table.header[j]] = j;
    const auto has = [&](const char* name) { return column.count(QString::fromLatin1(name)) > 0; };
    const auto number = [&](const QStringList& row, const char* name) -> std::optional<double> {
        bool ok = false;
        const double value = row[column.at(QString::fromLatin1(name))].toDouble(&ok);
        return ok ? std::optional<double>(value) : std::nullopt;
    };
    if (!has("study")) {
        effects.error = QStringLiteral("no 'study' column");
        return effects;
    }
    const bool summaryData =
        has("mean_t") && has("sd_t") && has("n_t") && has("mean_c") && has("sd_c") && has("n_c");
    const bool withVariance = has("yi") && has("vi");
    const bool withStandardError = has("yi") && has("sei");
    for (const QStringList& row : table.rows) {
        effects.labels << row[column.at(QStringLiteral("study"))];
        if (measure == EffectMeasure::Generic) {
            const auto yi = number(row, "yi");
            const auto spread = withVariance        ? number(row, "vi")
                                : withStandardError ? number(row, "sei")
                                                    : std::nullopt;
            if (!yi || !spread) {
                effects.error = QStringLiteral("missing yi and vi/sei in study ") + effects.labels.back();
                return effects;
            }
            effects.yi.push_back(*yi);
            effects.vi.push_back(withVariance ? *spread : *spread * *spread);
            continue;
        }
        if (!summaryData) {
            effects.error = QStringLiteral("the measure needs mean_t,sd_t,n_t,mean_c,sd_c,n_c");
            return effects;
        }
        const auto group = [&](const char* mean, const char* sd,
                               const char* n) -> std::optional<GroupSummary> {
            const auto m = number(row, mean);
            const auto s = number(row, sd);
            const auto size = number(row, n);
            if (!m || !s || !size)
                return std::nullopt;
            return GroupSummary{*m, *s, *size};
        };
        const auto treated = group("mean_t", "sd_t", "n_t");
        const auto control = group("mean_c", "sd_c", "n_c");
        if (!treated || !control) {
            effects.error = QStringLiteral("unreadable summary data in study ") + effects.labels.back();
            return effects;
        }
        const EffectSizeResult result = computeContinuousEffect(measure, *treated, *control);
        if (!result.value) {
            effects.error = QStringLiteral("study %1: %2")
                                .arg(effects.labels.back(), QString::fromStdString(result.problem));
            return effects;
        }
        effects.yi.push_back(result.value->yi);
        effects.vi.push_back(result.value->vi);
    }
    return effects;
}

/// Collects every mismatch of a case, so one failure report shows all of them; also tracks the
/// largest relative error seen per tolerance class, printed at the end of the run.
class Comparison {
public:
    Comparison(QString caseId, QString category)
        : m_caseId(std::move(caseId))
        , m_category(std::move(category)) {}

    /// Switches the class under which the largest error is tracked ("closed-form fit", ...).
    void setCategory(QString category) { m_category = std::move(category); }

    void number(const QString& what, double actual, const QJsonValue& expected, double relTol) {
        if (!expected.isDouble()) {
            m_failures << QStringLiteral("%1: expected is not a number").arg(what);
            return;
        }
        const double wanted = expected.toDouble();
        recordError(actual, wanted, QStringLiteral("%1 (tolerance %2)").arg(m_category).arg(relTol));
        if (!test::fuzzyEqual(actual, wanted, relTol))
            m_failures << QString::fromUtf8(test::describeMismatch(what, actual, wanted, relTol));
    }

    void integer(const QString& what, long long actual, const QJsonValue& expected) {
        if (!expected.isDouble() || expected.toDouble() != static_cast<double>(actual))
            m_failures << QStringLiteral("%1: got %2, expected %3")
                              .arg(what)
                              .arg(actual)
                              .arg(expected.toVariant().toString());
    }

    void text(const QString& what, const QString& actual, const QJsonValue& expected) {
        if (expected.toString() != actual)
            m_failures
                << QStringLiteral("%1: got '%2', expected '%3'").arg(what, actual, expected.toString());
    }

    void fail(const QString& message) { m_failures << message; }

    bool ok() const { return m_failures.isEmpty(); }
    QByteArray report() const {
        return (m_caseId + QStringLiteral(":\n  ") + m_failures.join(QStringLiteral("\n  "))).toUtf8();
    }

    static std::map<QString, double>& largestErrors() {
        static std::map<QString, double> errors; // class -> largest relative error seen
        return errors;
    }

private:
    static void recordError(double actual, double expected, const QString& category) {
        if (!std::isfinite(actual) || !std::isfinite(expected))
            return;
        const double difference = std::abs(actual - expected);
        const double relative = std::abs(expected) > 1e-12 ? difference / std::abs(expected) : difference;
        double& largest = largestErrors()[category];
        largest = std::max(largest, relative);
    }

    QString m_caseId;
    QString m_category;
    QStringList m_failures;
};

const QJsonArray& referenceCases() {
    static const QJsonArray cases =
        test::loadJson(test::testDataPath(QStringLiteral("reference/metafor_reference.json")))
            .object()
            .value(u"cases")
            .toArray();
    return cases;
}

/// Reads the case's CSV and computes its effect sizes.
StudyEffects loadStudies(const QJsonObject& reference, EffectMeasure measure) {
    const CsvTable table =
        readCsv(test::testDataPath(QStringLiteral("reference/") + reference.value(u"dataset").toString()));
    if (!table.error.isEmpty())
        return StudyEffects{{}, {}, {}, table.error};
    return effectsFromTable(table, measure);
}

} // namespace

class TestMetaforReference : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void effectSizes_data();
    void effectSizes();
    void pooledFit_data();
    void pooledFit();
    void cleanupTestCase();

private:
    void addCaseRows();
};

void TestMetaforReference::initTestCase() {
    const QJsonObject document =
        test::loadJson(test::testDataPath(QStringLiteral("reference/metafor_reference.json"))).object();
    QCOMPARE(document.value(u"generated_by").toString(), QStringLiteral("make_metafor_reference.R"));
    QVERIFY(document.value(u"versions")
                .toObject()
                .value(u"metafor")
                .toString()
                .startsWith(QStringLiteral("3.8")));
    QVERIFY2(referenceCases().size() >= 40, "the reference file should hold at least 40 cases");
}

void TestMetaforReference::addCaseRows() {
    QTest::addColumn<QJsonObject>("reference");
    for (const QJsonValue& value : referenceCases()) {
        const QJsonObject reference = value.toObject();
        QTest::newRow(qPrintable(reference.value(u"id").toString())) << reference;
    }
}

void TestMetaforReference::effectSizes_data() {
    addCaseRows();
}

void TestMetaforReference::effectSizes() {
    QFETCH(QJsonObject, reference);
    const QJsonObject options = reference.value(u"options").toObject();
    const QJsonObject expected = reference.value(u"expected").toObject();
    const auto measure = parseMeasure(options.value(u"measure").toString().toStdString());
    QVERIFY2(measure, "unknown measure");
    QCOMPARE(QString::fromUtf8(measureKey(*measure)), expected.value(u"measure").toString());

    const StudyEffects studies = loadStudies(reference, *measure);
    QVERIFY2(studies.error.isEmpty(), qPrintable(studies.error));
    const QJsonArray expectedStudies = expected.value(u"studies").toArray();
    QCOMPARE(studies.yi.size(), static_cast<std::size_t>(expectedStudies.size()));

    Comparison compare(reference.value(u"id").toString(), QStringLiteral("effect sizes"));
    for (qsizetype i = 0; i < expectedStudies.size(); ++i) {
        const QJsonObject study = expectedStudies[i].toObject();
        const auto index = static_cast<std::size_t>(i);
        compare.text(QStringLiteral("studies[%1].study").arg(i), studies.labels[i], study.value(u"study"));
        compare.number(QStringLiteral("studies[%1].yi").arg(i), studies.yi[index], study.value(u"yi"),
                       closedFormTolerance);
        compare.number(QStringLiteral("studies[%1].vi").arg(i), studies.vi[index], study.value(u"vi"),
                       closedFormTolerance);
    }
    QVERIFY2(compare.ok(), compare.report().constData());
}

void TestMetaforReference::pooledFit_data() {
    addCaseRows();
}

void TestMetaforReference::pooledFit() {
    QFETCH(QJsonObject, reference);
    const QJsonObject options = reference.value(u"options").toObject();
    const QJsonObject expected = reference.value(u"expected").toObject();
    const auto measure = parseMeasure(options.value(u"measure").toString().toStdString());
    const auto estimator = parseEstimator(options.value(u"method").toString().toStdString());
    const auto inference = parseInference(options.value(u"test").toString().toStdString());
    QVERIFY(measure && estimator && inference);
    QCOMPARE(QString::fromUtf8(estimatorKey(*estimator)), expected.value(u"method").toString());
    QCOMPARE(QString::fromUtf8(inferenceKey(*inference)), expected.value(u"test").toString());

    // yi and vi as the engine computes them from the CSV (checked against metafor in effectSizes()).
    const StudyEffects studies = loadStudies(reference, *measure);
    QVERIFY2(studies.error.isEmpty(), qPrintable(studies.error));

    FitOptions fitOptions;
    fitOptions.estimator = *estimator;
    fitOptions.inference = *inference;
    const MetaAnalysisFit fit = fitMetaAnalysis(studies.yi, studies.vi, fitOptions);
    QVERIFY2(fit.estimable, fit.warnings.empty() ? "not estimable" : fit.warnings.front().c_str());

    // With one study nothing is iterated; otherwise the tolerance follows the estimator.
    const double fitTolerance =
        fit.k > 1 && isIterative(*estimator) ? iterativeTolerance : closedFormTolerance;
    Comparison compare(reference.value(u"id").toString(), fitTolerance == iterativeTolerance
                                                              ? QStringLiteral("iterative fit")
                                                              : QStringLiteral("closed-form fit"));
    compare.integer(QStringLiteral("k"), fit.k, expected.value(u"k"));
    compare.number(QStringLiteral("estimate"), fit.estimate, expected.value(u"estimate"), fitTolerance);
    compare.number(QStringLiteral("se"), fit.se, expected.value(u"se"), fitTolerance);
    compare.number(QStringLiteral("statistic"), fit.statistic, expected.value(u"statistic"), fitTolerance);
    compare.number(QStringLiteral("p"), fit.p, expected.value(u"p"), fitTolerance);
    compare.number(QStringLiteral("ci_lower"), fit.ci.lower, expected.value(u"ci_lower"), fitTolerance);
    compare.number(QStringLiteral("ci_upper"), fit.ci.upper, expected.value(u"ci_upper"), fitTolerance);
    compare.number(QStringLiteral("tau2"), fit.tau2, expected.value(u"tau2"), fitTolerance);
    compare.number(QStringLiteral("tau"), fit.tau, expected.value(u"tau"), fitTolerance);
    compare.number(QStringLiteral("i2"), fit.i2, expected.value(u"i2"), fitTolerance);
    compare.number(QStringLiteral("h2"), fit.h2, expected.value(u"h2"), fitTolerance);
    compare.number(QStringLiteral("pi_lower"), fit.prediction.lower, expected.value(u"pi_lower"),
                   fitTolerance);
    compare.number(QStringLiteral("pi_upper"), fit.prediction.upper, expected.value(u"pi_upper"),
                   fitTolerance);

    const QJsonArray expectedStudies = expected.value(u"studies").toArray();
    if (fit.weightPercent.size() != static_cast<std::size_t>(expectedStudies.size())) {
        compare.fail(QStringLiteral("%1 weights, expected %2")
                         .arg(fit.weightPercent.size())
                         .arg(expectedStudies.size()));
    } else {
        for (qsizetype i = 0; i < expectedStudies.size(); ++i)
            compare.number(QStringLiteral("studies[%1].weight_percent").arg(i),
                           fit.weightPercent[static_cast<std::size_t>(i)],
                           expectedStudies[i].toObject().value(u"weight_percent"), fitTolerance);
    }

    const bool intervalExpected = !expected.value(u"tau2_ci_lower").isNull();
    if (intervalExpected != fit.tau2Ci.has_value()) {
        compare.fail(QStringLiteral("tau2 CI: %1 but expected %2")
                         .arg(fit.tau2Ci ? QStringLiteral("present") : QStringLiteral("absent"),
                              intervalExpected ? QStringLiteral("present") : QStringLiteral("null")));
    } else if (fit.tau2Ci) {
        compare.setCategory(QStringLiteral("Q-profile bounds"));
        compare.number(QStringLiteral("tau2_ci_lower"), fit.tau2Ci->lower, expected.value(u"tau2_ci_lower"),
                       iterativeTolerance);
        compare.number(QStringLiteral("tau2_ci_upper"), fit.tau2Ci->upper, expected.value(u"tau2_ci_upper"),
                       iterativeTolerance);
    }

    // Cochran's Q uses the fixed-effect weights only: a closed form whatever the estimator.
    compare.setCategory(QStringLiteral("heterogeneity Q"));
    compare.number(QStringLiteral("q"), fit.q, expected.value(u"q"), closedFormTolerance);
    compare.integer(QStringLiteral("q_df"), fit.qDf, expected.value(u"q_df"));
    compare.number(QStringLiteral("q_p"), fit.qP, expected.value(u"q_p"), closedFormTolerance);
    QVERIFY2(compare.ok(), compare.report().constData());
}

void TestMetaforReference::cleanupTestCase() {
    for (const auto& [category, largest] : Comparison::largestErrors())
        qInfo("%s: largest relative error seen %.3g", qPrintable(category), largest);
}

QTEST_GUILESS_MAIN(TestMetaforReference)
#include "tst_metafor_reference.moc"
