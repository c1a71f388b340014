// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/armcovariates.h"

#include <algorithm>

namespace evident {

CovariatePlacement placeCovariateValue(const Project& project, std::size_t outcome, std::size_t row,
                                       std::size_t covariate, const std::string& value) {
    const OutcomeRow& edited = project.outcomes[outcome].rows[row];
    const Study* study = project.study(edited.study);
    CovariatePlacement placement;
    placement.studyValue = study && covariate < study->covariateValues.size()
                               ? study->covariateValues[covariate]
                               : std::string();

    std::size_t rowsHere = 0;
    for (const OutcomeRow& each : project.outcomes[outcome].rows)
        rowsHere += each.study == edited.study ? 1 : 0;
    std::size_t editedIndex = 0;
    for (std::size_t o = 0; o < project.outcomes.size(); ++o)
        for (std::size_t r = 0; r < project.outcomes[o].rows.size(); ++r)
            if (project.outcomes[o].rows[r].study == edited.study) {
                if (o == outcome && r == row)
                    editedIndex = placement.rows.size();
                placement.rows.push_back({o, r, project.outcomes[o].rows[r].covariateValues});
            }

    auto& editedValues = placement.rows[editedIndex].values;
    if (rowsHere == 1) {
        placement.studyValue = value;
        setArmCovariateValue(editedValues, covariate, std::string());
    } else {
        setArmCovariateValue(editedValues, covariate, value);
    }

    const auto effective = [&](const std::vector<std::string>& values) -> const std::string& {
        return covariate < values.size() && !values[covariate].empty() ? values[covariate]
                                                                       : placement.studyValue;
    };
    const std::string& first = effective(placement.rows.front().values);
    const bool allAgree = std::all_of(placement.rows.begin(), placement.rows.end(),
                                      [&](const auto& each) { return effective(each.values) == first; });
    if (allAgree)
        placement.studyValue = std::string(first);
    for (auto& each : placement.rows)
        if (allAgree || effective(each.values) == placement.studyValue)
            setArmCovariateValue(each.values, covariate, std::string());
    return placement;
}

} // namespace evident
