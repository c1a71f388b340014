// SPDX-License-Identifier: GPL-3.0-or-later
// The two-group kinds: each row's treated and control arms are read (continuous arms converted from what
// the paper reports), shared control groups split or combined, and the effect size computed.
#include "core/common/text.h"
#include "core/effectsize/binary.h"
#include "core/effectsize/sharedcontrol.h"
#include "core/project/preparationparts.h"

#include <algorithm>
#include <map>

namespace evident::preparation {
namespace {

/// "Mean (treated)", "Median (control)", "CI lower limit (treated)": what a message calls a cell of a
/// continuous arm, by the arm's type.
std::string describeField(ReportedField reported, DispersionType type, ArmSide side) {
    std::string name = fieldName(reported, type);
    if (!name.empty() && name.front() >= 'a' && name.front() <= 'z' && reported != ReportedField::N)
        name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name + std::string(armSuffix(side));
}

/// The row whose control arm this row uses: a shared control group's row when this row's control cells
/// are empty, else the row itself.
const OutcomeRow& controlSource(const Outcome& outcome, const OutcomeRow& entry,
                                const std::map<std::pair<StudyId, std::string>, std::size_t>& groupRows) {
    const std::string id(trimmed(entry.text(EntryField::ControlGroup)));
    if (id.empty() || !entry.armIsBlank(ArmSide::Control, outcome.kind))
        return entry;
    const auto shared = groupRows.find({entry.study, id});
    return shared == groupRows.end() ? entry : outcome.rows[shared->second];
}

/// Reads one continuous arm as reported and converts it to mean, SD and n; `note` gets the provenance.
std::optional<GroupSummary> readContinuousArm(RowReader& reader, const OutcomeRow& source, ArmSide side,
                                              std::string& note) {
    ReportedArm arm;
    arm.type = source.dispersion(side);
    bool complete = true;
    for (ReportedField reported : fieldsUsedBy(arm.type)) {
        const EntryField field = armField(reported, side);
        const EntryFieldSpec& spec = entryFieldSpec(field);
        if (reported == ReportedField::CILevel && trimmed(source.text(field)).empty()) {
            arm.ciLevel = 0.95; // An empty level means 95 %
            continue;
        }
        const auto value =
            reader.readText(source.text(field), field, spec.rule, describeField(reported, arm.type, side));
        complete = complete && value;
        if (value)
            fieldValue(arm, reported) = reported == ReportedField::CILevel ? *value / 100 : *value;
    }
    if (!complete)
        return std::nullopt;
    const ArmConversion conversion = convertReportedArm(arm);
    note = conversion.provenance();
    if (!conversion.ok()) {
        reader.report(conversion.problemField ? entryFieldSpec(armField(*conversion.problemField, side)).key
                                              : std::string_view(),
                      std::string(side == ArmSide::Treated ? "Treated group: " : "Control group: ")
                          + conversion.problem);
        return std::nullopt;
    }
    // A spread far beyond the mean: noted on the cell that gives the spread (the SD, the SEM, ...).
    const std::string spread = spreadNote(conversion.summary->mean, conversion.summary->sd,
                                          side == ArmSide::Treated ? "treated group" : "control group");
    if (!spread.empty()) {
        ReportedField cell = ReportedField::Centre;
        for (ReportedField reported : fieldsUsedBy(arm.type))
            if (reported != ReportedField::N && reported != ReportedField::Centre) {
                cell = reported;
                break;
            }
        reader.note(entryFieldSpec(armField(cell, side)).key, spread);
    }
    return conversion.summary;
}

/// Reads one dichotomous arm: events out of total, 0 ≤ events ≤ total.
std::optional<BinaryGroup> readBinaryArm(RowReader& reader, const OutcomeRow& source, ArmSide side) {
    const EntryField eventsField = binaryArmField(true, side);
    const EntryField totalField = binaryArmField(false, side);
    const auto events = reader.read(source, eventsField);
    const auto total = reader.read(source, totalField);
    if (!events || !total)
        return std::nullopt;
    if (*events > *total) {
        reader.report(entryFieldSpec(eventsField).key, std::string(entryFieldSpec(eventsField).title) + " ("
                                                           + formatShortest(*events) + ") cannot exceed "
                                                           + std::string(entryFieldSpec(totalField).title)
                                                           + " (" + formatShortest(*total) + ")");
        return std::nullopt;
    }
    return BinaryGroup{*events, *total};
}

/// One comparison of a study before shared controls are resolved: its rows and its two groups.
template <typename Group>
struct Comparison {
    std::vector<std::size_t> rows;
    Group treated;
    Group control;
    std::string controlId;
};

/// Applies the outcome's shared-control method to the comparisons of one study; reports a refusal on
/// every row it concerns.
template <typename Group>
std::vector<Comparison<Group>> resolveSharedControls(const std::vector<Comparison<Group>>& comparisons,
                                                     const Outcome& outcome, const std::string& label,
                                                     PreparedOutcome& prepared) {
    const bool shares = std::any_of(comparisons.begin(), comparisons.end(),
                                    [](const auto& c) { return !c.controlId.empty(); });
    if (!shares)
        return comparisons;
    std::vector<SharedControlInput<Group>> inputs;
    for (const auto& c : comparisons)
        inputs.push_back({c.treated, c.control, c.controlId});
    const auto adjustment =
        adjustSharedControls(std::span<const SharedControlInput<Group>>(inputs), outcome.sharedControl);
    if (!adjustment.ok()) {
        for (std::size_t index : adjustment.problemComparisons)
            for (std::size_t row : comparisons[index].rows)
                prepared.issues.push_back({row, label,
                                           std::string(entryFieldSpec(EntryField::ControlGroup).key),
                                           adjustment.problem});
        return {};
    }
    std::vector<Comparison<Group>> resolved;
    for (const auto& adjusted : adjustment.comparisons) {
        Comparison<Group> c;
        c.treated = adjusted.treated;
        c.control = adjusted.control;
        for (std::size_t source : adjusted.sources) {
            c.rows.insert(c.rows.end(), comparisons[source].rows.begin(), comparisons[source].rows.end());
            for (std::size_t row : comparisons[source].rows)
                prepared.derivations[row].sharedControlNote = adjusted.note;
        }
        resolved.push_back(std::move(c));
    }
    return resolved;
}

/// Reads every included row with `readArms` (true when both arms parsed), groups the comparisons by
/// study, resolves shared controls and hands each comparison to `analyse`, in row order.
template <typename Group, typename ReadArms, typename Analyse>
void prepareTwoGroupRows(const Outcome& outcome, const StudyLabels& labels, PreparedOutcome& prepared,
                         ReadArms readArms, Analyse analyse) {
    const auto groupRows = sharedControlRows(outcome);
    std::vector<StudyId> studyOrder;
    std::map<StudyId, std::vector<Comparison<Group>>> comparisonsByStudy;
    for (std::size_t row = 0; row < outcome.rows.size(); ++row) {
        const OutcomeRow& entry = outcome.rows[row];
        if (!entry.included)
            continue;
        RowReader reader(row, labels(entry.study), prepared);
        Comparison<Group> comparison{
            {row}, {}, {}, std::string(trimmed(entry.text(EntryField::ControlGroup)))};
        if (!readArms(reader, entry, controlSource(outcome, entry, groupRows), comparison))
            continue;
        if (!comparisonsByStudy.count(entry.study))
            studyOrder.push_back(entry.study);
        comparisonsByStudy[entry.study].push_back(std::move(comparison));
    }
    std::vector<Comparison<Group>> analysed;
    for (StudyId id : studyOrder)
        for (auto& c : resolveSharedControls(comparisonsByStudy[id], outcome, labels(id), prepared))
            analysed.push_back(std::move(c));
    std::stable_sort(analysed.begin(), analysed.end(),
                     [](const auto& a, const auto& b) { return a.rows.front() < b.rows.front(); });
    for (const auto& comparison : analysed)
        analyse(comparison);
}

} // namespace

void prepareContinuousRows(const Project&, const Outcome& outcome, const StudyLabels& labels,
                           PreparedOutcome& prepared) {
    const auto readArms = [&](RowReader& reader, const OutcomeRow& entry, const OutcomeRow& controlRow,
                              Comparison<GroupSummary>& comparison) {
        RowDerivation& derivation = prepared.derivations[reader.row()];
        derivation.treated = readContinuousArm(reader, entry, ArmSide::Treated, derivation.treatedNote);
        derivation.control = readContinuousArm(reader, controlRow, ArmSide::Control, derivation.controlNote);
        if (reader.failed())
            return false;
        comparison.treated = *derivation.treated;
        comparison.control = *derivation.control;
        return true;
    };
    const auto analyse = [&](const Comparison<GroupSummary>& comparison) {
        const std::size_t firstRow = comparison.rows.front();
        const OutcomeRow& first = outcome.rows[firstRow];
        RowReader reader(firstRow, labels(first.study), prepared);
        std::optional<ShamReference> sham;
        if (needsShamMean(outcome.settings.measure)) {
            const auto shamMean = reader.read(first, EntryField::ShamMean);
            if (!shamMean)
                return;
            sham = ShamReference{*shamMean, outcome.lowerIsBetter ? OutcomeDirection::LowerIsBetter
                                                                  : OutcomeDirection::HigherIsBetter};
        }
        const EffectSizeResult effect =
            computeContinuousEffect(outcome.settings.measure, comparison.treated, comparison.control, sham);
        if (!effect.value) {
            reader.report("", effect.problem);
            return;
        }
        addComparison(prepared, comparison.rows, comparisonLabel(labels, outcome, comparison.rows),
                      *effect.value, comparison.treated.n + comparison.control.n);
        prepared.treated.push_back(comparison.treated);
        prepared.control.push_back(comparison.control);
    };
    prepareTwoGroupRows<GroupSummary>(outcome, labels, prepared, readArms, analyse);
}

void prepareDichotomousRows(const Project&, const Outcome& outcome, const StudyLabels& labels,
                            PreparedOutcome& prepared) {
    const auto readArms = [&](RowReader& reader, const OutcomeRow& entry, const OutcomeRow& controlRow,
                              Comparison<BinaryGroup>& comparison) {
        const auto treated = readBinaryArm(reader, entry, ArmSide::Treated);
        const auto control = readBinaryArm(reader, controlRow, ArmSide::Control);
        if (!treated || !control)
            return false;
        comparison.treated = *treated;
        comparison.control = *control;
        return true;
    };
    ZeroCellOptions options;
    options.doubleZero =
        outcome.settings.keepDoubleZero ? DoubleZeroRule::Keep : DoubleZeroRule::DropForRatios;
    const BinaryMeasure measure =
        binaryMeasureOf(outcome.settings.measure).value_or(BinaryMeasure::OddsRatio);
    const auto analyse = [&](const Comparison<BinaryGroup>& comparison) {
        const std::size_t firstRow = comparison.rows.front();
        RowReader reader(firstRow, labels(outcome.rows[firstRow].study), prepared);
        const TwoByTwo table{comparison.treated.events, comparison.treated.total, comparison.control.events,
                             comparison.control.total};
        const BinaryEffect effect = binaryEffect(measure, table, options);
        const std::string label = comparisonLabel(labels, outcome, comparison.rows);
        if (!effect.value) {
            // A double-zero table is left out by convention, not because the data are wrong.
            if (!effect.dropped.empty())
                prepared.dropped.push_back(
                    {firstRow, labels(outcome.rows[firstRow].study), "", effect.dropped});
            else
                reader.report("", effect.problem);
            return;
        }
        if (effect.corrected)
            prepared.notes.push_back({firstRow, labels(outcome.rows[firstRow].study), "",
                                      "A zero cell: 0.5 added to each cell of the table for its "
                                          + std::string(binaryMeasureKey(measure))
                                          + " and variance (metafor escalc convention)"});
        addComparison(prepared, comparison.rows, label, *effect.value,
                      table.totalTreated + table.totalControl);
        prepared.data.tables.push_back(table);
    };
    prepareTwoGroupRows<BinaryGroup>(outcome, labels, prepared, readArms, analyse);
}

} // namespace evident::preparation
