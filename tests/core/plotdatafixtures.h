// SPDX-License-Identifier: GPL-3.0-or-later
// Small projects for the plot-data tests: two-group continuous studies with covariates.
#pragma once

#include "core/project/outcomeanalysis.h"
#include "core/project/project.h"

#include <string>
#include <vector>

namespace evident::test {

struct StudyNumbers {
    std::string label;
    double meanT, sdT, nT, meanC, sdC, nC;
    std::string group; ///< Covariate "model"
    double year;
};

inline std::string number(double v) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10g", v);
    return buffer;
}

inline Project projectOf(const std::vector<StudyNumbers>& studies) {
    Project project;
    project.covariateNames = {"model", "year"};
    Outcome outcome;
    outcome.name = "Test outcome";
    for (std::size_t i = 0; i < studies.size(); ++i) {
        const StudyNumbers& s = studies[i];
        project.studies.push_back(makeStudy(i + 1, s.label, {s.group, number(s.year)}));
        OutcomeRow row;
        row.study = i + 1;
        setArm(row, ArmSide::Treated, meanSdEntry(number(s.meanT), number(s.sdT), number(s.nT)));
        setArm(row, ArmSide::Control, meanSdEntry(number(s.meanC), number(s.sdC), number(s.nC)));
        outcome.rows.push_back(row);
    }
    project.outcomes.push_back(outcome);
    return project;
}

/// Eight studies in two models, moderately heterogeneous.
inline std::vector<StudyNumbers> eightStudies() {
    return {
        {"Adams 2001", 12.0, 3.0, 10, 10.0, 3.2, 10, "rat", 2001},
        {"Baker 2003", 14.5, 4.1, 8, 10.2, 3.9, 8, "rat", 2003},
        {"Clark 2005", 11.0, 2.5, 12, 10.5, 2.7, 12, "mouse", 2005},
        {"Davis 2008", 15.2, 3.3, 6, 9.8, 3.5, 7, "rat", 2008},
        {"Evans 2010", 10.9, 2.9, 15, 10.1, 3.0, 15, "mouse", 2010},
        {"Frank 2012", 13.1, 3.6, 9, 9.9, 3.4, 9, "mouse", 2012},
        {"Green 2015", 12.2, 2.2, 20, 10.4, 2.4, 20, "rat", 2015},
        {"Hill 2018", 16.0, 5.0, 5, 10.0, 4.8, 5, "mouse", 2018},
    };
}

/// `k` synthetic studies (deterministic): true SMD about 0.5, sizes 5 to 20 per group, two models.
inline std::vector<StudyNumbers> syntheticStudies(std::size_t k) {
    std::vector<StudyNumbers> studies;
    unsigned state = 12345;
    const auto uniform = [&state] {
        state = state * 1103515245u + 12345u;
        return static_cast<double>((state >> 8) & 0xFFFF) / 65536.0;
    };
    for (std::size_t i = 0; i < k; ++i) {
        const double n = 5 + std::floor(uniform() * 16);
        const double shift = 0.5 + (uniform() - 0.5) * 1.6 + (uniform() - 0.5) * 2.0 / std::sqrt(n);
        studies.push_back({"Study " + std::to_string(i + 1), 10 + 2 * shift, 2.0 + uniform(), n, 10,
                           2.0 + uniform(), n, i % 3 == 0 ? "mouse" : "rat",
                           1995.0 + static_cast<double>(i % 25)});
    }
    return studies;
}

/// Gives every study SYRCLE judgements, varied and deterministic: all three judgements on most items,
/// and the first study's last item not assessed.
inline void judgeRiskOfBias(Project& project) {
    const RobJudgement cycle[] = {RobJudgement::Low, RobJudgement::Unclear, RobJudgement::High,
                                  RobJudgement::Unclear, RobJudgement::Low};
    for (std::size_t i = 0; i < project.studies.size(); ++i)
        for (std::size_t item = 0; item < syrcleItemCount; ++item)
            project.studies[i].riskOfBias.items[item].judgement = cycle[(3 * i + 7 * item) % 5];
    if (!project.studies.empty())
        project.studies[0].riskOfBias.items[syrcleItemCount - 1].judgement = RobJudgement::NotAssessed;
}

} // namespace evident::test
