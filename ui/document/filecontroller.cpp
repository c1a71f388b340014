// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/filecontroller.h"

#include "io/csvexport.h"
#include "io/csvwriter.h"
#include "io/projectfile.h"
#include "ui/analysis/resulttables.h"
#include "ui/commands/replaceproject.h"
#include "ui/dialogs/csvimportdialog.h"
#include "ui/document/document.h"
#include "ui/document/outcomemerge.h"
#include "ui/document/recentfiles.h"
#include "ui/models/gridcolumns.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QUndoStack>

namespace evident::ui {
namespace {

QString projectFilter() {
    return QObject::tr("Evident projects (*.%1)").arg(QLatin1String(io::projectFileSuffix));
}

/// A name usable in a file name: letters, digits, '-' and '_'.
QString fileSafe(const QString& text) {
    QString safe;
    for (const QChar c : text)
        safe += c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') ? c : QLatin1Char('-');
    return safe.isEmpty() ? QStringLiteral("outcome") : safe;
}

} // namespace

FileController::FileController(Document* document, QWidget* window, const QString& recoveryDirectory,
                               QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_window(window)
    , m_autosaver(new Autosaver(document, recoveryDirectory, this))
    , m_recent(new RecentFiles(this))
    , m_new(new QAction(tr("&New Project"), this))
    , m_open(new QAction(tr("&Open\u2026"), this))
    , m_openExample(new QAction(tr("Open &Example Project"), this))
    , m_save(new QAction(tr("&Save"), this))
    , m_saveAs(new QAction(tr("Save &As\u2026"), this))
    , m_importCsv(new QAction(tr("&Import CSV\u2026"), this))
    , m_exportGrid(new QAction(tr("Export &Grid as CSV\u2026"), this))
    , m_exportResults(new QAction(tr("Export &Results as CSV\u2026"), this))
    , m_exportCharacteristics(new QAction(tr("Export Study C&haracteristics as CSV\u2026"), this))
    , m_recentMenu(new QMenu(tr("Open &Recent"), window)) {
    m_new->setShortcut(QKeySequence::New);
    m_open->setShortcut(QKeySequence::Open);
    m_save->setShortcut(QKeySequence::Save);
    // QKeySequence::SaveAs is empty on some desktops (GNOME, Windows): give it the usual one everywhere.
    m_saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_importCsv->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_new, &QAction::triggered, this, &FileController::newProject);
    connect(m_open, &QAction::triggered, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(m_window, tr("Open Project"), dialogDirectory(), projectFilter());
        if (!path.isEmpty())
            open(path);
    });
    connect(m_openExample, &QAction::triggered, this, [this] { open(examplePath()); });
    connect(m_save, &QAction::triggered, this, &FileController::save);
    connect(m_saveAs, &QAction::triggered, this, &FileController::saveAs);
    connect(m_importCsv, &QAction::triggered, this, [this] { importCsv(); });
    connect(m_exportGrid, &QAction::triggered, this, [this] {
        const Outcome* outcome = m_document->currentOutcomeData();
        if (!outcome)
            return;
        const QString suggested =
            QDir(dialogDirectory())
                .filePath(fileSafe(QString::fromStdString(outcome->name)) + QStringLiteral(".csv"));
        const QString path =
            QFileDialog::getSaveFileName(m_window, tr("Export Grid"), suggested, tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        const QString error = exportGrid(path);
        if (!error.isEmpty())
            QMessageBox::warning(m_window, tr("Export Grid"), error);
        else
            emit message(tr("Grid exported to %1").arg(QDir::toNativeSeparators(path)));
    });
    m_exportCharacteristics->setToolTip(
        tr("The table of studies: each study's characteristics and SYRCLE judgements, one row per study"));
    connect(m_exportCharacteristics, &QAction::triggered, this, [this] {
        const QString suggested =
            QDir(dialogDirectory()).filePath(QStringLiteral("study-characteristics.csv"));
        const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Study Characteristics"),
                                                          suggested, tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        const QString error = exportCharacteristics(path);
        if (!error.isEmpty())
            QMessageBox::warning(m_window, tr("Export Study Characteristics"), error);
        else
            emit message(tr("Study characteristics exported to %1").arg(QDir::toNativeSeparators(path)));
    });
    m_exportResults->setToolTip(
        tr("One CSV file: each study's effect size, confidence interval and weight, then the pooled result"));
    connect(m_exportResults, &QAction::triggered, this, [this] {
        const Outcome* outcome = m_document->currentOutcomeData();
        if (!outcome)
            return;
        const QString suggested =
            QDir(dialogDirectory())
                .filePath(fileSafe(QString::fromStdString(outcome->name)) + QStringLiteral("-results.csv"));
        const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Results as CSV"), suggested,
                                                          tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        const QString error = exportResults(path);
        if (!error.isEmpty())
            QMessageBox::warning(m_window, tr("Export Results"), error);
        else
            emit message(tr("Results exported to %1").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_recent, &RecentFiles::changed, this, &FileController::refreshRecentMenu);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &FileController::refreshRecentMenu);
    refreshRecentMenu();
}

QString FileController::examplePath() {
    return QStringLiteral(":/examples/ev-intrauterine-adhesions.evident");
}

namespace {

const char* const csvFolderKey = "files/csvImportFolder";

/// Documents when it exists, else home: a folder that does not exist would be taken for a file name.
QString documentsOrHome() {
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

} // namespace

QString FileController::dialogDirectory() const {
    if (!m_document->filePath().isEmpty() && !m_document->filePath().startsWith(QLatin1Char(':')))
        return QFileInfo(m_document->filePath()).absolutePath();
    return documentsOrHome();
}

QString FileController::csvImportDirectory() {
    const QString last = QSettings().value(QLatin1String(csvFolderKey)).toString();
    return !last.isEmpty() && QFileInfo(last).isDir() ? last : documentsOrHome();
}

void FileController::refreshRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = m_recent->files();
    for (const QString& path : files) {
        QAction* action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { open(path); });
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("Clear List")), &QAction::triggered, m_recent,
                &RecentFiles::clear);
    }
}

