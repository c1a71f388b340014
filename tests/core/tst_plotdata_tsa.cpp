// SPDX-License-Identifier: GPL-3.0-or-later
// The TSA plot's numbers: Z-curve, capped boundaries, futility wedge, RIS line and caption
// (core/plotdata/tsaplotdata.h).
#include "core/common/distributions.h"
#include "core/plotdata/tsaplotdata.h"
#include "tests/core/plotdatafixtures.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <cmath>

using namespace evident;
using namespace evident::test;

class TestPlotDataTsa : public QObject {
    Q_OBJECT
private slots:
    void capping_data();
    void capping();
    void withoutMinimalRelevantEffectTheReasonIsShown();
    void curveBoundariesAndRis_data();
    void curveBoundariesAndRis();
    void futilityWedge();
    void dichotomousAssumptionsNameTheRiskReduction_data();
    void dichotomousAssumptionsNameTheRiskReduction();
};

void TestPlotDataTsa::capping_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("shown");
    QTest::addColumn<bool>("capped");
    QTest::newRow("inside") << 2.5 << 2.5 << false;
    QTest::newRow("at the limit") << 6.0 << 6.0 << false;
    QTest::newRow("beyond") << 9.3 << 6.0 << true;
    QTest::newRow("infinite") << qInf() << 6.0 << true;
    QTest::newRow("negative infinite") << -qInf() << -6.0 << true;
    QTest::newRow("negative beyond") << -7.0 << -6.0 << true;
}

void TestPlotDataTsa::capping() {
    QFETCH(double, value);
    QFETCH(double, shown);
    QFETCH(bool, capped);
    const TsaBoundaryLine line = capBoundary({100.0}, {value}, 6.0);
    QCOMPARE(line.points.size(), std::size_t(1));
    QCOMPARE(line.points[0].x, 100.0);
    QCOMPARE(line.points[0].y, shown);
    QCOMPARE(static_cast<bool>(line.capped[0]), capped);
}

void TestPlotDataTsa::withoutMinimalRelevantEffectTheReasonIsShown() {
    const Project project = projectOf(eightStudies());
    const Outcome& outcome = project.outcomes[0];
    const TsaPlotData plot = buildTsaPlot(analyseOutcome(project, outcome), outcome, outcome.figures.tsa);
    QVERIFY(!plot.ok);
    QCOMPARE(plot.message,
             std::string("Set the minimal relevant effect to compute the required information size."));
}

void TestPlotDataTsa::curveBoundariesAndRis_data() {
    QTest::addColumn<double>("mre");
    QTest::addColumn<SpendingFunction>("spending");
    QTest::newRow("O'Brien-Fleming, SMD 0.5") << 0.5 << SpendingFunction::OBrienFleming;
    QTest::newRow("O'Brien-Fleming, SMD 0.3 (far from the RIS)") << 0.3 << SpendingFunction::OBrienFleming;
    QTest::newRow("Pocock, SMD 0.5") << 0.5 << SpendingFunction::Pocock;
}

