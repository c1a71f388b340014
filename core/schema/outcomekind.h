// SPDX-License-Identifier: GPL-3.0-or-later
// The outcome kinds as one table: each kind's key in files, its name, the effect measures it offers and
// whether its rows have two arms. The fields a kind reads are in the entry-field table
// (EntryFieldSpec::kinds), its preparation in core/project/preparation.cpp and its forest-plot columns
// in core/plotdata/forestcolumns.cpp, each keyed by the kind.
#pragma once

#include "core/effectsize/effectmeasure.h"
#include "core/schema/entryfield.h"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace evident {

struct OutcomeKindSpec {
    OutcomeKind kind;
    std::string_view key;       ///< Project files and the CLI ("continuous", "dichotomous", "generic")
    std::string_view legacyKey; ///< The key project files of schema ≤ 2 used ("two_group_continuous")
    std::string_view label;     ///< For menus ("Continuous (mean, SD, n)")
    std::span<const EffectMeasure> measures; ///< The measures it offers; the first is the default
    bool twoArms; ///< Rows compare a treated and a control group (arms, shared controls)
};

std::span<const OutcomeKindSpec> outcomeKinds();
const OutcomeKindSpec& outcomeKindSpec(OutcomeKind kind);
/// The kind with this key or legacy key (case-insensitive), or nullopt.
std::optional<OutcomeKind> parseOutcomeKind(std::string_view key);
/// The kind whose measures include `measure`.
OutcomeKind kindOfMeasure(EffectMeasure measure);
/// True when `kind` offers `measure`.
bool kindOffers(OutcomeKind kind, EffectMeasure measure);
/// The entry fields of a kind, in table order.
std::vector<EntryField> fieldsOfKind(OutcomeKind kind);
/// The pooling methods a kind offers (inverse variance only, except dichotomous: also M-H and Peto).
std::vector<PoolingMethod> poolingMethodsOf(OutcomeKind kind, EffectMeasure measure);

} // namespace evident
