// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/tsajson.h"

#include "core/common/text.h"
#include "core/report/numberformat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace evident {
namespace {

JsonValue finiteOrNull(const std::optional<double>& value) {
    if (!value || !std::isfinite(*value))
        return {};
    return *value;
}

const char* statusKey(LookStatus status) {
    switch (status) {
    case LookStatus::Monitored:
        return "monitored";
    case LookStatus::BelowOnePercent:
        return "below_one_percent";
    case LookStatus::AfterFinalAnalysis:
        return "after_final_analysis";
    }
    return "monitored";
}

const char* crossingKey(CrossingKind kind) {
    switch (kind) {
    case CrossingKind::EfficacyUpper:
        return "upper";
    case CrossingKind::EfficacyLower:
        return "lower";
    case CrossingKind::Futility:
        return "futility";
    }
    return "upper";
}

std::string outcomeKey(const TsaOptions& options) {
    switch (options.analysis.outcome) {
    case TsaOutcome::MeanDifference:
        return "MD";
    case TsaOutcome::StandardisedMeanDifference:
        return "SMD";
    case TsaOutcome::Binary:
        return std::string(binaryMeasureKey(options.analysis.binaryMeasure));
    }
    return "MD";
}

JsonValue warningsJson(const std::vector<std::string>& warnings) {
    JsonValue list = JsonValue::array();
    for (const auto& warning : warnings)
        list.push(warning);
    return list;
}

JsonValue crossingJson(const TsaResult& result, const std::optional<TsaCrossing>& crossing) {
    if (!crossing)
        return {};
    JsonValue json = JsonValue::object();
    json.set("look", crossing->look + 1);
    json.set("study", result.looks[crossing->look].label);
    json.set("boundary", crossingKey(crossing->kind));
    json.set("fraction", result.looks[crossing->look].fraction);
    return json;
}

} // namespace

JsonValue tsaToJson(const TsaResult& result, const TsaOptions& options) {
    JsonValue json = JsonValue::object();
    json.set("format_version", 1);
    json.set("measure", outcomeKey(options));
    json.set("model", options.analysis.model == TsaModel::RandomEffects ? "RE" : "FE");
    json.set("adjust", std::string(adjustmentKey(options.adjustment)));
    json.set("spending", std::string(spendingKey(options.alphaSpending)));
    json.set("futility", options.futility ? "nonbinding" : "none");
    json.set("alpha", options.ris.alpha);
    json.set("beta", options.ris.beta);
    if (!result.ok) {
        json.set("error", result.error);
        json.set("warnings", warningsJson(result.warnings));
        return json;
    }
    json.set("ris", result.ris);
    json.set("ris_unadjusted", result.risUnadjusted);
    json.set("d2", 100 * result.d2);
    json.set("i2", 100 * result.i2);
    json.set("tau2", result.tau2);
    json.set("heterogeneity_used", 100 * result.heterogeneityUsed);
    json.set("inflation_factor", result.inflationFactor);

    JsonValue looks = JsonValue::array();
    for (const TsaLook& look : result.looks) {
        JsonValue row = JsonValue::object();
        row.set("study", look.label);
        row.set("participants", look.participants);
        row.set("fraction", look.fraction);
        row.set("z", look.z);
        row.set("status", statusKey(look.status));
        row.set("upper", finiteOrNull(look.upper));
        row.set("lower", finiteOrNull(look.lower));
        row.set("upper_infinite", look.upper.has_value() && std::isinf(*look.upper));
        row.set("futility_upper", finiteOrNull(look.futilityUpper));
        row.set("futility_lower", finiteOrNull(look.futilityLower));
        row.set("estimate", look.estimate);
        row.set("ci_lower", look.naiveCi.lower);
        row.set("ci_upper", look.naiveCi.upper);
        row.set("adj_ci_lower", look.adjustedCi ? finiteOrNull(look.adjustedCi->lower) : JsonValue());
        row.set("adj_ci_upper", look.adjustedCi ? finiteOrNull(look.adjustedCi->upper) : JsonValue());
        row.set("tau2", look.tau2);
        row.set("i2", 100 * look.i2);
        row.set("d2", 100 * look.d2);
        looks.push(std::move(row));
    }
    json.set("looks", std::move(looks));
    json.set("crossed", crossingJson(result, result.efficacyCrossing));
    json.set("futility_crossed", crossingJson(result, result.futilityCrossing));
    json.set("conclusion", result.conclusion);
    json.set("warnings", warningsJson(result.warnings));
    return json;
}

