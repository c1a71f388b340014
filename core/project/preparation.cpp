// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/preparation.h"

#include "core/common/text.h"
#include "core/project/preparationparts.h"

#include <algorithm>
#include <cstdio>

namespace evident {
namespace preparation {

std::optional<double> RowReader::read(const OutcomeRow& row, EntryField field, std::string_view what) {
    const EntryFieldSpec& spec = entryFieldSpec(field);
    return readText(row.text(field), field, spec.rule, what.empty() ? spec.title : what);
}

std::optional<double> RowReader::readText(const std::string& text, EntryField field, ValueRule rule,
                                          std::string_view what) {
    const CellReading reading = readNumberCell(text, rule, what);
    const std::string key(entryFieldSpec(field).key);
    if (!reading.note.empty())
        m_prepared.notes.push_back({m_row, m_study, key, reading.note});
    if (!reading.value)
        report(key, reading.problem);
    return reading.value;
}

void RowReader::report(std::string_view key, std::string message) {
    m_prepared.issues.push_back({m_row, m_study, std::string(key), std::move(message)});
    m_failed = true;
}

void RowReader::note(std::string_view key, std::string message) {
    m_prepared.notes.push_back({m_row, m_study, std::string(key), std::move(message)});
}

StudyLabels::StudyLabels(const Project& project) {
    m_labels.reserve(project.studies.size());
    for (const Study& study : project.studies)
        m_labels.try_emplace(study.id, study.label);
}

const std::string& StudyLabels::operator()(StudyId id) const {
    static const std::string unknown("(unknown study)");
    const auto it = m_labels.find(id);
    return it == m_labels.end() ? unknown : it->second;
}

std::string comparisonLabel(const StudyLabels& labels, const Outcome& outcome,
                            const std::vector<std::size_t>& rows) {
    std::string arms;
    for (std::size_t row : rows) {
        const std::string& arm = outcome.rows[row].text(EntryField::Arm);
        if (!arm.empty())
            arms += (arms.empty() ? "" : " + ") + arm;
    }
    const std::string& label = labels(outcome.rows[rows.front()].study);
    return arms.empty() ? label : label + " (" + arms + ")";
}

void addComparison(PreparedOutcome& prepared, std::vector<std::size_t> rows, const std::string& label,
                   EffectSize effect, double participants) {
    prepared.data.labels.push_back(label);
    prepared.data.yi.push_back(effect.yi);
    prepared.data.vi.push_back(effect.vi);
    prepared.rows.push_back(rows.front());
    prepared.sourceRows.push_back(std::move(rows));
    prepared.participants.push_back(participants);
}

std::map<std::pair<StudyId, std::string>, std::size_t> sharedControlRows(const Outcome& outcome) {
    std::map<std::pair<StudyId, std::string>, std::size_t> rows;
    for (std::size_t row = 0; row < outcome.rows.size(); ++row) {
        const OutcomeRow& entry = outcome.rows[row];
        const std::string id(trimmed(entry.text(EntryField::ControlGroup)));
        if (entry.included && !id.empty() && !entry.armIsBlank(ArmSide::Control, outcome.kind))
            rows.try_emplace({entry.study, id}, row);
    }
    return rows;
}

} // namespace preparation

namespace {

using preparation::RowReader;
using preparation::StudyLabels;

/// Generic inverse variance: yi with vi or sei, as given.
void prepareGenericRows(const Outcome& outcome, const StudyLabels& labels, PreparedOutcome& prepared) {
    for (std::size_t row = 0; row < outcome.rows.size(); ++row) {
        const OutcomeRow& entry = outcome.rows[row];
        if (!entry.included)
            continue;
        RowReader reader(row, labels(entry.study), prepared);
        const auto yi = reader.read(entry, EntryField::Yi);
        std::optional<double> vi;
        if (!trimmed(entry.text(EntryField::Vi)).empty()) {
            vi = reader.read(entry, EntryField::Vi);
        } else if (!trimmed(entry.text(EntryField::Sei)).empty()) {
            if (const auto sei = reader.read(entry, EntryField::Sei))
                vi = *sei * *sei;
        } else {
            reader.report(entryFieldSpec(EntryField::Vi).key,
                          "Variance (vi) or standard error (sei) is missing");
        }
        if (!reader.failed())
            preparation::addComparison(prepared, {row}, preparation::comparisonLabel(labels, outcome, {row}),
                                       EffectSize{*yi, *vi}, 0);
    }
}

/// The covariate's value for each analysed comparison: its arm's own value, else its study's. A
/// comparison that combines arms (Outcome::sharedControl) has a value only when its arms agree.
Covariate collectCovariate(const Project& project, const Outcome& outcome, std::size_t index,
                           const std::vector<std::vector<std::size_t>>& comparisonRows,
                           const std::unordered_map<StudyId, const Study*>& studies) {
    Covariate covariate;
    covariate.name = project.covariateNames[index];
    bool allNumbers = true;
    bool anyValue = false;
    const auto consider = [&](const std::string& text) {
        const std::string_view value = trimmed(text);
        if (value.empty())
            return;
        anyValue = true;
        allNumbers = allNumbers && parseNumber(value).has_value();
    };
    // The kind is the project's, so it is the same in every outcome.
    for (const auto& study : project.studies)
        if (index < study.covariateValues.size())
            consider(study.covariateValues[index]);
    for (const auto& each : project.outcomes)
        for (const auto& row : each.rows)
            if (index < row.covariateValues.size())
                consider(row.covariateValues[index]);
    covariate.kind = anyValue && allNumbers ? CovariateKind::Numeric : CovariateKind::Categorical;
    // The arm's own value, else its study's (Project::covariateValue, without its linear study search).
    const auto valueOf = [&](const OutcomeRow& row) -> std::string_view {
        if (index < row.covariateValues.size() && !row.covariateValues[index].empty())
            return trimmed(row.covariateValues[index]);
        const auto study = studies.find(row.study);
        if (study == studies.end() || index >= study->second->covariateValues.size())
            return {};
        return trimmed(study->second->covariateValues[index]);
    };
    // Subgroups in the order their levels first appear in the grid, whatever the rows' validity.
    if (covariate.kind == CovariateKind::Categorical)
        for (const auto& row : outcome.rows) {
            const std::string_view value = valueOf(row);
            if (!value.empty()
                && std::find(covariate.order.begin(), covariate.order.end(), value) == covariate.order.end())
                covariate.order.emplace_back(value);
        }
    for (const auto& rows : comparisonRows) {
        std::string value(valueOf(outcome.rows[rows.front()]));
        const bool armsAgree = std::all_of(rows.begin(), rows.end(),
                                           [&](std::size_t r) { return valueOf(outcome.rows[r]) == value; });
        if (!armsAgree)
            value.clear();
        covariate.levels.push_back(value);
        covariate.numbers.push_back(covariate.kind == CovariateKind::Numeric ? parseNumber(value)
                                                                             : std::nullopt);
    }
    return covariate;
}

std::string formatNumber(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

} // namespace

std::optional<double> parseCell(const std::string& text, const char* what, std::optional<double> minimum,
                                bool strictMinimum, std::string& message) {
    const CellReading reading = readNumberCell(text, ValueRule::Number, what);
    if (!reading.value) {
        message = reading.problem;
        return std::nullopt;
    }
    const double number = *reading.value;
    if (minimum && (strictMinimum ? !(number > *minimum) : !(number >= *minimum))) {
        message = std::string(what) + " must be " + (strictMinimum ? "greater than " : "at least ")
                  + formatNumber(*minimum) + " (got " + formatNumber(number) + ")";
        return std::nullopt;
    }
    return number;
}

PreparedOutcome prepareOutcome(const Project& project, const Outcome& outcome) {
    PreparedOutcome prepared;
    prepared.derivations.resize(outcome.rows.size());
    prepared.excludedByUser = static_cast<std::size_t>(std::count_if(
        outcome.rows.begin(), outcome.rows.end(), [](const OutcomeRow& row) { return !row.included; }));
    const StudyLabels labels(project);
    switch (outcome.kind) {
    case OutcomeKind::Continuous:
        preparation::prepareContinuousRows(project, outcome, labels, prepared);
        break;
    case OutcomeKind::Dichotomous:
        preparation::prepareDichotomousRows(project, outcome, labels, prepared);
        break;
    case OutcomeKind::Generic:
        prepareGenericRows(outcome, labels, prepared);
        break;
    }
    std::unordered_map<StudyId, const Study*> studies;
    studies.reserve(project.studies.size());
    for (const Study& study : project.studies)
        studies.try_emplace(study.id, &study);
    for (std::size_t c = 0; c < project.covariateNames.size(); ++c)
        prepared.data.covariates.push_back(
            collectCovariate(project, outcome, c, prepared.sourceRows, studies));
    return prepared;
}

} // namespace evident
