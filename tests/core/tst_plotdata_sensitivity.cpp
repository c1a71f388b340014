// SPDX-License-Identifier: GPL-3.0-or-later
// The figures added to the registry: the cumulative and leave-one-out forest plots
// (core/plotdata/sensitivityplotdata.h), the risk-of-bias traffic lights per study, the registry's keys
// and settings, and the figures' edges: funnel points clear of the axis ends, capped TSA boundaries
// marked, and the NMD's missing sham means named.
#include "core/plotdata/figurelayout.h"
#include "core/plotdata/sensitivityplotdata.h"
#include "tests/core/plotdatafixtures.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <set>

using namespace evident;
using namespace evident::test;

namespace {

OutcomeAnalysis analysed(Project& project, const std::string& order = "year") {
    Outcome& outcome = project.outcomes[0];
    outcome.settings.cumulativeOrder = order;
    outcome.tsa.minimalRelevantEffect = 0.5;
    return analyseOutcome(project, outcome);
}

std::vector<const ForestRow*> studyRows(const ForestPlotData& plot) {
    std::vector<const ForestRow*> rows;
    for (const ForestRow& row : plot.rows)
        if (row.kind == ForestRowKind::Study)
            rows.push_back(&row);
    return rows;
}

} // namespace

class TestPlotDataSensitivity : public QObject {
    Q_OBJECT
private slots:
    void cumulativeRowsAreTheStepsInOrder();
    void leaveOneOutRowsOmitEachStudy();
    void oneStudyHasNoRefitsToPlot();
    void trafficLightsAreTheStudiesJudgements();
    void trafficLightsWithoutAssessmentsSayWhy();
    void registryKeysAndSettings_data();
    void registryKeysAndSettings();
    void everyFigureHasAHeight();
    void funnelPointsKeepClearOfTheAxisEnds_data();
    void funnelPointsKeepClearOfTheAxisEnds();
    void cappedTsaBoundariesAreExplained();
    void nmdWithoutShamMeansSaysSo();
};

void TestPlotDataSensitivity::cumulativeRowsAreTheStepsInOrder() {
    Project project = projectOf(eightStudies());
    std::swap(project.outcomes[0].rows[0], project.outcomes[0].rows[7]); // Year order differs from data order
    const OutcomeAnalysis analysis = analysed(project);
    const ForestPlotData plot = buildCumulativeForestPlot(analysis, project.outcomes[0], {});
    QVERIFY(plot.ok);
    const auto rows = studyRows(plot);
    QCOMPARE(rows.size(), analysis.result.cumulative.size());
    QCOMPARE(rows.size(), std::size_t(8));
    for (std::size_t j = 0; j < rows.size(); ++j) {
        const CumulativeRow& step = analysis.result.cumulative[j];
        QCOMPARE(rows[j]->cells[0], analysis.prepared.data.labels[step.added]);
        QCOMPARE(rows[j]->cells[1], std::to_string(j + 1)); // k grows by one per step
        QVERIFY(rows[j]->interval);
        QCOMPARE(rows[j]->interval->estimate, step.fit.estimate);
        QCOMPARE(rows[j]->outcomeRow, std::optional(analysis.prepared.rows[step.added]));
    }
    QCOMPARE(rows.front()->cells[0], std::string("Adams 2001")); // Earliest year first
    // The last step pools every study: the overall estimate, drawn again as the diamond.
    EVIDENT_COMPARE_REL(analysis.result.cumulative.back().fit.estimate, analysis.result.overall.estimate,
                        1e-10);
    QCOMPARE(plot.rows.back().kind, ForestRowKind::Total);
    QCOMPARE(plot.rows.back().interval->estimate, analysis.result.overall.estimate);
    QVERIFY(plot.footer.front().find("in order of year") != std::string::npos);
}

void TestPlotDataSensitivity::leaveOneOutRowsOmitEachStudy() {
    Project project = projectOf(eightStudies());
    const OutcomeAnalysis analysis = analysed(project);
    const ForestPlotData plot = buildLeaveOneOutForestPlot(analysis, project.outcomes[0], {});
    QVERIFY(plot.ok);
    const auto rows = studyRows(plot);
    QCOMPARE(rows.size(), std::size_t(8));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const LeaveOneOutRow& refit = analysis.result.leaveOneOut[i];
        QCOMPARE(rows[i]->cells[0], analysis.prepared.data.labels[refit.omitted]);
        QCOMPARE(rows[i]->cells[1], std::string("7"));
        QCOMPARE(rows[i]->interval->estimate, refit.fit.estimate);
        QVERIFY(rows[i]->interval->lower <= rows[i]->interval->estimate);
    }
    QCOMPARE(plot.columns.front().header, std::string("Study left out"));
    QCOMPARE(plot.plotGroupHeader, std::string("Std. Mean Difference"));
}

