// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/preparation.h"

#include "core/common/text.h"

#include <cmath>

namespace evident {
namespace {

std::string formatNumber(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

/// Parses the cells of one row, recording an issue per bad cell.
class RowReader {
public:
    RowReader(std::size_t row, const std::string& study, std::vector<InputIssue>& issues)
        : m_row(row)
        , m_study(study)
        , m_issues(issues) {}

    std::optional<double> read(const std::string& text, const char* key, const char* what,
                               std::optional<double> minimum = std::nullopt, bool strict = false) {
        std::string message;
        auto value = parseCell(text, what, minimum, strict, message);
        if (!value)
            report(key, message);
        return value;
    }

    void report(const char* key, std::string message) {
        m_issues.push_back({m_row, m_study, key, std::move(message)});
        m_failed = true;
    }

    bool failed() const { return m_failed; }

private:
    std::size_t m_row;
    const std::string& m_study;
    std::vector<InputIssue>& m_issues;
    bool m_failed = false;
};

std::optional<GroupSummary> readArm(RowReader& reader, const ArmEntry& arm, bool treated) {
    const auto mean = reader.read(arm.mean, treated ? field::meanTreated : field::meanControl,
                                  treated ? "Mean (treated)" : "Mean (control)");
    const auto sd = reader.read(arm.sd, treated ? field::sdTreated : field::sdControl,
                                treated ? "SD (treated)" : "SD (control)", 0.0, true);
    const auto n = reader.read(arm.n, treated ? field::nTreated : field::nControl,
                               treated ? "n (treated)" : "n (control)", 2.0, false);
    if (!mean || !sd || !n)
        return std::nullopt;
    return GroupSummary{*mean, *sd, *n};
}

Covariate collectCovariate(const Project& project, std::size_t index, const std::vector<StudyId>& analysed) {
    Covariate covariate;
    covariate.name = project.covariateNames[index];
    bool allNumbers = true;
    bool anyValue = false;
    for (const auto& study : project.studies) {
        if (index >= study.covariateValues.size())
            continue;
        const std::string_view value = trimmed(study.covariateValues[index]);
        if (value.empty())
            continue;
        anyValue = true;
        allNumbers = allNumbers && parseNumber(value).has_value();
    }
    covariate.kind = anyValue && allNumbers ? CovariateKind::Numeric : CovariateKind::Categorical;
    for (StudyId id : analysed) {
        const Study* study = project.study(id);
        const std::string value = study && index < study->covariateValues.size()
                                      ? std::string(trimmed(study->covariateValues[index]))
                                      : "";
        covariate.levels.push_back(value);
        covariate.numbers.push_back(covariate.kind == CovariateKind::Numeric ? parseNumber(value)
                                                                             : std::nullopt);
    }
    return covariate;
}

} // namespace

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
    std::vector<StudyId> analysedStudies;
    for (std::size_t row = 0; row < outcome.rows.size(); ++row) {
        const OutcomeRow& entry = outcome.rows[row];
        if (!entry.included) {
            ++prepared.excludedByUser;
            continue;
        }
        const Study* study = project.study(entry.study);
        const std::string label = study ? study->label : std::string("(unknown study)");
        RowReader reader(row, label, prepared.issues);

        EffectSize effect;
        GroupSummary treated, control;
        double participants = 0;
        if (outcome.layout == DataLayout::TwoGroupContinuous) {
            const auto t = readArm(reader, entry.treated, true);
            const auto c = readArm(reader, entry.control, false);
            if (reader.failed())
                continue;
            treated = *t;
            control = *c;
            const EffectSizeResult computed =
                computeContinuousEffect(outcome.settings.measure, treated, control);
            if (!computed.value) {
                reader.report("", computed.problem);
                continue;
            }
            effect = *computed.value;
            participants = treated.n + control.n;
        } else {
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
            if (reader.failed())
                continue;
            effect = {*yi, *vi};
        }
        prepared.data.labels.push_back(label);
        prepared.data.yi.push_back(effect.yi);
        prepared.data.vi.push_back(effect.vi);
        prepared.rows.push_back(row);
        prepared.participants.push_back(participants);
        if (outcome.layout == DataLayout::TwoGroupContinuous) {
            prepared.treated.push_back(treated);
            prepared.control.push_back(control);
        }
        analysedStudies.push_back(entry.study);
    }
    for (std::size_t c = 0; c < project.covariateNames.size(); ++c)
        prepared.data.covariates.push_back(collectCovariate(project, c, analysedStudies));
    return prepared;
}

} // namespace evident