void FileController::newProject() {
    if (!maybeSave())
        return;
    Project project;
    project.title = tr("Untitled review").toStdString();
    Outcome outcome;
    outcome.name = tr("Outcome 1").toStdString();
    project.outcomes.push_back(outcome);
    m_document->resetProject(project);
}

QString FileController::load(const QString& path, QStringList* warnings) {
    const io::ProjectReadResult read = io::readProjectFile(path);
    if (!read.project)
        return read.error;
    // A project inside the application (the example) is read-only: Save asks for a file name.
    const bool resource = path.startsWith(QLatin1Char(':'));
    m_document->resetProject(*read.project, resource ? QString() : QFileInfo(path).absoluteFilePath());
    if (!resource)
        m_recent->add(path);
    if (warnings)
        *warnings = read.warnings;
    return {};
}

bool FileController::open(const QString& path) {
    if (!maybeSave())
        return false;
    QStringList warnings;
    const QString error = load(path, &warnings);
    if (!error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Open Project"),
                             tr("%1 could not be opened. The file was not changed.\n\n%2")
                                 .arg(QDir::toNativeSeparators(path), error));
        if (!QFileInfo::exists(path))
            m_recent->remove(path);
        return false;
    }
    if (!warnings.isEmpty())
        QMessageBox::information(
            m_window, tr("Open Project"),
            tr("The project was opened, but this version of Evident does not know some of its "
               "entries. They will be left out when you save:\n\n%1")
                .arg(warnings.join(QLatin1Char('\n'))));
    emit message(tr("Opened %1").arg(QFileInfo(path).fileName()));
    return true;
}

QString FileController::saveTo(const QString& path) {
    QString target = path;
    if (QFileInfo(target).suffix().isEmpty())
        target += QLatin1Char('.') + QLatin1String(io::projectFileSuffix);
    const QString error = io::writeProjectFile(m_document->project(), target);
    if (!error.isEmpty())
        return error;
    m_document->setFilePath(QFileInfo(target).absoluteFilePath());
    m_document->markSaved();
    m_recent->add(target);
    emit message(tr("Saved %1").arg(QDir::toNativeSeparators(target)));
    return {};
}

bool FileController::save() {
    if (m_document->filePath().isEmpty())
        return saveAs();
    const QString error = saveTo(m_document->filePath());
    if (!error.isEmpty())
        QMessageBox::warning(m_window, tr("Save Project"), error);
    return error.isEmpty();
}

bool FileController::saveAs() {
    QString suggested = m_document->filePath();
    if (suggested.isEmpty()) {
        const QString title = QString::fromStdString(m_document->project().title);
        suggested = QDir(dialogDirectory())
                        .filePath(fileSafe(title.isEmpty() ? tr("project") : title) + QLatin1Char('.')
                                  + QLatin1String(io::projectFileSuffix));
    }
    const QString path =
        QFileDialog::getSaveFileName(m_window, tr("Save Project As"), suggested, projectFilter());
    if (path.isEmpty())
        return false;
    const QString error = saveTo(path);
    if (!error.isEmpty())
        QMessageBox::warning(m_window, tr("Save Project"), error);
    return error.isEmpty();
}

