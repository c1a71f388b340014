// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/project.h"

#include "core/common/text.h"

#include <algorithm>
#include <utility>

namespace evident {

ArmEntry meanSdEntry(std::string mean, std::string sd, std::string n) {
    ArmEntry entry;
    entry.mean = std::move(mean);
    entry.sd = std::move(sd);
    entry.n = std::move(n);
    return entry;
}

std::string& reportedText(ArmEntry& arm, ReportedField field) {
    switch (field) {
    case ReportedField::N:
        return arm.n;
    case ReportedField::Centre:
        return arm.mean;
    case ReportedField::SD:
        return arm.sd;
    case ReportedField::SEM:
        return arm.sem;
    case ReportedField::CILower:
        return arm.ciLower;
    case ReportedField::CIUpper:
        return arm.ciUpper;
    case ReportedField::CILevel:
        return arm.ciLevel;
    case ReportedField::Q1:
        return arm.q1;
    case ReportedField::Q3:
        return arm.q3;
    case ReportedField::Minimum:
        return arm.minimum;
    case ReportedField::Maximum:
        break;
    }
    return arm.maximum;
}

const std::string& reportedText(const ArmEntry& arm, ReportedField field) {
    return reportedText(const_cast<ArmEntry&>(arm), field);
}

void setArm(OutcomeRow& row, ArmSide side, const ArmEntry& arm) {
    for (const EntryFieldSpec& spec : entryFields())
        if (spec.side == side && spec.reported)
            row.text(spec.id) = reportedText(arm, *spec.reported);
    row.dispersion(side) = arm.dispersion;
}

ArmEntry armEntry(const OutcomeRow& row, ArmSide side) {
    ArmEntry arm;
    for (const EntryFieldSpec& spec : entryFields())
        if (spec.side == side && spec.reported)
            reportedText(arm, *spec.reported) = row.text(spec.id);
    arm.dispersion = row.dispersion(side);
    return arm;
}

bool OutcomeRow::armIsBlank(ArmSide side, OutcomeKind kind) const {
    for (const EntryFieldSpec& spec : entryFields())
        if (spec.side == side && (spec.kinds & kindBit(kind)) && spec.rule != ValueRule::Percent
            && !trimmed(text(spec.id)).empty())
            return false;
    return true;
}

OutcomeRow makeRow(StudyId study, bool included, ArmEntry treated, ArmEntry control, std::string yi,
                   std::string vi, std::string sei) {
    OutcomeRow row;
    row.study = study;
    row.included = included;
    setArm(row, ArmSide::Treated, treated);
    setArm(row, ArmSide::Control, control);
    row.text(EntryField::Yi) = std::move(yi);
    row.text(EntryField::Vi) = std::move(vi);
    row.text(EntryField::Sei) = std::move(sei);
    return row;
}

OutcomeRow makeBinaryRow(StudyId study, std::string eventsTreated, std::string totalTreated,
                         std::string eventsControl, std::string totalControl, bool included) {
    OutcomeRow row;
    row.study = study;
    row.included = included;
    row.text(EntryField::EventsTreated) = std::move(eventsTreated);
    row.text(EntryField::TotalTreated) = std::move(totalTreated);
    row.text(EntryField::EventsControl) = std::move(eventsControl);
    row.text(EntryField::TotalControl) = std::move(totalControl);
    return row;
}

void dropTrailingEmptyValues(std::vector<std::string>& values) {
    while (!values.empty() && values.back().empty())
        values.pop_back();
}

void setArmCovariateValue(std::vector<std::string>& values, std::size_t covariate, std::string value) {
    if (covariate >= values.size()) {
        if (value.empty())
            return;
        values.resize(covariate + 1);
    }
    values[covariate] = std::move(value);
    dropTrailingEmptyValues(values);
}

Study makeStudy(StudyId id, std::string label, std::vector<std::string> covariateValues) {
    Study study;
    study.id = id;
    study.label = std::move(label);
    study.covariateValues = std::move(covariateValues);
    return study;
}

const Study* Project::study(StudyId id) const {
    // Studies made by import or entry have the ids 1, 2, 3, … in order, so the id's own position
    // finds them at once; callers look a study up per row, and a linear search alone made that O(n²).
    const auto hint = static_cast<std::size_t>(id) - 1;
    if (id >= 1 && hint < studies.size() && studies[hint].id == id)
        return &studies[hint];
    // After a deletion the ids still rise along the list, with gaps: a binary search finds them. (On a
    // list out of order it may miss, and the search below finds the study.)
    std::size_t low = 0, high = studies.size();
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        if (studies[middle].id == id)
            return &studies[middle];
        if (studies[middle].id < id)
            low = middle + 1;
        else
            high = middle;
    }
    const auto it = std::find_if(studies.begin(), studies.end(), [id](const Study& s) { return s.id == id; });
    return it == studies.end() ? nullptr : &*it;
}

Study* Project::study(StudyId id) {
    return const_cast<Study*>(std::as_const(*this).study(id));
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

const std::string& Project::covariateValue(const OutcomeRow& row, std::size_t index) const {
    static const std::string none;
    if (index < row.covariateValues.size() && !row.covariateValues[index].empty())
        return row.covariateValues[index];
    const Study* owner = study(row.study);
    return owner && index < owner->covariateValues.size() ? owner->covariateValues[index] : none;
}

} // namespace evident
