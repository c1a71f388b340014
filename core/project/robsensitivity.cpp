// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/robsensitivity.h"

#include "core/report/manuscripttext.h"
#include "core/report/numberformat.h"

#include <algorithm>

namespace evident {

RobSensitivity analyseWithoutHighRisk(const Project& project, const Outcome& outcome,
                                      const std::vector<std::size_t>& items) {
    RobSensitivity sensitivity;
    sensitivity.items = items;
    Outcome reduced = outcome;
    for (OutcomeRow& row : reduced.rows) {
        const Study* study = project.study(row.study);
        if (!row.included || !study || !isAtHighRisk(study->riskOfBias, items))
            continue;
        row.included = false;
        if (std::find(sensitivity.excludedStudies.begin(), sensitivity.excludedStudies.end(), study->label)
            == sensitivity.excludedStudies.end())
            sensitivity.excludedStudies.push_back(study->label);
    }
    sensitivity.analysis = analyseOutcome(project, reduced);
    return sensitivity;
}

std::string robSensitivitySentence(const RobSensitivity& sensitivity) {
    std::string items;
    for (std::size_t i = 0; i < sensitivity.items.size(); ++i) {
        if (sensitivity.items[i] >= syrcleItemCount)
            continue;
        std::string label(syrcleItems()[sensitivity.items[i]].label);
        label.front() = static_cast<char>(std::tolower(static_cast<unsigned char>(label.front())));
        items += (i == 0 ? "" : (i + 1 == sensitivity.items.size() ? " or " : ", ")) + label;
    }
    const std::size_t n = sensitivity.excludedStudies.size();
    std::string text = n == 0 ? "No study is at high risk of bias on " + items + "; the analysis is unchanged"
                              : "Without the " + std::to_string(n) + (n == 1 ? " study" : " studies")
                                    + " at high risk of bias on " + items;
    const OutcomeAnalysis& analysis = sensitivity.analysis;
    TextStyle style;
    style.decimals =
        suggestedDecimals(analysis.result.overall.estimable ? analysis.result.overall.estimate : 1.0);
    return text + ": " + pooledSentence(analysis.result.overall, analysis.measure, style)
           + " (k = " + std::to_string(analysis.result.overall.k) + ")";
}

} // namespace evident
