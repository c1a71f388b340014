// SPDX-License-Identifier: GPL-3.0-or-later
// Dichotomous outcomes against metafor 3.8: every case of tests/reference/binary_reference.json (made by
// tests/reference/make_binary_reference.R, whose "conventions" say what each number is), one row per
// data set and measure: escalc yi/vi under each double-zero rule, rma.mh (with Q, I², CMH and Tarone),
// the RevMan 5 convention, RevMan's M-H random model, rma.peto with each table's O − E and V, and
// rma(yi, vi) with DL and REML, z and Hartung-Knapp, fitted by Evident's fitMetaAnalysis on the yi/vi
// computed here (so the inverse-variance pipeline of binary outcomes matches metafor too).
//
// Tolerances (relative): 1e-10 for closed forms, 1e-8 for REML (iterative). A null in the reference
// (no estimate, a dropped table) must be matched by Evident reporting no value.
#include "core/effectsize/binary.h"
#include "core/model/mantelhaenszel.h"
#include "core/model/metaanalysis.h"
#include "core/model/peto.h"
#include "tests/support/testsupport.h"

using namespace evident;

namespace {

constexpr double closedFormTolerance = 1e-10;
constexpr double iterativeTolerance = 1e-8;

/// Compares values with one reference object and collects every mismatch.
class Comparison {
public:
    Comparison(QJsonObject expected, QString path, double tolerance)
        : m_expected(std::move(expected))
        , m_path(std::move(path))
        , m_tolerance(tolerance) {}

    /// `actual` empty means "Evident has no value": the reference must be null there.
    void check(const char* key, std::optional<double> actual) {
        const QJsonValue want = m_expected.value(QLatin1String(key));
        const QString where = m_path + u'.' + QLatin1String(key);
        if (want.isUndefined()) {
            failures() << where + QStringLiteral(": missing from the reference");
        } else if (want.isNull() != !actual.has_value()) {
            failures() << where
                              + (actual ? QStringLiteral(": metafor has no value, Evident has %1")
                                              .arg(*actual, 0, 'g', 17)
                                        : QStringLiteral(": Evident has no value, metafor has %1")
                                              .arg(want.toDouble(), 0, 'g', 17));
        } else if (actual && !test::fuzzyEqual(*actual, want.toDouble(), m_tolerance)) {
            failures() << QString::fromUtf8(
                test::describeMismatch(where, *actual, want.toDouble(), m_tolerance));
        }
    }
    void check(const char* key, double actual) { check(key, std::optional<double>(actual)); }

