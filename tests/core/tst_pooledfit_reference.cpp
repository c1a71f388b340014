// SPDX-License-Identifier: GPL-3.0-or-later
// Dichotomous outcomes end to end against metafor 3.8: each case of tests/reference/pooledfit_reference.json
// (made by tests/reference/make_pooledfit_reference.R) is entered as a Project with one dichotomous
// outcome — every table of the data set as a grid row, uninformative ones included — and analysed by
// analyseOutcome(), as the app and evident-cli do. Compared: the pooled fit (estimate, SE, CI, p, tau²,
// Q, I²), each study's percent weight (Mantel-Haenszel, Peto or inverse variance), the prediction
// interval, the Cochran-Mantel-Haenszel and Tarone tests, and the leave-one-out fits. So the
// preparation (double-zero tables left out of OR and RR), the pooling dispatcher and its weights are
// checked, not only the formulas that tst_binary_reference covers.
//
// Tolerances (relative): 1e-10 for the closed forms (M-H, Peto, DL), 1e-8 for REML (iterative).
#include "core/project/outcomeanalysis.h"
#include "tests/support/testsupport.h"

using namespace evident;

namespace {

constexpr double closedFormTolerance = 1e-10;
constexpr double iterativeTolerance = 1e-8;

QJsonObject reference() {
    static const QJsonDocument document =
        test::loadJson(test::testDataPath(QStringLiteral("reference/pooledfit_reference.json")));
    return document.object();
}

/// The data set's tables as a project: one study per table, one dichotomous outcome.
Project projectOf(const QString& dataset) {
    const QJsonObject data =
        reference().value(QStringLiteral("datasets")).toObject().value(dataset).toObject();
    const auto column = [&](const char* name) { return data.value(QLatin1String(name)).toArray(); };
    Project project;
    Outcome outcome;
    outcome.name = "Events";
    outcome.kind = OutcomeKind::Dichotomous;
    const auto count = [](const QJsonValue& value) { return std::to_string(value.toInt()); };
    for (qsizetype i = 0; i < column("study").size(); ++i) {
        const auto id = static_cast<StudyId>(i + 1);
        project.studies.push_back(makeStudy(id, column("study")[i].toString().toStdString()));
        outcome.rows.push_back(makeBinaryRow(id, count(column("ai")[i]), count(column("n1i")[i]),
                                             count(column("ci")[i]), count(column("n2i")[i])));
    }
    project.outcomes.push_back(outcome);
    return project;
}

/// The reference's model names as outcome settings.
AnalysisSettings settingsOf(const QString& model, const QString& measure) {
    AnalysisSettings settings = defaultAnalysisSettings(OutcomeKind::Dichotomous);
    settings.measure = *parseMeasure(measure.toStdString());
    settings.pooling = PoolingMethod::MantelHaenszel;
    settings.estimator = Tau2Estimator::FixedEffect;
    if (model == u"MH-DL") {
        settings.estimator = Tau2Estimator::DerSimonianLaird;
    } else if (model == u"PETO") {
        settings.pooling = PoolingMethod::Peto;
    } else if (model == u"MH_REVMAN5") {
        settings.revman5ZeroCells = true;
    } else if (model == u"REML_KNHA") {
        settings.pooling = PoolingMethod::InverseVariance;
        settings.estimator = Tau2Estimator::RestrictedML;
        settings.inference = InferenceMethod::HartungKnapp;
    } else if (model == u"DL_KEEP") {
        settings.pooling = PoolingMethod::InverseVariance;
        settings.estimator = Tau2Estimator::DerSimonianLaird;
        settings.keepDoubleZero = true;
    }
    return settings;
}

/// Collects every mismatch of one case, so that a failure lists them all.
class Checker {
public:
    Checker(QString id, double tolerance)
        : m_id(std::move(id))
        , m_tolerance(tolerance) {}

    void check(const QString& what, double actual, const QJsonValue& expected) {
        if (expected.isNull() || expected.isUndefined()) {
            m_failures << QStringLiteral("%1 %2: metafor has no value, Evident has %3")
                              .arg(m_id, what)
                              .arg(actual, 0, 'g', 17);
            return;
        }
        if (!test::fuzzyEqual(actual, expected.toDouble(), m_tolerance))
            m_failures << QString::fromUtf8(
                test::describeMismatch(m_id + u' ' + what, actual, expected.toDouble(), m_tolerance));
    }
    void fail(const QString& text) { m_failures << m_id + u' ' + text; }
    const QStringList& failures() const { return m_failures; }

private:
    QString m_id;
    double m_tolerance;
    QStringList m_failures;
};

void checkFit(Checker& c, const QString& prefix, const MetaAnalysisFit& fit, const QJsonObject& expected) {
    if (!fit.estimable) {
        c.fail(prefix + QStringLiteral(": not estimable"));
        return;
    }
    c.check(prefix + QStringLiteral("estimate"), fit.estimate, expected.value(QStringLiteral("estimate")));
    c.check(prefix + QStringLiteral("ci_lb"), fit.ci.lower, expected.value(QStringLiteral("ci_lb")));
    c.check(prefix + QStringLiteral("ci_ub"), fit.ci.upper, expected.value(QStringLiteral("ci_ub")));
}

} // namespace

class TestPooledFitReference : public QObject {
    Q_OBJECT
private slots:
    void matchesMetafor_data() {
        QTest::addColumn<QJsonObject>("expected");
        for (const QJsonValue& value : reference().value(QStringLiteral("cases")).toArray()) {
            const QJsonObject referenceCase = value.toObject();
            QTest::newRow(referenceCase.value(QStringLiteral("id")).toString().toUtf8().constData())
                << referenceCase;
        }
    }

