// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/studyresults.h"

#include "core/common/distributions.h"

#include <cmath>

namespace evident {

std::vector<StudyResult> studyResults(const OutcomeAnalysis& analysis) {
    const AnalysisData& data = analysis.prepared.data;
    const MetaAnalysisFit& overall = analysis.result.overall;
    // Wald interval of one study: y ± z_{1−α/2}·√v (Borenstein et al. 2009, Introduction to
    // Meta-Analysis, eq. 8.3), what metafor's summary(escalc()) and forest() show.
    const double z = normalQuantile(1 - (1 - analysis.options.fit.level) / 2);
    std::vector<StudyResult> results;
    results.reserve(data.size());
    for (std::size_t i = 0; i < data.size(); ++i) {
        StudyResult study;
        study.label = i < data.labels.size() ? data.labels[i] : std::string();
        study.outcomeRow = i < analysis.prepared.rows.size() ? analysis.prepared.rows[i] : i;
        study.estimate = data.yi[i];
        study.se = std::sqrt(data.vi[i]);
        study.ci = {study.estimate - z * study.se, study.estimate + z * study.se};
        if (overall.estimable && i < overall.weightPercent.size())
            study.weightPercent = overall.weightPercent[i];
        results.push_back(study);
    }
    return results;
}

} // namespace evident