    static QStringList& failures() {
        static QStringList list;
        return list;
    }

private:
    QJsonObject m_expected;
    QString m_path;
    double m_tolerance;
};

/// Fails the current test with every mismatch collected since the last call.
#define EVIDENT_REPORT_FAILURES()                                                                            \
    do {                                                                                                     \
        const QStringList failures_ = Comparison::failures();                                                \
        Comparison::failures().clear();                                                                      \
        QVERIFY2(failures_.isEmpty(), qPrintable(failures_.join(u'\n')));                                    \
    } while (false)

QJsonObject reference() {
    static const QJsonDocument document =
        test::loadJson(test::testDataPath(QStringLiteral("reference/binary_reference.json")));
    return document.object();
}

std::vector<TwoByTwo> tablesOf(const QString& dataset) {
    const QJsonObject data =
        reference().value(QStringLiteral("datasets")).toObject().value(dataset).toObject();
    const auto column = [&](const char* name) { return data.value(QLatin1String(name)).toArray(); };
    std::vector<TwoByTwo> tables;
    for (qsizetype i = 0; i < column("ai").size(); ++i)
        tables.push_back({column("ai")[i].toDouble(), column("n1i")[i].toDouble(), column("ci")[i].toDouble(),
                          column("n2i")[i].toDouble()});
    return tables;
}

BinaryMeasure measureOf(const QJsonObject& referenceCase) {
    const QString key = referenceCase.value(QStringLiteral("measure")).toString();
    return key == u"OR"   ? BinaryMeasure::OddsRatio
           : key == u"RR" ? BinaryMeasure::RiskRatio
                          : BinaryMeasure::RiskDifference;
}

/// The reference's rule names: "evident" (Evident's default), "drop" (drop00 = TRUE), "keep".
DoubleZeroRule ruleOf(const QString& name) {
    if (name == u"drop")
        return DoubleZeroRule::Drop;
    if (name == u"keep")
        return DoubleZeroRule::Keep;
    return DoubleZeroRule::DropForRatios;
}

std::optional<double> valueIf(bool present, double value) {
    return present ? std::optional<double>(value) : std::nullopt;
}

/// yi/vi arrays (null = no effect) against the per-table effects.
void compareEffects(const QJsonObject& expected, const std::vector<BinaryEffect>& effects,
                    const QString& path) {
    const QJsonArray yi = expected.value(QStringLiteral("yi")).toArray();
    const QJsonArray vi = expected.value(QStringLiteral("vi")).toArray();
    if (yi.size() != qsizetype(effects.size())) {
        Comparison::failures()
            << path + QStringLiteral(": %1 tables, expected %2").arg(effects.size()).arg(yi.size());
        return;
    }
    for (qsizetype i = 0; i < yi.size(); ++i) {
        const auto& value = effects[std::size_t(i)].value;
        QJsonObject row{{QStringLiteral("yi"), yi[i]}, {QStringLiteral("vi"), vi[i]}};
        Comparison comparison(row, QStringLiteral("%1[%2]").arg(path).arg(i), closedFormTolerance);
        comparison.check("yi", valueIf(value.has_value(), value ? value->yi : 0));
        comparison.check("vi", valueIf(value.has_value(), value ? value->vi : 0));
    }
}

void compareFit(const QJsonObject& expected, const BinaryPooledFit& fit, const QString& path) {
    Comparison c(expected, path, closedFormTolerance);
    c.check("k", fit.k);
    c.check("k_yi", fit.kEffects);
    const bool e = fit.estimable;
    c.check("estimate", valueIf(e, fit.estimate));
    c.check("se", valueIf(e, fit.se));
    c.check("z", valueIf(e, fit.z));
    c.check("p", valueIf(e, fit.p));
    c.check("ci_lb", valueIf(e, fit.ci.lower));
    c.check("ci_ub", valueIf(e, fit.ci.upper));
    c.check("Q", valueIf(e, fit.q));
    c.check("Qp", valueIf(e, fit.qP));
    c.check("I2", valueIf(e, fit.i2));
    if (expected.contains(QStringLiteral("cmh"))) {
        if (!fit.tests) {
            Comparison::failures() << path + QStringLiteral(": no CMH/Tarone tests for the odds ratio");
            return;
        }
        c.check("cmh", fit.tests->cmh);
        c.check("cmh_p", fit.tests->cmhP);
        c.check("tarone", fit.tests->tarone);
        c.check("tarone_p", fit.tests->taroneP);
        c.check("k_tarone", fit.tests->kTarone);
    }
}

MantelHaenszelOptions optionsFor(const QString& variant) {
    MantelHaenszelOptions options;
    options.zeroCells.doubleZero = ruleOf(variant);
    options.revMan5Convention = variant == u"revman5";
    return options;
}

} // namespace

class TestBinaryReference : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void effectSizes_data() { addCases(); }
    void effectSizes();
    void mantelHaenszel_data() { addCases(); }
    void mantelHaenszel();
    void mantelHaenszelRandom_data() { addCases(); }
    void mantelHaenszelRandom();
    void peto_data() { addCases(true); }
    void peto();
    void inverseVariance_data() { addCases(); }
    void inverseVariance();

private:
    /// One row per data set and measure; with `oddsRatioOnly`, the OR case of each data set.
    void addCases(bool oddsRatioOnly = false);
};

void TestBinaryReference::initTestCase() {
    QVERIFY2(reference().value(QStringLiteral("cases")).toArray().size() >= 21,
             "the reference file should hold every data set for OR, RR and RD");
}

void TestBinaryReference::addCases(bool oddsRatioOnly) {
    QTest::addColumn<QJsonObject>("referenceCase");
    QTest::addColumn<QString>("dataset");
    for (const QJsonValue& value : reference().value(QStringLiteral("cases")).toArray()) {
        const QJsonObject referenceCase = value.toObject();
        if (oddsRatioOnly && measureOf(referenceCase) != BinaryMeasure::OddsRatio)
            continue;
        QTest::newRow(qPrintable(referenceCase.value(QStringLiteral("id")).toString()))
            << referenceCase << referenceCase.value(QStringLiteral("dataset")).toString();
    }
}

