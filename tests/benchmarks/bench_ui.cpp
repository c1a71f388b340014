// SPDX-License-Identifier: GPL-3.0-or-later
// Edit-to-result latency of the desktop app: one cell edit pushed through the undo stack, the
// analysis recomputed, and (in the fuller variants) the grid marks, the Results panel and the three
// plots updated.
// Synthetic two-group outcomes of 26 and 500 studies with a subgroup variable and a TSA.
// Run: QT_QPA_PLATFORM=offscreen build/tests/benchmarks/bench_ui --benchmark_min_time=0.5
#include "core/project/outcomeanalysis.h"
#include "tests/support/sampleproject.h"
#include "ui/analysis/analysiscontroller.h"
#include "ui/analysisviews.h"
#include "ui/commands/setcell.h"
#include "ui/document/document.h"
#include "ui/mainwindow.h"
#include "ui/models/studytablemodel.h"
#include "ui/plots/figurewidget.h"
#include "ui/widgets/resultspanel.h"

#include <QApplication>
#include <QDir>
#include <QUndoStack>

#include <benchmark/benchmark.h>

namespace {

using namespace evident;
using namespace evident::ui;

/// Edits the treated mean of the first study, alternating between two values.
void editCell(Document& document, int iteration) {
    const CellAddress cell{CellAddress::Kind::RowText, 0, 0, EntryField::MeanTreated, 0};
    document.undoStack()->push(
        new SetCellCommand(&document, cell, std::string(iteration % 2 ? "61.5" : "62.5")));
}

/// The timed loop of the edit benchmarks: one cell edit and the recomputation it causes per iteration,
/// with the analysis' own share reported as the counter analysis_ms.
void timeEdits(benchmark::State& state, Document& document, AnalysisController& controller) {
    int iteration = 0;
    double analysisMs = 0;
    for (auto _ : state) {
        editCell(document, ++iteration);
        controller.recomputeNow();
        analysisMs += controller.lastDurationMs();
    }
    state.counters["analysis_ms"] = analysisMs / static_cast<double>(std::max(1, iteration));
}

/// analyseOutcome() alone: the floor for everything below.
void BM_AnalyseOutcome(benchmark::State& state) {
    const Project project = test::syntheticProject(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(analyseOutcome(project, project.outcomes[0]));
}

/// Cell edit (undo command) → AnalysisController recomputes.
void BM_EditToAnalysis(benchmark::State& state) {
    Document document;
    document.resetProject(test::syntheticProject(static_cast<std::size_t>(state.range(0))));
    AnalysisController controller(&document);
    timeEdits(state, document, controller);
}

/// Cell edit → analysis → grid issue marks and the Results panel (text and four tables).
void BM_EditToResultsPanel(benchmark::State& state) {
    Document document;
    StudyTableModel model(&document);
    ResultsPanel panel(&document);
    AnalysisController controller(&document);
    QObject::connect(&controller, &AnalysisController::analysisChanged, &panel,
                     [&](const OutcomeAnalysis& analysis, const Outcome& outcome) {
                         model.setIssues(analysis.prepared.issues);
                         panel.showAnalysis(analysis, outcome);
                     });
    document.resetProject(test::syntheticProject(static_cast<std::size_t>(state.range(0))));
    timeEdits(state, document, controller);
}

/// The Results panel and grid marks alone, given an analysis: the desktop's own share of the latency.
void BM_ResultsPanelUpdate(benchmark::State& state) {
    Document document;
    StudyTableModel model(&document);
    ResultsPanel panel(&document);
    document.resetProject(test::syntheticProject(static_cast<std::size_t>(state.range(0))));
    const OutcomeAnalysis analyses[2] = {analyseOutcome(document.project(), document.project().outcomes[0]),
                                         [&] {
                                             Project edited = document.project();
                                             edited.outcomes[0].rows[0].text(EntryField::MeanTreated) = "80";
                                             return analyseOutcome(edited, edited.outcomes[0]);
                                         }()};
    int iteration = 0;
    for (auto _ : state) {
        const OutcomeAnalysis& analysis = analyses[++iteration % 2]; // alternate, so the text changes
        model.setIssues(analysis.prepared.issues);
        panel.showAnalysis(analysis, document.project().outcomes[0]);
    }
}

/// As the app runs it: the edit schedules the zero-delay timer, the event loop fires it.
void BM_EditThroughEventLoop(benchmark::State& state) {
    Document document;
    ResultsPanel panel(&document);
    AnalysisController controller(&document);
    int analyses = 0;
    QObject::connect(&controller, &AnalysisController::analysisChanged, &panel,
                     [&](const OutcomeAnalysis& analysis, const Outcome& outcome) {
                         panel.showAnalysis(analysis, outcome);
                         ++analyses;
                     });
    document.resetProject(test::syntheticProject(static_cast<std::size_t>(state.range(0))));
    QCoreApplication::processEvents();
    int iteration = 0;
    for (auto _ : state) {
        const int before = analyses;
        editCell(document, ++iteration);
        while (analyses == before)
            QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
}

/// The whole edit-to-plot path of the main window: cell edit (undo command) → analysis → grid marks,
/// Results panel, and the forest, funnel and TSA plots rebuilt and redrawn (QCustomPlot replot).
void BM_EditToReplot(benchmark::State& state) {
    MainWindow window(QDir::temp().filePath(QStringLiteral("evident-bench-recovery")));
    window.resize(1600, 1000);
    window.document()->resetProject(test::syntheticProject(static_cast<std::size_t>(state.range(0))));
    window.show();
    window.analysisController()->recomputeNow();
    const auto plots = {window.analysisViews()->figure(FigureKind::Forest),
                        window.analysisViews()->figure(FigureKind::Funnel),
                        window.analysisViews()->figure(FigureKind::Tsa)};
    for (QCustomPlot* plot : plots)
        plot->resize(800, 900);
    int iteration = 0;
    for (auto _ : state) {
        editCell(*window.document(), ++iteration);
        window.analysisController()->recomputeNow();
        for (QCustomPlot* plot : plots)
            plot->replot(QCustomPlot::rpImmediateRefresh);
    }
}

/// A block pasted from a spreadsheet into an empty outcome: label, type, mean, SEM and n of each arm for
/// every row, one undo step. The grid's columns follow (the SEM columns appear) while the cells land.
void BM_PasteReportedBlock(benchmark::State& state) {
    const int rows = static_cast<int>(state.range(0));
    QString block;
    for (int r = 0; r < rows; ++r)
        block +=
            QStringLiteral("Study %1\tSEM\t%2\t\t1.1\t8\tSEM\t6.0\t\t0.9\t8\n").arg(r + 1).arg(10 + r % 7);
    for (auto _ : state) {
        state.PauseTiming();
        Document document;
        StudyTableModel model(&document);
        Project project;
        project.outcomes.emplace_back();
        project.outcomes[0].name = "Pasted";
        document.resetProject(project);
        model.setGroupRevealed(ColumnGroup::SEM, true);
        state.ResumeTiming();
        // Study, Type T, Mean T, SD T, SEM T, n T, Type C, Mean C, SD C, SEM C, n C
        const PasteResult result = model.paste({model.index(0, 1)}, block);
        benchmark::DoNotOptimize(result.cellsChanged);
    }
}

} // namespace

BENCHMARK(BM_PasteReportedBlock)->Arg(26)->Arg(500)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyseOutcome)->Arg(26)->Arg(500)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EditToAnalysis)->Arg(26)->Arg(500)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EditToResultsPanel)->Arg(26)->Arg(500)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ResultsPanelUpdate)->Arg(26)->Arg(500)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EditThroughEventLoop)->Arg(26)->Arg(500)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EditToReplot)->Arg(26)->Arg(500)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
