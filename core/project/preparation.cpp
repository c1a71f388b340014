// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/preparation.h"

#include "core/common/text.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace evident {
namespace {

std::string formatNumber(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

/// "Mean (treated)", "SEM (control)", "CI lower limit (treated)": what the message calls a cell.
std::string describeField(ReportedField reported, DispersionType type, bool treated) {
    std::string name = fieldName(reported, type);
    if (!name.empty() && name.front() >= 'a' && name.front() <= 'z' && reported != ReportedField::N)
        name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name + (treated ? " (treated)" : " (control)");
}

bool isBlank(const ArmEntry& entry) {
    for (ReportedField reported :
         {ReportedField::N, ReportedField::Centre, ReportedField::SD, ReportedField::SEM,
          ReportedField::CILower, ReportedField::CIUpper, ReportedField::Q1, ReportedField::Q3,
          ReportedField::Minimum, ReportedField::Maximum})
        if (!trimmed(reportedText(entry, reported)).empty())
            return false;
    return true;
}

/// Parses the cells of one row, recording an issue per bad cell.
class RowReader {
public:
    RowReader(std::size_t row, std::string study, std::vector<InputIssue>& issues)
        : m_row(row)
        , m_study(std::move(study))
        , m_issues(issues) {}

    std::optional<double> read(const std::string& text, const std::string& key, const std::string& what,
                               std::optional<double> minimum = std::nullopt, bool strict = false) {
        std::string message;
        auto value = parseCell(text, what.c_str(), minimum, strict, message);
        if (!value)
            report(key, message);
        return value;
    }

    void report(const std::string& key, std::string message) {
        m_issues.push_back({m_row, m_study, key, std::move(message)});
        m_failed = true;
    }

    bool failed() const { return m_failed; }

    /// Reads one arm as reported and converts it to mean, SD and n; `note` gets the provenance.
    std::optional<GroupSummary> readArm(const ArmEntry& entry, bool treated, std::string& note) {
        ReportedArm arm;
        arm.type = entry.dispersion;
        bool complete = true;
        for (ReportedField reported : fieldsUsedBy(arm.type)) {
            const std::string key = armFieldKey(reported, treated);
            const std::string what = describeField(reported, arm.type, treated);
            if (reported == ReportedField::CILevel) {
                if (trimmed(entry.ciLevel).empty()) {
                    arm.ciLevel = 0.95;
                    continue;
                }
                const auto level = read(entry.ciLevel, key, what, 0.0, true);
                if (level && *level >= 100)
                    report(key, what + " must be below 100% (got " + formatNumber(*level) + ")");
                complete = complete && level && *level < 100;
                if (level)
                    arm.ciLevel = *level / 100;
                continue;
            }
            // The simple rules keep the messages of the mean ± SD layout ("SD must be greater than 0").
            std::optional<double> minimum;
            bool strict = false;
            if (reported == ReportedField::N)
                minimum = 2.0;
            else if (reported == ReportedField::SD || reported == ReportedField::SEM)
                minimum = 0.0, strict = true;
            const auto value = read(reportedText(entry, reported), key, what, minimum, strict);
            complete = complete && value;
            if (value)
                fieldValue(arm, reported) = *value;
        }
        if (!complete)
            return std::nullopt;
        const ArmConversion conversion = convertReportedArm(arm);
        note = conversion.provenance();
        if (!conversion.ok()) {
            report(conversion.problemField ? armFieldKey(*conversion.problemField, treated) : std::string(),
                   std::string(treated ? "Treated group: " : "Control group: ") + conversion.problem);
            return std::nullopt;
        }
        return conversion.summary;
    }

private:
    std::size_t m_row;
    std::string m_study;
    std::vector<InputIssue>& m_issues;
    bool m_failed = false;
};

/// The covariate's value for each analysed comparison: its arm's own value, else its study's. A
/// comparison that combines arms (Outcome::sharedControl) has a value only when its arms agree.
Covariate collectCovariate(const Project& project, const Outcome& outcome, std::size_t index,
                           const std::vector<std::vector<std::size_t>>& comparisonRows) {
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
    for (const auto& rows : comparisonRows) {
        std::string value(trimmed(project.covariateValue(outcome.rows[rows.front()], index)));
        const bool armsAgree = std::all_of(rows.begin(), rows.end(), [&](std::size_t r) {
            return trimmed(project.covariateValue(outcome.rows[r], index)) == value;
        });
        if (!armsAgree)
            value.clear();
        covariate.levels.push_back(value);
        covariate.numbers.push_back(covariate.kind == CovariateKind::Numeric ? parseNumber(value)
                                                                             : std::nullopt);
    }
    return covariate;
}

std::string studyLabel(const Project& project, StudyId id) {
    const Study* study = project.study(id);
    return study ? study->label : std::string("(unknown study)");
}

/// A comparison ready for its effect size: one or more grid rows (more when arms were combined).
struct Comparison {
    std::vector<std::size_t> rows;
    GroupSummary treated;
    GroupSummary control;
    std::string controlId; ///< Shared-control link within the study, empty when none
};

/// Applies the outcome's shared-control method to the comparisons of one study.
std::vector<Comparison> resolveSharedControls(const std::vector<Comparison>& comparisons,
                                              const Outcome& outcome, const std::string& label,
                                              PreparedOutcome& prepared) {
    std::vector<SharedControlComparison> inputs;
    for (const Comparison& c : comparisons)
        inputs.push_back({c.treated, c.control, c.controlId});
    const SharedControlAdjustment adjustment = adjustSharedControls(inputs, outcome.sharedControl);
    if (!adjustment.ok()) {
        for (std::size_t index : adjustment.problemComparisons)
            for (std::size_t row : comparisons[index].rows)
                prepared.issues.push_back({row, label, field::controlGroup, adjustment.problem});
        return {};
    }
    std::vector<Comparison> resolved;
    for (const AdjustedComparison& adjusted : adjustment.comparisons) {
        Comparison c;
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

std::string comparisonLabel(const Project& project, const Outcome& outcome, const Comparison& comparison) {
    const OutcomeRow& first = outcome.rows[comparison.rows.front()];
    std::string arms;
    for (std::size_t row : comparison.rows) {
        const std::string& arm = outcome.rows[row].arm;
        if (!arm.empty())
            arms += (arms.empty() ? "" : " + ") + arm;
    }
    const std::string label = studyLabel(project, first.study);
    return arms.empty() ? label : label + " (" + arms + ")";
}

} // namespace

std::string armFieldKey(ReportedField reported, bool treated) {
    const char* suffix = treated ? "_t" : "_c";
    switch (reported) {
    case ReportedField::N:
        return std::string("n") + suffix;
    case ReportedField::Centre:
        return std::string("mean") + suffix;
    case ReportedField::SD:
        return std::string("sd") + suffix;
    case ReportedField::SEM:
        return std::string("sem") + suffix;
    case ReportedField::CILower:
        return std::string("ci_lower") + suffix;
    case ReportedField::CIUpper:
        return std::string("ci_upper") + suffix;
    case ReportedField::CILevel:
        return std::string("ci_level") + suffix;
    case ReportedField::Q1:
        return std::string("q1") + suffix;
    case ReportedField::Q3:
        return std::string("q3") + suffix;
    case ReportedField::Minimum:
        return std::string("min") + suffix;
    case ReportedField::Maximum:
        break;
    }
    return std::string("max") + suffix;
}

std::optional<double> parseCell(const std::string& text, const char* what, std::optional<double> minimum,
                                bool strictMinimum, std::string& message) {
    const std::string_view value = trimmed(text);
    if (value.empty()) {
        message = std::string(what) + " is missing";
        return std::nullopt;
    }
    const auto number = parseNumber(value);
    if (!number) {
        message = std::string(what) + ": '" + std::string(value) + "' is not a number";
        if (value.find(',') != std::string_view::npos
            && parseNumber(std::string(value).replace(value.find(','), 1, ".")))
            message += " (use a point as the decimal separator)";
        return std::nullopt;
    }
    if (minimum && (strictMinimum ? !(*number > *minimum) : !(*number >= *minimum))) {
        message = std::string(what) + " must be " + (strictMinimum ? "greater than " : "at least ")
                  + formatNumber(*minimum) + " (got " + formatNumber(*number) + ")";
        return std::nullopt;
    }
    return number;
}

PreparedOutcome prepareOutcome(const Project& project, const Outcome& outcome) {
    PreparedOutcome prepared;
    prepared.derivations.resize(outcome.rows.size());
    const bool twoGroup = outcome.layout == DataLayout::TwoGroupContinuous;

    // Rows of a shared control group may leave their control cells empty and use the group's.
    std::map<std::pair<StudyId, std::string>, std::size_t> groupControlRow;
    if (twoGroup)
        for (std::size_t row = 0; row < outcome.rows.size(); ++row) {
            const OutcomeRow& entry = outcome.rows[row];
            const std::string id(trimmed(entry.controlGroup));
            if (entry.included && !id.empty() && !isBlank(entry.control))
                groupControlRow.try_emplace({entry.study, id}, row);
        }

    // Per study, in order of first appearance: the comparisons that parsed.
    std::vector<StudyId> studyOrder;
    std::map<StudyId, std::vector<Comparison>> comparisonsByStudy;
    std::vector<std::pair<std::size_t, EffectSize>> precomputed; // (row, effect)

    for (std::size_t row = 0; row < outcome.rows.size(); ++row) {
        const OutcomeRow& entry = outcome.rows[row];
        if (!entry.included) {
            ++prepared.excludedByUser;
            continue;
        }
        const std::string label = studyLabel(project, entry.study);
        RowReader reader(row, label, prepared.issues);
        RowDerivation& derivation = prepared.derivations[row];

        if (!twoGroup) {
            const auto yi = reader.read(entry.yi, field::yi, "Effect size (yi)");
            const bool hasVi = !trimmed(entry.vi).empty();
            const bool hasSei = !trimmed(entry.sei).empty();
            std::optional<double> vi;
            if (hasVi)
                vi = reader.read(entry.vi, field::vi, "Variance (vi)", 0.0, true);
            else if (hasSei) {
                const auto sei = reader.read(entry.sei, field::sei, "Standard error (sei)", 0.0, true);
                if (sei)
                    vi = *sei * *sei;
            } else {
                reader.report(field::vi, "Variance (vi) or standard error (sei) is missing");
            }
            if (!reader.failed())
                precomputed.emplace_back(row, EffectSize{*yi, *vi});
            continue;
        }

        const std::string controlId(trimmed(entry.controlGroup));
        const ArmEntry* controlEntry = &entry.control;
        if (!controlId.empty() && isBlank(entry.control)) {
            const auto shared = groupControlRow.find({entry.study, controlId});
            if (shared != groupControlRow.end())
                controlEntry = &outcome.rows[shared->second].control;
        }
        derivation.treated = reader.readArm(entry.treated, true, derivation.treatedNote);
        derivation.control = reader.readArm(*controlEntry, false, derivation.controlNote);
        if (reader.failed())
            continue;
        if (std::find(studyOrder.begin(), studyOrder.end(), entry.study) == studyOrder.end())
            studyOrder.push_back(entry.study);
        comparisonsByStudy[entry.study].push_back(
            {{row}, *derivation.treated, *derivation.control, controlId});
    }

    // The analysed comparisons, each with its effect size.
    struct Analysed {
        Comparison comparison;
        EffectSize effect;
    };
    std::vector<Analysed> analysed;
    for (StudyId id : studyOrder) {
        const std::vector<Comparison>& comparisons = comparisonsByStudy[id];
        const bool shares = std::any_of(comparisons.begin(), comparisons.end(),
                                        [](const Comparison& c) { return !c.controlId.empty(); });
        const std::vector<Comparison> resolved =
            shares ? resolveSharedControls(comparisons, outcome, studyLabel(project, id), prepared)
                   : comparisons;
        for (const Comparison& comparison : resolved) {
            const std::size_t firstRow = comparison.rows.front();
            RowReader reader(firstRow, studyLabel(project, id), prepared.issues);
            std::optional<ShamReference> sham;
            if (outcome.settings.measure == EffectMeasure::NMD) {
                const auto shamMean =
                    reader.read(outcome.rows[firstRow].shamMean, field::shamMean, "Sham mean (for the NMD)");
                if (!shamMean)
                    continue;
                sham = ShamReference{*shamMean, outcome.lowerIsBetter ? OutcomeDirection::LowerIsBetter
                                                                      : OutcomeDirection::HigherIsBetter};
            }
            const EffectSizeResult effect = computeContinuousEffect(
                outcome.settings.measure, comparison.treated, comparison.control, sham);
            if (!effect.value) {
                reader.report("", effect.problem);
                continue;
            }
            analysed.push_back({comparison, *effect.value});
        }
    }
    std::sort(analysed.begin(), analysed.end(), [](const Analysed& a, const Analysed& b) {
        return a.comparison.rows.front() < b.comparison.rows.front();
    });

    const auto add = [&](std::vector<std::size_t> rows, const std::string& label, EffectSize effect) {
        prepared.data.labels.push_back(label);
        prepared.data.yi.push_back(effect.yi);
        prepared.data.vi.push_back(effect.vi);
        prepared.rows.push_back(rows.front());
        prepared.sourceRows.push_back(std::move(rows));
    };
    if (twoGroup) {
        for (const Analysed& a : analysed) {
            add(a.comparison.rows, comparisonLabel(project, outcome, a.comparison), a.effect);
            prepared.treated.push_back(a.comparison.treated);
            prepared.control.push_back(a.comparison.control);
            prepared.participants.push_back(a.comparison.treated.n + a.comparison.control.n);
        }
    } else {
        for (const auto& [row, effect] : precomputed) {
            Comparison single{{row}, {}, {}, {}};
            add({row}, comparisonLabel(project, outcome, single), effect);
            prepared.participants.push_back(0);
        }
    }
    for (std::size_t c = 0; c < project.covariateNames.size(); ++c)
        prepared.data.covariates.push_back(collectCovariate(project, outcome, c, prepared.sourceRows));
    return prepared;
}

} // namespace evident
