// SPDX-License-Identifier: GPL-3.0-or-later
// The risk-of-bias figures' numbers and text (core/plotdata/riskofbiasplotdata.h): what a traffic light
// shows for each judgement, the marks on the forest plot's study rows (and on no other row), the counts
// and percentages of the summary plot, which studies it counts, and what either says when nobody has
// been assessed.
#include "core/plotdata/figurelayout.h"
#include "core/plotdata/riskofbiasplotdata.h"
#include "tests/core/plotdatafixtures.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <map>

using namespace evident;
using namespace evident::test;

Q_DECLARE_METATYPE(evident::RobJudgement)

namespace {

constexpr RobJudgement L = RobJudgement::Low;
constexpr RobJudgement H = RobJudgement::High;
constexpr RobJudgement U = RobJudgement::Unclear;
constexpr RobJudgement N = RobJudgement::NotAssessed;

using Judgements = std::array<RobJudgement, syrcleItemCount>;

RiskOfBias assessment(const Judgements& judgements) {
    RiskOfBias rob;
    for (std::size_t i = 0; i < syrcleItemCount; ++i)
        rob.items[i].judgement = judgements[i];
    return rob;
}

/// The eight-study project, its studies judged as given (one line per study).
Project judgedProject(const std::vector<Judgements>& judgements) {
    Project project = projectOf(eightStudies());
    for (std::size_t i = 0; i < judgements.size() && i < project.studies.size(); ++i)
        project.studies[i].riskOfBias = assessment(judgements[i]);
    return project;
}

/// A varied set: every judgement on some item, item 10 never assessed.
std::vector<Judgements> variedJudgements() {
    return {
        {L, L, U, U, H, U, L, L, L, N}, // Adams
        {L, U, U, U, U, U, H, L, U, N}, // Baker
        {U, L, U, H, U, U, L, L, L, N}, // Clark
        {H, L, L, U, U, U, U, H, L, N}, // Davis
        {L, L, U, U, U, L, L, L, U, N}, // Evans
        {U, U, U, U, H, U, U, L, L, N}, // Frank
        {L, L, U, U, U, U, L, U, L, N}, // Green
        {N, N, N, N, N, N, N, N, N, N}, // Hill: not assessed at all
    };
}

ForestPlotData forestWithRiskOfBias(const Project& project, const Outcome& outcome) {
    ForestPlotData plot = buildForestPlot(analyseOutcome(project, outcome), outcome, outcome.figures.forest);
    addForestRiskOfBias(plot, outcome, project.studies);
    return plot;
}

} // namespace

class TestPlotDataRob : public QObject {
    Q_OBJECT
private slots:
    void symbolAndLegendOfEachJudgement_data();
    void symbolAndLegendOfEachJudgement();
    void countsAndPercentagesPerItem();
    void countedStudiesAreThoseIncludedInTheOutcome_data();
    void countedStudiesAreThoseIncludedInTheOutcome();
    void nobodyAssessedGivesAMessageNotAnEmptyChart_data();
    void nobodyAssessedGivesAMessageNotAnEmptyChart();
    void forestMarksAreOnTheStudyRowsOnly_data();
    void forestMarksAreOnTheStudyRowsOnly();
    void forestHeadersKeyAndLegend();
    void forestWithoutAssessmentsSaysSo();
    void keyLinesFollowTheWidth_data();
    void keyLinesFollowTheWidth();
    void contentHeightsMakeRoom();
    void figureKindKey();
};

void TestPlotDataRob::symbolAndLegendOfEachJudgement_data() {
    QTest::addColumn<RobJudgement>("judgement");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<QString>("label");
    QTest::newRow("low") << L << QStringLiteral("+") << QStringLiteral("Low risk");
    QTest::newRow("high: a true minus sign") << H << QStringLiteral("\u2212") << QStringLiteral("High risk");
    QTest::newRow("unclear") << U << QStringLiteral("?") << QStringLiteral("Unclear risk");
    QTest::newRow("not assessed: no symbol") << N << QString() << QStringLiteral("Not assessed");
}

