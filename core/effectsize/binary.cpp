// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/effectsize/binary.h"

#include <cmath>

namespace evident {

std::optional<BinaryMeasure> binaryMeasureOf(EffectMeasure measure) {
    switch (measure) {
    case EffectMeasure::OR:
        return BinaryMeasure::OddsRatio;
    case EffectMeasure::RR:
        return BinaryMeasure::RiskRatio;
    case EffectMeasure::RD:
        return BinaryMeasure::RiskDifference;
    default:
        return std::nullopt;
    }
}

std::string_view binaryMeasureKey(BinaryMeasure measure) {
    switch (measure) {
    case BinaryMeasure::RiskRatio:
        return "RR";
    case BinaryMeasure::OddsRatio:
        return "OR";
    case BinaryMeasure::RiskDifference:
        return "RD";
    }
    return "RR";
}

std::string checkTwoByTwo(const TwoByTwo& t) {
    struct Field {
        double value;
        const char* name;
    };
    const Field fields[] = {{t.eventsTreated, "Events (treated)"},
                            {t.totalTreated, "Total (treated)"},
                            {t.eventsControl, "Events (control)"},
                            {t.totalControl, "Total (control)"}};
    for (const Field& field : fields)
        if (!std::isfinite(field.value))
            return std::string(field.name) + " is not a finite number";
    if (t.eventsTreated < 0)
        return "Events (treated) are negative";
    if (t.eventsControl < 0)
        return "Events (control) are negative";
    if (!(t.totalTreated >= 1))
        return "Total (treated) is below 1";
    if (!(t.totalControl >= 1))
        return "Total (control) is below 1";
    if (t.eventsTreated > t.totalTreated)
        return "Events (treated) exceed Total (treated)";
    if (t.eventsControl > t.totalControl)
        return "Events (control) exceed Total (control)";
    return {};
}

bool dropsDoubleZero(BinaryMeasure measure, DoubleZeroRule rule) {
    switch (rule) {
    case DoubleZeroRule::DropForRatios:
        return measure != BinaryMeasure::RiskDifference;
    case DoubleZeroRule::Drop:
        return true;
    case DoubleZeroRule::Keep:
        return false;
    }
    return true;
}

TwoByTwo correctedTable(const TwoByTwo& t, const ZeroCellOptions& options) {
    if (!options.correctZeroCells || !t.hasZeroCell())
        return t;
    // escalc to = "only0": `add` in each of the four cells, so each group total grows by 2·add.
    const double add = options.add;
    return {t.eventsTreated + add, t.totalTreated + 2 * add, t.eventsControl + add, t.totalControl + 2 * add};
}

EffectSize binaryEffectOfTable(BinaryMeasure measure, const TwoByTwo& t) {
    const double a = t.a(), b = t.b(), c = t.c(), d = t.d();
    const double n1 = t.totalTreated, n2 = t.totalControl;
    const double p1 = a / n1, p2 = c / n2;
    switch (measure) {
    case BinaryMeasure::RiskRatio:
        return {std::log(p1 / p2), 1 / a - 1 / n1 + 1 / c - 1 / n2};
    case BinaryMeasure::OddsRatio:
        return {std::log(a * d / (b * c)), 1 / a + 1 / b + 1 / c + 1 / d};
    case BinaryMeasure::RiskDifference:
        return {p1 - p2, p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2};
    }
    return {};
}

namespace {

std::string measureName(BinaryMeasure measure) {
    switch (measure) {
    case BinaryMeasure::OddsRatio:
        return "odds ratio";
    case BinaryMeasure::RiskRatio:
        return "risk ratio";
    case BinaryMeasure::RiskDifference:
        return "risk difference";
    }
    return {};
}

/// The steps escalc takes before any formula: check, drop00, then the zero-cell correction.
/// Returns the table to use, or nothing (with `effect` saying why).
std::optional<TwoByTwo> prepareTable(BinaryMeasure measure, const TwoByTwo& table,
                                     const ZeroCellOptions& options, BinaryEffect& effect) {
    effect.problem = checkTwoByTwo(table);
    if (!effect.problem.empty())
        return std::nullopt;
    if (table.isDoubleZero() && dropsDoubleZero(measure, options.doubleZero)) {
        const std::string what = table.a() == 0 && table.c() == 0
                                     ? "no events in either group"
                                     : "events in every participant of both groups";
        effect.dropped =
            what + ": it carries no information on the " + measureName(measure) + " and is left out";
        return std::nullopt;
    }
    effect.corrected = options.correctZeroCells && options.add != 0 && table.hasZeroCell();
    return correctedTable(table, options);
}

/// Refuses what is not a finite effect with a positive variance (never a weight of ∞ or NaN). Both
/// happen only without the zero-cell correction: a log of 0, or a risk difference of 0/n vs 0/n.
BinaryEffect finish(BinaryEffect effect, const EffectSize& value, const std::string& what) {
    if (!std::isfinite(value.yi) || !std::isfinite(value.vi))
        effect.problem =
            "a zero cell makes the " + what + " or its variance infinite (no zero-cell correction)";
    else if (!(value.vi > 0))
        effect.problem = "the variance of the " + what + " is zero (no zero-cell correction)";
    else
        effect.value = value;
    return effect;
}

} // namespace

BinaryEffect binaryEffect(BinaryMeasure measure, const TwoByTwo& table, const ZeroCellOptions& options) {
    BinaryEffect effect;
    const std::optional<TwoByTwo> used = prepareTable(measure, table, options, effect);
    if (!used)
        return effect;
    return finish(std::move(effect), binaryEffectOfTable(measure, *used), measureName(measure));
}

BinaryEffect petoEffect(const TwoByTwo& table, const ZeroCellOptions& options) {
    BinaryEffect effect;
    const std::optional<TwoByTwo> used = prepareTable(BinaryMeasure::OddsRatio, table, options, effect);
    if (!used)
        return effect;
    const PetoTerms terms = petoTerms(*used);
    if (!(terms.variance > 0)) {
        effect.problem = "the Peto odds ratio needs an event and a non-event in the table";
        return effect;
    }
    return finish(std::move(effect), {terms.observedMinusExpected / terms.variance, 1 / terms.variance},
                  "Peto odds ratio");
}

PetoTerms petoTerms(const TwoByTwo& t) {
    const double n1 = t.totalTreated, n2 = t.totalControl, n = t.total();
    const double events = t.a() + t.c(), nonEvents = t.b() + t.d();
    const double expected = n1 * events / n;
    // (N − 1) > 0 because each group holds at least one participant.
    return {t.a() - expected, (n1 / n) * (n2 / n) * events * nonEvents / (n - 1)};
}

} // namespace evident
