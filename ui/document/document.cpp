// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/document.h"

#include <QUndoStack>

#include <algorithm>

namespace evident::ui {

Document::Document(QObject* parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this)) {
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

Document::~Document() = default;

void Document::resetProject(Project project, const QString& filePath) {
    m_undoStack->clear(); // also marks the stack clean, which emits modifiedChanged(false)
    setFilePath(filePath);
    // One value per covariate for every study, so edits never have to grow a study's list.
    for (auto& study : project.studies)
        study.covariateValues.resize(project.covariateNames.size());
    const int current = project.outcomes.empty() ? -1 : 0;
    replaceProject(std::move(project), current);
}

void Document::replaceProject(Project project, int currentOutcome) {
    emit projectAboutToBeReset();
    m_project = std::move(project);
    m_currentOutcome = std::clamp(currentOutcome, -1, static_cast<int>(m_project.outcomes.size()) - 1);
    emit projectReset();
    emit currentOutcomeChanged(m_currentOutcome);
    emit outcomeListChanged();
    emit changed();
}

void Document::setFilePath(const QString& path) {
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

bool Document::isModified() const {
    return !m_undoStack->isClean();
}

void Document::markSaved() {
    m_undoStack->setClean();
}

void Document::markUnsaved() {
    m_undoStack->resetClean();
}

void Document::setCurrentOutcome(int outcome) {
    if (outcome < -1 || outcome >= static_cast<int>(m_project.outcomes.size()) || outcome == m_currentOutcome)
        return;
    emit currentOutcomeAboutToChange();
    m_currentOutcome = outcome;
    emit currentOutcomeChanged(outcome);
}

const Outcome* Document::currentOutcomeData() const {
    return m_currentOutcome >= 0 ? &m_project.outcomes[static_cast<std::size_t>(m_currentOutcome)] : nullptr;
}

void Document::focusOutcome(int outcome) {
    if (outcome >= 0 && outcome < static_cast<int>(m_project.outcomes.size()))
        setCurrentOutcome(outcome);
}

void Document::notify(const DocumentChange& change) {
    switch (change.kind) {
    case DocumentChange::Kind::Rows:
        emit rowsChanged(change.outcome, change.firstRow, change.lastRow);
        break;
    case DocumentChange::Kind::Study:
        emit studyChanged(change.study);
        break;
    case DocumentChange::Kind::Outcome:
        emit outcomeChanged(change.outcome);
        break;
    case DocumentChange::Kind::ProjectInfo:
        emit projectInfoChanged();
        break;
    }
    emit changed();
}

void Document::insertRows(int outcome, int position, std::vector<OutcomeRow> rows) {
    if (rows.empty())
        return;
    auto& target = m_project.outcomes[static_cast<std::size_t>(outcome)].rows;
    const int last = position + static_cast<int>(rows.size()) - 1;
    emit rowsAboutToBeInserted(outcome, position, last);
    target.insert(target.begin() + position, std::make_move_iterator(rows.begin()),
                  std::make_move_iterator(rows.end()));
    emit rowsInserted(outcome, position, last);
    emit changed();
}

std::vector<OutcomeRow> Document::takeRows(int outcome, int position, int count) {
    auto& source = m_project.outcomes[static_cast<std::size_t>(outcome)].rows;
    if (count <= 0)
        return {};
    emit rowsAboutToBeRemoved(outcome, position, position + count - 1);
    const auto first = source.begin() + position;
    std::vector<OutcomeRow> taken(std::make_move_iterator(first), std::make_move_iterator(first + count));
    source.erase(first, first + count);
    emit rowsRemoved(outcome, position, position + count - 1);
    emit changed();
    return taken;
}

void Document::insertStudies(std::vector<std::pair<std::size_t, Study>> studies) {
    // Studies are not shown by themselves, only through the rows that refer to them.
    for (auto& [index, study] : studies)
        m_project.studies.insert(m_project.studies.begin() + static_cast<std::ptrdiff_t>(index),
                                 std::move(study));
    if (!studies.empty())
        emit changed();
}

std::vector<std::pair<std::size_t, Study>> Document::takeStudies(std::vector<std::size_t> indices) {
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    std::vector<std::pair<std::size_t, Study>> taken;
    for (std::size_t index : indices)
        taken.emplace_back(index, m_project.studies[index]);
    for (auto it = indices.rbegin(); it != indices.rend(); ++it)
        m_project.studies.erase(m_project.studies.begin() + static_cast<std::ptrdiff_t>(*it));
    if (!taken.empty())
        emit changed();
    return taken;
}

void Document::insertCovariate(int index, CovariateColumn column) {
    emit covariateAboutToBeInserted(index);
    const auto at = static_cast<std::size_t>(index);
    m_project.covariateNames.insert(m_project.covariateNames.begin() + index, std::move(column.name));
    for (std::size_t s = 0; s < m_project.studies.size(); ++s) {
        auto& values = m_project.studies[s].covariateValues;
        values.resize(std::max(values.size(), at));
        values.insert(values.begin() + index,
                      s < column.studyValues.size() ? std::move(column.studyValues[s]) : std::string());
    }
    // Arms hold values only where they have their own; a shorter list means "the study's".
    for (std::size_t o = 0; o < m_project.outcomes.size(); ++o) {
        auto& rows = m_project.outcomes[o].rows;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            std::string value = o < column.armValues.size() && r < column.armValues[o].size()
                                    ? std::move(column.armValues[o][r])
                                    : std::string();
            auto& values = rows[r].covariateValues;
            if (values.size() > at || !value.empty()) {
                values.resize(std::max(values.size(), at));
                values.insert(values.begin() + index, std::move(value));
            }
        }
    }
    emit covariateInserted(index);
    emit changed();
}

CovariateColumn Document::takeCovariate(int index) {
    emit covariateAboutToBeRemoved(index);
    const auto at = static_cast<std::size_t>(index);
    CovariateColumn taken;
    taken.name = m_project.covariateNames[at];
    m_project.covariateNames.erase(m_project.covariateNames.begin() + index);
    const auto take = [at](std::vector<std::string>& values) {
        if (at >= values.size())
            return std::string();
        std::string value = std::move(values[at]);
        values.erase(values.begin() + static_cast<std::ptrdiff_t>(at));
        return value;
    };
    for (auto& study : m_project.studies)
        taken.studyValues.push_back(take(study.covariateValues));
    for (auto& outcome : m_project.outcomes) {
        taken.armValues.emplace_back();
        for (auto& row : outcome.rows) {
            taken.armValues.back().push_back(take(row.covariateValues));
            dropTrailingEmptyValues(row.covariateValues);
        }
    }
    emit covariateRemoved(index);
    emit changed();
    return taken;
}

void Document::renameCovariate(int index, std::string name) {
    m_project.covariateNames[static_cast<std::size_t>(index)] = std::move(name);
    emit covariateRenamed(index);
    emit changed();
}

void Document::insertOutcome(int index, Outcome outcome) {
    const bool shiftsCurrent = m_currentOutcome >= index;
    if (shiftsCurrent)
        emit currentOutcomeAboutToChange();
    m_project.outcomes.insert(m_project.outcomes.begin() + index, std::move(outcome));
    if (shiftsCurrent) {
        ++m_currentOutcome;
        emit currentOutcomeChanged(m_currentOutcome);
    }
    emit outcomeListChanged();
    if (m_currentOutcome < 0)
        setCurrentOutcome(index);
    emit changed();
}

Outcome Document::takeOutcome(int index) {
    const bool changesCurrent = m_currentOutcome >= index;
    if (changesCurrent)
        emit currentOutcomeAboutToChange();
    Outcome taken = std::move(m_project.outcomes[static_cast<std::size_t>(index)]);
    m_project.outcomes.erase(m_project.outcomes.begin() + index);
    if (changesCurrent) {
        // The removed outcome's successor takes its place; the last one's predecessor otherwise.
        if (m_currentOutcome > index || m_currentOutcome >= static_cast<int>(m_project.outcomes.size()))
            --m_currentOutcome;
        emit currentOutcomeChanged(m_currentOutcome);
    }
    emit outcomeListChanged();
    emit changed();
    return taken;
}

void Document::setAllSettings(std::vector<std::pair<AnalysisSettings, TsaSettings>> settings) {
    for (std::size_t i = 0; i < settings.size() && i < m_project.outcomes.size(); ++i) {
        Outcome& outcome = m_project.outcomes[i];
        if (outcome.settings == settings[i].first && outcome.tsa == settings[i].second)
            continue;
        outcome.settings = std::move(settings[i].first);
        outcome.tsa = std::move(settings[i].second);
        emit outcomeChanged(static_cast<int>(i));
    }
    emit changed();
}

std::vector<std::pair<AnalysisSettings, TsaSettings>> Document::allSettings() const {
    std::vector<std::pair<AnalysisSettings, TsaSettings>> settings;
    for (const auto& outcome : m_project.outcomes)
        settings.emplace_back(outcome.settings, outcome.tsa);
    return settings;
}

} // namespace evident::ui
