// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema/outcomekind.h"

#include "core/common/text.h"

#include <algorithm>
#include <array>

namespace evident {
namespace {

constexpr std::array<EffectMeasure, 5> continuousMeasures{
    EffectMeasure::SMD, EffectMeasure::SMDRevMan, EffectMeasure::MD, EffectMeasure::ROM, EffectMeasure::NMD};
constexpr std::array<EffectMeasure, 3> dichotomousMeasures{EffectMeasure::OR, EffectMeasure::RR,
                                                           EffectMeasure::RD};
constexpr std::array<EffectMeasure, 1> genericMeasures{EffectMeasure::Generic};

// In the order of OutcomeKind.
constexpr std::array<OutcomeKindSpec, 3> table{{
    {OutcomeKind::Continuous, "continuous", "two_group_continuous", "Continuous (mean, SD, n per group)",
     continuousMeasures, true},
    {OutcomeKind::Dichotomous, "dichotomous", "", "Dichotomous (events out of n per group)",
     dichotomousMeasures, true},
    {OutcomeKind::Generic, "generic", "precomputed", "Generic inverse variance (effect size and SE)",
     genericMeasures, false},
}};

} // namespace

std::span<const OutcomeKindSpec> outcomeKinds() {
    return table;
}

const OutcomeKindSpec& outcomeKindSpec(OutcomeKind kind) {
    return table[static_cast<std::size_t>(kind)];
}

std::optional<OutcomeKind> parseOutcomeKind(std::string_view key) {
    for (const OutcomeKindSpec& spec : table)
        if (equalsIgnoringCase(spec.key, key)
            || (!spec.legacyKey.empty() && equalsIgnoringCase(spec.legacyKey, key)))
            return spec.kind;
    return std::nullopt;
}

bool kindOffers(OutcomeKind kind, EffectMeasure measure) {
    const auto measures = outcomeKindSpec(kind).measures;
    return std::find(measures.begin(), measures.end(), measure) != measures.end();
}

OutcomeKind kindOfMeasure(EffectMeasure measure) {
    for (const OutcomeKindSpec& spec : table)
        if (kindOffers(spec.kind, measure))
            return spec.kind;
    return OutcomeKind::Generic;
}

std::vector<EntryField> fieldsOfKind(OutcomeKind kind) {
    std::vector<EntryField> fields;
    for (const EntryFieldSpec& spec : entryFields())
        if (spec.kinds & kindBit(kind))
            fields.push_back(spec.id);
    return fields;
}

std::vector<PoolingMethod> poolingMethodsOf(OutcomeKind kind, EffectMeasure measure) {
    if (kind != OutcomeKind::Dichotomous)
        return {PoolingMethod::InverseVariance};
    if (measure == EffectMeasure::OR)
        return {PoolingMethod::MantelHaenszel, PoolingMethod::InverseVariance, PoolingMethod::Peto};
    return {PoolingMethod::MantelHaenszel, PoolingMethod::InverseVariance};
}

} // namespace evident
