// SPDX-License-Identifier: GPL-3.0-or-later
// The forest plot's numbers and text (core/plotdata/forestplotdata.h).
#include "core/common/distributions.h"
#include "core/plotdata/figurelayout.h"
#include "core/plotdata/forestplotdata.h"
#include "core/report/numberformat.h"
#include "tests/core/plotdatafixtures.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <array>
#include <cmath>
#include <numeric>

using namespace evident;
using namespace evident::test;

namespace {

std::vector<const ForestRow*> rowsOfKind(const ForestPlotData& plot, ForestRowKind kind) {
    std::vector<const ForestRow*> rows;
    for (const ForestRow& row : plot.rows)
        if (row.kind == kind)
            rows.push_back(&row);
    return rows;
}

ForestPlotData forestOf(const Project& project, const Outcome& outcome) {
    return buildForestPlot(analyseOutcome(project, outcome), outcome, outcome.figures.forest);
}

} // namespace

class TestPlotDataForest : public QObject {
    Q_OBJECT
private slots:
    void studyRowsCarryIntervalsWeightsAndGridRows();
    void tableColumnsAndTotals();
    void favoursLabelsFollowTheDirection_data();
    void favoursLabelsFollowTheDirection();
    void subgroupBlocks();
    void clipping_data();
    void clipping();
    void wideIntervalDoesNotSquashTheAxis();
    void axisIsSymmetricWhenBothSidesAreUsed();
    void ratioMeasureOnALogAxis();
    void dichotomousColumnsAndEvents_data();
    void dichotomousColumnsAndEvents();
    void predictionIntervalFollowsTheSetting_data();
    void predictionIntervalFollowsTheSetting();
    void nothingToPlotSaysWhy();
    void contentHeightCountsEveryLine_data();
    void contentHeightCountsEveryLine();
};

void TestPlotDataForest::studyRowsCarryIntervalsWeightsAndGridRows() {
    Project project = projectOf(eightStudies());
    Outcome& outcome = project.outcomes[0];
    outcome.rows[2].included = false; // Clark 2005 unticked: the grid rows after it shift
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    const ForestPlotData plot = buildForestPlot(analysis, outcome, outcome.figures.forest);
    QVERIFY(plot.ok);
    const auto studies = rowsOfKind(plot, ForestRowKind::Study);
    QCOMPARE(studies.size(), std::size_t(7));
    const double z = normalQuantile(0.975);
    double weightSum = 0, heaviest = 0;
    for (std::size_t i = 0; i < studies.size(); ++i) {
        const ForestRow& row = *studies[i];
        const double yi = analysis.prepared.data.yi[i], se = std::sqrt(analysis.prepared.data.vi[i]);
        QVERIFY(row.interval);
        EVIDENT_COMPARE_REL(row.interval->estimate, yi, 1e-15);
        EVIDENT_COMPARE_REL(row.interval->lower, yi - z * se, 1e-12);
        EVIDENT_COMPARE_REL(row.interval->upper, yi + z * se, 1e-12);
        EVIDENT_COMPARE_REL(row.weightPercent, analysis.result.overall.weightPercent[i], 1e-15);
        QCOMPARE(*row.outcomeRow, i < 2 ? i : i + 1);
        QCOMPARE(row.cells[0], analysis.prepared.data.labels[i]);
        weightSum += row.weightPercent;
        heaviest = std::max(heaviest, row.markerScale);
        QVERIFY(row.markerScale > 0 && row.markerScale <= 1);
        EVIDENT_COMPARE_REL(row.markerScale * row.markerScale,
                            row.weightPercent
                                / *std::max_element(analysis.result.overall.weightPercent.begin(),
                                                    analysis.result.overall.weightPercent.end()),
                            1e-12);
    }
    EVIDENT_COMPARE_REL(weightSum, 100.0, 1e-12);
    QCOMPARE(heaviest, 1.0);
}

