// SPDX-License-Identifier: GPL-3.0-or-later
// The funnel plot's numbers: pseudo confidence lines, significance contours, trim and fill, caption
// (core/plotdata/funnelplotdata.h).
#include "core/common/distributions.h"
#include "core/plotdata/funnelplotdata.h"
#include "tests/core/plotdatafixtures.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <cmath>

using namespace evident;
using namespace evident::test;

namespace {

/// Shoelace formula.
double area(const Polygon& polygon) {
    double twice = 0;
    for (std::size_t i = 0; i < polygon.size(); ++i) {
        const PlotPoint& a = polygon[i];
        const PlotPoint& b = polygon[(i + 1) % polygon.size()];
        twice += a.x * b.y - b.x * a.y;
    }
    return std::abs(twice) / 2;
}

} // namespace

class TestPlotDataFunnel : public QObject {
    Q_OBJECT
private slots:
    void clipPolygonToBox_data();
    void clipPolygonToBox();
    void contourBandAreas_data();
    void contourBandAreas();
    void studiesPseudoConfidenceAndAxes();
    void contoursAtPetersLevels();
    void contoursCanBeSwitchedOff();
    void trimAndFillStudiesAreShown();
    void eggerInTheCaption();
    void tooFewStudiesSayWhy();
};

void TestPlotDataFunnel::clipPolygonToBox_data() {
    QTest::addColumn<double>("shift");
    QTest::addColumn<double>("expectedArea");
    // The unit square [0,1]² shifted right by `shift`, clipped to [0,1]²: area 1 − shift.
    QTest::newRow("inside") << 0.0 << 1.0;
    QTest::newRow("half out") << 0.5 << 0.5;
    QTest::newRow("almost out") << 0.9 << 0.1;
    QTest::newRow("outside") << 1.5 << 0.0;
}

void TestPlotDataFunnel::clipPolygonToBox() {
    QFETCH(double, shift);
    QFETCH(double, expectedArea);
    const Polygon square{{shift, 0}, {shift + 1, 0}, {shift + 1, 1}, {shift, 1}};
    const Polygon clipped = clipPolygon(square, 0, 1, 0, 1);
    EVIDENT_COMPARE_ABS(clipped.size() >= 3 ? area(clipped) : 0.0, expectedArea, 1e-12);
    for (const PlotPoint& p : clipped)
        QVERIFY(p.x >= -1e-12 && p.x <= 1 + 1e-12 && p.y >= -1e-12 && p.y <= 1 + 1e-12);
}

void TestPlotDataFunnel::contourBandAreas_data() {
    QTest::addColumn<double>("zInner");
    QTest::addColumn<double>("zOuter");
    QTest::addColumn<double>("xMax");
    QTest::addColumn<double>("yMax");
    QTest::addColumn<double>("expectedAreaEachSide");
    // Between the rays x = z1·y and x = z2·y up to y = Y: (z2 − z1)·Y²/2 when inside the box.
    QTest::newRow("0.05 < P < 0.10 inside the box") << 1.6448536269514722 << 1.959963984540054 << 5.0 << 0.8
                                                    << (1.959963984540054 - 1.6448536269514722) * 0.32;
    // Beyond z1 to the box edge: ∫ (xMax − z1·y) dy = xMax·Y − z1·Y²/2 (the ray stays inside: z1·Y < xMax).
    QTest::newRow("P < 0.01 to the edge")
        << 2.5758293035489004 << qInf() << 3.0 << 0.8 << 3.0 * 0.8 - 2.5758293035489004 * 0.32;
    // Both rays leave the box (x = 1) below Y: y2 = 1/z2 and y1 = 1/z1. Area =
    // ∫₀^{y2} (z2 − z1)·y dy + ∫_{y2}^{y1} (1 − z1·y) dy.
    const double z1 = 1.959963984540054, z2 = 2.5758293035489004, y1 = 1 / z1, y2 = 1 / z2;
    QTest::newRow("band cut by the box edge")
        << z1 << z2 << 1.0 << 0.8 << (z2 - z1) * y2 * y2 / 2 + (y1 - y2) - z1 * (y1 * y1 - y2 * y2) / 2;
}

