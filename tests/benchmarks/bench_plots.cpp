// SPDX-License-Identifier: GPL-3.0-or-later
// Figures for 26 and 500 studies: building the plot data (core/plotdata); on screen, building the
// QCustomPlot scene of a 1200 × 800 widget and replotting it (what a change of data, palette or size
// costs), and replotting an unchanged scene; drawing a 175 mm image at 300 dpi (PNG/TIFF export) and
// writing a PDF. Target: a forest plot of 26 studies redrawn well within a frame (16 ms) on screen,
// and any figure exported in under a second.
//   QT_QPA_PLATFORM=offscreen build/tests/benchmarks/bench_plots --benchmark_min_time=0.5
#include "tests/core/plotdatafixtures.h"
#include "ui/export/figureexport.h"
#include "ui/plots/figurewidget.h"
#include "ui/plots/scenecanvas.h"

#include <QApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <map>
#include <memory>

using namespace evident;

namespace {

struct Analysed {
    Project project;
    OutcomeAnalysis analysis;
};

/// One analysed synthetic outcome per size, with a subgroup and a TSA (computed once).
const Analysed& analysedStudies(std::size_t k) {
    static std::map<std::size_t, Analysed> cache;
    auto it = cache.find(k);
    if (it == cache.end()) {
        Analysed a;
        a.project = test::projectOf(test::syntheticStudies(k));
        Outcome& outcome = a.project.outcomes[0];
        outcome.settings.subgroup = "model";
        outcome.tsa.minimalRelevantEffect = 0.3;
        a.analysis = analyseOutcome(a.project, outcome);
        it = cache.emplace(k, std::move(a)).first;
    }
    return it->second;
}

void BM_BuildPlotData(benchmark::State& state) {
    const Analysed& a = analysedStudies(static_cast<std::size_t>(state.range(0)));
    const auto kind = static_cast<FigureKind>(state.range(1));
    const Outcome& outcome = a.project.outcomes[0];
    for (auto _ : state)
        benchmark::DoNotOptimize(plots::FigureModel::build(kind, a.analysis, outcome, FigureSettings{}));
}

void BM_RenderImage300dpi(benchmark::State& state) {
    const Analysed& a = analysedStudies(static_cast<std::size_t>(state.range(0)));
    const auto kind = static_cast<FigureKind>(state.range(1));
    FigureSettings settings;
    const plots::FigureModel model =
        plots::FigureModel::build(kind, a.analysis, a.project.outcomes[0], settings);
    QSize size;
    for (auto _ : state) {
        const QImage image = plots::renderFigureImage(model, settings, 300);
        size = image.size();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["megapixels"] = size.width() * size.height() / 1e6;
}

std::unique_ptr<plots::FigureWidget> screenWidget(FigureKind kind) {
    auto widget = std::make_unique<plots::FigureWidget>(kind);
    QFont font(QStringLiteral("Liberation Sans"));
    font.setPointSizeF(9);
    widget->setFont(font);
    widget->resize(1200, 800);
    return widget;
}

void BM_ScreenSceneAndReplot(benchmark::State& state) {
    // A new model (or palette, font, size) on a 1200 × 800 widget: the scene is built again, laid
    // out and drawn into the widget's paint buffers.
    const Analysed& a = analysedStudies(static_cast<std::size_t>(state.range(0)));
    const auto kind = static_cast<FigureKind>(state.range(1));
    const plots::FigureModel model =
        plots::FigureModel::build(kind, a.analysis, a.project.outcomes[0], FigureSettings{});
    const auto widget = screenWidget(kind);
    for (auto _ : state) {
        widget->setModel(model);
        widget->replot(QCustomPlot::rpQueuedRefresh);
    }
    std::size_t marks = 0;
    for (const plots::SceneCanvas* canvas : plots::SceneCanvas::of(*widget))
        marks += canvas->marks().size();
    state.counters["marks"] = static_cast<double>(marks);
    state.counters["plottables"] = widget->plottableCount();
}

void BM_ScreenReplot(benchmark::State& state) {
    // The same scene drawn again (QCustomPlot's replot without a rebuild).
    const Analysed& a = analysedStudies(static_cast<std::size_t>(state.range(0)));
    const auto kind = static_cast<FigureKind>(state.range(1));
    const auto widget = screenWidget(kind);
    widget->setModel(plots::FigureModel::build(kind, a.analysis, a.project.outcomes[0], FigureSettings{}));
    widget->replot(QCustomPlot::rpQueuedRefresh);
    for (auto _ : state)
        widget->replot(QCustomPlot::rpQueuedRefresh);
}

void BM_ExportPdf(benchmark::State& state) {
    const Analysed& a = analysedStudies(static_cast<std::size_t>(state.range(0)));
    const auto kind = static_cast<FigureKind>(state.range(1));
    FigureSettings settings;
    const plots::FigureModel model =
        plots::FigureModel::build(kind, a.analysis, a.project.outcomes[0], settings);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("figure.pdf"));
    for (auto _ : state)
        benchmark::DoNotOptimize(plots::exportFigure(model, settings, path, plots::ExportFormat::Pdf).ok);
}

void figureArguments(benchmark::internal::Benchmark* b) {
    b->ArgNames({"studies", "figure"});
    for (int studies : {26, 500})
        for (int figure : {0, 1, 2}) // forest, funnel, TSA
            b->Args({studies, figure});
    b->Unit(benchmark::kMillisecond);
}

} // namespace

BENCHMARK(BM_BuildPlotData)->Apply(figureArguments)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScreenSceneAndReplot)->Apply(figureArguments);
BENCHMARK(BM_ScreenReplot)->Apply(figureArguments);
BENCHMARK(BM_RenderImage300dpi)->Apply(figureArguments);
BENCHMARK(BM_ExportPdf)->Apply(figureArguments);
// A forest plot of 20,000 studies: the scene must grow linearly (it took 84 s while every text was a
// QCustomPlot item).
BENCHMARK(BM_ScreenSceneAndReplot)
    ->ArgNames({"studies", "figure"})
    ->Args({20000, 0})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExportPdf)->ArgNames({"studies", "figure"})->Args({20000, 0})->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY") && !std::getenv("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