void TestBinaryReference::effectSizes() {
    QFETCH(QJsonObject, referenceCase);
    QFETCH(QString, dataset);
    const std::vector<TwoByTwo> tables = tablesOf(dataset);
    const BinaryMeasure measure = measureOf(referenceCase);
    const QJsonObject escalc = referenceCase.value(QStringLiteral("escalc")).toObject();
    QCOMPARE(escalc.size(), 3);
    for (auto it = escalc.begin(); it != escalc.end(); ++it) {
        ZeroCellOptions options;
        options.doubleZero = ruleOf(it.key());
        std::vector<BinaryEffect> effects;
        for (const auto& table : tables)
            effects.push_back(binaryEffect(measure, table, options));
        compareEffects(it.value().toObject(), effects, QStringLiteral("escalc.") + it.key());
    }
    EVIDENT_REPORT_FAILURES();
}

void TestBinaryReference::mantelHaenszel() {
    QFETCH(QJsonObject, referenceCase);
    QFETCH(QString, dataset);
    const std::vector<TwoByTwo> tables = tablesOf(dataset);
    const BinaryMeasure measure = measureOf(referenceCase);
    const QJsonObject fits = referenceCase.value(QStringLiteral("mh")).toObject();
    QCOMPARE(fits.size(), 4);
    for (auto it = fits.begin(); it != fits.end(); ++it) {
        const BinaryPooledFit fit = evident::mantelHaenszel(measure, tables, optionsFor(it.key()));
        compareFit(it.value().toObject(), fit, QStringLiteral("mh.") + it.key());
        compareEffects(referenceCase.value(QStringLiteral("escalc"))
                           .toObject()
                           .value(it.key() == u"revman5" ? QStringLiteral("evident") : it.key())
                           .toObject(),
                       fit.studies, QStringLiteral("mh.%1.studies").arg(it.key()));
    }
    if (measure == BinaryMeasure::OddsRatio) {
        MantelHaenszelOptions options;
        options.cmhContinuityCorrection = false;
        const BinaryPooledFit fit = evident::mantelHaenszel(measure, tables, options);
        QVERIFY(fit.tests);
        Comparison c(referenceCase.value(QStringLiteral("cmh_uncorrected")).toObject(),
                     QStringLiteral("cmh_uncorrected"), closedFormTolerance);
        c.check("cmh", fit.tests->cmh);
        c.check("cmh_p", fit.tests->cmhP);
    } else {
        QVERIFY(!evident::mantelHaenszel(measure, tables).tests);
    }
    EVIDENT_REPORT_FAILURES();
}

void TestBinaryReference::mantelHaenszelRandom() {
    QFETCH(QJsonObject, referenceCase);
    QFETCH(QString, dataset);
    const std::vector<TwoByTwo> tables = tablesOf(dataset);
    const BinaryMeasure measure = measureOf(referenceCase);
    const QJsonObject fits = referenceCase.value(QStringLiteral("mh_random")).toObject();
    QCOMPARE(fits.size(), 4);
    for (auto it = fits.begin(); it != fits.end(); ++it) {
        const MantelHaenszelRandomFit fit =
            evident::mantelHaenszelRandom(measure, tables, optionsFor(it.key()));
        const QString path = QStringLiteral("mh_random.") + it.key();
        if (it.value().isNull()) {
            if (fit.estimable)
                Comparison::failures() << path + QStringLiteral(": metafor has no estimate, Evident has one");
            else if (fit.problem.empty())
                Comparison::failures() << path + QStringLiteral(": no estimate and no reason given");
            continue;
        }
        if (!fit.estimable) {
            Comparison::failures() << path + QStringLiteral(": no estimate: ")
                                          + QString::fromStdString(fit.problem);
            continue;
        }
        Comparison c(it.value().toObject(), path, closedFormTolerance);
        c.check("tau2", fit.tau2);
        c.check("estimate", fit.estimate);
        c.check("se", fit.se);
        c.check("z", fit.z);
        c.check("p", fit.p);
        c.check("ci_lb", fit.ci.lower);
        c.check("ci_ub", fit.ci.upper);
        c.check("Q", fit.q);
    }
    EVIDENT_REPORT_FAILURES();
}