void TestPlotDataForest::tableColumnsAndTotals() {
    const Project project = projectOf(eightStudies());
    const ForestPlotData plot = forestOf(project, project.outcomes[0]);
    QStringList headers;
    for (const ForestColumn& column : plot.columns)
        headers.append(QString::fromStdString(column.group + "|" + column.header));
    QCOMPARE(headers, (QStringList{"|Study or Subgroup", "Treatment|Mean", "Treatment|SD", "Treatment|Total",
                                   "Control|Mean", "Control|SD", "Control|Total", "|Weight",
                                   "Std. Mean Difference|IV, Random, 95% CI"}));
    QCOMPARE(plot.plotGroupHeader, std::string("Std. Mean Difference"));
    const ForestRow& first = plot.rows.front();
    QCOMPARE(first.cells[1], std::string("12.00"));
    QCOMPARE(first.cells[2], std::string("3.00"));
    QCOMPARE(first.cells[3], std::string("10"));
    const auto totals = rowsOfKind(plot, ForestRowKind::Total);
    QCOMPARE(totals.size(), std::size_t(1));
    QCOMPARE(totals[0]->cells[0], std::string("Total (95% CI)"));
    QCOMPARE(totals[0]->cells[3], std::string("85")); // 10+8+12+6+15+9+20+5
    QCOMPARE(totals[0]->cells[6], std::string("86"));
    QCOMPARE(totals[0]->cells[7], std::string("100.0%"));
    QVERIFY(totals[0]->bold);
    QCOMPARE(plot.footer.size(), std::size_t(2));
    QVERIFY(QString::fromStdString(plot.footer[0]).startsWith(QStringLiteral("Heterogeneity: Tau\u00b2 = ")));
    QVERIFY(
        QString::fromStdString(plot.footer[1]).startsWith(QStringLiteral("Test for overall effect: Z = ")));
}

void TestPlotDataForest::favoursLabelsFollowTheDirection_data() {
    QTest::addColumn<bool>("lowerIsBetter");
    QTest::addColumn<QString>("customLeft");
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::newRow("higher is better") << false << QString() << "Favours control"
                                      << "Favours treatment";
    QTest::newRow("lower is better: swapped") << true << QString() << "Favours treatment"
                                              << "Favours control";
    QTest::newRow("edited label wins") << true << "Favours enriched housing"
                                       << "Favours enriched housing"
                                       << "Favours control";
}

void TestPlotDataForest::favoursLabelsFollowTheDirection() {
    QFETCH(bool, lowerIsBetter);
    QFETCH(QString, customLeft);
    QFETCH(QString, left);
    QFETCH(QString, right);
    Project project = projectOf(eightStudies());
    Outcome& outcome = project.outcomes[0];
    outcome.lowerIsBetter = lowerIsBetter;
    outcome.figures.forest.favoursLeft = customLeft.toStdString();
    const ForestPlotData plot = forestOf(project, outcome);
    QCOMPARE(QString::fromStdString(plot.favoursLeft), left);
    QCOMPARE(QString::fromStdString(plot.favoursRight), right);
}

void TestPlotDataForest::subgroupBlocks() {
    Project project = projectOf(eightStudies());
    Outcome& outcome = project.outcomes[0];
    outcome.settings.subgroup = "model";
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    const ForestPlotData plot = buildForestPlot(analysis, outcome, outcome.figures.forest);
    QStringList kinds;
    for (const ForestRow& row : plot.rows)
        kinds.append(QString::number(static_cast<int>(row.kind)));
    // rat: header, 4 studies, subtotal, heterogeneity, overall test; mouse the same; total; PI.
    const QString block = QStringLiteral("0,1,1,1,1,2,5,5");
    QCOMPARE(kinds.join(QLatin1Char(',')), block + QLatin1Char(',') + block + QStringLiteral(",3,4"));
    QCOMPARE(plot.rows[0].cells[0], std::string("rat"));
    QCOMPARE(plot.rows[8].cells[0], std::string("mouse"));
    const auto subtotals = rowsOfKind(plot, ForestRowKind::Subtotal);
    QCOMPARE(subtotals.size(), std::size_t(2));
    const auto& groups = analysis.result.subgroups->groups;
    for (std::size_t g = 0; g < 2; ++g) {
        EVIDENT_COMPARE_REL(subtotals[g]->interval->estimate, groups[g].fit.estimate, 1e-15);
        double weight = 0;
        for (std::size_t i : groups[g].studies)
            weight += analysis.result.overall.weightPercent[i];
        QCOMPARE(subtotals[g]->cells[7], formatFixed(weight, 1) + "%");
    }
    QCOMPARE(plot.rows[6].cells[0].rfind("Heterogeneity: ", 0), std::size_t(0));
    QCOMPARE(plot.footer.size(), std::size_t(3));
    QCOMPARE(plot.footer[2].rfind("Test for subgroup differences: Chi\u00b2 = ", 0), std::size_t(0));
}

