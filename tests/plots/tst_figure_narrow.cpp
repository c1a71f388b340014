// SPDX-License-Identifier: GPL-3.0-or-later
// Figures never cut text: every figure, at a single journal column (85 mm) and a double one, with long
// study labels (two arms of one study), many subgroups with long names and traffic lights, is laid
// out as a file is and must shorten no text and let none run off the page; and the figures' edges:
// capped TSA boundaries end in arrows instead of running along the axis' edge.
#include "tests/core/plotdatafixtures.h"
#include "tests/plots/scenemarks.h"
#include "tests/support/testsupport.h"
#include "ui/export/figureexport.h"
#include "ui/plots/figurescene.h"

#include <QApplication>
#include <QTest>
#include <qcustomplot.h>

#include <map>

using namespace evident;
using namespace evident::plots;
using namespace evident::test;

Q_DECLARE_METATYPE(evident::FigureKind)

namespace {

/// Studies with long labels: two or three arms of one paper, told apart only at the end of the label,
/// in six subgroups with long names.
Project longLabelProject() {
    const char* const groups[] = {"menstrual blood-derived mesenchymal stem cells",
                                  "bone marrow mesenchymal stem cells",
                                  "umbilical cord mesenchymal stem cells (Wharton's jelly)",
                                  "adipose-derived stem cells",
                                  "endometrial stem cells",
                                  "induced pluripotent stem cell derivatives"};
    std::vector<StudyNumbers> studies = syntheticStudies(18);
    for (std::size_t i = 0; i < studies.size(); ++i) {
        const char* arm = i % 3 == 0   ? "high dose, intrauterine injection"
                          : i % 3 == 1 ? "low dose, intravenous"
                                       : "hydrogel";
        studies[i].label = "Author " + std::string(1, static_cast<char>('A' + i / 3)) + " 2018 (" + arm + ")";
        studies[i].group = groups[i % 6];
    }
    Project project = projectOf(studies);
    judgeRiskOfBias(project);
    Outcome& outcome = project.outcomes[0];
    outcome.settings.subgroup = "model";
    outcome.settings.cumulativeOrder = "year";
    outcome.tsa.minimalRelevantEffect = 0.3;
    outcome.tsa.futility = true;
    return project;
}

/// The scene of `model` laid out as a file of `settings` is (1200 units per inch).
FigureClickTargets layOut(QCustomPlot& plot, const FigureModel& model, const FigureSettings& settings,
                          QSize& units) {
    const QSizeF mm = figureSizeMm(model, settings);
    units = QSize(pixelsForMm(mm.width(), 1200), pixelsForMm(mm.height(), 1200));
    FigureClickTargets targets = buildFigureScene(plot, model, FigureStyle::forExport(settings, 1200), units);
    plot.replot();
    return targets;
}

} // namespace

class TestFigureNarrow : public QObject {
    Q_OBJECT
private slots:
    void noTextIsCut_data();
    void noTextIsCut();
    void cutTextIsReported();
    void cappedBoundariesEndInArrows();
};

void TestFigureNarrow::noTextIsCut_data() {
    QTest::addColumn<FigureKind>("kind");
    QTest::addColumn<double>("widthMm");
    QTest::addColumn<bool>("riskOfBias");
    QTest::addColumn<bool>("subgroups");
    for (const FigureType& type : figureTypes())
        for (double width : {85.0, 175.0})
            for (bool riskOfBias : {false, true})
                for (bool subgroups : {false, true}) {
                    if ((riskOfBias && type.kind != FigureKind::Forest)
                        || (subgroups && type.drawing != FigureDrawing::Forest))
                        continue;
                    QTest::newRow(
                        qPrintable(QStringLiteral("%1 %2 mm%3%4")
                                       .arg(QString::fromLatin1(type.key.data()))
                                       .arg(width)
                                       .arg(riskOfBias ? QStringLiteral(" traffic lights") : QString(),
                                            subgroups ? QStringLiteral(" subgroups") : QString())))
                        << type.kind << width << riskOfBias << subgroups;
                }
}