void TestPlotDataRob::symbolAndLegendOfEachJudgement() {
    QFETCH(RobJudgement, judgement);
    QFETCH(QString, symbol);
    QFETCH(QString, label);
    QCOMPARE(QString::fromStdString(std::string(robSymbol(judgement))), symbol);
    for (const LegendSymbol kind : {LegendSymbol::RobMark, LegendSymbol::RobBar}) {
        const std::vector<LegendEntry> full = robLegend(kind, true);
        const std::vector<LegendEntry> assessed = robLegend(kind, false);
        QCOMPARE(full.size(), std::size_t(4));
        QCOMPARE(assessed.size(), std::size_t(3));
        int found = 0;
        for (const LegendEntry& entry : full)
            if (entry.judgement == judgement) {
                ++found;
                QCOMPARE(QString::fromStdString(entry.label), label);
                QVERIFY(entry.symbol == kind);
            }
        QCOMPARE(found, 1);
        // "Not assessed" is listed only when asked for.
        bool inShortLegend = false;
        for (const LegendEntry& entry : assessed)
            inShortLegend = inShortLegend || entry.judgement == judgement;
        QCOMPARE(inShortLegend, judgement != N);
    }
    // The legend follows the bars' order: low, unclear, high, not assessed.
    const std::vector<LegendEntry> legend = robLegend(LegendSymbol::RobBar, true);
    QVERIFY(legend[0].judgement == L && legend[1].judgement == U && legend[2].judgement == H
            && legend[3].judgement == N);
}

void TestPlotDataRob::countsAndPercentagesPerItem() {
    const Project project = judgedProject(variedJudgements());
    const RobSummaryData plot = buildRobSummary(project.outcomes[0], project.studies, FigureSettings{});
    QVERIFY(plot.ok);
    QCOMPARE(plot.studies, 8);
    QCOMPARE(plot.assessed, 7);
    QCOMPARE(plot.bars.size(), syrcleItemCount);
    // Counted by hand from variedJudgements(): low, unclear, high, not assessed per item.
    const int expected[syrcleItemCount][4] = {{4, 2, 1, 1}, {5, 2, 0, 1}, {1, 6, 0, 1}, {0, 6, 1, 1},
                                              {0, 5, 2, 1}, {1, 6, 0, 1}, {4, 2, 1, 1}, {5, 1, 1, 1},
                                              {5, 2, 0, 1}, {0, 0, 0, 8}};
    for (std::size_t item = 0; item < syrcleItemCount; ++item) {
        const RobSummaryBar& bar = plot.bars[item];
        QCOMPARE(bar.number, std::to_string(item + 1));
        QCOMPARE(bar.label, std::string(syrcleItems()[item].label));
        QCOMPARE(bar.counts.low, expected[item][0]);
        QCOMPARE(bar.counts.unclear, expected[item][1]);
        QCOMPARE(bar.counts.high, expected[item][2]);
        QCOMPARE(bar.counts.notAssessed, expected[item][3]);
        QCOMPARE(bar.counts.total(), 8);
        // The parts follow one another from 0 to 100%, in the order low, unclear, high, not
        // assessed, leaving out empty ones; each says its count.
        std::vector<std::pair<RobJudgement, int>> parts;
        for (int k = 0; k < 4; ++k)
            if (expected[item][k] > 0)
                parts.emplace_back(robJudgementOrder()[static_cast<std::size_t>(k)], expected[item][k]);
        QCOMPARE(bar.segments.size(), parts.size());
        double start = 0;
        for (std::size_t k = 0; k < parts.size(); ++k) {
            const RobSegment& segment = bar.segments[k];
            QVERIFY(segment.judgement == parts[k].first);
            QCOMPARE(segment.count, parts[k].second);
            EVIDENT_COMPARE_ABS(segment.start, start, 1e-12);
            EVIDENT_COMPARE_REL(segment.percent, 100.0 * parts[k].second / 8.0, 1e-15);
            QCOMPARE(segment.text, std::to_string(parts[k].second));
            start += segment.percent;
        }
        EVIDENT_COMPARE_ABS(start, 100.0, 1e-12);
    }
    // 0 to 100 with ticks every 25.
    QCOMPARE(plot.xAxis.min, 0.0);
    QCOMPARE(plot.xAxis.max, 100.0);
    QCOMPARE(plot.xAxis.ticks.size(), std::size_t(5));
    QCOMPARE(plot.xAxis.ticks[1].label, std::string("25"));
    QCOMPARE(plot.xTitle, std::string("Percentage of studies (n = 8)"));
    // Some parts are not assessed: the legend lists them, and the caption names the study never assessed.
    QCOMPARE(plot.legend.size(), std::size_t(4));
    QCOMPARE(plot.caption.size(), std::size_t(1));
    QCOMPARE(plot.caption[0], std::string("1 of the 8 studies has not been assessed on any item (counted as "
                                          "not assessed)."));

    // Everybody assessed on everything: three legend entries, no caption.
    std::vector<Judgements> complete(8, Judgements{L, U, H, L, U, H, L, U, H, L});
    const Project all = judgedProject(complete);
    const RobSummaryData full = buildRobSummary(all.outcomes[0], all.studies, FigureSettings{});
    QVERIFY(full.ok);
    QCOMPARE(full.legend.size(), std::size_t(3));
    QVERIFY(full.caption.empty());
    QCOMPARE(full.bars[2].segments.size(), std::size_t(1));
    QVERIFY(full.bars[2].segments[0].judgement == H);
    QCOMPARE(full.bars[2].segments[0].percent, 100.0);
}