void TestPlotDataFunnel::contourBandAreas() {
    QFETCH(double, zInner);
    QFETCH(double, zOuter);
    QFETCH(double, xMax);
    QFETCH(double, yMax);
    QFETCH(double, expectedAreaEachSide);
    const std::vector<Polygon> band = contourBand(0, zInner, zOuter, -xMax, xMax, yMax);
    QCOMPARE(band.size(), std::size_t(2));
    for (const Polygon& polygon : band) {
        for (const PlotPoint& p : polygon)
            QVERIFY(std::abs(p.x) <= xMax + 1e-12 && p.y >= -1e-12 && p.y <= yMax + 1e-12);
        if (std::isfinite(expectedAreaEachSide) && expectedAreaEachSide > 0)
            EVIDENT_COMPARE_REL(area(polygon), expectedAreaEachSide, 1e-12);
    }
}

void TestPlotDataFunnel::studiesPseudoConfidenceAndAxes() {
    const Project project = projectOf(eightStudies());
    const Outcome& outcome = project.outcomes[0];
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    const FunnelPlotData plot = buildFunnelPlot(analysis, outcome, outcome.figures.funnel);
    QVERIFY(plot.ok);
    QCOMPARE(plot.studies.size(), std::size_t(8));
    double seMax = 0;
    for (std::size_t i = 0; i < plot.studies.size(); ++i) {
        EVIDENT_COMPARE_REL(plot.studies[i].effect, analysis.prepared.data.yi[i], 1e-15);
        EVIDENT_COMPARE_REL(plot.studies[i].se, std::sqrt(analysis.prepared.data.vi[i]), 1e-15);
        QCOMPARE(*plot.studies[i].outcomeRow, i);
        seMax = std::max(seMax, plot.studies[i].se);
        QVERIFY(plot.studies[i].effect >= plot.xAxis.min && plot.studies[i].effect <= plot.xAxis.max);
    }
    QCOMPARE(plot.yAxis.min, 0.0);
    QVERIFY(plot.yAxis.max >= seMax);
    // Apex at the pooled estimate, SE 0; the lines reach the bottom of the axis at estimate ± z·SE.
    const double z = normalQuantile(0.975);
    const double estimate = analysis.result.overall.estimate;
    QCOMPARE(plot.pseudoConfidence.size(), std::size_t(3));
    EVIDENT_COMPARE_REL(plot.pseudoConfidence[1].x, estimate, 1e-15);
    QCOMPARE(plot.pseudoConfidence[1].y, 0.0);
    EVIDENT_COMPARE_REL(plot.pseudoConfidence[0].x, estimate - z * plot.yAxis.max, 1e-12);
    EVIDENT_COMPARE_REL(plot.pseudoConfidence[2].x, estimate + z * plot.yAxis.max, 1e-12);
    QVERIFY(plot.xAxis.min <= plot.pseudoConfidence[0].x && plot.xAxis.max >= plot.pseudoConfidence[2].x);
    QCOMPARE(plot.pseudoConfidenceLabel, std::string("Pseudo 95% CI"));
}

void TestPlotDataFunnel::contoursAtPetersLevels() {
    const Project project = projectOf(eightStudies());
    const Outcome& outcome = project.outcomes[0];
    const FunnelPlotData plot =
        buildFunnelPlot(analyseOutcome(project, outcome), outcome, outcome.figures.funnel);
    QCOMPARE(plot.contours.size(), std::size_t(3));
    QCOMPARE(plot.contours[0].label, std::string("0.05 < P < 0.10"));
    QCOMPARE(plot.contours[1].label, std::string("0.01 < P < 0.05"));
    QCOMPARE(plot.contours[2].label, std::string("P < 0.01"));
    // The inner edge of the P < 0.05 band at the bottom of the plot is z_{0.975}·SE_max from 0.
    const double yMax = plot.yAxis.max;
    double innerEdge = qInf();
    for (const Polygon& polygon : plot.contours[1].polygons)
        for (const PlotPoint& p : polygon)
            if (std::abs(p.y - yMax) < 1e-12 && p.x > 0)
                innerEdge = std::min(innerEdge, p.x);
    if (normalQuantile(0.975) * yMax < plot.xAxis.max)
        EVIDENT_COMPARE_REL(innerEdge, normalQuantile(0.975) * yMax, 1e-12);
    QCOMPARE(plot.legend.back().label, std::string("P < 0.01"));
}