JsonValue boundariesToJson(const BoundaryResult& result, const BoundaryOptions& options) {
    JsonValue json = JsonValue::object();
    json.set("format_version", 1);
    json.set("alpha", options.alpha);
    json.set("spending", std::string(spendingKey(options.alphaSpending)));
    json.set("futility", options.futility ? "nonbinding" : "none");
    if (options.futility)
        json.set("beta", options.beta);
    if (!result.ok) {
        json.set("error", result.error);
        json.set("warnings", warningsJson(result.warnings));
        return json;
    }
    JsonValue fractions = JsonValue::array(), upper = JsonValue::array(), infinite = JsonValue::array(),
              futility = JsonValue::array(), alphaSpent = JsonValue::array();
    for (std::size_t i = 0; i < result.fractions.size(); ++i) {
        fractions.push(result.fractions[i]);
        upper.push(finiteOrNull(result.upper[i]));
        infinite.push(std::isinf(result.upper[i]));
        futility.push(finiteOrNull(result.futility[i]));
        alphaSpent.push(result.alphaSpent[i]);
    }
    json.set("fractions", std::move(fractions));
    json.set("upper", std::move(upper));
    json.set("upper_infinite", std::move(infinite));
    json.set("futility", std::move(futility));
    json.set("alpha_spent", std::move(alphaSpent));
    json.set("warnings", warningsJson(result.warnings));
    return json;
}

std::string tsaTextReport(const TsaResult& result, const TsaOptions& options) {
    std::ostringstream out;
    out << "Trial sequential analysis (" << outcomeKey(options) << ", "
        << (options.analysis.model == TsaModel::RandomEffects ? "random effects, DerSimonian-Laird"
                                                              : "fixed effect")
        << "; two-sided alpha " << formatFixed(options.ris.alpha, 3) << ", beta "
        << formatFixed(options.ris.beta, 2) << ", "
        << (options.alphaSpending == SpendingFunction::Pocock ? "Pocock" : "O'Brien-Fleming")
        << "-type spending)\n";
    if (!result.ok) {
        out << "Not computed: " << result.error << "\n";
        return out.str();
    }
    out << "Required information size: " << result.ris << " animals";
    if (result.ris != result.risUnadjusted)
        out << " (" << result.risUnadjusted << " before the " << adjustmentKey(options.adjustment)
            << " adjustment)";
    out << "\nD² = " << formatPercent(100 * result.d2) << ", I² = " << formatPercent(100 * result.i2)
        << "\n\n";
    // The study column as wide as the longest label (whole, never cut), counted in characters.
    std::size_t labelWidth = codePointCount("Study");
    for (const TsaLook& look : result.looks)
        labelWidth = std::max(labelWidth, codePointCount(look.label));
    char numbers[128];
    std::snprintf(numbers, sizeof numbers, " %8s %8s %8s %9s\n", "n (cum.)", "t", "Z", "Boundary");
    out << "  " << paddedRight("Study", labelWidth) << numbers;
    for (const TsaLook& look : result.looks) {
        std::string boundary = "-";
        if (look.upper)
            boundary = std::isinf(*look.upper) ? "inf" : formatFixed(*look.upper, 3);
        std::snprintf(numbers, sizeof numbers, " %8.0f %8.3f %8.3f %9s\n", look.participants, look.fraction,
                      look.z, boundary.c_str());
        out << "  " << paddedRight(look.label, labelWidth) << numbers;
    }
    out << "\n" << result.conclusion << "\n";
    for (const auto& warning : result.warnings)
        out << "  - " << warning << "\n";
    return out.str();
}

} // namespace evident
