// SPDX-License-Identifier: GPL-3.0-or-later
// Effect sizes of dichotomous outcomes (events out of participants in two groups): the 2×2 table, its
// checks, its zero-cell conventions and the per-table log odds ratio, log risk ratio and risk difference
// with their sampling variances, as metafor's escalc computes them.
#pragma once

#include "core/effectsize/continuous.h"
#include "core/effectsize/effectmeasure.h"

#include <optional>
#include <string>
#include <string_view>

namespace evident {

enum class BinaryMeasure {
    RiskRatio,      ///< log risk ratio
    OddsRatio,      ///< log odds ratio
    RiskDifference, ///< risk difference
};

std::string_view binaryMeasureKey(BinaryMeasure measure); ///< "RR", "OR", "RD"
/// The binary measure behind an effect measure of dichotomous outcomes (OR, RR, RD); nullopt otherwise.
std::optional<BinaryMeasure> binaryMeasureOf(EffectMeasure measure);

/// One study's 2×2 table: events and participants in each group (treated first, as metafor's ai/n1i
/// and ci/n2i). Counts are doubles: a shared control group split between comparisons may leave fractions.
struct TwoByTwo {
    double eventsTreated = 0;
    double totalTreated = 0;
    double eventsControl = 0;
    double totalControl = 0;

    double a() const { return eventsTreated; }                ///< treated with the event
    double b() const { return totalTreated - eventsTreated; } ///< treated without it
    double c() const { return eventsControl; }                ///< control with the event
    double d() const { return totalControl - eventsControl; } ///< control without it
    double total() const { return totalTreated + totalControl; }

    bool hasZeroCell() const { return a() == 0 || b() == 0 || c() == 0 || d() == 0; }

    /// Adds `other`'s counts: the tables of several studies summed ("Total events" rows and lines).
    TwoByTwo& operator+=(const TwoByTwo& other) {
        eventsTreated += other.eventsTreated;
        totalTreated += other.totalTreated;
        eventsControl += other.eventsControl;
        totalControl += other.totalControl;
        return *this;
    }
    /// No events in either group, or (the mirror image) events in every participant of both groups:
    /// the table carries no information on an odds or risk ratio.
    bool isDoubleZero() const { return (a() == 0 && c() == 0) || (b() == 0 && d() == 0); }
};

/// Empty when the table is usable; otherwise the problem, naming the field ("Events (treated) exceed
/// Total (treated)"). Checks: every count finite, 0 <= events <= total, total >= 1.
std::string checkTwoByTwo(const TwoByTwo& table);

/// Which tables without events in either group (or with events in everyone: see isDoubleZero) are left
/// out of the per-table effects.
enum class DoubleZeroRule {
    DropForRatios, ///< Default: dropped from OR and RR, kept for RD (RevMan 5; Cochrane Handbook 5.1, 16.9.3)
    Drop,          ///< Dropped for every measure (metafor escalc drop00 = TRUE, as rma.mh uses for its Q)
    Keep,          ///< Kept, with the zero-cell correction (metafor escalc's default drop00 = FALSE)
};

/// Zero-cell handling of the per-table effects. The defaults are metafor escalc's add = 1/2,
/// to = "only0": a table with a zero cell gets `add` in each of its four cells, for every measure.
struct ZeroCellOptions {
    double add = 0.5;
    bool correctZeroCells = true; ///< false: escalc to = "none" (no correction; a zero cell then fails)
    DoubleZeroRule doubleZero = DoubleZeroRule::DropForRatios;
};

/// True when `rule` leaves a double-zero (or double-all-events) table out of `measure`.
bool dropsDoubleZero(BinaryMeasure measure, DoubleZeroRule rule);

/// The per-table effect, or why there is none.
struct BinaryEffect {
    std::optional<EffectSize> value; ///< yi (log OR, log RR or RD) and vi; empty if dropped or invalid
    bool corrected = false;          ///< `add` was added to each cell (the table had a zero cell)
    std::string dropped;             ///< why the table was left out by convention (for the warnings)
    std::string problem;             ///< invalid input or a value that cannot be computed (names the field)
};

/// The table after the zero-cell correction of `options` (unchanged when it has no zero cell).
TwoByTwo correctedTable(const TwoByTwo& table, const ZeroCellOptions& options);

/// Per-table effect as metafor escalc (Fleiss & Berlin 2009, in The Handbook of Research Synthesis and
/// Meta-Analysis, 2nd ed., ch. 13), on the corrected table, with p₁ = a/n₁, p₂ = c/n₂:
/// - OR: log(ad/(bc)),   v = 1/a + 1/b + 1/c + 1/d (Woolf 1955);
/// - RR: log(p₁/p₂),     v = 1/a − 1/n₁ + 1/c − 1/n₂ (Katz et al. 1978);
/// - RD: p₁ − p₂,        v = p₁(1 − p₁)/n₁ + p₂(1 − p₂)/n₂ (escalc vtype "LS").
/// A zero variance (RD of a double-zero table kept without correction) is a problem, never a weight of ∞.
BinaryEffect binaryEffect(BinaryMeasure measure, const TwoByTwo& table, const ZeroCellOptions& options = {});

/// The formulas above on a table used as given (no checks, no correction): for callers that already
/// corrected and checked it, like the TSA.
EffectSize binaryEffectOfTable(BinaryMeasure measure, const TwoByTwo& table);

/// One table's contribution to the Peto odds ratio (Yusuf, Peto, Lewis, Collins & Sleight 1985, Prog
/// Cardiovasc Dis 27:335): observed minus expected events in the treated group under no effect,
/// O − E = a − n₁(a + c)/N, and the hypergeometric variance V = n₁n₂(a + c)(b + d)/(N²(N − 1)).
/// The table's Peto log OR is (O − E)/V with variance 1/V (metafor escalc "PETO"); V = 0 (no events or
/// no non-events at all) leaves the log OR undefined.
struct PetoTerms {
    double observedMinusExpected = 0;
    double variance = 0;
};
PetoTerms petoTerms(const TwoByTwo& table);

/// The table's Peto log OR (O − E)/V and variance 1/V as metafor escalc "PETO" computes them: checked,
/// double zeros dropped by the odds-ratio rule of `options`, V taken on the zero-cell-corrected table.
BinaryEffect petoEffect(const TwoByTwo& table, const ZeroCellOptions& options = {});

} // namespace evident