void TestPlotDataSensitivity::oneStudyHasNoRefitsToPlot() {
    Project project = projectOf({eightStudies().front()});
    const OutcomeAnalysis analysis = analysed(project, "");
    for (const ForestPlotData& plot : {buildCumulativeForestPlot(analysis, project.outcomes[0], {}),
                                       buildLeaveOneOutForestPlot(analysis, project.outcomes[0], {})}) {
        if (plot.ok) { // A cumulative analysis of one study is that study
            QCOMPARE(studyRows(plot).size(), std::size_t(1));
            continue;
        }
        QVERIFY2(plot.message.find("at least two studies") != std::string::npos, plot.message.c_str());
    }
}

void TestPlotDataSensitivity::trafficLightsAreTheStudiesJudgements() {
    Project project = projectOf(eightStudies());
    judgeRiskOfBias(project);
    project.outcomes[0].rows[2].included = false; // Not in the outcome: not in the figure
    const RobTrafficLightData plot = buildRobTrafficLight(project.outcomes[0], project.studies, {});
    QVERIFY(plot.ok);
    QCOMPARE(plot.rows.size(), std::size_t(7));
    QCOMPARE(plot.rows[2].label, std::string("Davis 2008"));
    for (const RobTrafficLightRow& row : plot.rows) {
        const Study* study = nullptr;
        for (const Study& s : project.studies)
            if (s.label == row.label)
                study = &s;
        QVERIFY(study);
        QCOMPARE(row.judgements.size(), syrcleItemCount);
        for (std::size_t item = 0; item < syrcleItemCount; ++item)
            QCOMPARE(row.judgements[item], study->riskOfBias.items[item].judgement);
    }
    QCOMPARE(plot.columns.size(), syrcleItemCount);
    QCOMPARE(plot.key.size(), syrcleItemCount);
    QCOMPARE(plot.legend.size(), std::size_t(4)); // Low, unclear, high and (Adams' last item) not assessed
    QVERIFY(plot.caption.empty());
}

void TestPlotDataSensitivity::trafficLightsWithoutAssessmentsSayWhy() {
    Project project = projectOf(eightStudies());
    const RobTrafficLightData plot = buildRobTrafficLight(project.outcomes[0], project.studies, {});
    QVERIFY(!plot.ok);
    QVERIFY(plot.rows.empty());
    QVERIFY2(plot.message.find("None of the 8 studies") != std::string::npos, plot.message.c_str());
    project.studies[3].riskOfBias.items[0].judgement = RobJudgement::Low;
    const RobTrafficLightData one = buildRobTrafficLight(project.outcomes[0], project.studies, {});
    QVERIFY(one.ok);
    QCOMPARE(one.caption.size(), std::size_t(1));
    QVERIFY2(one.caption[0].find("7 of the 8 studies have not been assessed") != std::string::npos,
             one.caption[0].c_str());
}

void TestPlotDataSensitivity::registryKeysAndSettings_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("kind");
    QTest::newRow("forest") << "forest" << int(FigureKind::Forest);
    QTest::newRow("cumulative") << "cumulative" << int(FigureKind::Cumulative);
    QTest::newRow("leave-one-out") << "leave-one-out" << int(FigureKind::LeaveOneOut);
    QTest::newRow("leave_one_out (project file)") << "leave_one_out" << int(FigureKind::LeaveOneOut);
    QTest::newRow("rob-summary") << "rob-summary" << int(FigureKind::RobSummary);
    QTest::newRow("rob_summary (schema 2)") << "rob_summary" << int(FigureKind::RobSummary);
    QTest::newRow("any case") << "ROB-Traffic-Light" << int(FigureKind::RobTrafficLight);
    QTest::newRow("unknown") << "rob" << -1;
}

void TestPlotDataSensitivity::registryKeysAndSettings() {
    QFETCH(QString, key);
    QFETCH(int, kind);
    const auto parsed = parseFigureKind(key.toStdString());
    QCOMPARE(parsed ? int(*parsed) : -1, kind);
    // Every figure has its own keys and its own saved settings.
    std::set<std::string_view> keys, projectKeys;
    std::set<const FigureSettings*> settings;
    OutcomeFigures figures;
    for (const FigureType& type : figureTypes()) {
        QVERIFY(keys.insert(type.key).second);
        QVERIFY(projectKeys.insert(type.projectKey).second);
        QVERIFY(settings.insert(&figureSettings(figures, type.kind)).second);
        QVERIFY(parseFigureKind(type.key) == type.kind);
        QCOMPARE(&figureType(type.kind), &type);
        QVERIFY(!type.title.empty());
    }
    QCOMPARE(settings.size(), std::size_t(7));
    QVERIFY(figureKeyList().find("leave-one-out") != std::string::npos);
}

