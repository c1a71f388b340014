// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/effectsize/effectmeasure.h"

#include "core/common/text.h"

#include <array>
#include <utility>

namespace evident {
namespace {

struct MeasureNames {
    EffectMeasure measure;
    std::string_view key;
    std::string_view label;
    std::string_view abbreviation;
};

constexpr std::array<MeasureNames, 6> measureNames{{
    {EffectMeasure::SMD, "SMD", "Std. mean difference (Hedges' g)", "SMD"},
    {EffectMeasure::SMDRevMan, "SMD_REVMAN", "Std. mean difference (RevMan 5)", "SMD"},
    {EffectMeasure::MD, "MD", "Mean difference", "MD"},
    {EffectMeasure::ROM, "ROM", "Log ratio of means", "ROM"},
    {EffectMeasure::NMD, "NMD", "Normalised mean difference (%)", "NMD"},
    {EffectMeasure::Generic, "GENERIC", "Effect size", "Effect"},
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
    return measure == EffectMeasure::ROM;
}
bool isOrientedToBenefit(EffectMeasure measure) {
    return measure == EffectMeasure::NMD;
}
bool needsShamMean(EffectMeasure measure) {
    return measure == EffectMeasure::NMD;
}

} // namespace evident