void TestPlotDataFunnel::contoursCanBeSwitchedOff() {
    const Project project = projectOf(eightStudies());
    Outcome outcome = project.outcomes[0];
    outcome.figures.funnel.contours = false;
    const FunnelPlotData plot =
        buildFunnelPlot(analyseOutcome(project, outcome), outcome, outcome.figures.funnel);
    QVERIFY(plot.contours.empty());
    for (const LegendEntry& entry : plot.legend)
        QVERIFY(entry.symbol != LegendSymbol::Contour);
}

void TestPlotDataFunnel::trimAndFillStudiesAreShown() {
    // Small studies only on the right: trim and fill imputes on the left.
    std::vector<StudyNumbers> studies = {
        {"L1", 10.4, 2, 40, 10, 2, 40, "a", 1}, {"L2", 10.5, 2, 35, 10, 2, 35, "a", 2},
        {"M1", 11.0, 2, 12, 10, 2, 12, "a", 3}, {"M2", 11.3, 2, 10, 10, 2, 10, "a", 4},
        {"S1", 12.2, 2, 5, 10, 2, 5, "a", 5},   {"S2", 12.6, 2, 5, 10, 2, 5, "a", 6},
        {"S3", 12.9, 2, 4, 10, 2, 4, "a", 7},   {"S4", 11.9, 2, 6, 10, 2, 6, "a", 8},
    };
    const Project project = projectOf(studies);
    const Outcome& outcome = project.outcomes[0];
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    QVERIFY(analysis.result.trimAndFill);
    const FunnelPlotData plot = buildFunnelPlot(analysis, outcome, outcome.figures.funnel);
    QCOMPARE(plot.filled.size(), std::size_t(analysis.result.trimAndFill->k0));
    QVERIFY(analysis.result.trimAndFill->k0 > 0);
    QVERIFY(plot.adjustedEstimate);
    EVIDENT_COMPARE_REL(*plot.adjustedEstimate, analysis.result.trimAndFill->adjusted.estimate, 1e-15);
    for (const FunnelStudy& s : plot.filled) {
        QVERIFY(!s.outcomeRow);
        QVERIFY(s.effect >= plot.xAxis.min && s.effect <= plot.xAxis.max);
        QVERIFY(s.se <= plot.yAxis.max);
    }
    QVERIFY(QString::fromStdString(plot.caption[1])
                .contains(QStringLiteral("imputed on the left; adjusted SMD = ")));
}

void TestPlotDataFunnel::eggerInTheCaption() {
    const Project project = projectOf(eightStudies());
    const Outcome& outcome = project.outcomes[0];
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    const FunnelPlotData plot = buildFunnelPlot(analysis, outcome, outcome.figures.funnel);
    QVERIFY(analysis.result.egger);
    QVERIFY(QString::fromStdString(plot.caption[0]).startsWith(QStringLiteral("Egger's test: bias = ")));
    QVERIFY(QString::fromStdString(plot.caption[0]).contains(QStringLiteral(", df = 6, P")));
}

void TestPlotDataFunnel::tooFewStudiesSayWhy() {
    const std::vector<StudyNumbers> one = {eightStudies().front()};
    const Project project = projectOf(one);
    const Outcome& outcome = project.outcomes[0];
    const FunnelPlotData plot =
        buildFunnelPlot(analyseOutcome(project, outcome), outcome, outcome.figures.funnel);
    QVERIFY(!plot.ok);
    QCOMPARE(plot.message, std::string("A funnel plot needs at least two studies."));
}

QTEST_GUILESS_MAIN(TestPlotDataFunnel)
#include "tst_plotdata_funnel.moc"
