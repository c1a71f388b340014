// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/resultsjson.h"

#include "core/model/modelchoice.h"
#include "core/report/manuscripttext.h"

#include <cmath>

namespace evident {
namespace {

/// A number, or null when the fit could not estimate it.
JsonValue numberOrNull(bool available, double value) {
    return available ? JsonValue(value) : JsonValue();
}
JsonValue numberOrNull(const std::optional<double>& value) {
    return value ? JsonValue(*value) : JsonValue();
}

void addPooledKeys(JsonValue& json, const MetaAnalysisFit& fit) {
    const bool ok = fit.estimable;
    json.set("estimate", numberOrNull(ok, fit.estimate));
    json.set("se", numberOrNull(ok, fit.se));
    json.set("ci_lower", numberOrNull(ok, fit.ci.lower));
    json.set("ci_upper", numberOrNull(ok, fit.ci.upper));
}

JsonValue subgroupsJson(const SubgroupAnalysis& analysis) {
    JsonValue json = JsonValue::object();
    json.set("variable", analysis.variable);
    JsonValue groups = JsonValue::array();
    for (const auto& group : analysis.groups) {
        JsonValue g = JsonValue::object();
        g.set("level", group.level);
        g.set("k", group.fit.k);
        addPooledKeys(g, group.fit);
        g.set("tau2", numberOrNull(group.fit.estimable, group.fit.tau2));
        g.set("i2", numberOrNull(group.fit.estimable, group.fit.i2));
        groups.push(std::move(g));
    }
    json.set("groups", std::move(groups));
    const auto& between = analysis.between;
    json.set("q_between", between ? JsonValue(between->q) : JsonValue());
    json.set("df", between ? JsonValue(between->df) : JsonValue());
    json.set("p", between ? JsonValue(between->p) : JsonValue());
    const auto& moderators = analysis.moderators;
    json.set("qm", moderators ? JsonValue(moderators->statistic) : JsonValue());
    json.set("qm_df", moderators ? JsonValue(moderators->df1) : JsonValue());
    json.set("qm_df2", moderators ? JsonValue(moderators->df2) : JsonValue());
    json.set("qm_p", moderators ? JsonValue(moderators->p) : JsonValue());
    return json;
}

} // namespace

JsonValue analysisToJson(const AnalysisData& data, const AnalysisOptions& options, EffectMeasure measure,
                         const AnalysisResult& result, const std::vector<std::string>& notes) {
    const MetaAnalysisFit& fit = result.overall;
    const bool ok = fit.estimable;
    const bool randomEffects = options.fit.estimator != Tau2Estimator::FixedEffect;
    std::vector<std::string> warnings = notes;
    if (std::string zeroCells = zeroCellStatement(data, options.fit, measure); !zeroCells.empty())
        warnings.push_back(std::move(zeroCells));
    warnings.insert(warnings.end(), result.warnings.begin(), result.warnings.end());

    JsonValue json = JsonValue::object();
    json.set("format_version", analysisJsonVersion);
    json.set("k", fit.k);
    json.set("measure", std::string(measureKey(measure)));
    json.set("method", modelKey({options.fit.pooling.method, options.fit.estimator}));
    json.set("test", std::string(inferenceKey(options.fit.inference)));
    json.set("level", options.fit.level);
    addPooledKeys(json, fit);
    json.set("statistic", numberOrNull(ok, fit.statistic));
    json.set("statistic_type", fit.tDf ? "t" : "z");
    json.set("t_df", fit.tDf);
    json.set("p", numberOrNull(ok, fit.p));
    json.set("tau2", numberOrNull(ok, fit.tau2));
    json.set("tau", numberOrNull(ok, fit.tau));
    json.set("tau2_ci_lower", fit.tau2Ci ? JsonValue(fit.tau2Ci->lower) : JsonValue());
    json.set("tau2_ci_upper", fit.tau2Ci ? JsonValue(fit.tau2Ci->upper) : JsonValue());
    if (ok && !fit.tau2Ci) {
        if (!randomEffects)
            warnings.push_back("The confidence interval for tau² does not apply to the fixed-effect model.");
        else if (fit.k < 2)
            warnings.push_back("The confidence interval for tau² needs at least 2 studies.");
    }
    json.set("i2", numberOrNull(ok, fit.i2));
    json.set("i2_ci_lower", fit.i2Ci ? JsonValue(fit.i2Ci->lower) : JsonValue());
    json.set("i2_ci_upper", fit.i2Ci ? JsonValue(fit.i2Ci->upper) : JsonValue());
    json.set("h2", numberOrNull(ok, fit.h2));
    json.set("q", numberOrNull(ok, fit.q));
    json.set("q_df", numberOrNull(ok, fit.qDf));
    json.set("q_p", numberOrNull(ok, fit.qP));
    json.set("pi_lower", numberOrNull(ok, fit.prediction.lower));
    json.set("pi_upper", numberOrNull(ok, fit.prediction.upper));

    JsonValue studies = JsonValue::array();
    for (std::size_t i = 0; i < data.size(); ++i) {
        JsonValue study = JsonValue::object();
        study.set("study", data.labels[i]);
        study.set("yi", data.yi[i]);
        study.set("vi", data.vi[i]);
        study.set("weight_percent", numberOrNull(ok && i < fit.weightPercent.size(),
                                                 i < fit.weightPercent.size() ? fit.weightPercent[i] : 0.0));
        studies.push(std::move(study));
    }
    json.set("studies", std::move(studies));

    if (const auto& tests = result.mantelHaenszelTests) {
        JsonValue mh = JsonValue::object();
        mh.set("cmh", numberOrNull(tests->cmh));
        mh.set("cmh_p", numberOrNull(tests->cmhP));
        mh.set("tarone", numberOrNull(tests->tarone));
        mh.set("tarone_p", numberOrNull(tests->taroneP));
        json.set("mh_tests", std::move(mh));
    } else {
        json.set("mh_tests", JsonValue());
    }

    json.set("subgroups", result.subgroups ? subgroupsJson(*result.subgroups) : JsonValue());

    JsonValue leaveOneOut = JsonValue::array();
    for (const auto& row : result.leaveOneOut) {
        JsonValue r = JsonValue::object();
        r.set("omitted", data.labels[row.omitted]);
        addPooledKeys(r, row.fit);
        r.set("tau2", numberOrNull(row.fit.estimable, row.fit.tau2));
        r.set("i2", numberOrNull(row.fit.estimable, row.fit.i2));
        leaveOneOut.push(std::move(r));
    }
    json.set("leave_one_out", std::move(leaveOneOut));

    JsonValue cumulative = JsonValue::array();
    for (const auto& row : result.cumulative) {
        JsonValue r = JsonValue::object();
        r.set("study", data.labels[row.added]);
        addPooledKeys(r, row.fit);
        r.set("z", numberOrNull(row.fit.estimable, row.fit.statistic));
        r.set("p", numberOrNull(row.fit.estimable, row.fit.p));
        cumulative.push(std::move(r));
    }
    json.set("cumulative", std::move(cumulative));

    if (result.egger) {
        JsonValue egger = JsonValue::object();
        egger.set("bias", result.egger->bias);
        egger.set("se", result.egger->se);
        egger.set("statistic", result.egger->statistic);
        egger.set("df", result.egger->df);
        egger.set("p", result.egger->p);
        egger.set("limit_estimate", result.egger->limitEstimate);
        json.set("egger", std::move(egger));
    } else {
        json.set("egger", JsonValue());
    }
    if (result.begg) {
        JsonValue begg = JsonValue::object();
        begg.set("tau", result.begg->tau);
        begg.set("p", result.begg->p);
        begg.set("exact", result.begg->exact);
        json.set("begg", std::move(begg));
    } else {
        json.set("begg", JsonValue());
    }
    if (result.trimAndFill) {
        const TrimAndFill& tf = *result.trimAndFill;
        JsonValue trim = JsonValue::object();
        trim.set("k0", tf.k0);
        trim.set("side", tf.side == FunnelSide::Left ? "left" : "right");
        addPooledKeys(trim, tf.adjusted);
        JsonValue filled = JsonValue::array();
        for (std::size_t i = 0; i < tf.filledYi.size(); ++i) {
            JsonValue study = JsonValue::object();
            study.set("yi", tf.filledYi[i]);
            study.set("vi", tf.filledVi[i]);
            filled.push(std::move(study));
        }
        trim.set("filled", std::move(filled));
        json.set("trim_and_fill", std::move(trim));
    } else {
        json.set("trim_and_fill", JsonValue());
    }
    if (result.failSafeN) {
        JsonValue fsn = JsonValue::object();
        fsn.set("rosenthal", result.failSafeN->rosenthal);
        json.set("fail_safe_n", std::move(fsn));
    } else {
        json.set("fail_safe_n", JsonValue());
    }

    JsonValue warningList = JsonValue::array();
    for (const auto& warning : warnings)
        warningList.push(warning);
    json.set("warnings", std::move(warningList));
    return json;
}

} // namespace evident
