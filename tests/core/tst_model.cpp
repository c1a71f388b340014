// SPDX-License-Identifier: GPL-3.0-or-later
// Edge behaviour of the model fit that the metafor reference cases cannot show: non-convergence,
// a single study under Hartung-Knapp, extreme variance ratios, very large tau², and option keys.
#include "core/analysis/pipeline.h"
#include "core/model/metaanalysis.h"
#include "core/report/resultsjson.h"
#include "tests/support/testsupport.h"

#include <algorithm>

using namespace evident;

namespace {

// dat.normand1999 as SMDs (escalc("SMD")); REML tau² = 0.7908 (metafor).
const std::vector<double> normandYi{-0.35567016, -0.34911764, -2.32063015, -1.88580484, -0.38492071,
                                    0.17467155,  0.26659722,  -0.42341131, 0.28805981};
const std::vector<double> normandVi{0.01289883, 0.06475154, 0.04681416, 0.16193543, 0.20197283,
                                    0.03552003, 0.06000779, 0.01404093, 0.03556419};

bool anyWarningContains(const std::vector<std::string>& warnings, const std::string& text) {
    return std::any_of(warnings.begin(), warnings.end(),
                       [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

} // namespace

class TestModel : public QObject {
    Q_OBJECT
private slots:
    void nonConvergenceIsReportedNotNaN_data();
    void nonConvergenceIsReportedNotNaN();
    void singleStudyUnderHartungKnapp();
    void extremeVarianceRatioWarns();
    void veryLargeTau2IsFound();
    void optionKeysParse_data();
    void optionKeysParse();
};

void TestModel::nonConvergenceIsReportedNotNaN_data() {
    QTest::addColumn<int>("estimator");
    QTest::newRow("REML") << int(Tau2Estimator::RestrictedML);
    QTest::newRow("ML") << int(Tau2Estimator::MaximumLikelihood);
    QTest::newRow("EB") << int(Tau2Estimator::EmpiricalBayes);
}

void TestModel::nonConvergenceIsReportedNotNaN() {
    QFETCH(int, estimator);
    FitOptions options;
    options.estimator = static_cast<Tau2Estimator>(estimator);
    options.iteration.maxIterations = 1; // Fisher scoring cannot converge in one step here
    const MetaAnalysisFit fit = fitMetaAnalysis(normandYi, normandVi, options);
    QVERIFY(!fit.estimable);
    QVERIFY(anyWarningContains(fit.warnings, "did not converge"));

    // The public output carries nulls and the reason, never NaN.
    AnalysisData data;
    data.yi = normandYi;
    data.vi = normandVi;
    for (std::size_t i = 0; i < data.yi.size(); ++i)
        data.labels.push_back("S" + std::to_string(i + 1));
    AnalysisOptions analysis;
    analysis.fit = options;
    const AnalysisResult result = runAnalysis(data, analysis);
    const std::string json = analysisToJson(data, analysis, EffectMeasure::SMD, result).dump(0);
    QVERIFY(json.find("NaN") == std::string::npos && json.find("nan") == std::string::npos);
    const QJsonObject parsed = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    QVERIFY(parsed.value(QStringLiteral("estimate")).isNull());
    QVERIFY(parsed.value(QStringLiteral("warnings"))
                .toArray()
                .first()
                .toString()
                .contains(QStringLiteral("did not converge")));
}

void TestModel::singleStudyUnderHartungKnapp() {
    FitOptions options;
    options.inference = InferenceMethod::HartungKnapp;
    const std::vector<double> yi{0.8};
    const std::vector<double> vi{0.04};
    const MetaAnalysisFit fit = fitMetaAnalysis(yi, vi, options);
    QVERIFY(fit.estimable);
    QVERIFY(!fit.tDf);
    EVIDENT_COMPARE_REL(fit.ci.lower, 0.8 - 1.959963984540054 * 0.2, 1e-12);
    QVERIFY(anyWarningContains(fit.warnings, "Wald interval is shown"));
}

void TestModel::extremeVarianceRatioWarns() {
    const std::vector<double> yi{0.1, 0.5, 0.3};
    const std::vector<double> vi{1e-9, 0.2, 0.3};
    const MetaAnalysisFit fit = fitMetaAnalysis(yi, vi, FitOptions{});
    QVERIFY(fit.estimable);
    QVERIFY(anyWarningContains(fit.warnings, "10 million times"));
}

void TestModel::veryLargeTau2IsFound() {
    // Raw mean differences in the thousands: tau² far above metafor's default search limit of 100.
    // The Paule-Mandel estimate solves Q(tau²) = k − 1 exactly.
    const std::vector<double> yi{-2500, 1200, 3400, -800, 5100};
    const std::vector<double> vi{400, 900, 250, 600, 1600};
    FitOptions options;
    options.estimator = Tau2Estimator::PauleMandel;
    const MetaAnalysisFit fit = fitMetaAnalysis(yi, vi, options);
    QVERIFY(fit.estimable);
    QVERIFY(fit.tau2 > 1e6);
    const Eigen::Map<const Eigen::VectorXd> y(yi.data(), 5), v(vi.data(), 5);
    EVIDENT_COMPARE_REL(generalisedQ(y, v, Eigen::MatrixXd::Ones(5, 1), fit.tau2), 4.0, 1e-9);
    QVERIFY(fit.tau2Ci && fit.tau2Ci->upper > fit.tau2);
}

void TestModel::optionKeysParse_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("estimator");
    QTest::newRow("reml lower case") << "reml" << int(Tau2Estimator::RestrictedML);
    QTest::newRow("DL") << "DL" << int(Tau2Estimator::DerSimonianLaird);
    QTest::newRow("FE") << "Fe" << int(Tau2Estimator::FixedEffect);
    QTest::newRow("unknown") << "GENQ" << -1;
}

void TestModel::optionKeysParse() {
    QFETCH(QString, key);
    QFETCH(int, estimator);
    const auto parsed = parseEstimator(key.toStdString());
    QCOMPARE(parsed ? int(*parsed) : -1, estimator);
    if (parsed)
        QCOMPARE(parseEstimator(estimatorKey(*parsed)), parsed);
}

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
