// SPDX-License-Identifier: GPL-3.0-or-later
// Live analysis: edits reach the results (coalesced), the Results panel shows the core's numbers,
// and the settings panels make undoable edits.
#include "core/project/outcomeanalysis.h"
#include "core/report/manuscripttext.h"
#include "io/qtext.h"
#include "tests/support/sampleproject.h"
#include "tests/support/testsupport.h"
#include "ui/analysis/analysiscontroller.h"
#include "ui/analysis/resulttables.h"
#include "ui/commands/valuecommands.h"
#include "ui/document/document.h"
#include "ui/models/resulttablemodel.h"
#include "ui/models/studytablemodel.h"
#include "ui/widgets/analysissettingspanel.h"
#include "ui/widgets/resultspanel.h"
#include "ui/widgets/tsasettingspanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QUndoStack>

#include <cmath>

using namespace evident;
using namespace evident::ui;

namespace {

/// A document with the sample project, a grid model, a controller and a results panel, wired as in
/// the main window.
struct Fixture {
    Document document;
    StudyTableModel model{&document};
    AnalysisController controller{&document};
    ResultsPanel panel{&document};
    AnalysisSettingsPanel settings{&document};
    TsaSettingsPanel tsa{&document};

    explicit Fixture(Project project = test::sampleProject()) {
        QObject::connect(&controller, &AnalysisController::analysisChanged, &panel,
                         [this](const OutcomeAnalysis& analysis, const Outcome& outcome) {
                             model.setIssues(analysis.prepared.issues);
                             settings.showAnalysis(analysis);
                             tsa.showAnalysis(analysis);
                             panel.showAnalysis(analysis, outcome);
                         });
        document.resetProject(std::move(project));
        controller.recomputeNow();
    }
};

int findText(const QComboBox* box, const QString& text) {
    for (int i = 0; i < box->count(); ++i)
        if (box->itemText(i).contains(text))
            return i;
    return -1;
}

} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT
private slots:
    void burstOfEditsGivesOneAnalysis();
    void cellEditChangesResultsText();
    void resultsTextIsTheCoresText();
    void tablesHoldTheCoresNumbers();
    void leftOutListsEveryReason();
    void resultTableModelTester();
    void copyButtonCopiesText();
    void analysisSettingsAreUndoableEdits_data();
    void analysisSettingsAreUndoableEdits();
    void subgroupChoicesAreCategoricalCovariates();
    void dichotomousMethodSettings();
    void tsaSettingsAreUndoableEdits();
    void clearedWithoutOutcome();
    void tinyMinimalEffectIsNoCrash();
};

void TestAnalysis::burstOfEditsGivesOneAnalysis() {
    Fixture f;
    QSignalSpy spy(&f.controller, &AnalysisController::analysisChanged);
    for (int i = 0; i < 10; ++i)
        QVERIFY(f.model.setData(f.model.index(0, f.model.columnOfKey(QStringLiteral("mean_t"))),
                                QString::number(5 + i)));
    QCOMPARE(spy.count(), 0); // nothing yet: the edits are coalesced
    QTRY_COMPARE(spy.count(), 1);
    QTest::qWait(20);
    QCOMPARE(spy.count(), 1);
    QVERIFY(f.controller.lastDurationMs() > 0);
}

void TestAnalysis::cellEditChangesResultsText() {
    Fixture f;
    const QString before = f.panel.text();
    QVERIFY(before.contains(QStringLiteral("Pooled effect: SMD = ")));
    // A larger treated mean in the first study raises the pooled effect.
    QVERIFY(f.model.setData(f.model.index(0, f.model.columnOfKey(QStringLiteral("mean_t"))),
                            QStringLiteral("9.5")));
    QTRY_VERIFY(f.panel.text() != before);
    const QString after = f.panel.text();
    f.document.undoStack()->undo();
    QTRY_COMPARE(f.panel.text(), before);
    f.document.undoStack()->redo();
    QTRY_COMPARE(f.panel.text(), after);
}

void TestAnalysis::resultsTextIsTheCoresText() {
    Fixture f;
    const OutcomeAnalysis analysis = analyseOutcome(f.document.project(), f.document.project().outcomes[0]);
    TextStyle style;
    style.decimals = 2;
    const QString text = f.panel.text();
    QVERIFY2(text.contains(qs(pooledSentence(analysis.result.overall, analysis.measure, style))),
             qPrintable(text));
    QVERIFY(text.contains(qs(heterogeneityLine(analysis.result.overall, style))));
    QVERIFY(text.contains(qs(overallEffectLine(analysis.result.overall))));
    QVERIFY(text.contains(qs(subgroupDifferenceLine(*analysis.result.subgroups->between))));
    QVERIFY(text.contains(QStringLiteral("Hartung-Knapp-Sidik-Jonkman")));
    QVERIFY(!text.contains(QStringLiteral("prediction interval"))); // the sample hides it
}

