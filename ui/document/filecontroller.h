// SPDX-License-Identifier: GPL-3.0-or-later
// The file side of the desktop app: new, open, save, recent files, CSV import and export, the
// prompt before unsaved work is lost, and crash recovery. Owns the actions the menus show.
#pragma once

#include "ui/analysis/resulttables.h"
#include "ui/document/autosaver.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

class QAction;
class QMenu;
class QWidget;

namespace evident::ui {

class Document;
class RecentFiles;

class FileController : public QObject {
    Q_OBJECT
public:
    /// `window` parents the dialogs. `recoveryDirectory` is where autosaves go (tests use a
    /// temporary folder; the app uses Autosaver::defaultDirectory()).
    FileController(Document* document, QWidget* window, const QString& recoveryDirectory,
                   QObject* parent = nullptr);

    QAction* newAction() const { return m_new; }
    QAction* openAction() const { return m_open; }
    QAction* openExampleAction() const { return m_openExample; }
    QAction* saveAction() const { return m_save; }
    QAction* saveAsAction() const { return m_saveAs; }
    QAction* importCsvAction() const { return m_importCsv; }
    QAction* exportGridAction() const { return m_exportGrid; }
    QAction* exportResultsAction() const { return m_exportResults; }
    QAction* exportCharacteristicsAction() const { return m_exportCharacteristics; }
    QMenu* recentMenu() const { return m_recentMenu; }
    Autosaver* autosaver() const { return m_autosaver; }
    RecentFiles* recentFiles() const { return m_recent; }

    /// Where "Export Results as CSV" takes the table from (resultsExportTable); none without results.
    void setResultsSource(std::function<std::optional<ResultTable>()> source) {
        m_results = std::move(source);
    }
    /// A new project with one empty outcome (after asking about unsaved work).
    void newProject();
    /// Opens a project (after asking about unsaved work). On failure the open project stays and the
    /// user is told why; the file is only read.
    bool open(const QString& path);
    /// Loads a project file without asking anything; returns the error, or "". `warnings` receives
    /// the entries of the file this version does not know (they are dropped on save).
    QString load(const QString& path, QStringList* warnings = nullptr);
    bool save();
    bool saveAs();
    /// Saves to `path` and makes it the document's file. Returns the error, or "".
    QString saveTo(const QString& path);
    /// Asks whether to save unsaved changes. False when the user cancels.
    bool maybeSave();
    /// The CSV import dialog for `path` (asks for a file when empty).
    void importCsv(const QString& path = QString());
    /// Writes the current outcome's grid as CSV (readable by the importer). Returns the error, or "".
    QString exportGrid(const QString& path) const;
    /// Writes the study characteristics table (every study with its characteristics and SYRCLE
    /// judgements, io::characteristicsTable) as CSV. Returns the error, or "".
    QString exportCharacteristics(const QString& path) const;
    /// Writes the current outcome's results (resultsExportTable: each comparison's effect size, CI and
    /// weight, then the pooled results) to the CSV file `path`, atomically. Returns the error, or "".
    QString exportResults(const QString& path) const;

    /// The CSV import dialog's folder: the last one used (QSettings), else Documents, else home.
    static QString csvImportDirectory();

    /// At start-up: offers to restore a copy a crashed session left behind.
    void offerRecovery();
    /// Loads a recovery copy as unsaved changes to its original file; removes the copy.
    QString restore(const RecoveryFile& file);

    /// The bundled example project (a Qt resource).
    static QString examplePath();

signals:
    /// A sentence for the status bar.
    void message(const QString& text);

private:
    void refreshRecentMenu();
    QString dialogDirectory() const;

    Document* m_document;
    QWidget* m_window;
    Autosaver* m_autosaver;
    RecentFiles* m_recent;
    std::function<std::optional<ResultTable>()> m_results;
    QAction* m_new;
    QAction* m_open;
    QAction* m_openExample;
    QAction* m_save;
    QAction* m_saveAs;
    QAction* m_importCsv;
    QAction* m_exportGrid;
    QAction* m_exportResults;
    QAction* m_exportCharacteristics;
    QMenu* m_recentMenu;
};

} // namespace evident::ui
