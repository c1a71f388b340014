// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks of the statistics core on synthetic SMD data of k studies.
#include "core/analysis/pipeline.h"
#include "core/model/metaanalysis.h"

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

namespace {

struct SyntheticData {
    std::vector<double> yi;
    std::vector<double> vi;
};

/// Heterogeneous SMDs (true mean 1, tau² 0.5) from studies of 6 to 20 animals per group.
SyntheticData makeData(std::size_t k) {
    std::mt19937_64 random(20261121);
    std::normal_distribution<double> trueEffect(1.0, std::sqrt(0.5));
    std::uniform_int_distribution<int> groupSize(6, 20);
    SyntheticData data;
    for (std::size_t i = 0; i < k; ++i) {
        const double n1 = groupSize(random);
        const double n2 = groupSize(random);
        const double theta = trueEffect(random);
        const double vi = 1 / n1 + 1 / n2 + theta * theta / (2 * (n1 + n2));
        std::normal_distribution<double> sampling(theta, std::sqrt(vi));
        data.yi.push_back(sampling(random));
        data.vi.push_back(vi);
    }
    return data;
}

void fitWith(benchmark::State& state, evident::Tau2Estimator estimator) {
    const SyntheticData data = makeData(static_cast<std::size_t>(state.range(0)));
    evident::FitOptions options;
    options.estimator = estimator;
    for (auto _ : state)
        benchmark::DoNotOptimize(evident::fitMetaAnalysis(data.yi, data.vi, options));
    state.SetComplexityN(state.range(0));
}

void BM_FitREML(benchmark::State& state) {
    fitWith(state, evident::Tau2Estimator::RestrictedML);
}
void BM_FitDL(benchmark::State& state) {
    fitWith(state, evident::Tau2Estimator::DerSimonianLaird);
}

/// Everything evident-cli analyze computes: fit with Q-profile interval, subgroups (three levels),
/// leave-one-out, cumulative analysis, Egger, Begg, trim-and-fill and fail-safe N.
void pipelineWith(benchmark::State& state, evident::Tau2Estimator estimator) {
    const SyntheticData synthetic = makeData(static_cast<std::size_t>(state.range(0)));
    evident::AnalysisData data;
    data.yi = synthetic.yi;
    data.vi = synthetic.vi;
    evident::Covariate route{"route", evident::CovariateKind::Categorical, {}, {}};
    for (std::size_t i = 0; i < data.yi.size(); ++i) {
        data.labels.push_back("Study " + std::to_string(i + 1));
        route.levels.push_back(i % 3 == 0 ? "intravenous"
                                          : (i % 3 == 1 ? "intrauterine" : "intraperitoneal"));
    }
    data.covariates.push_back(route);
    evident::AnalysisOptions options;
    options.fit.estimator = estimator;
    options.subgroup = "route";
    for (auto _ : state)
        benchmark::DoNotOptimize(evident::runAnalysis(data, options));
}

void BM_PipelineREML(benchmark::State& state) {
    pipelineWith(state, evident::Tau2Estimator::RestrictedML);
}
void BM_PipelineDL(benchmark::State& state) {
    pipelineWith(state, evident::Tau2Estimator::DerSimonianLaird);
}

} // namespace

BENCHMARK(BM_FitREML)->Arg(26)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FitDL)->Arg(26)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PipelineREML)->Arg(26)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PipelineDL)->Arg(26)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
