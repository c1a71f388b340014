// SPDX-License-Identifier: GPL-3.0-or-later
// The open project: the one place the desktop app keeps the review's data. It owns the project,
// the undo stack and the file name; "modified" is derived from the undo stack's clean state.
// Views (models, panels, the analysis) read the project and follow the change signals; only undo
// commands (ui/commands/) change it, through the methods under "Edits".
#pragma once

#include "core/project/project.h"
#include "ui/document/covariatecolumn.h"

#include <QObject>
#include <QString>

#include <utility>
#include <vector>

class QUndoStack;

namespace evident::ui {

/// What an edit changed, so the document can tell the views.
struct DocumentChange {
    enum class Kind {
        Rows,        ///< cells or include flags of rows [firstRow, lastRow] of `outcome`
        Study,       ///< a study's label or covariate values (shown in every outcome)
        Outcome,     ///< an outcome's name, direction or settings
        ProjectInfo, ///< title or notes
    };
    Kind kind = Kind::Rows;
    int outcome = -1; ///< the outcome the edit belongs to; made current so the user sees it
    int firstRow = -1;
    int lastRow = -1;
    StudyId study = 0;
};

class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    const Project& project() const { return m_project; }
    QUndoStack* undoStack() const { return m_undoStack; }

    /// Replaces the whole project (New, Open, Import) and forgets the undo history.
    void resetProject(Project project, const QString& filePath = QString());

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString& path);
    bool isModified() const;
    /// Marks the present state as saved (the undo stack's clean state).
    void markSaved();
    /// Marks the project as having unsaved changes with no edit to undo (a restored autosave).
    void markUnsaved();

    /// Index of the outcome shown in the grid, or -1 when the project has none. Not saved and not an
    /// undoable edit: switching outcomes is a view change, it does not modify the project. Undo and
    /// redo switch to the outcome they change so the user sees what happened.
    int currentOutcome() const { return m_currentOutcome; }
    void setCurrentOutcome(int outcome);
    const Outcome* currentOutcomeData() const;

    // --- Edits: called by undo commands only --------------------------------------------------

    Project& editableProject() { return m_project; }
    /// Makes `outcome` current (when it exists) before an edit of it.
    void focusOutcome(int outcome);
    /// Emits the signals for a change already made through editableProject().
    void notify(const DocumentChange& change);

    void insertRows(int outcome, int position, std::vector<OutcomeRow> rows);
    std::vector<OutcomeRow> takeRows(int outcome, int position, int count);
    /// Studies by index into Project::studies; positions ascending, as they will stand afterwards.
    void insertStudies(std::vector<std::pair<std::size_t, Study>> studies);
    /// Removes the studies at these indices (any order); returns them with their indices, ascending.
    std::vector<std::pair<std::size_t, Study>> takeStudies(std::vector<std::size_t> indices);
    /// A covariate column with its values (none for a new column).
    void insertCovariate(int index, CovariateColumn column);
    CovariateColumn takeCovariate(int index);
    void renameCovariate(int index, std::string name);
    void insertOutcome(int index, Outcome outcome);
    Outcome takeOutcome(int index);
    /// Replaces every outcome's analysis and TSA settings (covariate renames and removals fix the
    /// references to the covariate in all outcomes).
    void setAllSettings(std::vector<std::pair<AnalysisSettings, TsaSettings>> settings);
    std::vector<std::pair<AnalysisSettings, TsaSettings>> allSettings() const;
    /// Replaces the whole project as one edit (bulk operations such as adding an imported outcome);
    /// keeps the undo history, unlike resetProject().
    void replaceProject(Project project, int currentOutcome);

signals:
    void projectAboutToBeReset();
    void projectReset();
    /// Always followed by currentOutcomeChanged: the grid's outcome is about to be replaced (the user
    /// switches outcomes, or the current outcome is removed or moves).
    void currentOutcomeAboutToChange();
    void currentOutcomeChanged(int outcome);
    void rowsChanged(int outcome, int firstRow, int lastRow);
    void rowsAboutToBeInserted(int outcome, int firstRow, int lastRow);
    void rowsInserted(int outcome, int firstRow, int lastRow);
    void rowsAboutToBeRemoved(int outcome, int firstRow, int lastRow);
    void rowsRemoved(int outcome, int firstRow, int lastRow);
    void studyChanged(evident::StudyId study);
    void covariateAboutToBeInserted(int index);
    void covariateInserted(int index);
    void covariateAboutToBeRemoved(int index);
    void covariateRemoved(int index);
    void covariateRenamed(int index);
    void outcomeChanged(int outcome);
    void outcomeListChanged();
    void projectInfoChanged();
    /// After every change of the project's content, whatever it was.
    void changed();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);

private:
    Project m_project;
    QUndoStack* const m_undoStack;
    QString m_filePath;
    int m_currentOutcome = -1;
};

} // namespace evident::ui