void TestPlotDataForest::clipping_data() {
    QTest::addColumn<double>("estimate");
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    QTest::addColumn<double>("shownLower");
    QTest::addColumn<double>("shownUpper");
    QTest::addColumn<bool>("arrowLeft");
    QTest::addColumn<bool>("arrowRight");
    QTest::addColumn<bool>("visible");
    QTest::newRow("inside") << 0.5 << -1.0 << 2.0 << -1.0 << 2.0 << false << false << true;
    QTest::newRow("upper cut") << 1.0 << -0.5 << 7.0 << -0.5 << 4.0 << false << true << true;
    QTest::newRow("both cut") << 0.0 << -9.0 << 9.0 << -4.0 << 4.0 << true << true << true;
    QTest::newRow("estimate outside") << 5.0 << 4.5 << 6.0 << 4.0 << 4.0 << false << true << false;
    QTest::newRow("infinite bound") << 0.0 << -qInf() << 1.0 << -4.0 << 1.0 << true << false << true;
}

void TestPlotDataForest::clipping() {
    QFETCH(double, estimate);
    QFETCH(double, lower);
    QFETCH(double, upper);
    QFETCH(double, shownLower);
    QFETCH(double, shownUpper);
    QFETCH(bool, arrowLeft);
    QFETCH(bool, arrowRight);
    QFETCH(bool, visible);
    const AxisScale axis = niceLinearAxis(-4, 4, 5);
    const ForestInterval interval = clipInterval(estimate, lower, upper, axis);
    QCOMPARE(interval.lower, shownLower);
    QCOMPARE(interval.upper, shownUpper);
    QCOMPARE(interval.clippedLower, arrowLeft);
    QCOMPARE(interval.clippedUpper, arrowRight);
    QCOMPARE(interval.estimateVisible, visible);
}

void TestPlotDataForest::wideIntervalDoesNotSquashTheAxis() {
    // Estimates within ±1.2, one interval reaching 12: the axis stops near the estimates.
    const AxisScale axis =
        forestAxis({-0.5, 0.2, 1.2}, {-1.0, -0.3, -9.6}, {0.0, 0.7, 12.0}, {0.1, 0.6}, false);
    QVERIFY(axis.max < 3);
    QVERIFY(axis.min > -3);
    QVERIFY(axis.max >= 1.2 && axis.min <= -1.0);
    // Without the outlier the axis covers every interval.
    const AxisScale full =
        forestAxis({-0.5, 0.2, 1.2}, {-1.0, -0.3, 0.4}, {0.0, 0.7, 2.0}, {0.1, 0.6}, false);
    QVERIFY(full.min <= -1.0 && full.max >= 2.0);
}

void TestPlotDataForest::axisIsSymmetricWhenBothSidesAreUsed() {
    const AxisScale symmetric = forestAxis({-0.6, 1.2}, {-1.6, 0.1}, {0.4, 2.2}, {}, false);
    QCOMPARE(symmetric.min, -symmetric.max);
    QCOMPARE(symmetric.max, 3.0);
    const AxisScale oneSided = forestAxis({3.0, 5.0}, {2.5, 4.0}, {3.5, 6.0}, {}, false);
    QCOMPARE(oneSided.min, 0.0); // The null is always on the axis
    QVERIFY(oneSided.max >= 6.0);
}

void TestPlotDataForest::ratioMeasureOnALogAxis() {
    Project project = projectOf(eightStudies());
    Outcome& outcome = project.outcomes[0];
    outcome.settings.measure = EffectMeasure::ROM;
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    const ForestPlotData plot = buildForestPlot(analysis, outcome, outcome.figures.forest);
    QVERIFY(plot.axis.logarithmic);
    QCOMPARE(plot.nullValue, 0.0);
    QCOMPARE(plot.plotGroupHeader, std::string("Ratio of Means"));
    // Text on the ratio scale, geometry in logs.
    const ForestRow& first = plot.rows.front();
    const double ratio = std::exp(analysis.prepared.data.yi[0]);
    char expected[32];
    std::snprintf(expected, sizeof expected, "%.2f [", ratio);
    QVERIFY2(first.cells.back().rfind(expected, 0) == 0, first.cells.back().c_str());
    EVIDENT_COMPARE_REL(first.interval->estimate, analysis.prepared.data.yi[0], 1e-15);
    bool hasOne = false;
    for (const AxisTick& tick : plot.axis.ticks)
        hasOne = hasOne || (tick.label == "1" || tick.label == "1.0" || tick.label == "1.00");
    QVERIFY(hasOne);
}

