// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/riskofbias.h"

#include "core/common/text.h"

namespace evident {

const std::array<SyrcleItem, syrcleItemCount>& syrcleItems() {
    static const std::array<SyrcleItem, syrcleItemCount> items{{
        {"sequence_generation", "Sequence generation", "Selection bias",
         "Was the allocation sequence adequately generated and applied?"},
        {"baseline_characteristics", "Baseline characteristics", "Selection bias",
         "Were the groups similar at baseline, or adjusted for confounders in the analysis?"},
        {"allocation_concealment", "Allocation concealment", "Selection bias",
         "Was the allocation adequately concealed?"},
        {"random_housing", "Random housing", "Performance bias",
         "Were the animals housed at random during the experiment?"},
        {"blinding_caregivers", "Blinding of caregivers/investigators", "Performance bias",
         "Were caregivers and investigators kept unaware of which intervention each animal received?"},
        {"random_outcome_assessment", "Random outcome assessment", "Detection bias",
         "Were animals selected at random for outcome assessment?"},
        {"blinding_assessor", "Blinding of outcome assessor", "Detection bias",
         "Was the outcome assessor blinded?"},
        {"incomplete_outcome_data", "Incomplete outcome data", "Attrition bias",
         "Were incomplete outcome data adequately addressed?"},
        {"selective_reporting", "Selective outcome reporting", "Reporting bias",
         "Is the report free of selective outcome reporting?"},
        {"other_bias", "Other sources of bias", "Other",
         "Was the study apparently free of other problems that could put it at high risk of bias?"},
    }};
    return items;
}

std::string_view judgementKey(RobJudgement judgement) {
    switch (judgement) {
    case RobJudgement::Low:
        return "low";
    case RobJudgement::High:
        return "high";
    case RobJudgement::Unclear:
        return "unclear";
    case RobJudgement::NotAssessed:
        break;
    }
    return "";
}

std::string_view judgementLabel(RobJudgement judgement) {
    switch (judgement) {
    case RobJudgement::Low:
        return "Low risk";
    case RobJudgement::High:
        return "High risk";
    case RobJudgement::Unclear:
        return "Unclear risk";
    case RobJudgement::NotAssessed:
        break;
    }
    return "Not assessed";
}

std::optional<RobJudgement> parseJudgement(std::string_view text) {
    const std::string key = toLowerAscii(trimmed(text));
    if (key.empty())
        return RobJudgement::NotAssessed;
    if (key == "low" || key == "low risk" || key == "+" || key == "yes")
        return RobJudgement::Low;
    if (key == "high" || key == "high risk" || key == "-" || key == "no")
        return RobJudgement::High;
    if (key == "unclear" || key == "unclear risk" || key == "?")
        return RobJudgement::Unclear;
    return std::nullopt;
}

std::optional<std::size_t> syrcleItemIndex(std::string_view key) {
    for (std::size_t i = 0; i < syrcleItemCount; ++i)
        if (equalsIgnoringCase(syrcleItems()[i].key, key))
            return i;
    return std::nullopt;
}

std::array<RobItemCounts, syrcleItemCount> countJudgements(const std::vector<const RiskOfBias*>& studies) {
    std::array<RobItemCounts, syrcleItemCount> counts{};
    for (const RiskOfBias* study : studies)
        for (std::size_t i = 0; i < syrcleItemCount; ++i) {
            switch (study->items[i].judgement) {
            case RobJudgement::Low:
                ++counts[i].low;
                break;
            case RobJudgement::High:
                ++counts[i].high;
                break;
            case RobJudgement::Unclear:
                ++counts[i].unclear;
                break;
            case RobJudgement::NotAssessed:
                ++counts[i].notAssessed;
                break;
            }
        }
    return counts;
}

bool isAtHighRisk(const RiskOfBias& assessment, const std::vector<std::size_t>& items) {
    for (std::size_t item : items)
        if (item < syrcleItemCount && assessment.items[item].judgement == RobJudgement::High)
            return true;
    return false;
}

} // namespace evident