void TestFigureNarrow::noTextIsCut() {
    QFETCH(FigureKind, kind);
    QFETCH(double, widthMm);
    QFETCH(bool, riskOfBias);
    QFETCH(bool, subgroups);
    // One analysis per subgroup setting, shared by the rows (each refits 18 studies 36 times).
    static std::map<bool, std::pair<Project, OutcomeAnalysis>> analysed;
    if (!analysed.count(subgroups)) {
        Project project = longLabelProject();
        if (!subgroups)
            project.outcomes[0].settings.subgroup.clear();
        OutcomeAnalysis analysis = analyseOutcome(project, project.outcomes[0]);
        analysed.emplace(subgroups, std::pair{std::move(project), std::move(analysis)});
    }
    const Project& project = analysed.at(subgroups).first;
    const Outcome& outcome = project.outcomes[0];
    const OutcomeAnalysis& analysis = analysed.at(subgroups).second;
    FigureSettings settings;
    settings.widthMm = widthMm;
    settings.riskOfBias = riskOfBias;
    const FigureModel model = FigureModel::build(kind, analysis, outcome, settings, project.studies);
    QVERIFY2(model.ok(), model.message().c_str());
    QCustomPlot plot;
    QSize units;
    const FigureClickTargets targets = layOut(plot, model, settings, units);
    QVERIFY2(targets.cutTexts.isEmpty(), qPrintable(targets.cutTexts.join(QStringLiteral(" | "))));
    // No text item is shortened, and each lies on the page.
    const QRectF page(0, 0, units.width(), units.height());
    for (const Placed<plots::CanvasText>& text : textsOf(plot)) {
        QVERIFY2(!text->text.contains(QChar(0x2026)), qPrintable(text->text));
        QVERIFY2(page.contains(text.pixel(text->at)), qPrintable(text->text));
    }
    // Every study's label is there whole, on one line or several.
    if (model.drawing() == FigureDrawing::Forest) {
        QString all;
        for (const Placed<plots::CanvasText>& text : textsOf(plot))
            all += text->text + QLatin1Char(' ');
        for (const ForestRow& row : model.forest.rows)
            if (row.kind != ForestRowKind::Statistic)
                for (const QString& word : QString::fromStdString(row.cells[0]).split(QLatin1Char(' ')))
                    QVERIFY2(all.contains(word), qPrintable(word));
    }
}

void TestFigureNarrow::cutTextIsReported() {
    // The check itself: a forest plot forced into 40 mm must report what it had to cut.
    Project project = longLabelProject();
    const OutcomeAnalysis analysis = analyseOutcome(project, project.outcomes[0]);
    FigureSettings settings;
    settings.widthMm = 40;
    const FigureModel model =
        FigureModel::build(FigureKind::Forest, analysis, project.outcomes[0], settings, project.studies);
    QCustomPlot plot;
    QSize units;
    QVERIFY(!layOut(plot, model, settings, units).cutTexts.isEmpty());
}

void TestFigureNarrow::cappedBoundariesEndInArrows() {
    Project project = longLabelProject();
    const OutcomeAnalysis analysis = analyseOutcome(project, project.outcomes[0]);
    FigureSettings settings;
    const FigureModel model =
        FigureModel::build(FigureKind::Tsa, analysis, project.outcomes[0], settings, project.studies);
    QVERIFY2(model.tsa.ok, model.tsa.message.c_str());
    const double limit = model.tsa.yAxis.max;
    QVERIFY(std::find(model.tsa.upper.capped.begin(), model.tsa.upper.capped.end(), true)
            != model.tsa.upper.capped.end());
    QCustomPlot plot;
    QSize units;
    layOut(plot, model, settings, units);
    // No curve runs along the edge: no curve point of a boundary lies at ±limit.
    for (int i = 0; i < plot.plottableCount(); ++i)
        if (auto* curve = qobject_cast<QCPCurve*>(plot.plottable(i)))
            for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it)
                QVERIFY2(std::abs(std::abs(it->value) - limit) > 1e-9,
                         qPrintable(QString::number(it->value)));
    // Each boundary leaving the axis ends in an arrow there.
    int arrows = 0;
    for (const Placed<plots::CanvasLine>& line : marksOf<plots::CanvasLine>(plot))
        if (line->head.style() == QCPLineEnding::esFlatArrow) {
            ++arrows;
            QCOMPARE(std::abs(line->to.y), limit);
        }
    QVERIFY(arrows >= 2); // Upper and lower efficacy boundaries at least
}

QTEST_MAIN(TestFigureNarrow)
#include "tst_figure_narrow.moc"