void TestPlotDataRob::countedStudiesAreThoseIncludedInTheOutcome_data() {
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("studies");
    QTest::addColumn<int>("lowOnItem1");
    QTest::newRow("all eight rows ticked") << QStringLiteral("none") << 8 << 4;
    QTest::newRow("Adams unticked") << QStringLiteral("untick Adams") << 7 << 3;
    QTest::newRow("Adams with a second arm (counted once)") << QStringLiteral("second arm") << 8 << 4;
    QTest::newRow("Adams' first arm unticked, its second ticked")
        << QStringLiteral("second arm, first unticked") << 8 << 4;
    QTest::newRow("a row of a study not in the project") << QStringLiteral("unknown study") << 8 << 4;
    QTest::newRow("bad numbers still count (no analysis needed)") << QStringLiteral("bad cell") << 8 << 4;
}

void TestPlotDataRob::countedStudiesAreThoseIncludedInTheOutcome() {
    QFETCH(QString, change);
    QFETCH(int, studies);
    QFETCH(int, lowOnItem1);
    Project project = judgedProject(variedJudgements());
    Outcome& outcome = project.outcomes[0];
    if (change == u"untick Adams")
        outcome.rows[0].included = false;
    if (change.startsWith(u"second arm")) {
        OutcomeRow second = outcome.rows[0];
        second.text(EntryField::Arm) = "high dose";
        outcome.rows.push_back(second);
        if (change.endsWith(u"unticked"))
            outcome.rows[0].included = false;
    }
    if (change == u"unknown study") {
        OutcomeRow stray = outcome.rows[0];
        stray.study = 999;
        outcome.rows.push_back(stray);
    }
    if (change == u"bad cell")
        outcome.rows[1].text(EntryField::SdTreated) = "-1";
    const std::vector<const Study*> included = studiesIncludedIn(outcome, project.studies);
    QCOMPARE(static_cast<int>(included.size()), studies);
    for (std::size_t i = 1; i < included.size(); ++i)
        QVERIFY(included[i]->id != included[i - 1]->id);
    const RobSummaryData plot = buildRobSummary(outcome, project.studies, FigureSettings{});
    QVERIFY(plot.ok);
    QCOMPARE(plot.studies, studies);
    QCOMPARE(plot.bars[0].counts.low, lowOnItem1);
    QCOMPARE(plot.bars[0].counts.total(), studies);
}

void TestPlotDataRob::nobodyAssessedGivesAMessageNotAnEmptyChart_data() {
    QTest::addColumn<int>("ticked");
    QTest::addColumn<QString>("message");
    QTest::newRow("eight studies, none assessed")
        << 8
        << QStringLiteral("None of the 8 studies in 'Test outcome' has been assessed for risk of bias yet: "
                          "enter their SYRCLE judgements to draw this figure.");
    QTest::newRow("one study, not assessed")
        << 1
        << QStringLiteral("The study in 'Test outcome' has not been assessed for risk of bias yet: enter its "
                          "SYRCLE judgements to draw this figure.");
    QTest::newRow("no study ticked")
        << 0
        << QStringLiteral("No study is included in 'Test outcome': tick the studies to summarise their risk "
                          "of bias.");
}

void TestPlotDataRob::nobodyAssessedGivesAMessageNotAnEmptyChart() {
    QFETCH(int, ticked);
    QFETCH(QString, message);
    Project project = projectOf(eightStudies());
    // Studies outside the outcome may be assessed: they do not count.
    project.studies.push_back(makeStudy(100, "Elsewhere 2020"));
    project.studies.back().riskOfBias = assessment({L, L, L, L, L, L, L, L, L, L});
    Outcome& outcome = project.outcomes[0];
    for (std::size_t i = 0; i < outcome.rows.size(); ++i)
        outcome.rows[i].included = static_cast<int>(i) < ticked;
    const RobSummaryData plot = buildRobSummary(outcome, project.studies, FigureSettings{});
    QVERIFY(!plot.ok);
    QCOMPARE(QString::fromStdString(plot.message), message);
    QVERIFY(plot.bars.empty());
    QVERIFY(plot.legend.empty());
    QCOMPARE(plot.studies, ticked);
    QCOMPARE(plot.assessed, 0);
    // Its height is a few lines for the message (four and the wrapped message), not a chart's.
    const double line = 1.45 * 8 * 25.4 / 72;
    const double height = robSummaryContentHeightMm(plot, 8, 175);
    QVERIFY2(height > 5 + 4.99 * line && height < 5 + 7.01 * line, qPrintable(QString::number(height)));
}