void TestBinaryReference::peto() {
    QFETCH(QJsonObject, referenceCase);
    QFETCH(QString, dataset);
    QCOMPARE(measureOf(referenceCase), BinaryMeasure::OddsRatio); // Peto pools odds ratios only
    const std::vector<TwoByTwo> tables = tablesOf(dataset);
    const QJsonObject fits = referenceCase.value(QStringLiteral("peto")).toObject();
    QCOMPARE(fits.size(), 2);
    for (auto it = fits.begin(); it != fits.end(); ++it) {
        PetoOptions options;
        options.zeroCells.doubleZero = ruleOf(it.key());
        const BinaryPooledFit fit = petoOddsRatio(tables, options);
        QVERIFY(!fit.tests);
        compareFit(it.value().toObject(), fit, QStringLiteral("peto.") + it.key());
        compareEffects(it.value().toObject(), fit.studies, QStringLiteral("peto.%1.studies").arg(it.key()));

        // Raw O − E and V of each table; metafor leaves V = 0 tables undefined, where both are 0.
        const QJsonObject terms = referenceCase.value(QStringLiteral("peto_terms")).toObject();
        const QJsonArray oe = terms.value(QStringLiteral("o_minus_e")).toArray();
        const QJsonArray v = terms.value(QStringLiteral("v")).toArray();
        QCOMPARE(qsizetype(fit.peto.size()), v.size());
        for (qsizetype i = 0; i < v.size(); ++i) {
            const PetoTerms& t = fit.peto[std::size_t(i)];
            if (v[i].isNull()) {
                QCOMPARE(t.variance, 0.0);
                QCOMPARE(t.observedMinusExpected, 0.0);
                continue;
            }
            Comparison c({{QStringLiteral("o_minus_e"), oe[i]}, {QStringLiteral("v"), v[i]}},
                         QStringLiteral("peto_terms[%1]").arg(i), closedFormTolerance);
            c.check("o_minus_e", t.observedMinusExpected);
            c.check("v", t.variance);
        }
    }
    EVIDENT_REPORT_FAILURES();
}

void TestBinaryReference::inverseVariance() {
    QFETCH(QJsonObject, referenceCase);
    QFETCH(QString, dataset);
    const BinaryMeasure measure = measureOf(referenceCase);
    std::vector<double> yi, vi;
    for (const auto& table : tablesOf(dataset))
        if (const BinaryEffect effect = binaryEffect(measure, table); effect.value) {
            yi.push_back(effect.value->yi);
            vi.push_back(effect.value->vi);
        }
    const QJsonObject fits = referenceCase.value(QStringLiteral("rma")).toObject();
    QCOMPARE(fits.size(), 4);
    for (auto it = fits.begin(); it != fits.end(); ++it) {
        FitOptions options;
        options.estimator =
            it.key().startsWith(u"REML") ? Tau2Estimator::RestrictedML : Tau2Estimator::DerSimonianLaird;
        // metafor falls back to z for k = 1 ("Setting argument test = 'z' since k = 1"); so does Evident.
        options.inference = it.key().endsWith(u"knha") && yi.size() > 1 ? InferenceMethod::HartungKnapp
                                                                        : InferenceMethod::Wald;
        const MetaAnalysisFit fit = fitMetaAnalysis(yi, vi, options);
        QVERIFY(fit.estimable);
        const double tolerance =
            options.estimator == Tau2Estimator::RestrictedML ? iterativeTolerance : closedFormTolerance;
        Comparison c(it.value().toObject(), QStringLiteral("rma.") + it.key(), tolerance);
        c.check("estimate", fit.estimate);
        c.check("se", fit.se);
        c.check("statistic", fit.statistic);
        c.check("p", fit.p);
        c.check("ci_lb", fit.ci.lower);
        c.check("ci_ub", fit.ci.upper);
        c.check("tau2", fit.tau2);
        c.check("Q", fit.q);
        c.check("Qp", fit.qP);
        c.check("I2", fit.i2);
    }
    EVIDENT_REPORT_FAILURES();
}

QTEST_GUILESS_MAIN(TestBinaryReference)
#include "tst_binary_reference.moc"
