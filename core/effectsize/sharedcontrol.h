// SPDX-License-Identifier: GPL-3.0-or-later
// Several comparisons of one study that share a control group (e.g. three EV doses against one vehicle
// group). Used as they are, the control animals would count once per comparison and the comparisons'
// errors would be correlated; this adjusts the group summaries before effect sizes are computed.
#pragma once

#include "core/effectsize/continuous.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace evident {

enum class SharedControlMethod {
    /// Default. Each comparison keeps its treated arm; the shared control group's n is divided evenly among
    /// the comparisons that share it, mean and SD unchanged (Vesterinen et al. 2014, J Neurosci Methods
    /// 221:92; Cochrane Handbook, version 6, §23.3.4). The divided n is kept fractional, never rounded.
    SplitControl,
    /// The treated arms that share a control are merged into one group with the Cochrane Handbook's formula
    /// for combining groups (Table 6.5.a), and compared once with the whole control group.
    CombineTreatments,
};

/// Stable key for project files: "SPLIT_CONTROL" or "COMBINE_TREATMENTS".
std::string_view sharedControlMethodKey(SharedControlMethod method);
/// Parses a key case-insensitively; nullopt when unknown.
std::optional<SharedControlMethod> parseSharedControlMethod(std::string_view key);

/// One group of a dichotomous outcome: events out of total animals (fractional after a split).
struct BinaryGroup {
    double events = 0;
    double total = 0;
};

/// One treated-versus-control comparison, as entered (after the reported numbers were converted). Group
/// is GroupSummary (continuous) or BinaryGroup (dichotomous).
template <typename Group>
struct SharedControlInput {
    Group treated;
    Group control;
    /// Comparisons with the same non-empty id use one and the same control group (the same animals) and
    /// must give identical control numbers. Empty: this comparison has a control group of its own.
    std::string controlId;
};

/// A comparison ready for its effect size, with where it came from.
template <typename Group>
struct AdjustedGroups {
    Group treated;
    Group control;
    std::vector<std::size_t> sources; ///< Indices of the input comparisons it stands for (one when split)
    std::string note;                 ///< How the group numbers were obtained, for a tooltip (UTF-8)
};

template <typename Group>
struct SharedControlResult {
    std::vector<AdjustedGroups<Group>> comparisons;
    std::string problem;                         ///< Set when nothing could be adjusted
    std::vector<std::size_t> problemComparisons; ///< Indices of the inputs the problem is about

    bool ok() const { return problem.empty(); }
};

using SharedControlComparison = SharedControlInput<GroupSummary>;
using AdjustedComparison = AdjustedGroups<GroupSummary>;
using SharedControlAdjustment = SharedControlResult<GroupSummary>;

/// Adjusts the comparisons of one study (control ids are compared within the list given):
/// - SplitControl: one output per input, in input order; a control shared by k comparisons gets n_c/k.
///   Refused when a share would be 1 animal or fewer (its n − 1 would give the control no weight, or a
///   negative one, in a pooled SD); combining the treated arms is the way out then.
/// - CombineTreatments: one output per control group, in order of first appearance; comparisons with a
///   control of their own pass through unchanged.
/// Refused, with the comparisons named, when comparisons sharing an id give different control numbers, or
/// when a group has a non-finite value, SD ≤ 0 or n ≤ 1.
/// Dichotomous groups alike: a split divides the control's events and total evenly (Cochrane Handbook
/// §23.3.4); combining adds the treated groups' events and totals.
SharedControlAdjustment adjustSharedControls(std::span<const SharedControlComparison> comparisons,
                                             SharedControlMethod method);
SharedControlResult<BinaryGroup>
adjustSharedControls(std::span<const SharedControlInput<BinaryGroup>> comparisons,
                     SharedControlMethod method);

/// Combines two groups into one (Cochrane Handbook, version 6, Table 6.5.a):
/// N = N1 + N2, M = (N1·M1 + N2·M2)/N,
/// SD = √(((N1 − 1)SD1² + (N2 − 1)SD2² + N1·N2/N·(M1² + M2² − 2·M1·M2)) / (N − 1)).
/// Exact: it gives the mean and SD of the pooled raw data.
GroupSummary combineGroups(const GroupSummary& first, const GroupSummary& second);
/// Combines any number of groups by applying the two-group formula in turn (empty → all zero).
GroupSummary combineGroups(std::span<const GroupSummary> groups);

} // namespace evident
