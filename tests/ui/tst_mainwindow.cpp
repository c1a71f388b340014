// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's wiring: analysis views, the Edit menu, outcome switching, and the results and
// grid marks following the document.
#include "io/projectfile.h"
#include "tests/support/sampleproject.h"
#include "tests/support/testsupport.h"
#include "ui/analysis/analysiscontroller.h"
#include "ui/analysisviews.h"
#include "ui/document/document.h"
#include "ui/document/filecontroller.h"
#include "ui/mainwindow.h"
#include "ui/models/resulttablemodel.h"
#include "ui/models/studytablemodel.h"
#include "ui/plots/figurewidget.h"
#include "ui/widgets/copyabletableview.h"
#include "ui/widgets/outcomebar.h"
#include "ui/widgets/resultspanel.h"
#include "ui/widgets/studygridview.h"
#include "ui/widgets/tsasettingspanel.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace evident;
using namespace evident::ui;

namespace {

QAction* menuAction(QMainWindow& window, const QString& menu, const QString& text) {
    for (QAction* top : window.menuBar()->actions())
        if (top->text().remove(QLatin1Char('&')) == menu)
            for (QAction* action : top->menu()->actions())
                if (action->text().remove(QLatin1Char('&')).startsWith(text))
                    return action;
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void init();
    void analysisViewsFollowResults();
    void editMenuUndoRedo();
    void editReachesResultsAndMarks();
    void outcomeSelectorSwitchesGridAndResults();
    void resultTablesCopyWithHeader();
    void plotsFollowEditsAndSelectRows();
    void riskOfBiasFiguresFollowTheJudgements();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init() {
    m_window = std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("recovery")));
    const QString file = m_dir.filePath(QStringLiteral("sample.evident"));
    QCOMPARE(io::writeProjectFile(test::sampleProject(), file), QString());
    QCOMPARE(m_window->files()->load(file), QString());
    m_window->analysisController()->recomputeNow();
}

void TestMainWindow::analysisViewsFollowResults() {
    QTabWidget* tabs = m_window->analysisTabs();
    QCOMPARE(tabs->count(), 7);
    QCOMPARE(tabs->widget(0), static_cast<QWidget*>(m_window->resultsPanel()));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Forest plot"));
    QCOMPARE(tabs->tabText(3), QStringLiteral("Trial sequential analysis"));
    QCOMPARE(tabs->tabText(4), QStringLiteral("Risk of bias"));
    QCOMPARE(tabs->widget(4), m_window->analysisViews()->riskOfBiasPage());
    // The risk-of-bias tab is there as soon as the window is, before any analysis.
    MainWindow fresh(m_dir.filePath(QStringLiteral("recovery-fresh")));
    QCOMPARE(fresh.analysisTabs()->count(), 7);
    QCOMPARE(fresh.analysisTabs()->widget(4), fresh.analysisViews()->riskOfBiasPage());
    // The TSA settings are in the Analysis panel, with the others.
    QVERIFY(m_window->settingsDock()->isAncestorOf(m_window->tsaSettingsPanel()));
    auto* view = new QLabel(QStringLiteral("another view"));
    QCOMPARE(m_window->addAnalysisView(view, QStringLiteral("Other")), 7);
    QCOMPARE(tabs->widget(0), static_cast<QWidget*>(m_window->resultsPanel()));
}

void TestMainWindow::editMenuUndoRedo() {
    QAction* undo = menuAction(*m_window, QStringLiteral("Edit"), QStringLiteral("Undo"));
    QAction* redo = menuAction(*m_window, QStringLiteral("Edit"), QStringLiteral("Redo"));
    QVERIFY(undo && redo);
    QCOMPARE(undo->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Z));
    QCOMPARE(redo->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    QVERIFY(!undo->isEnabled());
    StudyTableModel* model = m_window->studyModel();
    QVERIFY(model->setData(model->index(1, 1), QStringLiteral("Bo et al. 2020")));
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("&Undo Rename study Bo 2020"));
    undo->trigger();
    QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("Bo 2020"));
    redo->trigger();
    QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("Bo et al. 2020"));
}

void TestMainWindow::editReachesResultsAndMarks() {
    StudyTableModel* model = m_window->studyModel();
    const QModelIndex comma = model->index(3, model->columnOfKey(QStringLiteral("mean_t")));
    QVERIFY(!comma.data(StudyTableModel::IssueRole).toString().isEmpty()); // marked by the controller
    const QString before = m_window->resultsPanel()->text();
    QVERIFY(model->setData(comma, QStringLiteral("7.2"))); // fixes the cell: Diaz 2018 joins the analysis
    QTRY_VERIFY(m_window->resultsPanel()->text() != before);
    QVERIFY(comma.data(StudyTableModel::IssueRole).toString().isEmpty());
    QVERIFY(m_window->resultsPanel()->text().contains(QStringLiteral("3 studies")));
}

