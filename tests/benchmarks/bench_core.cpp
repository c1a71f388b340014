// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks of the statistics core on synthetic SMD data, and on synthetic 2×2 tables, of k studies.
#include "core/analysis/pipeline.h"
#include "core/effectsize/binary.h"
#include "core/model/mantelhaenszel.h"
#include "core/model/metaanalysis.h"
#include "core/model/peto.h"

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
    evident::Covariate route{"route", evident::CovariateKind::Categorical, {}, {}, {}};
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

/// Animal-study-sized 2×2 tables: 6 to 20 per group, control risk 0.1 to 0.6, true log OR ~ N(0.5, 0.3);
/// some tables have zero cells (and a few are double zero), as in real sparse data.
std::vector<evident::TwoByTwo> makeTables(std::size_t k) {
    std::mt19937_64 random(20261122);
    std::uniform_int_distribution<int> groupSize(6, 20);
    std::uniform_real_distribution<double> controlRisk(0.1, 0.6);
    std::normal_distribution<double> logOddsRatio(0.5, std::sqrt(0.3));
    std::vector<evident::TwoByTwo> tables;
    for (std::size_t i = 0; i < k; ++i) {
        const int n1 = groupSize(random), n2 = groupSize(random);
        const double p2 = controlRisk(random);
        const double odds = p2 / (1 - p2) * std::exp(logOddsRatio(random));
        std::binomial_distribution<int> treated(n1, odds / (1 + odds)), control(n2, p2);
        tables.push_back({double(treated(random)), double(n1), double(control(random)), double(n2)});
    }
    return tables;
}

/// Mantel-Haenszel fit with Q, I², per-table effects and (OR) the CMH and Tarone tests.
void mantelHaenszelWith(benchmark::State& state, evident::BinaryMeasure measure) {
    const auto tables = makeTables(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(evident::mantelHaenszel(measure, tables));
}
void BM_MantelHaenszelOR(benchmark::State& state) {
    mantelHaenszelWith(state, evident::BinaryMeasure::OddsRatio);
}
void BM_MantelHaenszelRD(benchmark::State& state) {
    mantelHaenszelWith(state, evident::BinaryMeasure::RiskDifference);
}
void BM_MantelHaenszelRandomRR(benchmark::State& state) {
    const auto tables = makeTables(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(evident::mantelHaenszelRandom(evident::BinaryMeasure::RiskRatio, tables));
}
void BM_PetoOR(benchmark::State& state) {
    const auto tables = makeTables(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(evident::petoOddsRatio(tables));
}
/// The inverse-variance route: per-table log ORs (zero-cell corrected, double zeros dropped), then REML.
void BM_BinaryREML(benchmark::State& state) {
    const auto tables = makeTables(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        std::vector<double> yi, vi;
        for (const auto& table : tables)
            if (const auto effect = evident::binaryEffect(evident::BinaryMeasure::OddsRatio, table);
                effect.value) {
                yi.push_back(effect.value->yi);
                vi.push_back(effect.value->vi);
            }
        benchmark::DoNotOptimize(evident::fitMetaAnalysis(yi, vi, evident::FitOptions{}));
    }
}

} // namespace

BENCHMARK(BM_MantelHaenszelOR)->Arg(26)->Arg(10000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MantelHaenszelRD)->Arg(26)->Arg(10000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MantelHaenszelRandomRR)->Arg(26)->Arg(10000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PetoOR)->Arg(26)->Arg(10000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BinaryREML)->Arg(26)->Arg(10000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FitREML)->Arg(26)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FitDL)->Arg(26)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PipelineREML)->Arg(26)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PipelineDL)->Arg(26)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
