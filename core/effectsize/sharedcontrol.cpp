// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/effectsize/sharedcontrol.h"

#include "core/common/text.h"

#include <cmath>

namespace evident {
namespace {

/// Comparisons are numbered from 1 in messages, as in a table.
std::string comparisonNumber(std::size_t index) {
    return std::to_string(index + 1);
}

std::string listOfComparisons(const std::vector<std::size_t>& indices) {
    std::string text;
    for (std::size_t i = 0; i < indices.size(); ++i) {
        if (i > 0)
            text += i + 1 == indices.size() ? " and " : ", ";
        text += comparisonNumber(indices[i]);
    }
    return text;
}

std::string quoted(const std::string& id) {
    return "“" + id + "”";
}

std::string describe(const GroupSummary& group) {
    return "n = " + formatSignificant(group.n, 4) + ", mean = " + formatSignificant(group.mean, 4)
           + ", SD = " + formatSignificant(group.sd, 4);
}
std::string describe(const BinaryGroup& group) {
    return formatSignificant(group.events, 4) + "/" + formatSignificant(group.total, 4);
}

double sizeOf(const GroupSummary& group) {
    return group.n;
}
double sizeOf(const BinaryGroup& group) {
    return group.total;
}
/// What "n" is called in messages.
std::string sizeName(const GroupSummary&) {
    return "n";
}
std::string sizeName(const BinaryGroup&) {
    return "total";
}

/// A share of a control group split k ways: the n, or the events and the total, divided.
GroupSummary share(GroupSummary group, double k) {
    group.n /= k;
    return group;
}
BinaryGroup share(BinaryGroup group, double k) {
    group.events /= k;
    group.total /= k;
    return group;
}
/// The smallest usable share: a continuous group needs n > 1 (its n − 1 weighs its SD); a dichotomous
/// group needs at least one animal.
bool shareIsUsable(const GroupSummary& group) {
    return group.n > 1;
}
bool shareIsUsable(const BinaryGroup& group) {
    return group.total >= 1;
}
std::string tooFew(const GroupSummary&) {
    return "one animal or fewer";
}
std::string tooFew(const BinaryGroup&) {
    return "less than one animal";
}
std::string splitNote(const GroupSummary&) {
    return "mean and SD unchanged";
}
std::string splitNote(const BinaryGroup&) {
    return "events divided alike";
}

BinaryGroup combineGroups(std::span<const BinaryGroup> groups) {
    BinaryGroup combined;
    for (const BinaryGroup& group : groups) {
        combined.events += group.events;
        combined.total += group.total;
    }
    return combined;
}

/// Why a group cannot be used, or empty.
std::string groupProblem(const GroupSummary& group, std::string_view which) {
    const std::string prefix = std::string(which) + " group's ";
    if (!std::isfinite(group.mean))
        return prefix + "mean is not a finite number";
    if (!std::isfinite(group.sd) || !(group.sd > 0))
        return prefix + "SD must be a number greater than 0";
    if (!std::isfinite(group.n) || !(group.n > 1))
        return prefix + "n must be greater than 1";
    return {};
}

std::string groupProblem(const BinaryGroup& group, std::string_view which) {
    const std::string prefix = std::string(which) + " group's ";
    if (!std::isfinite(group.total) || !(group.total >= 1))
        return prefix + "total must be at least 1";
    if (!std::isfinite(group.events) || group.events < 0 || group.events > group.total)
        return prefix + "events must lie between 0 and the total";
    return {};
}

bool sameGroup(const GroupSummary& a, const GroupSummary& b) {
    return a.mean == b.mean && a.sd == b.sd && a.n == b.n;
}
bool sameGroup(const BinaryGroup& a, const BinaryGroup& b) {
    return a.events == b.events && a.total == b.total;
}
std::string difference(const BinaryGroup& a, const BinaryGroup& b) {
    if (a.total != b.total)
        return "total " + formatShortest(a.total) + " vs " + formatShortest(b.total);
    return "events " + formatShortest(a.events) + " vs " + formatShortest(b.events);
}

/// The first difference between two descriptions of what should be one control group.
std::string difference(const GroupSummary& a, const GroupSummary& b) {
    if (a.n != b.n)
        return "n " + formatShortest(a.n) + " vs " + formatShortest(b.n);
    if (a.mean != b.mean)
        return "mean " + formatShortest(a.mean) + " vs " + formatShortest(b.mean);
    return "SD " + formatShortest(a.sd) + " vs " + formatShortest(b.sd);
}

/// The comparisons sharing each control: a list of index lists, in order of first appearance. A
/// comparison with an empty id forms a group of its own.
template <typename Group>
std::vector<std::vector<std::size_t>> controlGroups(std::span<const SharedControlInput<Group>> comparisons) {
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < comparisons.size(); ++i) {
        const std::string& id = comparisons[i].controlId;
        bool placed = false;
        if (!id.empty())
            for (auto& group : groups)
                if (comparisons[group.front()].controlId == id) {
                    group.push_back(i);
                    placed = true;
                    break;
                }
        if (!placed)
            groups.push_back({i});
    }
    return groups;
}

template <typename Group>
SharedControlResult<Group> refuse(std::string problem, std::vector<std::size_t> comparisons) {
    SharedControlResult<Group> result;
    result.problem = std::move(problem);
    result.problemComparisons = std::move(comparisons);
    return result;
}

} // namespace

std::string_view sharedControlMethodKey(SharedControlMethod method) {
    return method == SharedControlMethod::CombineTreatments ? "COMBINE_TREATMENTS" : "SPLIT_CONTROL";
}

