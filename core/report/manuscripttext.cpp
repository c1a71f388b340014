// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/manuscripttext.h"

#include "core/report/numberformat.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace evident {
namespace {

std::string levelPercent(double level) {
    return formatPercent(100 * level);
}

std::string padRight(std::string text, std::size_t width) {
    // Width counts characters, not bytes: the minus sign is three bytes in UTF-8.
    std::size_t characters = 0;
    for (unsigned char c : text)
        characters += (c & 0xC0) != 0x80 ? 1 : 0;
    if (characters < width)
        text.append(width - characters, ' ');
    return text;
}

} // namespace

std::string estimateWithInterval(double estimate, double lower, double upper, EffectMeasure measure,
                                 int decimals) {
    return formatFixed(toReportingScale(estimate, measure), decimals) + " ["
           + formatFixed(toReportingScale(lower, measure), decimals) + ", "
           + formatFixed(toReportingScale(upper, measure), decimals) + "]";
}

std::string pooledSentence(const MetaAnalysisFit& fit, EffectMeasure measure, const TextStyle& style) {
    if (!fit.estimable)
        return std::string(measureAbbreviation(measure)) + " could not be estimated";
    const auto show = [&](double v) { return formatFixed(toReportingScale(v, measure), style.decimals); };
    std::string text = std::string(measureAbbreviation(measure)) + " = " + show(fit.estimate) + " ("
                       + levelPercent(style.level) + " CI " + show(fit.ci.lower) + " to " + show(fit.ci.upper)
                       + "), " + formatPStatement(fit.p);
    if (fit.k > 1)
        text += "; I\u00b2 = " + formatPercent(fit.i2);
    return text;
}

std::string heterogeneityLine(const MetaAnalysisFit& fit, const TextStyle& style) {
    if (!fit.estimable)
        return "Heterogeneity: not estimable";
    if (fit.k < 2)
        return "Heterogeneity: not applicable";
    std::string text = "Heterogeneity: ";
    if (fit.options.estimator != Tau2Estimator::FixedEffect)
        text += "Tau\u00b2 = " + formatFixed(fit.tau2, std::max(2, style.decimals)) + "; ";
    text += "Chi\u00b2 = " + formatFixed(fit.q, 2) + ", df = " + std::to_string(fit.qDf) + " ("
            + formatPStatement(fit.qP) + "); I\u00b2 = " + formatPercent(fit.i2);
    return text;
}

std::string overallEffectLine(const MetaAnalysisFit& fit) {
    if (!fit.estimable)
        return "Test for overall effect: not estimable";
    if (fit.tDf)
        return "Test for overall effect: t = " + formatFixed(std::abs(fit.statistic), 2)
               + ", df = " + std::to_string(*fit.tDf) + " (" + formatPStatement(fit.p) + ")";
    return "Test for overall effect: Z = " + formatFixed(std::abs(fit.statistic), 2) + " ("
           + formatPStatement(fit.p) + ")";
}

std::string subgroupDifferenceLine(const SubgroupDifferenceTest& test) {
    const double i2 = test.q > 0 ? std::max(0.0, 100 * (test.q - test.df) / test.q) : 0.0;
    return "Test for subgroup differences: Chi\u00b2 = " + formatFixed(test.q, 2) + ", df = "
           + std::to_string(test.df) + " (" + formatPStatement(test.p) + "), I\u00b2 = " + formatPercent(i2);
}

std::string directionSentence(EffectMeasure measure, bool lowerIsBetter) {
    if (measure == EffectMeasure::NMD)
        return "A positive NMD is an improvement: the treated group is closer to the sham (normal) value.";
    const std::string name(measureAbbreviation(measure));
    if (isRatioMeasure(measure))
        return std::string(lowerIsBetter ? "Lower" : "Higher")
               + " values are better for this outcome: a ratio " + (lowerIsBetter ? "below" : "above")
               + " 1 favours the treatment.";
    return std::string(lowerIsBetter ? "Lower" : "Higher") + " values are better for this outcome: a "
           + (lowerIsBetter ? "negative " : "positive ") + name + " favours the treatment.";
}

