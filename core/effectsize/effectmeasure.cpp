// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/effectsize/effectmeasure.h"

#include "core/common/text.h"

#include <array>
#include <cmath>
#include <utility>

namespace evident {
namespace {

struct MeasureNames {
    EffectMeasure measure;
    std::string_view key;
    std::string_view label;
    std::string_view abbreviation;
};

constexpr std::array<MeasureNames, 9> measureNames{{
    {EffectMeasure::SMD, "SMD", "Std. mean difference (Hedges' g)", "SMD"},
    {EffectMeasure::SMDRevMan, "SMD_REVMAN", "Std. mean difference (RevMan 5)", "SMD"},
    {EffectMeasure::MD, "MD", "Mean difference", "MD"},
    {EffectMeasure::ROM, "ROM", "Log ratio of means", "ROM"},
    {EffectMeasure::NMD, "NMD", "Normalised mean difference (%)", "NMD"},
    {EffectMeasure::Generic, "GENERIC", "Effect size", "Effect"},
    {EffectMeasure::OR, "OR", "Odds ratio", "OR"},
    {EffectMeasure::RR, "RR", "Risk ratio", "RR"},
    {EffectMeasure::RD, "RD", "Risk difference", "RD"},
}};

struct PoolingNames {
    PoolingMethod method;
    std::string_view key;
    std::string_view label;
    std::string_view name;
};

constexpr std::array<PoolingNames, 3> poolingNames{{
    {PoolingMethod::InverseVariance, "IV", "IV", "Inverse variance"},
    {PoolingMethod::MantelHaenszel, "MH", "M-H", "Mantel-Haenszel"},
    {PoolingMethod::Peto, "PETO", "Peto", "Peto"},
}};

const MeasureNames& namesOf(EffectMeasure measure) {
    for (const auto& names : measureNames)
        if (names.measure == measure)
            return names;
    return measureNames.back();
}

} // namespace

std::string_view measureKey(EffectMeasure measure) {
    return namesOf(measure).key;
}
std::string_view measureLabel(EffectMeasure measure) {
    return namesOf(measure).label;
}
std::string_view measureAbbreviation(EffectMeasure measure) {
    return namesOf(measure).abbreviation;
}

std::optional<EffectMeasure> parseMeasure(std::string_view key) {
    for (const auto& names : measureNames)
        if (equalsIgnoringCase(names.key, key))
            return names.measure;
    return std::nullopt;
}

bool isRatioMeasure(EffectMeasure measure) {
    return measure == EffectMeasure::ROM || measure == EffectMeasure::OR || measure == EffectMeasure::RR;
}

double toReportingScale(double value, EffectMeasure measure) {
    return isRatioMeasure(measure) ? std::exp(value) : value;
}

std::string_view poolingKey(PoolingMethod method) {
    return poolingNames[static_cast<std::size_t>(method)].key;
}
std::string_view poolingLabel(PoolingMethod method) {
    return poolingNames[static_cast<std::size_t>(method)].label;
}
std::string_view poolingName(PoolingMethod method) {
    return poolingNames[static_cast<std::size_t>(method)].name;
}
std::optional<PoolingMethod> parsePooling(std::string_view key) {
    for (const auto& names : poolingNames)
        if (equalsIgnoringCase(names.key, key))
            return names.method;
    return std::nullopt;
}
bool isOrientedToBenefit(EffectMeasure measure) {
    return measure == EffectMeasure::NMD;
}
bool needsShamMean(EffectMeasure measure) {
    return measure == EffectMeasure::NMD;
}

} // namespace evident
