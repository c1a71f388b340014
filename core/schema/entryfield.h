// SPDX-License-Identifier: GPL-3.0-or-later
// The one table of entry fields: every number or text a reviewer types into an outcome row, with its
// key (CSV header, project file, issue marks), its title (grid, messages), its arm, how it is parsed and
// checked, and the outcome kinds that use it. The grid, the CSV importer and exporter, the project file
// and the preparation all read this table; none keeps a list of its own (docs/architecture.md).
#pragma once

#include "core/effectsize/reportedarm.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace evident {

/// Every entry field of an outcome row. Rows store their text indexed by this enum (OutcomeRow::text).
enum class EntryField : std::uint8_t {
    // Continuous arms as reported (the centre holds the median of a median-based arm).
    MeanTreated,
    SdTreated,
    NTreated,
    SemTreated,
    CiLowerTreated,
    CiUpperTreated,
    CiLevelTreated,
    Q1Treated,
    Q3Treated,
    MinTreated,
    MaxTreated,
    MeanControl,
    SdControl,
    NControl,
    SemControl,
    CiLowerControl,
    CiUpperControl,
    CiLevelControl,
    Q1Control,
    Q3Control,
    MinControl,
    MaxControl,
    // Dichotomous arms: events out of the group's animals.
    EventsTreated,
    TotalTreated,
    EventsControl,
    TotalControl,
    // Generic inverse variance: an effect size with its variance or standard error.
    Yi,
    Vi,
    Sei,
    // The structure of multi-arm studies, and the sham group of the NMD.
    Arm,
    ControlGroup,
    ShamMean,
};

inline constexpr std::size_t entryFieldCount = static_cast<std::size_t>(EntryField::ShamMean) + 1;

/// The arm a field belongs to.
enum class ArmSide : std::uint8_t { None, Treated, Control };

/// The kinds of outcome data (core/schema/outcomekind.h describes each).
enum class OutcomeKind : std::uint8_t {
    Continuous,  ///< Two groups, each as reported (mean ± SD, SEM, CI, median ...)
    Dichotomous, ///< Two groups, events out of the group's animals
    Generic,     ///< Generic inverse variance: an effect size with its variance, SE or CI
};

/// A set of outcome kinds, as bits (1 << OutcomeKind).
using OutcomeKinds = std::uint8_t;
constexpr OutcomeKinds kindBit(OutcomeKind kind) {
    return static_cast<OutcomeKinds>(1u << static_cast<unsigned>(kind));
}
inline constexpr OutcomeKinds allKinds = 0x7;

/// How a field's text is read and checked. Every number must also be finite and of a magnitude a
/// measurement can have (|x| ≤ maxMagnitude): larger values are typing or unit errors, and their squares
/// would overflow the variances.
enum class ValueRule : std::uint8_t {
    Text,       ///< Free text (arm label, control-group link)
    Number,     ///< Any finite number (means, medians, quartiles, effect sizes)
    Positive,   ///< > 0 (SD, SEM, variance, standard error)
    SampleSize, ///< ≥ 2 animals, at most maxAnimals; a non-whole value is kept with a note
    Events,     ///< A whole count ≥ 0
    Total,      ///< A whole count ≥ 1, at most maxAnimals
    Percent,    ///< 0 < x < 100 (a confidence level); empty means 95
};

/// Largest magnitude of a number field, and largest group size: beyond these a value is a typo.
inline constexpr double maxMagnitude = 1e15;
inline constexpr double maxAnimals = 1e7;

/// A group whose SD is more than this many times its mean, when the mean is positive, gets a note (the
/// row is still analysed). Preclinical outcomes with positive means are mostly positive quantities
/// (counts, areas, weights, concentrations), whose SD rarely exceeds a few times the mean even when
/// skewed (a lognormal variable has SD/mean = 10 only for σ ≈ 2.1 on the log scale). Ten times is far
/// more often a typing error: columns shifted or swapped, an SEM converted twice, a unit error.
inline constexpr double implausibleSdToMean = 10;

/// The note for a group of mean `mean` and SD `sd` named `group` ("treated group"), or an empty string
/// when the spread is plausible by implausibleSdToMean (always for a mean ≤ 0: change scores and
/// differences may be near zero).
std::string spreadNote(double mean, double sd, std::string_view group);

struct EntryFieldSpec {
    EntryField id;
    std::string_view key;        ///< CSV header and project-file key ("mean_t")
    std::string_view title;      ///< For messages and tooltips ("Mean (treated)")
    std::string_view shortTitle; ///< Grid header ("Mean T")
    std::string_view help; ///< What to enter, for tooltips ("Standard error of the mean; SD = SEM × √n")
    ArmSide side;
    ValueRule rule;
    OutcomeKinds kinds;
    std::optional<ReportedField> reported;   ///< The reported number a continuous arm field holds
    std::array<std::string_view, 2> aliases; ///< Other CSV headers (metafor's argument names)
    /// Part of the kind's basic entry (mean, SD and n; events and total; yi, vi and sei): always a column
    /// of the grid and of exported CSV files. The others appear when a row uses them.
    bool basic = false;
};

/// The whole table, in the order of EntryField.
std::span<const EntryFieldSpec> entryFields();
const EntryFieldSpec& entryFieldSpec(EntryField field);
/// The field with this key or alias (case-insensitive), or nullopt.
std::optional<EntryField> entryFieldByKey(std::string_view key);
/// The field of a continuous arm holding `reported` (N, Centre, SD, ...) on `side`.
EntryField armField(ReportedField reported, ArmSide side);
/// The field holding a dichotomous arm's events (`events` true) or total on `side`.
EntryField binaryArmField(bool events, ArmSide side);
/// True when `kind` reads this field.
bool usedByKind(EntryField field, OutcomeKind kind);

/// The key of the arm's dispersion-type column ("dispersion_t"), and of its median alias ("median_t").
std::string_view dispersionColumnKey(ArmSide side);
std::string_view medianColumnKey(ArmSide side);
/// " (treated)" or " (control)".
std::string_view armSuffix(ArmSide side);

/// The result of reading one number cell.
struct CellReading {
    std::optional<double> value; ///< Unset when the cell is rejected (`problem` says why)
    std::string problem;         ///< "SD (treated) must be greater than 0 (got -1.2)"
    std::string note;            ///< A caution that does not reject the value ("n (treated) is not whole")
};

/// Reads the text of a number field by its rule, naming the field as `what` in the messages. An empty
/// cell is "missing". Text fields are never read this way.
CellReading readNumberCell(std::string_view text, ValueRule rule, std::string_view what);
/// readNumberCell() with the field's own rule and title.
CellReading readField(std::string_view text, EntryField field);

} // namespace evident
