// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema/entryfield.h"

#include "core/common/text.h"

#include <cmath>
#include <cstdio>

namespace evident {
namespace {

constexpr OutcomeKinds continuous = kindBit(OutcomeKind::Continuous);
constexpr OutcomeKinds dichotomous = kindBit(OutcomeKind::Dichotomous);
constexpr OutcomeKinds generic = kindBit(OutcomeKind::Generic);
constexpr OutcomeKinds twoGroup = continuous | dichotomous;

using RF = ReportedField;
using EF = EntryField;
constexpr ArmSide T = ArmSide::Treated;
constexpr ArmSide C = ArmSide::Control;
constexpr ArmSide None = ArmSide::None;

// In the order of EntryField (checked below).
// One field per line reads as a table.
// clang-format off
constexpr std::array<EntryFieldSpec, entryFieldCount> table{{
    {EF::MeanTreated, "mean_t", "Mean (treated)", "Mean T", "Mean of the group (the median, for the median-based types)", T, ValueRule::Number, continuous, RF::Centre, {"m1i", ""}, true},
    {EF::SdTreated, "sd_t", "SD (treated)", "SD T", "Standard deviation of the group", T, ValueRule::Positive, continuous, RF::SD, {"sd1i", ""}, true},
    {EF::NTreated, "n_t", "n (treated)", "n T", "Number of animals in the group", T, ValueRule::SampleSize, continuous, RF::N, {"n1i", ""}, true},
    {EF::SemTreated, "sem_t", "SEM (treated)", "SEM T", "Standard error of the mean of the group; SD = SEM × √n", T, ValueRule::Positive, continuous, RF::SEM, {}, false},
    {EF::CiLowerTreated, "ci_lower_t", "CI lower limit (treated)", "CI low T", "Lower limit of the confidence interval of the group's mean", T, ValueRule::Number, continuous, RF::CILower, {}, false},
    {EF::CiUpperTreated, "ci_upper_t", "CI upper limit (treated)", "CI high T", "Upper limit of the confidence interval of the group's mean", T, ValueRule::Number, continuous, RF::CIUpper, {}, false},
    {EF::CiLevelTreated, "ci_level_t", "CI level (%) (treated)", "CI % T", "Level of the confidence interval in percent; empty means 95", T, ValueRule::Percent, continuous, RF::CILevel, {}, false},
    {EF::Q1Treated, "q1_t", "Q1 (treated)", "Q1 T", "First quartile (lower end of the IQR) of the group", T, ValueRule::Number, continuous, RF::Q1, {}, false},
    {EF::Q3Treated, "q3_t", "Q3 (treated)", "Q3 T", "Third quartile (upper end of the IQR) of the group", T, ValueRule::Number, continuous, RF::Q3, {}, false},
    {EF::MinTreated, "min_t", "Minimum (treated)", "Min T", "Smallest value (range) of the group", T, ValueRule::Number, continuous, RF::Minimum, {}, false},
    {EF::MaxTreated, "max_t", "Maximum (treated)", "Max T", "Largest value (range) of the group", T, ValueRule::Number, continuous, RF::Maximum, {}, false},
    {EF::MeanControl, "mean_c", "Mean (control)", "Mean C", "Mean of the group (the median, for the median-based types)", C, ValueRule::Number, continuous, RF::Centre, {"m2i", ""}, true},
    {EF::SdControl, "sd_c", "SD (control)", "SD C", "Standard deviation of the group", C, ValueRule::Positive, continuous, RF::SD, {"sd2i", ""}, true},
    {EF::NControl, "n_c", "n (control)", "n C", "Number of animals in the group", C, ValueRule::SampleSize, continuous, RF::N, {"n2i", ""}, true},
    {EF::SemControl, "sem_c", "SEM (control)", "SEM C", "Standard error of the mean of the group; SD = SEM × √n", C, ValueRule::Positive, continuous, RF::SEM, {}, false},
    {EF::CiLowerControl, "ci_lower_c", "CI lower limit (control)", "CI low C", "Lower limit of the confidence interval of the group's mean", C, ValueRule::Number, continuous, RF::CILower, {}, false},
    {EF::CiUpperControl, "ci_upper_c", "CI upper limit (control)", "CI high C", "Upper limit of the confidence interval of the group's mean", C, ValueRule::Number, continuous, RF::CIUpper, {}, false},
    {EF::CiLevelControl, "ci_level_c", "CI level (%) (control)", "CI % C", "Level of the confidence interval in percent; empty means 95", C, ValueRule::Percent, continuous, RF::CILevel, {}, false},
    {EF::Q1Control, "q1_c", "Q1 (control)", "Q1 C", "First quartile (lower end of the IQR) of the group", C, ValueRule::Number, continuous, RF::Q1, {}, false},
    {EF::Q3Control, "q3_c", "Q3 (control)", "Q3 C", "Third quartile (upper end of the IQR) of the group", C, ValueRule::Number, continuous, RF::Q3, {}, false},
    {EF::MinControl, "min_c", "Minimum (control)", "Min C", "Smallest value (range) of the group", C, ValueRule::Number, continuous, RF::Minimum, {}, false},
    {EF::MaxControl, "max_c", "Maximum (control)", "Max C", "Largest value (range) of the group", C, ValueRule::Number, continuous, RF::Maximum, {}, false},
    {EF::EventsTreated, "events_t", "Events (treated)", "Events T", "Animals of the group with the event (e.g. pregnant)", T, ValueRule::Events, dichotomous, std::nullopt, {}, true},
    {EF::TotalTreated, "total_t", "Total (treated)", "Total T", "Animals in the group", T, ValueRule::Total, dichotomous, std::nullopt, {}, true},
    {EF::EventsControl, "events_c", "Events (control)", "Events C", "Animals of the group with the event (e.g. pregnant)", C, ValueRule::Events, dichotomous, std::nullopt, {}, true},
    {EF::TotalControl, "total_c", "Total (control)", "Total C", "Animals in the group", C, ValueRule::Total, dichotomous, std::nullopt, {}, true},
    {EF::Yi, "yi", "Effect size (yi)", "yi", "Effect size, on the analysis scale (log scale for ratios)", None, ValueRule::Number, generic, std::nullopt, {}, true},
    {EF::Vi, "vi", "Variance (vi)", "vi", "Sampling variance of the effect size", None, ValueRule::Positive, generic, std::nullopt, {}, true},
    {EF::Sei, "sei", "Standard error (sei)", "sei", "Standard error of the effect size (used when vi is empty)", None, ValueRule::Positive, generic, std::nullopt, {}, true},
    {EF::Arm, "arm", "Arm", "Arm", "Treatment arm of a multi-arm study, e.g. “EV 50 µg”; the forest plot labels the comparison “Study " "(arm)”", None, ValueRule::Text, allKinds, std::nullopt, {}, false},
    {EF::ControlGroup, "control_group", "Control group", "Control group", "Rows of one study with the same control group share one control group (the same animals). Its numbers " "are typed on one row; the others may leave their control cells empty. The analysis settings say " "whether it is split or the treated arms combined.", None, ValueRule::Text, twoGroup, std::nullopt, {}, false},
    {EF::ShamMean, "sham_mean", "Sham mean (for the NMD)", "Sham mean", "Mean of the sham-operated (or normal) group, which the normalised mean difference (NMD) needs: the " "treatment's effect as a percentage of the injury (sham to control)", None, ValueRule::Number, continuous, std::nullopt, {}, false},
}};
// clang-format on
// clang-format on

constexpr bool tableInOrder() {
    for (std::size_t i = 0; i < table.size(); ++i)
        if (static_cast<std::size_t>(table[i].id) != i)
            return false;
    return true;
}
static_assert(tableInOrder(), "the entry-field table must list the fields in the order of EntryField");

std::string formatNumber(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

} // namespace

std::span<const EntryFieldSpec> entryFields() {
    return table;
}

const EntryFieldSpec& entryFieldSpec(EntryField field) {
    return table[static_cast<std::size_t>(field)];
}

std::optional<EntryField> entryFieldByKey(std::string_view key) {
    const std::string_view name = trimmed(key);
    for (const EntryFieldSpec& spec : table) {
        if (equalsIgnoringCase(spec.key, name))
            return spec.id;
        for (std::string_view alias : spec.aliases)
            if (!alias.empty() && equalsIgnoringCase(alias, name))
                return spec.id;
    }
    return std::nullopt;
}

EntryField armField(ReportedField reported, ArmSide side) {
    for (const EntryFieldSpec& spec : table)
        if (spec.reported == reported && spec.side == side)
            return spec.id;
    return side == ArmSide::Control ? EntryField::MeanControl : EntryField::MeanTreated;
}

EntryField binaryArmField(bool events, ArmSide side) {
    if (side == ArmSide::Control)
        return events ? EntryField::EventsControl : EntryField::TotalControl;
    return events ? EntryField::EventsTreated : EntryField::TotalTreated;
}

bool usedByKind(EntryField field, OutcomeKind kind) {
    return (entryFieldSpec(field).kinds & kindBit(kind)) != 0;
}

std::string_view dispersionColumnKey(ArmSide side) {
    return side == ArmSide::Control ? "dispersion_c" : "dispersion_t";
}

std::string_view medianColumnKey(ArmSide side) {
    return side == ArmSide::Control ? "median_c" : "median_t";
}

std::string_view armSuffix(ArmSide side) {
    switch (side) {
    case ArmSide::Treated:
        return " (treated)";
    case ArmSide::Control:
        return " (control)";
    case ArmSide::None:
        break;
    }
    return "";
}

CellReading readNumberCell(std::string_view text, ValueRule rule, std::string_view what) {
    CellReading reading;
    const std::string name(what);
    const std::string_view value = trimmed(text);
    if (value.empty()) {
        reading.problem = name + " is missing";
        return reading;
    }
    const auto number = parseNumber(value);
    if (!number || !std::isfinite(*number)) {
        reading.problem = name + ": '" + std::string(value) + "' is not a number";
        const auto comma = value.find(',');
        if (comma != std::string_view::npos && parseNumber(std::string(value).replace(comma, 1, ".")))
            reading.problem += " (use a point as the decimal separator)";
        return reading;
    }
    const double x = *number;
    const auto reject = [&](const std::string& rule) {
        reading.problem = name + " must be " + rule + " (got " + formatNumber(x) + ")";
        return reading;
    };
    // Group sizes have their own, tighter bound (below), which says more than this one.
    if (std::fabs(x) > maxMagnitude && rule != ValueRule::SampleSize && rule != ValueRule::Total)
        return reject("at most " + formatNumber(maxMagnitude) + " in magnitude");
    const bool whole = x == std::floor(x);
    switch (rule) {
    case ValueRule::Text:
    case ValueRule::Number:
        break;
    case ValueRule::Positive:
        if (!(x > 0))
            return reject("greater than 0");
        break;
    case ValueRule::SampleSize:
        if (!(x >= 2))
            return reject("at least 2");
        if (x > maxAnimals)
            return reject("at most " + formatNumber(maxAnimals) + " animals");
        if (!whole)
            reading.note = name + " is not a whole number (" + formatNumber(x) + "): check the paper";
        break;
    case ValueRule::Events:
        if (!(x >= 0))
            return reject("at least 0");
        if (!whole)
            return reject("a whole number");
        break;
    case ValueRule::Total:
        if (!(x >= 1))
            return reject("at least 1");
        if (x > maxAnimals)
            return reject("at most " + formatNumber(maxAnimals) + " animals");
        if (!whole)
            return reject("a whole number");
        break;
    case ValueRule::Percent:
        if (!(x > 0))
            return reject("greater than 0");
        if (!(x < 100)) {
            reading.problem = name + " must be below 100% (got " + formatNumber(x) + ")";
            return reading;
        }
        break;
    }
    reading.value = x;
    return reading;
}

std::string spreadNote(double mean, double sd, std::string_view group) {
    if (!(mean > 0) || !(sd > implausibleSdToMean * mean))
        return {};
    return "The SD of the " + std::string(group) + " (" + formatNumber(sd) + ") is more than "
           + formatNumber(implausibleSdToMean) + " times its mean (" + formatNumber(mean)
           + "): check that the columns are not shifted and that the SD is not an SEM converted twice";
}

CellReading readField(std::string_view text, EntryField field) {
    const EntryFieldSpec& spec = entryFieldSpec(field);
    return readNumberCell(text, spec.rule, spec.title);
}

} // namespace evident
