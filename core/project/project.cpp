// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/project.h"

#include "core/common/text.h"

#include <algorithm>

namespace evident {

ArmEntry meanSdEntry(std::string mean, std::string sd, std::string n) {
    ArmEntry entry;
    entry.mean = std::move(mean);
    entry.sd = std::move(sd);
    entry.n = std::move(n);
    return entry;
}

OutcomeRow makeRow(StudyId study, bool included, ArmEntry treated, ArmEntry control, std::string yi,
                   std::string vi, std::string sei) {
    OutcomeRow row;
    row.study = study;
    row.included = included;
    row.treated = std::move(treated);
    row.control = std::move(control);
    row.yi = std::move(yi);
    row.vi = std::move(vi);
    row.sei = std::move(sei);
    return row;
}

Study makeStudy(StudyId id, std::string label, std::vector<std::string> covariateValues) {
    Study study;
    study.id = id;
    study.label = std::move(label);
    study.covariateValues = std::move(covariateValues);
    return study;
}

const Study* Project::study(StudyId id) const {
    const auto it = std::find_if(studies.begin(), studies.end(), [id](const Study& s) { return s.id == id; });
    return it == studies.end() ? nullptr : &*it;
}

Study* Project::study(StudyId id) {
    const auto it = std::find_if(studies.begin(), studies.end(), [id](const Study& s) { return s.id == id; });
    return it == studies.end() ? nullptr : &*it;
}

StudyId Project::nextStudyId() const {
    StudyId largest = 0;
    for (const auto& s : studies)
        largest = std::max(largest, s.id);
    return largest + 1;
}

std::optional<std::size_t> Project::covariateIndex(std::string_view name) const {
    for (std::size_t i = 0; i < covariateNames.size(); ++i)
        if (equalsIgnoringCase(covariateNames[i], name))
            return i;
    return std::nullopt;
}

} // namespace evident