void TestPlotDataRob::forestMarksAreOnTheStudyRowsOnly_data() {
    QTest::addColumn<bool>("subgroups");
    QTest::addColumn<int>("unticked");
    QTest::newRow("plain") << false << -1;
    QTest::newRow("subgroups") << true << -1;
    QTest::newRow("Clark unticked: later rows shift") << false << 2;
    QTest::newRow("subgroups, Clark unticked") << true << 2;
}

void TestPlotDataRob::forestMarksAreOnTheStudyRowsOnly() {
    QFETCH(bool, subgroups);
    QFETCH(int, unticked);
    Project project = judgedProject(variedJudgements());
    Outcome& outcome = project.outcomes[0];
    outcome.figures.forest.riskOfBias = true;
    if (subgroups)
        outcome.settings.subgroup = "model";
    if (unticked >= 0)
        outcome.rows[static_cast<std::size_t>(unticked)].included = false;
    const ForestPlotData plot = forestWithRiskOfBias(project, outcome);
    QVERIFY(plot.ok);
    QVERIFY(plot.riskOfBias.shown);
    const std::vector<Judgements> judgements = variedJudgements();
    int studyRows = 0;
    for (const ForestRow& row : plot.rows) {
        if (row.kind != ForestRowKind::Study) {
            QVERIFY2(row.riskOfBias.empty(), "a pooled, header or statistics row has marks");
            continue;
        }
        ++studyRows;
        // The study of this row, found from its grid row, and its judgements in the tool's order.
        const std::size_t studyIndex = outcome.rows[*row.outcomeRow].study - 1;
        QCOMPARE(row.cells[0], project.studies[studyIndex].label);
        QCOMPARE(row.riskOfBias.size(), syrcleItemCount);
        for (std::size_t item = 0; item < syrcleItemCount; ++item)
            QVERIFY(row.riskOfBias[item] == judgements[studyIndex][item]);
    }
    QCOMPARE(studyRows, unticked >= 0 ? 7 : 8);
    // Every kind of pooled row was there to get no marks.
    int pooled = 0;
    for (const ForestRow& row : plot.rows)
        pooled += row.kind == ForestRowKind::Total || row.kind == ForestRowKind::Subtotal ? 1 : 0;
    QCOMPARE(pooled, subgroups ? 3 : 1);
}

void TestPlotDataRob::forestHeadersKeyAndLegend() {
    Project project = judgedProject(variedJudgements());
    const ForestPlotData plot = forestWithRiskOfBias(project, project.outcomes[0]);
    const ForestRiskOfBias& rob = plot.riskOfBias;
    QCOMPARE(rob.header, std::string("Risk of bias"));
    QCOMPARE(rob.columns.size(), syrcleItemCount);
    QCOMPARE(rob.key.size(), syrcleItemCount);
    for (std::size_t i = 0; i < syrcleItemCount; ++i) {
        QCOMPARE(rob.columns[i], std::to_string(i + 1));
        QCOMPARE(rob.key[i].number, rob.columns[i]);
        QCOMPARE(rob.key[i].label, std::string(syrcleItems()[i].label));
    }
    QCOMPARE(rob.key.front().label, std::string("Sequence generation"));
    QCOMPARE(rob.key.back().label, std::string("Other sources of bias"));
    QCOMPARE(rob.keyText.substr(0, 22), std::string("1\u00a0Sequence generation"));
    QVERIFY(rob.keyText.find("; 10\u00a0Other sources of bias.") != std::string::npos);
    // Item 10 is never assessed and Hill not at all: the legend lists "Not assessed".
    QCOMPARE(rob.legend.size(), std::size_t(4));
    for (const LegendEntry& entry : rob.legend)
        QVERIFY(entry.symbol == LegendSymbol::RobMark);
    // The footer keeps only the statistics.
    QCOMPARE(plot.footer.size(), std::size_t(2));
    // Building again does not add a second set.
    ForestPlotData again = plot;
    addForestRiskOfBias(again, project.outcomes[0], project.studies);
    QCOMPARE(again.riskOfBias.key.size(), syrcleItemCount);
    QCOMPARE(again.footer.size(), std::size_t(2));
}

