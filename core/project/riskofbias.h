// SPDX-License-Identifier: GPL-3.0-or-later
// SYRCLE's risk of bias tool for animal studies (Hooijmans CR, Rovers MM, de Vries RBM, Leenaars M,
// Ritskes-Hoitinga M, Langendam MW 2014, BMC Med Res Methodol 14:43): ten items, each judged low, high
// or unclear risk, with the reviewer's support for the judgement.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evident {

enum class RobJudgement { NotAssessed, Low, High, Unclear };

inline constexpr std::size_t syrcleItemCount = 10;

struct RobItemAssessment {
    RobJudgement judgement = RobJudgement::NotAssessed;
    std::string support; ///< Support for the judgement, e.g. a quote from the paper

    bool operator==(const RobItemAssessment&) const = default;
};

struct RiskOfBias {
    std::array<RobItemAssessment, syrcleItemCount> items;

    bool operator==(const RiskOfBias&) const = default;
};

/// One item of the tool.
struct SyrcleItem {
    std::string_view key;      ///< Stable key for files, e.g. "sequence_generation"
    std::string_view label;    ///< Short label for columns and plots
    std::string_view domain;   ///< Type of bias, e.g. "Selection bias"
    std::string_view question; ///< The signalling question, paraphrased
};

/// The ten items in the tool's order.
const std::array<SyrcleItem, syrcleItemCount>& syrcleItems();

std::string_view judgementKey(RobJudgement judgement);   ///< "low", "high", "unclear", ""
std::string_view judgementLabel(RobJudgement judgement); ///< "Low risk", ..., "Not assessed"
std::optional<RobJudgement>
parseJudgement(std::string_view text); ///< Accepts keys, "+", "-", "?", "yes"/"no"
std::optional<std::size_t> syrcleItemIndex(std::string_view key);

/// How many studies got each judgement on one item (the stacked bars of the summary plot).
struct RobItemCounts {
    int low = 0;
    int high = 0;
    int unclear = 0;
    int notAssessed = 0;

    int total() const { return low + high + unclear + notAssessed; }
};

std::array<RobItemCounts, syrcleItemCount> countJudgements(const std::vector<const RiskOfBias*>& studies);

/// True when the study is judged at high risk on at least one of `items` (indices 0–9).
bool isAtHighRisk(const RiskOfBias& assessment, const std::vector<std::size_t>& items);

} // namespace evident
