// SPDX-License-Identifier: GPL-3.0-or-later
// The analysis pipeline's own rules (its numbers are checked against metafor in tst_metafor_reference).
#include "core/analysis/pipeline.h"
#include "tests/support/testsupport.h"

#include <algorithm>
#include <random>

using namespace evident;

namespace {

AnalysisData syntheticData(std::size_t k) {
    std::mt19937_64 random(7);
    std::normal_distribution<double> effect(0.8, 0.5);
    std::uniform_real_distribution<double> variance(0.05, 0.4);
    AnalysisData data;
    for (std::size_t i = 0; i < k; ++i) {
        data.labels.push_back("Study " + std::to_string(i + 1));
        data.yi.push_back(effect(random));
        data.vi.push_back(variance(random));
    }
    return data;
}

bool anyWarningContains(const AnalysisResult& result, const std::string& text) {
    return std::any_of(result.warnings.begin(), result.warnings.end(),
                       [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

} // namespace

class TestPipeline : public QObject {
    Q_OBJECT
private slots:
    void refitAnalysesRunUpToTheLimit_data();
    void refitAnalysesRunUpToTheLimit();
    void refitsDoNotKeepStudyWeights();
    void beggSaysWhenItApproximates();
};

void TestPipeline::refitAnalysesRunUpToTheLimit_data() {
    QTest::addColumn<int>("k");
    QTest::addColumn<bool>("refits");
    QTest::newRow("26 studies") << 26 << true;
    QTest::newRow("at the limit") << int(maxStudiesForRefitAnalyses) << true;
    QTest::newRow("above the limit") << int(maxStudiesForRefitAnalyses) + 1 << false;
}

void TestPipeline::refitAnalysesRunUpToTheLimit() {
    QFETCH(int, k);
    QFETCH(bool, refits);
    AnalysisOptions options;
    options.fit.estimator = Tau2Estimator::DerSimonianLaird;
    const AnalysisResult result = runAnalysis(syntheticData(static_cast<std::size_t>(k)), options);
    QVERIFY(result.overall.estimable);
    QCOMPARE(result.leaveOneOut.size(), refits ? std::size_t(k) : std::size_t(0));
    QCOMPARE(result.cumulative.size(), refits ? std::size_t(k) : std::size_t(0));
    QCOMPARE(anyWarningContains(result, "are not run for more than"), !refits);
    QVERIFY(result.egger && result.begg && result.trimAndFill && result.failSafeN);
}

void TestPipeline::refitsDoNotKeepStudyWeights() {
    const AnalysisResult result = runAnalysis(syntheticData(30), AnalysisOptions{});
    QCOMPARE(result.overall.weightPercent.size(), std::size_t(30));
    for (const auto& row : result.leaveOneOut)
        QVERIFY(row.fit.weightPercent.empty() && row.fit.estimable);
    for (const auto& row : result.cumulative)
        QVERIFY(row.fit.weightPercent.empty());
}

void TestPipeline::beggSaysWhenItApproximates() {
    const AnalysisResult small = runAnalysis(syntheticData(170), AnalysisOptions{});
    QVERIFY(small.begg && small.begg->exact);
    QVERIFY(!anyWarningContains(small, "normal approximation"));
    const AnalysisResult large = runAnalysis(syntheticData(171), AnalysisOptions{});
    QVERIFY(large.begg && !large.begg->exact);
    QVERIFY(anyWarningContains(large, "normal approximation"));
}

QTEST_GUILESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