void TestPlotDataRob::forestWithoutAssessmentsSaysSo() {
    Project project = projectOf(eightStudies());
    const ForestPlotData plot = forestWithRiskOfBias(project, project.outcomes[0]);
    QVERIFY(plot.ok);
    QVERIFY(!plot.riskOfBias.shown);
    QVERIFY(plot.riskOfBias.key.empty());
    for (const ForestRow& row : plot.rows)
        QVERIFY(row.riskOfBias.empty());
    QCOMPARE(plot.footer.back(),
             std::string("Risk of bias: none of the studies in this plot has been assessed yet (SYRCLE)."));
    // Without the project's studies nobody is assessed either.
    ForestPlotData alone =
        buildForestPlot(analyseOutcome(project, project.outcomes[0]), project.outcomes[0], FigureSettings{});
    addForestRiskOfBias(alone, project.outcomes[0], {});
    QVERIFY(!alone.riskOfBias.shown);
}

void TestPlotDataRob::keyLinesFollowTheWidth_data() {
    QTest::addColumn<double>("widthMm");
    QTest::addColumn<double>("fontPoints");
    QTest::addColumn<int>("lines");
    // Inner widths (figure less 5 mm). The widest label, "Blinding of caregivers/investigators", is
    // 36 characters: 1.6 + 0.47 · 36 = 18.52 em per column, 1.5 em apart.
    QTest::newRow("175 mm at 8 pt: three columns of four") << 170.0 << 8.0 << 4;
    QTest::newRow("120 mm at 8 pt: two columns of five") << 115.0 << 8.0 << 5;
    QTest::newRow("175 mm at 10 pt: two columns of five") << 170.0 << 10.0 << 5;
    // The sentence: 11 digits, 10 no-break spaces, 9 "; ", 239 label characters and the stop: 279
    // characters at 0.9 · 80 mm · 72/25.4 / (0.5 · 8 pt) = 51.0 a line.
    QTest::newRow("85 mm at 8 pt: a sentence of six lines") << 80.0 << 8.0 << 6;
}

void TestPlotDataRob::keyLinesFollowTheWidth() {
    QFETCH(double, widthMm);
    QFETCH(double, fontPoints);
    QFETCH(int, lines);
    Project project = judgedProject(variedJudgements());
    const ForestPlotData plot = forestWithRiskOfBias(project, project.outcomes[0]);
    QCOMPARE(estimatedRobKeyLines(plot.riskOfBias, widthMm, fontPoints), lines);
}

void TestPlotDataRob::contentHeightsMakeRoom() {
    Project project = judgedProject(variedJudgements());
    Outcome& outcome = project.outcomes[0];
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    const ForestPlotData plain = buildForestPlot(analysis, outcome, outcome.figures.forest);
    ForestPlotData withLights = plain;
    addForestRiskOfBias(withLights, outcome, project.studies);
    const double line = 1.45 * 8 * 25.4 / 72;
    // The key's four lines, its legend's line and the gaps before them (0.5 and 0.3 lines).
    EVIDENT_COMPARE_REL(forestContentHeightMm(withLights, 8, 175) - forestContentHeightMm(plain, 8, 175),
                        (0.5 + 4 + 0.3 + 1) * line, 1e-12);
    // The summary: margins, 0.5 line above the bars, ten rows of 1.75 lines, the axis (2.6 lines), the
    // legend (0.4 + 1 line) and the caption (0.4 + 1 line).
    const RobSummaryData summary = buildRobSummary(outcome, project.studies, FigureSettings{});
    EVIDENT_COMPARE_REL(robSummaryContentHeightMm(summary, 8, 175), 5 + (0.5 + 17.5 + 2.6 + 1.4 + 1.4) * line,
                        1e-12);
    FigureSettings settings;
    EVIDENT_COMPARE_REL(figureHeightMm(FigureKind::RobSummary, settings, nullptr, nullptr, nullptr, &summary),
                        robSummaryContentHeightMm(summary, 8, 175), 1e-15);
    settings.heightMm = 60;
    QCOMPARE(figureHeightMm(FigureKind::RobSummary, settings, nullptr, nullptr, nullptr, &summary), 60.0);
}

void TestPlotDataRob::figureKindKey() {
    QCOMPARE(std::string(figureKey(FigureKind::RobSummary)), std::string("rob-summary"));
    QVERIFY(parseFigureKind("rob-summary") == FigureKind::RobSummary);
    QVERIFY(parseFigureKind("ROB-Summary") == FigureKind::RobSummary);
    QVERIFY(!parseFigureKind("rob"));
    for (const FigureType& type : figureTypes())
        QVERIFY(parseFigureKind(figureKey(type.kind)) == type.kind);
}

QTEST_APPLESS_MAIN(TestPlotDataRob)
#include "tst_plotdata_rob.moc"