std::string modelDescription(const FitOptions& fit) {
    const bool fixed = fit.estimator == Tau2Estimator::FixedEffect;
    switch (fit.pooling.method) {
    case PoolingMethod::MantelHaenszel:
        return fixed ? "Fixed-effect (Mantel-Haenszel)"
                     : "Random-effects (Mantel-Haenszel with the DerSimonian-Laird tau\u00b2, RevMan's "
                       "\"M-H, Random\")";
    case PoolingMethod::Peto:
        return "Fixed-effect (Peto)";
    case PoolingMethod::InverseVariance:
        break;
    }
    if (fixed)
        return "Fixed-effect (inverse-variance)";
    return "Random-effects (inverse-variance; tau\u00b2 estimator: "
           + std::string(estimatorLabel(fit.estimator)) + ", " + std::string(estimatorKey(fit.estimator))
           + ")";
}

std::string zeroCellStatement(const AnalysisData& data, const FitOptions& fit, EffectMeasure measure) {
    const auto binary = binaryMeasureOf(measure);
    if (!binary || data.tables.empty())
        return {};
    const auto zeroTables = std::count_if(data.tables.begin(), data.tables.end(),
                                          [](const TwoByTwo& table) { return table.hasZeroCell(); });
    std::string text;
    if (fit.pooling.method == PoolingMethod::Peto) {
        text = "The Peto method needs no correction for zero cells.";
    } else if (zeroTables == 0) {
        text = "No table has a zero cell: no continuity correction was needed.";
    } else {
        text = "Zero cells: 0.5 was added to each cell of the " + std::to_string(zeroTables)
               + (zeroTables == 1 ? " table" : " tables") + " with a zero cell";
        if (fit.pooling.method == PoolingMethod::MantelHaenszel)
            text +=
                fit.pooling.revMan5Convention
                    ? ", in the study effects and in the Mantel-Haenszel sums (RevMan 5 convention)."
                    : " for the study effects; the Mantel-Haenszel estimate uses the raw counts (metafor, "
                      "Fleiss).";
        else
            text += " (metafor escalc convention).";
    }
    if (*binary == BinaryMeasure::RiskDifference)
        text += " Studies without events in either group are kept (risk difference 0).";
    else if (dropsDoubleZero(*binary, fit.pooling.doubleZero))
        text += " Studies without events in either group carry no information on a ratio and are left out "
                "(Cochrane Handbook; RevMan).";
    else
        text += " Studies without events in either group are kept, with the 0.5 correction.";
    return text;
}

std::string totalEventsLine(const AnalysisData& data) {
    if (data.tables.empty())
        return {};
    TwoByTwo sum;
    for (const TwoByTwo& table : data.tables)
        sum += table;
    return "Events: " + formatCount(sum.eventsTreated) + "/" + formatCount(sum.totalTreated)
           + " (treatment), " + formatCount(sum.eventsControl) + "/" + formatCount(sum.totalControl)
           + " (control)";
}

std::string mantelHaenszelTestsLine(const MantelHaenszelOddsRatioTests& tests) {
    std::string text;
    if (tests.cmh && tests.cmhP)
        text = "Cochran-Mantel-Haenszel test: Chi\u00b2 = " + formatFixed(*tests.cmh, 2) + ", df = 1 ("
               + formatPStatement(*tests.cmhP) + ")";
    if (tests.tarone && tests.taroneP)
        text += (text.empty() ? "" : "; ") + std::string("Tarone's test of homogeneity: Chi\u00b2 = ")
                + formatFixed(*tests.tarone, 2) + ", df = " + std::to_string(tests.kTarone - 1) + " ("
                + formatPStatement(*tests.taroneP) + ")";
    return text;
}