void TestAnalysis::tablesHoldTheCoresNumbers() {
    Fixture f(test::syntheticProject(12));
    const OutcomeAnalysis& analysis = *f.controller.analysis();
    const ResultTable& loo = f.panel.leaveOneOutModel()->table();
    QCOMPARE(loo.rows.size(), qsizetype(12));
    for (int r = 0; r < loo.rows.size(); ++r) {
        const MetaAnalysisFit& fit = analysis.result.leaveOneOut[static_cast<std::size_t>(r)].fit;
        QCOMPARE(loo.rows[r][0].toString(),
                 qs(analysis.prepared.data.labels[analysis.result.leaveOneOut[r].omitted]));
        QCOMPARE(loo.rows[r][1].toDouble(), fit.estimate);
        QCOMPARE(loo.rows[r][2].toDouble(), fit.ci.lower);
        QCOMPARE(loo.rows[r][3].toDouble(), fit.ci.upper);
        QCOMPARE(loo.rows[r][4].toDouble(), fit.p);
        // Shown rounded, exported with every digit.
        QCOMPARE(loo.exportText(r, 1).toDouble(), fit.estimate);
        QVERIFY(!loo.displayText(r, 1).contains(QLatin1Char('-'))); // true minus signs on screen
    }
    const ResultTable& subgroups = f.panel.subgroupModel()->table();
    QCOMPARE(subgroups.rows.size(), qsizetype(analysis.result.subgroups->groups.size()));
    QCOMPARE(subgroups.rows[0][1].toDouble(), double(analysis.result.subgroups->groups[0].fit.k));
    const ResultTable& small = f.panel.smallStudyModel()->table();
    QCOMPARE(small.rows.size(), qsizetype(4)); // Egger, Begg, trim-and-fill, fail-safe N
    QCOMPARE(small.rows[0][1].toDouble(), analysis.result.egger->statistic);
    QCOMPARE(small.rows[0][2].toDouble(), analysis.result.egger->p);
    // Counts are whole numbers on screen and in the export ("8", not "8.00").
    QCOMPARE(small.displayText(2, 1), QString::number(analysis.result.trimAndFill->k0));
    QCOMPARE(small.displayText(3, 1),
             QString::number(static_cast<long long>(std::llround(analysis.result.failSafeN->rosenthal))));
    QCOMPARE(small.exportText(3, 1), small.displayText(3, 1));
}

void TestAnalysis::leftOutListsEveryReason() {
    Fixture f;
    const ResultTable& leftOut = f.panel.leftOutModel()->table();
    QCOMPARE(leftOut.rows.size(), qsizetype(3));
    QCOMPARE(leftOut.displayText(0, 0), QStringLiteral("3"));
    QCOMPARE(leftOut.displayText(0, 1), QStringLiteral("Chen 2021"));
    QCOMPARE(leftOut.displayText(0, 2), QStringLiteral("unticked (left out by you)"));
    QCOMPARE(leftOut.displayText(1, 1), QStringLiteral("Diaz 2018"));
    QVERIFY(leftOut.displayText(1, 2).contains(QStringLiteral("'7,2' is not a number")));
    QCOMPARE(leftOut.displayText(2, 2), QStringLiteral("SD (control) must be greater than 0 (got -1)"));
    QCOMPARE(f.panel.tableTabs()->tabText(0), QStringLiteral("Left out (3)"));
}

void TestAnalysis::resultTableModelTester() {
    ResultTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const OutcomeAnalysis analysis = analyseOutcome(test::sampleProject(), test::sampleProject().outcomes[0]);
    const Project project = test::sampleProject();
    for (const ResultTable& table :
         {leaveOneOutTable(analysis), subgroupTable(analysis), smallStudyTable(analysis),
          leftOutTable(analysis, project, project.outcomes[0]), ResultTable{}, leaveOneOutTable(analysis)}) {
        model.setTable(table);
        QCOMPARE(model.rowCount(), int(table.rows.size()));
        for (int r = 0; r < model.rowCount(); ++r)
            for (int c = 0; c < model.columnCount(); ++c)
                QCOMPARE(model.index(r, c).data().toString(), table.displayText(r, c));
    }
}

void TestAnalysis::copyButtonCopiesText() {
    Fixture f;
    QApplication::clipboard()->clear();
    f.panel.copyButton()->click();
    QCOMPARE(QApplication::clipboard()->text(), f.panel.text());
}