bool FileController::maybeSave() {
    if (!m_document->isModified())
        return true;
    const QString name = m_document->filePath().isEmpty()
                             ? QString::fromStdString(m_document->project().title)
                             : QFileInfo(m_document->filePath()).fileName();
    const auto answer = QMessageBox::warning(
        m_window, tr("Unsaved Changes"), tr("Save the changes to \u201c%1\u201d?").arg(name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save();
    m_autosaver->discard();
    return true;
}

void FileController::importCsv(const QString& givenPath) {
    QString path = givenPath;
    if (path.isEmpty())
        path = QFileDialog::getOpenFileName(m_window, tr("Import CSV"), csvImportDirectory(),
                                            tr("Delimited text (*.csv *.tsv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(QLatin1String(csvFolderKey), QFileInfo(path).absolutePath());
    CsvImportDialog dialog(path, m_document->currentOutcome() >= 0, m_window);
    if (!dialog.fileError().isEmpty()) {
        QMessageBox::warning(m_window, tr("Import CSV"), dialog.fileError());
        return;
    }
    if (dialog.exec() != QDialog::Accepted || !dialog.result().errors.isEmpty())
        return;
    const Project& imported = dialog.result().project;
    if (dialog.addToProject()) {
        MergedProject merged = addImportedOutcome(m_document->project(), imported);
        const int outcome = static_cast<int>(merged.project.outcomes.size()) - 1;
        m_document->undoStack()->push(
            new ReplaceProjectCommand(m_document, std::move(merged.project), outcome,
                                      tr("Import outcome %1").arg(dialog.outcomeName())));
        if (!merged.notes.isEmpty())
            QMessageBox::information(m_window, tr("Import CSV"), merged.notes.join(QLatin1Char('\n')));
        return;
    }
    if (!maybeSave())
        return;
    Project project = imported;
    project.title = QFileInfo(path).completeBaseName().toStdString();
    m_document->resetProject(project);
    m_document->markUnsaved(); // an imported project has not been saved as a project yet
    emit message(tr("Imported %1").arg(QFileInfo(path).fileName()));
}

QString FileController::exportGrid(const QString& path) const {
    const Outcome* outcome = m_document->currentOutcomeData();
    if (!outcome)
        return tr("There is no outcome to export.");
    // Every field of the outcome, in the columns the CSV import reads back (docs/csv-format.md).
    const io::CsvContent table = io::outcomeTable(m_document->project(), *outcome);
    return io::writeCsvFile(path, table.header, table.rows);
}

QString FileController::exportCharacteristics(const QString& path) const {
    if (m_document->project().studies.empty())
        return tr("There are no studies to export.");
    const io::CsvContent table = io::characteristicsTable(m_document->project());
    return io::writeCsvFile(path, table.header, table.rows);
}

QString FileController::exportResults(const QString& path) const {
    const std::optional<ResultTable> results = m_results ? m_results() : std::nullopt;
    if (!m_document->currentOutcomeData() || !results)
        return tr("There are no results to export.");
    const ResultTable& table = *results;
    QList<QStringList> rows;
    for (int r = 0; r < table.rows.size(); ++r) {
        QStringList row;
        for (int c = 0; c < table.header.size(); ++c)
            row.append(table.exportText(r, c));
        rows.append(row);
    }
    return io::writeCsvFile(path, table.header, rows); // QSaveFile: all or nothing
}

void FileController::offerRecovery() {
    const QList<RecoveryFile> files =
        Autosaver::findRecoveryFiles(QFileInfo(m_autosaver->recoveryPath()).absolutePath());
    if (files.isEmpty())
        return;
    const RecoveryFile& newest = files.front();
    const QString name = !newest.originalPath.isEmpty() ? QFileInfo(newest.originalPath).fileName()
                         : !newest.title.isEmpty()      ? newest.title
                                                        : tr("an unsaved project");
    QMessageBox box(
        QMessageBox::Question, tr("Restore Unsaved Changes"),
        tr("Evident did not close properly last time. Unsaved changes to \u201c%1\u201d were kept "
           "(autosaved %2).\n\nRestore them?")
            .arg(name, QLocale().toString(newest.savedAt.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::NoButton, m_window);
    QPushButton* restoreButton = box.addButton(tr("&Restore"), QMessageBox::AcceptRole);
    QPushButton* discardButton = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("&Not Now"), QMessageBox::RejectRole);
    box.setDefaultButton(restoreButton);
    box.exec();
    if (box.clickedButton() == restoreButton) {
        const QString error = restore(newest);
        if (!error.isEmpty())
            QMessageBox::warning(m_window, tr("Restore Unsaved Changes"),
                                 tr("The autosaved copy could not be read: %1").arg(error));
    } else if (box.clickedButton() == discardButton) {
        Autosaver::remove(newest);
    }
}

QString FileController::restore(const RecoveryFile& file) {
    const io::ProjectReadResult read = io::readProjectFile(file.projectPath);
    if (!read.project)
        return read.error;
    m_document->resetProject(*read.project, file.originalPath);
    m_document->markUnsaved();
    Autosaver::remove(file);
    // This session now holds the changes: keep them safe at once rather than in a minute.
    m_autosaver->saveNow();
    emit message(tr("Restored unsaved changes"));
    return {};
}

} // namespace evident::ui
