// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/pipeline.h"

#include "core/analysis/pooledfit.h"
#include "core/bias/kendall.h"

#include <numeric>

namespace evident {
namespace {

void append(std::vector<std::string>& to, const std::vector<std::string>& from,
            const std::string& prefix = {}) {
    for (const auto& message : from)
        to.push_back(prefix + message);
}

} // namespace

std::vector<std::string> checkAnalysisOptions(const AnalysisData& data, const AnalysisOptions& options) {
    std::vector<std::string> problems;
    if (!options.subgroup.empty()) {
        const Covariate* covariate = data.covariate(options.subgroup);
        if (!covariate)
            problems.push_back("There is no column named '" + options.subgroup
                               + "' for the subgroup analysis.");
        else if (covariate->kind != CovariateKind::Categorical)
            problems.push_back("'" + covariate->name
                               + "' holds only numbers; subgroups need a categorical column (text values).");
    }
    if (!options.cumulativeOrder.empty()) {
        const Covariate* covariate = data.covariate(options.cumulativeOrder);
        if (!covariate)
            problems.push_back("There is no column named '" + options.cumulativeOrder + "' to order by.");
        else if (covariate->kind != CovariateKind::Numeric)
            problems.push_back("'" + covariate->name + "' is not numeric, so it cannot order the studies.");
    }
    return problems;
}

AnalysisResult runAnalysis(const AnalysisData& data, const AnalysisOptions& options) {
    AnalysisResult result;
    result.overall = fitStudies(data, allStudies(data), options.fit);
    result.mantelHaenszelTests = mantelHaenszelTests(data, options.fit);
    append(result.warnings, result.overall.warnings);
    append(result.warnings, checkAnalysisOptions(data, options));

    if (!options.subgroup.empty()) {
        const Covariate* covariate = data.covariate(options.subgroup);
        if (covariate && covariate->kind == CovariateKind::Categorical) {
            result.subgroups = analyseSubgroups(data, *covariate, options.fit);
            append(result.warnings, result.subgroups->warnings);
        }
    }

    if (data.size() > maxStudiesForRefitAnalyses) {
        result.warnings.push_back("Leave-one-out and cumulative analyses are not run for more than "
                                  + std::to_string(maxStudiesForRefitAnalyses) + " studies.");
    } else {
        if (data.size() >= 2)
            result.leaveOneOut = leaveOneOut(data, options.fit);
        else
            result.warnings.push_back("Leave-one-out analysis needs at least 2 studies.");
        std::vector<std::size_t> order(data.size());
        std::iota(order.begin(), order.end(), 0);
        if (const Covariate* by =
                options.cumulativeOrder.empty() ? nullptr : data.covariate(options.cumulativeOrder);
            by && by->kind == CovariateKind::Numeric)
            order = orderByCovariate(*by);
        result.cumulative = cumulativeAnalysis(data, order, options.fit);
    }

    std::string reason;
    result.egger = eggerTest(data.yi, data.vi, &reason);
    if (!result.egger)
        result.warnings.push_back(reason);
    result.begg = beggTest(data.yi, data.vi, &reason);
    if (!result.begg)
        result.warnings.push_back(reason);
    else if (!result.begg->exact && data.size() > kendallExactLimit)
        result.warnings.push_back("Begg's test uses the normal approximation: the exact p-value is not "
                                  "computed for more than "
                                  + std::to_string(kendallExactLimit) + " studies (R reports none there).");
    if (result.overall.estimable) {
        result.trimAndFill = trimAndFill(data.yi, data.vi, options.fit, result.overall, &reason);
        if (!result.trimAndFill)
            result.warnings.push_back(reason);
    }
    result.failSafeN = rosenthalFailSafeN(data.yi, data.vi, &reason);
    if (!result.failSafeN)
        result.warnings.push_back(reason);
    return result;
}

} // namespace evident
