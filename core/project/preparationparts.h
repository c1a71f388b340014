// SPDX-License-Identifier: GPL-3.0-or-later
// The pieces prepareOutcome() shares among the outcome kinds: reading cells by their schema rule with an
// issue per bad cell, and adding an analysed comparison. Internal to core/project.
#pragma once

#include "core/project/preparation.h"
#include "core/schema/entryfield.h"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace evident::preparation {

/// Parses the cells of one row, recording an issue per bad cell and a note per caution.
class RowReader {
public:
    RowReader(std::size_t row, std::string study, PreparedOutcome& prepared)
        : m_row(row)
        , m_study(std::move(study))
        , m_prepared(prepared) {}

    /// Reads a number field by its rule, naming it by its schema title (or `what` when given).
    std::optional<double> read(const OutcomeRow& row, EntryField field, std::string_view what = {});
    /// Reads the text of `field` with another rule (a shared control's text, a type-dependent name).
    std::optional<double> readText(const std::string& text, EntryField field, ValueRule rule,
                                   std::string_view what);
    void report(std::string_view key, std::string message);
    /// A caution on a cell that does not reject the row (PreparedOutcome::notes).
    void note(std::string_view key, std::string message);
    bool failed() const { return m_failed; }
    std::size_t row() const { return m_row; }
    const std::string& study() const { return m_study; }

private:
    std::size_t m_row;
    std::string m_study;
    PreparedOutcome& m_prepared;
    bool m_failed = false;
};

/// Study labels by id, built once per preparation (Project::study is a linear search).
class StudyLabels {
public:
    explicit StudyLabels(const Project& project);
    const std::string& operator()(StudyId id) const;

private:
    std::unordered_map<StudyId, std::string> m_labels;
};

/// "Study (arm 1 + arm 2)": the label of a comparison made of these rows.
std::string comparisonLabel(const StudyLabels& labels, const Outcome& outcome,
                            const std::vector<std::size_t>& rows);

/// Appends one analysed comparison to `prepared` (label, yi, vi, rows, participants).
void addComparison(PreparedOutcome& prepared, std::vector<std::size_t> rows, const std::string& label,
                   EffectSize effect, double participants);

/// The two-group kinds (continuous, dichotomous): arms, shared control groups, effect sizes.
void prepareContinuousRows(const Project& project, const Outcome& outcome, const StudyLabels& labels,
                           PreparedOutcome& prepared);
void prepareDichotomousRows(const Project& project, const Outcome& outcome, const StudyLabels& labels,
                            PreparedOutcome& prepared);

/// Rows of a shared control group may leave their control cells empty and use the group's: the row
/// holding the group's control numbers, by (study, control group id), among the included rows.
std::map<std::pair<StudyId, std::string>, std::size_t> sharedControlRows(const Outcome& outcome);

} // namespace evident::preparation