void TestPlotDataTsa::curveBoundariesAndRis() {
    QFETCH(double, mre);
    QFETCH(SpendingFunction, spending);
    Project project = projectOf(eightStudies());
    Outcome& outcome = project.outcomes[0];
    outcome.tsa.minimalRelevantEffect = mre;
    outcome.tsa.spending = spending;
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    QVERIFY2(analysis.tsa.ok, analysis.tsa.error.c_str());
    const TsaPlotData plot = buildTsaPlot(analysis, outcome, outcome.figures.tsa);
    QVERIFY(plot.ok);
    // The curve: origin, then one point per look.
    QCOMPARE(plot.zCurve.size(), analysis.tsa.looks.size() + 1);
    QCOMPARE(plot.zCurve[0].x, 0.0);
    QCOMPARE(plot.zCurve[0].y, 0.0);
    for (std::size_t i = 0; i < analysis.tsa.looks.size(); ++i) {
        QCOMPARE(plot.zCurve[i + 1].x, analysis.tsa.looks[i].participants);
        QCOMPARE(plot.zCurve[i + 1].y, analysis.tsa.looks[i].z);
        QVERIFY(std::abs(plot.zCurve[i + 1].y) <= plot.yAxis.max);
    }
    // A symmetric Z axis of at least ±5; the x axis reaches the RIS.
    QCOMPARE(plot.yAxis.min, -plot.yAxis.max);
    QVERIFY(plot.yAxis.max >= displayedBoundaryMinimum);
    QVERIFY(plot.xAxis.max >= analysis.tsa.ris);
    QCOMPARE(plot.xAxis.min, 0.0);
    QCOMPARE(plot.ris, static_cast<double>(analysis.tsa.ris));
    QCOMPARE(plot.risLabel, "RIS = " + std::to_string(analysis.tsa.ris));
    EVIDENT_COMPARE_REL(plot.conventional, normalQuantile(0.975), 1e-15);
    // Boundaries at fraction·RIS, capped at the axis; the lower one mirrors the upper one.
    const BoundaryResult& b = analysis.tsa.boundaries;
    QCOMPARE(plot.upper.points.size(), b.fractions.size());
    for (std::size_t i = 0; i < b.fractions.size(); ++i) {
        EVIDENT_COMPARE_REL(plot.upper.points[i].x, b.fractions[i] * analysis.tsa.ris, 1e-12);
        const bool capped = !(b.upper[i] <= plot.yAxis.max);
        QCOMPARE(static_cast<bool>(plot.upper.capped[i]), capped);
        QCOMPARE(plot.upper.points[i].y, capped ? plot.yAxis.max : b.upper[i]);
        QCOMPARE(plot.lower.points[i].y, -plot.upper.points[i].y);
    }
    QVERIFY(plot.futilityUpper.points.empty());
    QCOMPARE(plot.caption.front(), analysis.tsa.conclusion);
    QVERIFY(QString::fromStdString(plot.caption[1])
                .startsWith(QStringLiteral("Assumptions: minimal relevant SMD ")));
    QCOMPARE(plot.boundaryLabel, std::string(spendingLabel(spending)) + " boundaries");
    QCOMPARE(plot.favoursUpper, std::string("Favours treatment"));
}

void TestPlotDataTsa::futilityWedge() {
    Project project = projectOf(syntheticStudies(30));
    Outcome& outcome = project.outcomes[0];
    outcome.tsa.minimalRelevantEffect = 0.3;
    outcome.tsa.futility = true;
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    QVERIFY2(analysis.tsa.ok, analysis.tsa.error.c_str());
    const TsaPlotData plot = buildTsaPlot(analysis, outcome, outcome.figures.tsa);
    std::size_t spent = 0;
    for (const auto& value : analysis.tsa.boundaries.futility)
        spent += value ? 1 : 0;
    QCOMPARE(plot.futilityUpper.points.size(), spent);
    QCOMPARE(plot.futilityLower.points.size(), spent);
    for (std::size_t i = 0; i < plot.futilityUpper.points.size(); ++i)
        QCOMPARE(plot.futilityLower.points[i].y, -plot.futilityUpper.points[i].y);
    QCOMPARE(plot.legend[3].label, std::string("Futility boundary"));
}

void TestPlotDataTsa::dichotomousAssumptionsNameTheRiskReduction_data() {
    QTest::addColumn<double>("controlRisk");
    QTest::addColumn<QString>("expected");
    QTest::newRow("observed control risk")
        << 0.0
        << "Assumptions: relative risk reduction 25%; control risk the pooled "
           "observed proportion; \u03b1 = 5%";
    QTest::newRow("anticipated control risk")
        << 0.3 << "Assumptions: relative risk reduction 25%; control risk 30%; \u03b1 = 5%";
}

void TestPlotDataTsa::dichotomousAssumptionsNameTheRiskReduction() {
    QFETCH(double, controlRisk);
    QFETCH(QString, expected);
    Project project;
    Outcome outcome;
    outcome.kind = OutcomeKind::Dichotomous;
    outcome.settings = defaultAnalysisSettings(OutcomeKind::Dichotomous);
    outcome.tsa.minimalRelevantEffect = 0.25;
    outcome.tsa.controlRisk = controlRisk;
    const char* tables[][4] = {{"12", "40", "20", "40"}, {"8", "30", "15", "30"}, {"10", "35", "14", "35"}};
    for (std::size_t i = 0; i < 3; ++i) {
        project.studies.push_back(makeStudy(i + 1, "Study " + std::to_string(i + 1)));
        outcome.rows.push_back(makeBinaryRow(i + 1, tables[i][0], tables[i][1], tables[i][2], tables[i][3]));
    }
    project.outcomes.push_back(outcome);
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    QVERIFY2(analysis.tsa.ok, analysis.tsa.error.c_str());
    const TsaPlotData plot = buildTsaPlot(analysis, outcome, outcome.figures.tsa);
    QVERIFY2(QString::fromStdString(plot.caption.at(1)).startsWith(expected), plot.caption.at(1).c_str());
}

QTEST_GUILESS_MAIN(TestPlotDataTsa)
#include "tst_plotdata_tsa.moc"