    void matchesMetafor() {
        QFETCH(QJsonObject, expected);
        const QString id = expected.value(QStringLiteral("id")).toString();
        const QString model = expected.value(QStringLiteral("model")).toString();
        Project project = projectOf(expected.value(QStringLiteral("dataset")).toString());
        Outcome& outcome = project.outcomes.front();
        outcome.settings = settingsOf(model, expected.value(QStringLiteral("measure")).toString());
        OutcomeAnalysis analysis = analyseOutcome(project, outcome);
        if (model == u"REML_KNHA") {
            // The reference iterates REML to metafor's threshold 1e-12 (control = list(threshold = 1e-12));
            // the same control here, so that a boundary τ² of ~1e-13 is not compared with one of ~1e-11.
            analysis.options.fit.iteration.threshold = 1e-12;
            analysis.result = runAnalysis(analysis.prepared.data, analysis.options);
        }
        const MetaAnalysisFit& fit = analysis.result.overall;
        Checker c(id, model == u"REML_KNHA" ? iterativeTolerance : closedFormTolerance);

        // The analysed studies are the reference's (uninformative tables left out of OR and RR).
        const QJsonArray studies = expected.value(QStringLiteral("studies")).toArray();
        const AnalysisData& data = analysis.prepared.data;
        QCOMPARE(data.size(), std::size_t(studies.size()));
        for (qsizetype i = 0; i < studies.size(); ++i)
            QCOMPARE(QString::fromStdString(data.labels[std::size_t(i)]), studies[i].toString());

        checkFit(c, QString(), fit, expected);
        c.check(QStringLiteral("se"), fit.se, expected.value(QStringLiteral("se")));
        c.check(QStringLiteral("p"), fit.p, expected.value(QStringLiteral("p")));
        c.check(QStringLiteral("tau2"), fit.tau2, expected.value(QStringLiteral("tau2")));
        c.check(QStringLiteral("Q"), fit.q, expected.value(QStringLiteral("Q")));
        c.check(QStringLiteral("I2"), fit.i2, expected.value(QStringLiteral("I2")));
        const QJsonArray weights = expected.value(QStringLiteral("weights")).toArray();
        if (fit.weightPercent.size() != std::size_t(weights.size()))
            c.fail(QStringLiteral("%1 weights, metafor has %2")
                       .arg(fit.weightPercent.size())
                       .arg(weights.size()));
        else
            for (qsizetype i = 0; i < weights.size(); ++i)
                c.check(QStringLiteral("weight[%1]").arg(i), fit.weightPercent[std::size_t(i)], weights[i]);
        if (expected.contains(QStringLiteral("pi_lb"))) {
            // As its centre (the estimate) and half-width: a bound near 0 would turn a tiny absolute
            // difference into a large relative one.
            const double lower = expected.value(QStringLiteral("pi_lb")).toDouble();
            const double upper = expected.value(QStringLiteral("pi_ub")).toDouble();
            c.check(QStringLiteral("pi centre"), (fit.prediction.lower + fit.prediction.upper) / 2,
                    (lower + upper) / 2);
            c.check(QStringLiteral("pi half-width"), (fit.prediction.upper - fit.prediction.lower) / 2,
                    (upper - lower) / 2);
        }
        if (expected.contains(QStringLiteral("cmh"))) {
            const auto& tests = analysis.result.mantelHaenszelTests;
            if (!tests || !tests->cmh || !tests->tarone || !tests->taroneP) {
                c.fail(QStringLiteral("has no Mantel-Haenszel tests"));
            } else {
                c.check(QStringLiteral("cmh"), *tests->cmh, expected.value(QStringLiteral("cmh")));
                c.check(QStringLiteral("cmh_p"), *tests->cmhP, expected.value(QStringLiteral("cmh_p")));
                c.check(QStringLiteral("tarone"), *tests->tarone, expected.value(QStringLiteral("tarone")));
                c.check(QStringLiteral("tarone_p"), *tests->taroneP,
                        expected.value(QStringLiteral("tarone_p")));
            }
        } else if (analysis.result.mantelHaenszelTests) {
            c.fail(QStringLiteral("reports Mantel-Haenszel tests metafor does not"));
        }
        if (expected.contains(QStringLiteral("leave_one_out"))) {
            const QJsonObject loo = expected.value(QStringLiteral("leave_one_out")).toObject();
            const QJsonArray estimates = loo.value(QStringLiteral("estimate")).toArray();
            if (analysis.result.leaveOneOut.size() != std::size_t(estimates.size()))
                c.fail(QStringLiteral("%1 leave-one-out fits, metafor has %2")
                           .arg(analysis.result.leaveOneOut.size())
                           .arg(estimates.size()));
            else
                for (qsizetype i = 0; i < estimates.size(); ++i)
                    checkFit(c, QStringLiteral("leave-one-out[%1] ").arg(i),
                             analysis.result.leaveOneOut[std::size_t(i)].fit,
                             QJsonObject{
                                 {QStringLiteral("estimate"), estimates[i]},
                                 {QStringLiteral("ci_lb"), loo.value(QStringLiteral("ci_lb")).toArray()[i]},
                                 {QStringLiteral("ci_ub"), loo.value(QStringLiteral("ci_ub")).toArray()[i]}});
        }
        QVERIFY2(c.failures().isEmpty(), qPrintable(c.failures().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestPooledFitReference)
#include "tst_pooledfit_reference.moc"