std::optional<SharedControlMethod> parseSharedControlMethod(std::string_view key) {
    key = trimmed(key);
    for (auto method : {SharedControlMethod::SplitControl, SharedControlMethod::CombineTreatments})
        if (equalsIgnoringCase(sharedControlMethodKey(method), key))
            return method;
    return std::nullopt;
}

// Cochrane Handbook (version 6), Table 6.5.a: formulae for combining summary statistics across two groups.
GroupSummary combineGroups(const GroupSummary& a, const GroupSummary& b) {
    const double n = a.n + b.n;
    const double mean = (a.n * a.mean + b.n * b.mean) / n;
    const double meanDifferenceTerm =
        a.n * b.n / n * (a.mean * a.mean + b.mean * b.mean - 2 * a.mean * b.mean);
    const double variance =
        ((a.n - 1) * a.sd * a.sd + (b.n - 1) * b.sd * b.sd + meanDifferenceTerm) / (n - 1);
    return {mean, std::sqrt(variance), n};
}

GroupSummary combineGroups(std::span<const GroupSummary> groups) {
    if (groups.empty())
        return {};
    GroupSummary combined = groups.front();
    for (std::size_t i = 1; i < groups.size(); ++i)
        combined = combineGroups(combined, groups[i]);
    return combined;
}

namespace {

template <typename Group>
SharedControlResult<Group> adjust(std::span<const SharedControlInput<Group>> comparisons,
                                  SharedControlMethod method) {
    const auto refuse = [](std::string problem, std::vector<std::size_t> indices) {
        return evident::refuse<Group>(std::move(problem), std::move(indices));
    };
    for (std::size_t i = 0; i < comparisons.size(); ++i) {
        std::string problem = groupProblem(comparisons[i].treated, "treated");
        if (problem.empty())
            problem = groupProblem(comparisons[i].control, "control");
        if (!problem.empty())
            return refuse("comparison " + comparisonNumber(i) + ": the " + problem, {i});
    }

    const auto groups = controlGroups(comparisons);
    for (const auto& group : groups) {
        const auto& first = comparisons[group.front()];
        for (std::size_t member : group)
            if (!sameGroup(comparisons[member].control, first.control))
                return refuse("comparisons " + comparisonNumber(group.front()) + " and "
                                  + comparisonNumber(member) + " share the control group "
                                  + quoted(first.controlId) + " but give different numbers for it ("
                                  + difference(first.control, comparisons[member].control) + ")",
                              {group.front(), member});
    }

    SharedControlResult<Group> result;
    if (method == SharedControlMethod::SplitControl) {
        result.comparisons.resize(comparisons.size());
        for (const auto& group : groups) {
            const auto& control = comparisons[group.front()].control;
            const double sharers = static_cast<double>(group.size());
            // Vesterinen et al. (2014); Cochrane Handbook §23.3.4: divide the shared group's n, keep its
            // mean and SD. No rounding: the shares add up to the real n, and every comparison gets the same.
            const Group part = share(control, sharers);
            const std::string name = sizeName(control);
            if (group.size() > 1 && !shareIsUsable(part))
                return refuse("the control group " + quoted(comparisons[group.front()].controlId) + " ("
                                  + name + " = " + formatShortest(sizeOf(control))
                                  + ") cannot be split among " + std::to_string(group.size())
                                  + " comparisons: each would get " + name + " = "
                                  + formatSignificant(sizeOf(part), 4) + ", " + tooFew(control)
                                  + "; combine the treated groups instead",
                              group);
            for (std::size_t member : group) {
                AdjustedGroups<Group>& out = result.comparisons[member];
                out.treated = comparisons[member].treated;
                out.control = control;
                out.sources = {member};
                if (group.size() == 1) {
                    out.note = "control group used as entered (not shared)";
                    continue;
                }
                out.control = part;
                out.note = "control group " + quoted(comparisons[member].controlId) + " (" + name + " = "
                           + formatShortest(sizeOf(control)) + ") shared by comparisons "
                           + listOfComparisons(group) + ": " + name + " = " + formatShortest(sizeOf(control))
                           + " / " + std::to_string(group.size()) + " = " + formatSignificant(sizeOf(part), 4)
                           + " in each, " + splitNote(control)
                           + " (Vesterinen et al. 2014; Cochrane Handbook §23.3.4)";
            }
        }
        return result;
    }

    for (const auto& group : groups) {
        AdjustedGroups<Group> out;
        out.control = comparisons[group.front()].control;
        out.sources = group;
        if (group.size() == 1) {
            out.treated = comparisons[group.front()].treated;
            out.note = "control group used as entered (not shared)";
        } else {
            std::vector<Group> arms;
            for (std::size_t member : group)
                arms.push_back(comparisons[member].treated);
            out.treated = combineGroups(arms);
            out.note = "treated groups of comparisons " + listOfComparisons(group)
                       + " combined into one (Cochrane Handbook Table 6.5.a): " + describe(out.treated)
                       + "; compared with the whole control group "
                       + quoted(comparisons[group.front()].controlId) + " (" + sizeName(out.control) + " = "
                       + formatShortest(sizeOf(out.control)) + ")";
        }
        result.comparisons.push_back(std::move(out));
    }
    return result;
}

} // namespace

SharedControlAdjustment adjustSharedControls(std::span<const SharedControlComparison> comparisons,
                                             SharedControlMethod method) {
    return adjust(comparisons, method);
}

SharedControlResult<BinaryGroup>
adjustSharedControls(std::span<const SharedControlInput<BinaryGroup>> comparisons,
                     SharedControlMethod method) {
    return adjust(comparisons, method);
}

} // namespace evident