namespace {

/// Four 2×2 tables, one with no control events, in two subgroups.
Project dichotomousProject() {
    Project project;
    project.covariateNames = {"model"};
    Outcome outcome;
    outcome.name = "Pregnancy";
    outcome.kind = OutcomeKind::Dichotomous;
    outcome.settings = defaultAnalysisSettings(OutcomeKind::Dichotomous);
    const std::vector<std::array<const char*, 5>> tables{{"Ames 2019", "6", "10", "2", "10"},
                                                         {"Bell 2020", "7", "9", "0", "8"},
                                                         {"Cole 2021", "5", "12", "3", "11"},
                                                         {"Dunn 2022", "9", "10", "6", "10"}};
    for (std::size_t i = 0; i < tables.size(); ++i) {
        project.studies.push_back(makeStudy(i + 1, tables[i][0], {i < 2 ? "rat" : "mouse"}));
        outcome.rows.push_back(makeBinaryRow(i + 1, tables[i][1], tables[i][2], tables[i][3], tables[i][4]));
    }
    project.outcomes.push_back(outcome);
    return project;
}

} // namespace

void TestPlotDataForest::dichotomousColumnsAndEvents_data() {
    QTest::addColumn<int>("measure");
    QTest::addColumn<int>("pooling");
    QTest::addColumn<int>("estimator");
    QTest::addColumn<QString>("heading");
    QTest::addColumn<bool>("logAxis");
    QTest::newRow("OR, M-H random") << int(EffectMeasure::OR) << int(PoolingMethod::MantelHaenszel)
                                    << int(Tau2Estimator::DerSimonianLaird)
                                    << "Odds Ratio|M-H, Random, 95% CI" << true;
    QTest::newRow("OR, Peto") << int(EffectMeasure::OR) << int(PoolingMethod::Peto)
                              << int(Tau2Estimator::FixedEffect) << "Odds Ratio|Peto, Fixed, 95% CI" << true;
    QTest::newRow("RR, M-H fixed") << int(EffectMeasure::RR) << int(PoolingMethod::MantelHaenszel)
                                   << int(Tau2Estimator::FixedEffect) << "Risk Ratio|M-H, Fixed, 95% CI"
                                   << true;
    QTest::newRow("RD, IV REML") << int(EffectMeasure::RD) << int(PoolingMethod::InverseVariance)
                                 << int(Tau2Estimator::RestrictedML) << "Risk Difference|IV, Random, 95% CI"
                                 << false;
}

void TestPlotDataForest::dichotomousColumnsAndEvents() {
    QFETCH(int, measure);
    QFETCH(int, pooling);
    QFETCH(int, estimator);
    QFETCH(QString, heading);
    QFETCH(bool, logAxis);
    Project project = dichotomousProject();
    Outcome& outcome = project.outcomes[0];
    outcome.settings.measure = EffectMeasure(measure);
    outcome.settings.pooling = PoolingMethod(pooling);
    outcome.settings.estimator = Tau2Estimator(estimator);
    outcome.settings.subgroup = "model";
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    const ForestPlotData plot = buildForestPlot(analysis, outcome, outcome.figures.forest);
    QVERIFY2(plot.ok, plot.message.c_str());
    QStringList headers;
    for (const ForestColumn& column : plot.columns)
        headers.append(QString::fromStdString(column.group + "|" + column.header));
    QCOMPARE(headers, (QStringList{"|Study or Subgroup", "Treatment|Events", "Treatment|Total",
                                   "Control|Events", "Control|Total", "|Weight", heading}));
    QCOMPARE(plot.axis.logarithmic, logAxis);
    const auto studies = rowsOfKind(plot, ForestRowKind::Study);
    QCOMPARE(studies.size(), std::size_t(4));
    QCOMPARE(studies[1]->cells[0], std::string("Bell 2020"));
    QCOMPARE((std::vector<std::string>(studies[1]->cells.begin() + 1, studies[1]->cells.begin() + 5)),
             (std::vector<std::string>{"7", "9", "0", "8"}));
    // RevMan's rows: each subtotal and the total give the group sizes, the row under them the events.
    const auto subtotals = rowsOfKind(plot, ForestRowKind::Subtotal);
    QCOMPARE(subtotals.size(), std::size_t(2));
    QCOMPARE(subtotals[0]->cells[2], std::string("19"));
    QCOMPARE(subtotals[0]->cells[4], std::string("18"));
    const auto total = rowsOfKind(plot, ForestRowKind::Total);
    QCOMPARE(total.size(), std::size_t(1));
    QCOMPARE(total[0]->cells[2], std::string("41"));
    QCOMPARE(total[0]->cells[4], std::string("39"));
    const auto events = rowsOfKind(plot, ForestRowKind::Events);
    QCOMPARE(events.size(), std::size_t(3)); // Under both subtotals and the total
    QCOMPARE(events[0]->cells[0], std::string("Total events"));
    QCOMPARE(events[0]->cells[1], std::string("13"));
    QCOMPARE(events[0]->cells[3], std::string("2"));
    QCOMPARE(events[2]->cells[1], std::string("27"));
    QCOMPARE(events[2]->cells[3], std::string("11"));
    QVERIFY(!events[2]->interval);
    // The effect column on the ratio scale, the geometry on the analysis scale.
    const double yi = analysis.prepared.data.yi[0];
    char expected[32];
    std::snprintf(expected, sizeof expected, "%.2f [", logAxis ? std::exp(yi) : yi);
    QVERIFY2(studies[0]->cells.back().rfind(expected, 0) == 0, studies[0]->cells.back().c_str());
    double weights = 0;
    for (const ForestRow* row : studies)
        weights += row->weightPercent;
    EVIDENT_COMPARE_REL(weights, 100.0, 1e-12);
}