void TestPlotDataSensitivity::everyFigureHasAHeight() {
    // The registry's builders fill the content of their drawing, and each has a content height.
    Project project = projectOf(eightStudies());
    judgeRiskOfBias(project);
    const OutcomeAnalysis analysis = analysed(project);
    for (const FigureType& type : figureTypes()) {
        FigureContent content;
        FigureSettings settings;
        type.build(content, analysis, project.outcomes[0], settings, project.studies);
        const double height = figureHeightMm(type.kind, settings, content);
        QVERIFY2(height > 40 && height < 300, type.key.data());
        settings.heightMm = 77;
        QCOMPARE(figureHeightMm(type.kind, settings, content), 77.0);
    }
}

void TestPlotDataSensitivity::funnelPointsKeepClearOfTheAxisEnds_data() {
    QTest::addColumn<int>("k");
    QTest::addColumn<double>("lowest");
    QTest::newRow("eight studies") << 8 << 0.0;
    QTest::newRow("32 studies") << 32 << 0.0;
    // A study whose MD is exactly −1.0, a nice number the axis would end on.
    QTest::newRow("a study at -1.0") << 8 << -1.0;
}

void TestPlotDataSensitivity::funnelPointsKeepClearOfTheAxisEnds() {
    QFETCH(int, k);
    QFETCH(double, lowest);
    std::vector<StudyNumbers> studies =
        k == 8 ? eightStudies() : syntheticStudies(static_cast<std::size_t>(k));
    if (lowest != 0)
        studies[0] = {"Low 2000", 9.0, 0.2, 40, 10.0, 0.2, 40, "rat", 2000};
    Project project = projectOf(studies);
    project.outcomes[0].settings.measure = lowest != 0 ? EffectMeasure::MD : EffectMeasure::SMD;
    const OutcomeAnalysis analysis = analyseOutcome(project, project.outcomes[0]);
    const FunnelPlotData plot = buildFunnelPlot(analysis, project.outcomes[0], {});
    QVERIFY(plot.ok);
    const double span = plot.xAxis.max - plot.xAxis.min;
    for (const auto* points : {&plot.studies, &plot.filled})
        for (const FunnelStudy& study : *points) {
            QVERIFY2(study.effect >= plot.xAxis.min + 0.02 * span, study.label.c_str());
            QVERIFY2(study.effect <= plot.xAxis.max - 0.02 * span, study.label.c_str());
        }
}

void TestPlotDataSensitivity::cappedTsaBoundariesAreExplained() {
    // O'Brien-Fleming boundaries at the first looks lie far beyond the axis: capped, and the caption
    // says how they are drawn.
    Project project = projectOf(syntheticStudies(20));
    Outcome& outcome = project.outcomes[0];
    outcome.tsa.minimalRelevantEffect = 0.3;
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    const TsaPlotData plot = buildTsaPlot(analysis, outcome, {});
    QVERIFY2(plot.ok, plot.message.c_str());
    const bool capped =
        std::find(plot.upper.capped.begin(), plot.upper.capped.end(), true) != plot.upper.capped.end();
    QVERIFY(capped);
    QVERIFY(std::any_of(plot.caption.begin(), plot.caption.end(), [](const std::string& line) {
        return line.find("Arrows at the edge") != std::string::npos;
    }));
}

void TestPlotDataSensitivity::nmdWithoutShamMeansSaysSo() {
    Project project = projectOf(eightStudies());
    project.outcomes[0].settings.measure = EffectMeasure::NMD;
    const OutcomeAnalysis analysis = analyseOutcome(project, project.outcomes[0]);
    for (const ForestPlotData& plot : {buildForestPlot(analysis, project.outcomes[0], {}),
                                       buildCumulativeForestPlot(analysis, project.outcomes[0], {})}) {
        QVERIFY(!plot.ok);
        QVERIFY2(plot.message.find("needs the sham") != std::string::npos, plot.message.c_str());
    }
    project.outcomes[0].settings.measure = EffectMeasure::SMD;
    project.outcomes[0].rows.clear();
    const OutcomeAnalysis empty = analyseOutcome(project, project.outcomes[0]);
    QVERIFY(buildForestPlot(empty, project.outcomes[0], {}).message.find("enter the data")
            != std::string::npos);
}

QTEST_APPLESS_MAIN(TestPlotDataSensitivity)
#include "tst_plotdata_sensitivity.moc"