void TestAnalysis::analysisSettingsAreUndoableEdits_data() {
    QTest::addColumn<QString>("box");
    QTest::addColumn<QString>("choice");
    QTest::addColumn<bool>("changesText");
    QTest::newRow("measure") << QStringLiteral("measure") << QStringLiteral("Mean difference") << true;
    QTest::newRow("estimator") << QStringLiteral("estimator") << QStringLiteral("(PM)") << true;
    QTest::newRow("CI method") << QStringLiteral("ci") << QStringLiteral("Wald") << true;
    QTest::newRow("subgroup none") << QStringLiteral("subgroup") << QStringLiteral("None") << true;
    QTest::newRow("subgroup species") << QStringLiteral("subgroup") << QStringLiteral("Species") << true;
    // The cumulative analysis feeds the plots, not the text.
    QTest::newRow("cumulative order") << QStringLiteral("order") << QStringLiteral("Data order") << false;
}

void TestAnalysis::analysisSettingsAreUndoableEdits() {
    QFETCH(QString, box);
    QFETCH(QString, choice);
    QFETCH(bool, changesText);
    Fixture f;
    QComboBox* combo = box == QLatin1String("measure")     ? f.settings.measureBox()
                       : box == QLatin1String("estimator") ? f.settings.estimatorBox()
                       : box == QLatin1String("ci")        ? f.settings.ciMethodBox()
                       : box == QLatin1String("subgroup")  ? f.settings.subgroupBox()
                                                           : f.settings.cumulativeOrderBox();
    const Project before = f.document.project();
    const QString text = f.panel.text();
    const int original = combo->currentIndex();
    const int index = findText(combo, choice);
    QVERIFY2(index >= 0, qPrintable(choice));
    combo->setCurrentIndex(index);
    emit combo->activated(index);
    QCOMPARE(f.document.undoStack()->count(), 1);
    QVERIFY(!(f.document.project() == before));
    if (changesText)
        QTRY_VERIFY(f.panel.text() != text); // the results follow
    f.document.undoStack()->undo();
    QVERIFY(f.document.project() == before);
    QCOMPARE(combo->currentIndex(), original); // the panel shows the document again
}

void TestAnalysis::subgroupChoicesAreCategoricalCovariates() {
    Fixture f;
    QStringList subgroups, orders;
    for (int i = 0; i < f.settings.subgroupBox()->count(); ++i)
        subgroups.append(f.settings.subgroupBox()->itemText(i));
    for (int i = 0; i < f.settings.cumulativeOrderBox()->count(); ++i)
        orders.append(f.settings.cumulativeOrderBox()->itemText(i));
    QCOMPARE(subgroups,
             (QStringList{QStringLiteral("None"), QStringLiteral("Route"), QStringLiteral("Species")}));
    QCOMPARE(orders, (QStringList{QStringLiteral("Data order"), QStringLiteral("Year"),
                                  QStringLiteral("Dose (\u00b5g)")}));
    QCOMPARE(f.settings.subgroupBox()->currentText(), QStringLiteral("Route"));
    QCOMPARE(f.settings.predictionIntervalBox()->isChecked(), false);
    f.settings.predictionIntervalBox()->click();
    QCOMPARE(f.document.project().outcomes[0].settings.showPredictionInterval, true);
    QCOMPARE(f.document.undoStack()->count(), 1);
}

