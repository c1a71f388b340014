// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/analysisdata.h"

#include "core/common/text.h"

#include <algorithm>

namespace evident {

std::vector<std::string> Covariate::distinctLevels() const {
    std::vector<std::string> distinct;
    for (const auto& level : order)
        if (!level.empty() && std::find(distinct.begin(), distinct.end(), level) == distinct.end()
            && std::find(levels.begin(), levels.end(), level) != levels.end())
            distinct.push_back(level);
    for (const auto& level : levels)
        if (!level.empty() && std::find(distinct.begin(), distinct.end(), level) == distinct.end())
            distinct.push_back(level);
    return distinct;
}

const Covariate* AnalysisData::covariate(std::string_view name) const {
    for (const auto& c : covariates)
        if (equalsIgnoringCase(c.name, name))
            return &c;
    return nullptr;
}

} // namespace evident