std::string textReport(const AnalysisData& data, const AnalysisOptions& options, EffectMeasure measure,
                       const AnalysisResult& result, const std::vector<std::string>& notes,
                       std::optional<bool> lowerIsBetter) {
    const MetaAnalysisFit& fit = result.overall;
    TextStyle style;
    style.level = options.fit.level;
    style.decimals = suggestedDecimals(fit.estimable ? toReportingScale(fit.estimate, measure) : 1.0);
    const bool fixed = options.fit.estimator == Tau2Estimator::FixedEffect;
    std::ostringstream out;
    out << modelDescription(options.fit) << " meta-analysis of " << fit.k
        << (fit.k == 1 ? " study" : " studies") << "\n";
    out << "Measure: " << measureLabel(measure) << (isRatioMeasure(measure) ? " (shown as the ratio)" : "")
        << "\n";
    if (lowerIsBetter)
        out << directionSentence(measure, *lowerIsBetter) << "\n";
    out << "Confidence interval: "
        << (options.fit.inference == InferenceMethod::HartungKnapp ? "Hartung-Knapp-Sidik-Jonkman" : "Wald z")
        << "\n";
    if (const std::string events = totalEventsLine(data); !events.empty())
        out << events << "\n";
    if (const std::string zeroCells = zeroCellStatement(data, options.fit, measure); !zeroCells.empty())
        out << zeroCells << "\n";
    out << "\n";

    out << "Pooled effect: " << pooledSentence(fit, measure, style) << "\n";
    out << heterogeneityLine(fit, style) << "\n";
    out << overallEffectLine(fit) << "\n";
    if (result.mantelHaenszelTests)
        if (const std::string tests = mantelHaenszelTestsLine(*result.mantelHaenszelTests); !tests.empty())
            out << tests << "\n";
    if (fit.estimable && !fixed) {
        if (fit.tau2Ci)
            out << "Tau\u00b2 " << levelPercent(style.level)
                << " CI (Q-profile): " << formatFixed(fit.tau2Ci->lower, std::max(2, style.decimals))
                << " to " << formatFixed(fit.tau2Ci->upper, std::max(2, style.decimals)) << "\n";
        out << "Prediction interval: "
            << formatFixed(toReportingScale(fit.prediction.lower, measure), style.decimals) << " to "
            << formatFixed(toReportingScale(fit.prediction.upper, measure), style.decimals) << "\n";
    }

    if (result.subgroups) {
        const SubgroupAnalysis& subgroups = *result.subgroups;
        out << "\nSubgroups by " << subgroups.variable << ":\n";
        for (const auto& group : subgroups.groups)
            out << "  " << group.level << " (k = " << group.fit.k
                << "): " << pooledSentence(group.fit, measure, style) << "\n";
        if (subgroups.between)
            out << "  " << subgroupDifferenceLine(*subgroups.between) << "\n";
        if (subgroups.moderators) {
            const ModeratorTest& m = *subgroups.moderators;
            out << "  Mixed-effects moderator test: "
                << (m.df2 ? "F(" + std::to_string(m.df1) + ", " + std::to_string(*m.df2) + ") = " : "QM = ")
                << formatFixed(m.statistic, 2) << (m.df2 ? "" : ", df = " + std::to_string(m.df1)) << " ("
                << formatPStatement(m.p) << ")\n";
        }
    }

    if (!result.leaveOneOut.empty()) {
        out << "\nLeave-one-out analysis:\n";
        std::size_t labelWidth = 7;
        for (const auto& label : data.labels)
            labelWidth = std::max(labelWidth, label.size());
        out << "  " << padRight("Omitted", labelWidth + 2) << padRight("Estimate [CI]", 28) << "I\u00b2\n";
        for (const auto& row : result.leaveOneOut)
            out << "  " << padRight(data.labels[row.omitted], labelWidth + 2)
                << padRight(row.fit.estimable ? estimateWithInterval(
                                row.fit.estimate, row.fit.ci.lower, row.fit.ci.upper, measure, style.decimals)
                                              : "not estimable",
                            28)
                << formatPercent(row.fit.i2) << "\n";
    }

    out << "\nSmall-study effects:\n";
    if (result.egger)
        out << "  Egger's test: bias = " << formatFixed(result.egger->bias, 2) << " (SE "
            << formatFixed(result.egger->se, 2) << "), t = " << formatFixed(result.egger->statistic, 2)
            << ", df = " << result.egger->df << ", " << formatPStatement(result.egger->p) << "\n";
    if (result.begg)
        out << "  Begg's test: Kendall's tau = " << formatFixed(result.begg->tau, 3) << ", "
            << formatPStatement(result.begg->p) << "\n";
    if (result.trimAndFill) {
        const TrimAndFill& tf = *result.trimAndFill;
        out << "  Trim-and-fill: " << tf.k0 << (tf.k0 == 1 ? " study" : " studies") << " imputed on the "
            << (tf.side == FunnelSide::Left ? "left" : "right");
        if (tf.k0 > 0)
            out << "; adjusted " << pooledSentence(tf.adjusted, measure, style);
        out << "\n";
    }
    if (result.failSafeN)
        out << "  Fail-safe N (Rosenthal): " << static_cast<long long>(result.failSafeN->rosenthal) << "\n";

    std::vector<std::string> warnings = notes;
    warnings.insert(warnings.end(), result.warnings.begin(), result.warnings.end());
    if (!warnings.empty()) {
        out << "\nNotes:\n";
        for (const auto& warning : warnings)
            out << "  - " << warning << "\n";
    }
    return out.str();
}

} // namespace evident
