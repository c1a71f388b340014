// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/commands/rowcommands.h"

#include "ui/document/document.h"

#include <QCoreApplication>

#include <algorithm>
#include <set>

namespace evident::ui {
namespace {

QString tr(const char* text, int n = -1) {
    return QCoreApplication::translate("Undo Commands", text, nullptr, n);
}

} // namespace

InsertRowsCommand::InsertRowsCommand(Document* document, int outcome, int position,
                                     std::vector<OutcomeRow> rows, std::vector<Study> newStudies,
                                     QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_outcome(outcome)
    , m_position(position)
    , m_rows(std::move(rows))
    , m_newStudies(std::move(newStudies)) {
    const int count = static_cast<int>(m_rows.size());
    setText(count == 1 ? tr("Insert row") : tr("Insert %1 rows").arg(count));
}

void InsertRowsCommand::redo() {
    m_document->focusOutcome(m_outcome);
    m_firstStudyIndex = m_document->project().studies.size();
    std::vector<std::pair<std::size_t, Study>> studies;
    for (std::size_t i = 0; i < m_newStudies.size(); ++i)
        studies.emplace_back(m_firstStudyIndex + i, m_newStudies[i]);
    m_document->insertStudies(std::move(studies));
    m_document->insertRows(m_outcome, m_position, m_rows);
}

void InsertRowsCommand::undo() {
    m_document->focusOutcome(m_outcome);
    m_document->takeRows(m_outcome, m_position, static_cast<int>(m_rows.size()));
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < m_newStudies.size(); ++i)
        indices.push_back(m_firstStudyIndex + i);
    m_document->takeStudies(indices);
}

std::pair<std::vector<OutcomeRow>, std::vector<Study>> InsertRowsCommand::newStudyRows(const Project& project,
                                                                                       int count) {
    std::pair<std::vector<OutcomeRow>, std::vector<Study>> result;
    StudyId id = project.nextStudyId();
    for (int i = 0; i < count; ++i, ++id) {
        Study study;
        study.id = id;
        study.label = "Study " + std::to_string(id);
        study.covariateValues.resize(project.covariateNames.size());
        OutcomeRow row;
        row.study = id;
        result.first.push_back(row);
        result.second.push_back(study);
    }
    return result;
}

std::vector<OutcomeRow> InsertRowsCommand::rowsForStudies(const std::vector<StudyId>& studies) {
    std::vector<OutcomeRow> rows;
    for (StudyId id : studies) {
        OutcomeRow row;
        row.study = id;
        rows.push_back(row);
    }
    return rows;
}

RemoveRowsCommand::RemoveRowsCommand(Document* document, int outcome, std::vector<int> rows,
                                     QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_outcome(outcome)
    , m_rowIndices(std::move(rows)) {
    std::sort(m_rowIndices.begin(), m_rowIndices.end());
    m_rowIndices.erase(std::unique(m_rowIndices.begin(), m_rowIndices.end()), m_rowIndices.end());
    const int count = static_cast<int>(m_rowIndices.size());
    setText(count == 1 ? tr("Delete row") : tr("Delete %1 rows").arg(count));
}

void RemoveRowsCommand::redo() {
    m_document->focusOutcome(m_outcome);
    m_taken.clear();
    std::vector<StudyId> studies;
    // Bottom up, one contiguous range at a time, so the indices above stay valid.
    for (auto end = m_rowIndices.rbegin(); end != m_rowIndices.rend();) {
        auto start = end;
        while (std::next(start) != m_rowIndices.rend() && *std::next(start) == *start - 1)
            ++start;
        const int first = *start;
        const int count = *end - first + 1;
        auto rows = m_document->takeRows(m_outcome, first, count);
        for (const auto& row : rows)
            studies.push_back(row.study);
        m_taken.emplace_back(first, std::move(rows));
        end = std::next(start);
    }
    m_takenStudies = m_document->takeStudies(unreferencedStudies(m_document->project(), studies));
}

void RemoveRowsCommand::undo() {
    m_document->focusOutcome(m_outcome);
    m_document->insertStudies(m_takenStudies);
    for (auto it = m_taken.rbegin(); it != m_taken.rend(); ++it)
        m_document->insertRows(m_outcome, it->first, it->second);
}

std::vector<std::size_t> unreferencedStudies(const Project& project, const std::vector<StudyId>& candidates) {
    std::set<StudyId> referenced;
    for (const auto& outcome : project.outcomes)
        for (const auto& row : outcome.rows)
            referenced.insert(row.study);
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < project.studies.size(); ++i) {
        const StudyId id = project.studies[i].id;
        if (!referenced.count(id) && std::find(candidates.begin(), candidates.end(), id) != candidates.end())
            indices.push_back(i);
    }
    return indices;
}

} // namespace evident::ui
