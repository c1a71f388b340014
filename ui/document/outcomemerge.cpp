// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/outcomemerge.h"

#include "core/common/text.h"

#include <QCoreApplication>

#include <map>

namespace evident::ui {

MergedProject addImportedOutcome(const Project& project, const Project& imported) {
    MergedProject merged{project, {}};
    Project& target = merged.project;
    const auto tr = [](const char* text) { return QCoreApplication::translate("Import", text); };

    // Covariate index in the target of each imported covariate.
    std::vector<std::size_t> covariateIndex;
    for (const auto& name : imported.covariateNames) {
        if (const auto index = target.covariateIndex(name)) {
            covariateIndex.push_back(*index);
            continue;
        }
        target.covariateNames.push_back(name);
        for (auto& study : target.studies)
            study.covariateValues.resize(target.covariateNames.size());
        covariateIndex.push_back(target.covariateNames.size() - 1);
    }

    std::map<StudyId, StudyId> idOf; // imported id → target id
    int matched = 0;
    // Only studies already in the project are matched: rows of the file stay rows of their own.
    const std::size_t projectStudies = target.studies.size();
    for (const Study& incoming : imported.studies) {
        const std::string_view label = trimmed(incoming.label);
        Study* existing = nullptr;
        for (std::size_t s = 0; s < projectStudies && !existing; ++s)
            if (trimmed(target.studies[s].label) == label)
                existing = &target.studies[s];
        if (!existing) {
            Study study;
            study.id = target.nextStudyId();
            study.label = incoming.label;
            study.covariateValues.resize(target.covariateNames.size());
            target.studies.push_back(study);
            existing = &target.studies.back();
        } else {
            ++matched;
        }
        existing->covariateValues.resize(target.covariateNames.size());
        for (std::size_t c = 0; c < incoming.covariateValues.size() && c < covariateIndex.size(); ++c) {
            std::string& value = existing->covariateValues[covariateIndex[c]];
            const std::string& newValue = incoming.covariateValues[c];
            if (trimmed(value).empty())
                value = newValue;
            else if (!trimmed(newValue).empty() && trimmed(value) != trimmed(newValue))
                merged.notes.append(tr("Study '%1': %2 is '%4' in the imported rows, which keep it as "
                                       "their own; its other rows keep '%3'.")
                                        .arg(QString::fromStdString(existing->label),
                                             QString::fromStdString(target.covariateNames[covariateIndex[c]]),
                                             QString::fromStdString(value),
                                             QString::fromStdString(newValue)));
        }
        idOf[incoming.id] = existing->id;
    }
    if (matched > 0)
        merged.notes.prepend(
            tr("%1 of the file's studies were already in the project and are shared with its other "
               "outcomes.")
                .arg(matched));

    // Each row's covariates in the project's columns: an arm's own value where the file's value (the
    // arm's, else its study's) differs from what the study now holds.
    for (Outcome outcome : imported.outcomes) {
        for (auto& row : outcome.rows) {
            std::vector<std::string> own;
            const Study* study = target.study(idOf[row.study]);
            for (std::size_t c = 0; c < covariateIndex.size(); ++c) {
                const std::string& value = imported.covariateValue(row, c);
                const std::size_t at = covariateIndex[c];
                if (trimmed(value).empty() || !study || trimmed(study->covariateValues[at]) == trimmed(value))
                    continue;
                setArmCovariateValue(own, at, value);
            }
            row.covariateValues = std::move(own);
            row.study = idOf[row.study];
        }
        target.outcomes.push_back(std::move(outcome));
    }
    return merged;
}

} // namespace evident::ui
