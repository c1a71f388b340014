// SPDX-License-Identifier: GPL-3.0-or-later
// Trial sequential analysis: boundaries for 5, 26 and 200 looks (with and without futility) and a full
// random-effects TSA of 26 trials (cumulative meta-analysis, RIS, boundaries, intervals, conclusion).
// Target: well under 10 ms for 26 looks, so the TSA can be recomputed live while the user edits.
#include "core/tsa/tsa.h"

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

namespace {

std::vector<double> evenFractions(int looks) {
    std::vector<double> t;
    for (int i = 1; i <= looks; ++i)
        t.push_back(static_cast<double>(i) / looks);
    return t;
}

void BM_Boundaries(benchmark::State& state) {
    const std::vector<double> t = evenFractions(static_cast<int>(state.range(0)));
    evident::BoundaryOptions options;
    options.futility = state.range(1) != 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(evident::computeBoundaries(t, options));
}

/// 26 trials of 20 to 80 participants, mean difference around −5 with heterogeneity, SD about 30.
std::vector<evident::TsaTrial> makeTrials(int count) {
    std::mt19937_64 random(20261121);
    std::uniform_int_distribution<int> groupSize(10, 40);
    std::normal_distribution<double> effect(-5, 4);
    std::vector<evident::TsaTrial> trials;
    for (int i = 0; i < count; ++i) {
        evident::TsaTrial trial;
        const double n = groupSize(random);
        trial.treated = {30 + effect(random), 30, n};
        trial.control = {30, 30, n};
        trials.push_back(trial);
    }
    return trials;
}

void BM_FullTsa26Trials(benchmark::State& state) {
    const std::vector<evident::TsaTrial> trials = makeTrials(26);
    evident::TsaOptions options;
    options.analysis.model = evident::TsaModel::RandomEffects;
    options.ris.minimalRelevantDifference = 5;
    options.ris.standardDeviation = 30;
    options.adjustment = evident::HeterogeneityAdjustment::Diversity;
    options.futility = state.range(0) != 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(evident::runTsa(trials, options));
}

} // namespace

BENCHMARK(BM_Boundaries)
    ->ArgsProduct({{5, 26, 200}, {0, 1}})
    ->ArgNames({"looks", "futility"})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FullTsa26Trials)->Arg(0)->Arg(1)->ArgName("futility")->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