void TestMainWindow::outcomeSelectorSwitchesGridAndResults() {
    QComboBox* outcomes = m_window->findChild<OutcomeBar*>()->outcomeBox();
    QCOMPARE(outcomes->count(), 2);
    outcomes->setCurrentIndex(1);
    emit outcomes->activated(1);
    QCOMPARE(m_window->document()->currentOutcome(), 1);
    QCOMPARE(m_window->studyModel()->columns()[2].key, QStringLiteral("yi"));
    QTRY_VERIFY(m_window->resultsPanel()->text().contains(QStringLiteral("Lower values are better")));
    QCOMPARE(m_window->document()->undoStack()->count(), 0); // switching is not an edit
    QVERIFY(!m_window->document()->isModified());
}

void TestMainWindow::resultTablesCopyWithHeader() {
    CopyableTableView* view = nullptr;
    for (auto* candidate : m_window->resultsPanel()->findChildren<CopyableTableView*>())
        if (candidate->model() == m_window->resultsPanel()->leaveOneOutModel())
            view = candidate;
    QVERIFY(view);
    view->selectionModel()->select(view->model()->index(0, 0), QItemSelectionModel::Select);
    view->selectionModel()->select(view->model()->index(0, 1), QItemSelectionModel::Select);
    const QString text = view->selectionText();
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0], QStringLiteral("Study omitted\tSMD"));
    QVERIFY(lines[1].startsWith(view->model()->index(0, 0).data().toString() + QLatin1Char('\t')));
}

void TestMainWindow::plotsFollowEditsAndSelectRows() {
    plots::FigureWidget* forest = m_window->analysisViews()->figure(FigureKind::Forest);
    const auto studyRows = [&] {
        int count = 0;
        for (const ForestRow& row : forest->model().forest.rows)
            count += row.outcomeRow.has_value() ? 1 : 0;
        return count;
    };
    const int before = studyRows();
    QVERIFY(before > 0);
    // Untick a study: after the analysis runs again the forest plot has one study fewer.
    const QModelIndex include = m_window->studyModel()->index(0, 0);
    QVERIFY(m_window->studyModel()->setData(include, Qt::Unchecked, Qt::CheckStateRole));
    m_window->analysisController()->recomputeNow();
    QCOMPARE(studyRows(), before - 1);

    // Clicking a study (here: its signal) selects that row of the grid.
    emit forest->studyClicked(3);
    QCOMPARE(m_window->grid()->currentIndex().row(), 3);
    emit m_window->analysisViews()->figure(FigureKind::Funnel)->studyClicked(1);
    QCOMPARE(m_window->grid()->currentIndex().row(), 1);
}

void TestMainWindow::riskOfBiasFiguresFollowTheJudgements() {
    plots::FigureWidget* forest = m_window->analysisViews()->figure(FigureKind::Forest);
    plots::FigureWidget* summary = m_window->analysisViews()->figure(FigureKind::RobSummary);
    QVERIFY(m_window->analysisViews()->riskOfBiasPage()->isAncestorOf(summary));
    // The sample's forest plot asks for traffic lights, but nobody has been assessed yet.
    QVERIFY(m_window->document()->currentOutcomeData()->figures.forest.riskOfBias);
    QVERIFY(!forest->model().forest.riskOfBias.shown);
    QVERIFY(!summary->model().robSummary.ok);
    QVERIFY(QString::fromStdString(summary->model().robSummary.message).contains(QStringLiteral("assessed")));

    // A judgement entered (as the grid's risk-of-bias entry would) reaches both figures.
    Document* document = m_window->document();
    Study& first = document->editableProject().studies[0];
    first.riskOfBias.items[0].judgement = RobJudgement::Low;
    first.riskOfBias.items[6].judgement = RobJudgement::High;
    DocumentChange change;
    change.kind = DocumentChange::Kind::Study;
    change.study = first.id;
    document->notify(change);
    m_window->analysisController()->recomputeNow();
    QVERIFY(forest->model().forest.riskOfBias.shown);
    QVERIFY(summary->model().robSummary.ok);
    QCOMPARE(summary->model().robSummary.studies, 4); // Glands: five studies, one unticked
    QCOMPARE(summary->model().robSummary.bars[0].counts.low, 1);
    QCOMPARE(summary->model().robSummary.bars[6].counts.high, 1);
    QCOMPARE(summary->model().robSummary.bars[6].counts.notAssessed, 3);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