void TestAnalysis::dichotomousMethodSettings() {
    Project project = test::sampleProject();
    project.outcomes.push_back(test::dichotomousOutcome()); // RR, M-H fixed
    Fixture f(project);
    AnalysisSettingsPanel& panel = f.settings;
    // A continuous outcome has no pooling or zero-cell choice.
    QVERIFY(panel.poolingBox()->isHidden());
    QVERIFY(panel.keepDoubleZeroBox()->isHidden());
    f.document.setCurrentOutcome(2);
    QVERIFY(!panel.poolingBox()->isHidden());
    QVERIFY(!panel.revMan5ZeroCellsBox()->isHidden());
    const auto items = [](const QComboBox* box) {
        QStringList texts;
        for (int i = 0; i < box->count(); ++i)
            texts << box->itemText(i);
        return texts;
    };
    const auto choose = [](QComboBox* box, const QString& text) {
        const int index = findText(box, text);
        QVERIFY2(index >= 0, qPrintable(text));
        box->setCurrentIndex(index);
        emit box->activated(index);
    };
    const auto settings = [&f] { return f.document.project().outcomes[2].settings; };
    const Project before = f.document.project();
    QCOMPARE(items(panel.poolingBox()), (QStringList{QStringLiteral("Mantel-Haenszel"),
                                                     QStringLiteral("Inverse variance")})); // No Peto for RR
    QCOMPARE(items(panel.estimatorBox()),
             (QStringList{QStringLiteral("Random effects, DerSimonian-Laird (DL)"),
                          QStringLiteral("Fixed effect")}));
    QCOMPARE(panel.estimatorBox()->currentText(), QStringLiteral("Fixed effect"));

    choose(panel.measureBox(), QStringLiteral("Odds ratio"));
    QCOMPARE(items(panel.poolingBox()).size(), 3);
    choose(panel.poolingBox(), QStringLiteral("Peto"));
    QCOMPARE(settings().pooling, PoolingMethod::Peto);
    QVERIFY(!panel.estimatorBox()->isEnabled()); // Peto is a fixed-effect method
    QVERIFY(!panel.revMan5ZeroCellsBox()->isEnabled());
    // Back to risk ratios: Peto cannot pool them, so the method moves to M-H in the same step.
    const int steps = f.document.undoStack()->count();
    choose(panel.measureBox(), QStringLiteral("Risk ratio"));
    QCOMPARE(f.document.undoStack()->count(), steps + 1);
    QCOMPARE(settings().measure, EffectMeasure::RR);
    QCOMPARE(settings().pooling, PoolingMethod::MantelHaenszel);
    QCOMPARE(panel.poolingBox()->currentText(), QStringLiteral("Mantel-Haenszel"));
    // Inverse variance offers every estimator; M-H again keeps a random-effects choice as DL.
    choose(panel.poolingBox(), QStringLiteral("Inverse variance"));
    QCOMPARE(panel.estimatorBox()->count(), 8);
    choose(panel.estimatorBox(), QStringLiteral("(REML)"));
    choose(panel.poolingBox(), QStringLiteral("Mantel-Haenszel"));
    QCOMPARE(settings().estimator, Tau2Estimator::DerSimonianLaird);
    panel.keepDoubleZeroBox()->click();
    QCOMPARE(settings().keepDoubleZero, false); // The sample saved it on
    QTRY_VERIFY(f.panel.text().contains(QStringLiteral("Mantel-Haenszel with the DerSimonian-Laird")));
    while (f.document.undoStack()->canUndo())
        f.document.undoStack()->undo();
    QVERIFY(f.document.project() == before);
    QCOMPARE(panel.estimatorBox()->currentText(), QStringLiteral("Fixed effect"));
}

void TestAnalysis::tsaSettingsAreUndoableEdits() {
    Fixture f;
    const Project before = f.document.project();
    QCOMPARE(f.tsa.alphaBox()->value(), 0.01);
    f.tsa.alphaBox()->setValue(0.02);
    f.tsa.alphaBox()->setValue(0.03); // one step of the same box: merged
    QCOMPARE(f.document.project().outcomes[0].tsa.alpha, 0.03);
    QCOMPARE(f.document.undoStack()->count(), 1);
    f.tsa.futilityBox()->click();
    QCOMPARE(f.document.project().outcomes[0].tsa.futility, false);
    const int pocock = f.tsa.spendingBox()->findText(QStringLiteral("O'Brien-Fleming"));
    f.tsa.spendingBox()->setCurrentIndex(pocock);
    emit f.tsa.spendingBox()->activated(pocock);
    QCOMPARE(f.document.project().outcomes[0].tsa.spending, SpendingFunction::OBrienFleming);
    QCOMPARE(f.document.undoStack()->count(), 3);
    while (f.document.undoStack()->canUndo())
        f.document.undoStack()->undo();
    QVERIFY(f.document.project() == before);
    QCOMPARE(f.tsa.alphaBox()->value(), 0.01); // the panel shows the document again
    QVERIFY(f.tsa.futilityBox()->isChecked());
    // SD only applies to mean differences.
    QVERIFY(!f.tsa.sdBox()->isEnabled());
}

void TestAnalysis::clearedWithoutOutcome() {
    Fixture f;
    QSignalSpy cleared(&f.controller, &AnalysisController::analysisCleared);
    f.document.resetProject(Project{});
    f.controller.recomputeNow();
    QCOMPARE(cleared.count(), 1);
    QVERIFY(f.controller.analysis() == nullptr);
    QVERIFY(!f.settings.isEnabled());
}

void TestAnalysis::tinyMinimalEffectIsNoCrash() {
    // Every look below 1% of a huge RIS: runTsa used to read the last of no monitored looks.
    Project project = test::syntheticProject(5);
    project.outcomes[0].tsa.minimalRelevantEffect = 0.001;
    const OutcomeAnalysis analysis = analyseOutcome(project, project.outcomes[0]);
    QVERIFY2(analysis.tsa.ok, analysis.tsa.error.c_str());
    for (const TsaLook& look : analysis.tsa.looks)
        QCOMPARE(look.status, LookStatus::BelowOnePercent);
    QVERIFY(analysis.tsa.finalUpper.has_value());
}

QTEST_MAIN(TestAnalysis)
#include "tst_analysis.moc"