void TestPlotDataForest::predictionIntervalFollowsTheSetting_data() {
    QTest::addColumn<bool>("show");
    QTest::addColumn<Tau2Estimator>("estimator");
    QTest::addColumn<bool>("expected");
    QTest::newRow("random effects, shown") << true << Tau2Estimator::RestrictedML << true;
    QTest::newRow("random effects, hidden") << false << Tau2Estimator::RestrictedML << false;
    QTest::newRow("fixed effect: none") << true << Tau2Estimator::FixedEffect << false;
}

void TestPlotDataForest::predictionIntervalFollowsTheSetting() {
    QFETCH(bool, show);
    QFETCH(Tau2Estimator, estimator);
    QFETCH(bool, expected);
    Project project = projectOf(eightStudies());
    Outcome& outcome = project.outcomes[0];
    outcome.settings.showPredictionInterval = show;
    outcome.settings.estimator = estimator;
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    const ForestPlotData plot = buildForestPlot(analysis, outcome, outcome.figures.forest);
    const auto rows = rowsOfKind(plot, ForestRowKind::PredictionInterval);
    QCOMPARE(rows.size(), std::size_t(expected ? 1 : 0));
    if (expected) {
        EVIDENT_COMPARE_REL(rows[0]->interval->lower, analysis.result.overall.prediction.lower, 1e-15);
        QCOMPARE(rows[0]->cells.back().front(), '[');
    }
    if (estimator == Tau2Estimator::FixedEffect)
        QCOMPARE(plot.plotHeader, std::string("IV, Fixed, 95% CI"));
}

void TestPlotDataForest::nothingToPlotSaysWhy() {
    Project project = projectOf(eightStudies());
    Outcome& outcome = project.outcomes[0];
    for (OutcomeRow& row : outcome.rows)
        row.included = false;
    const ForestPlotData plot = forestOf(project, outcome);
    QVERIFY(!plot.ok);
    QVERIFY(!plot.message.empty());
}

void TestPlotDataForest::contentHeightCountsEveryLine_data() {
    QTest::addColumn<int>("studies");
    QTest::addColumn<double>("font");
    QTest::newRow("8 studies at 8 pt") << 8 << 8.0;
    QTest::newRow("30 studies at 8 pt") << 30 << 8.0;
    QTest::newRow("30 studies at 10 pt") << 30 << 10.0;
}

void TestPlotDataForest::contentHeightCountsEveryLine() {
    QFETCH(int, studies);
    QFETCH(double, font);
    const Project project = projectOf(syntheticStudies(static_cast<std::size_t>(studies)));
    const ForestPlotData plot = forestOf(project, project.outcomes[0]);
    // Lines: 2 header + 0.4 gap + k studies + total + prediction + 2.8 axis + 2 footer.
    const double lines = 2 + 0.4 + studies + 2 + 2.8 + 2;
    const double expected = 2 * 2.5 + lines * 1.45 * font * 25.4 / 72;
    EVIDENT_COMPARE_REL(forestContentHeightMm(plot, font), expected, 1e-12);
    FigureSettings settings;
    settings.fontPointSize = font;
    EVIDENT_COMPARE_REL(figureHeightMm(FigureKind::Forest, settings, &plot, nullptr, nullptr), expected,
                        1e-12);
    settings.heightMm = 99;
    QCOMPARE(figureHeightMm(FigureKind::Forest, settings, &plot, nullptr, nullptr), 99.0);
}

QTEST_GUILESS_MAIN(TestPlotDataForest)
#include "tst_plotdata_forest.moc"
