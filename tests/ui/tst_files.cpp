// SPDX-License-Identifier: GPL-3.0-or-later
// Files in the desktop app: save and open, the window title, the prompt before unsaved work is
// lost, autosave and crash recovery, CSV import and export, recent files.
#include "io/csvtable.h"
#include "io/projectfile.h"
#include "tests/support/sampleproject.h"
#include "tests/support/testsupport.h"
#include "ui/analysis/analysiscontroller.h"
#include "ui/dialogs/csvimportdialog.h"
#include "ui/document/autosaver.h"
#include "ui/document/document.h"
#include "ui/document/filecontroller.h"
#include "ui/document/outcomemerge.h"
#include "ui/document/recentfiles.h"
#include "ui/mainwindow.h"
#include "ui/models/studytablemodel.h"
#include "ui/widgets/resultspanel.h"
#include "ui/widgets/robsensitivitypanel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>

#include <cmath>
#include <functional>
#include <set>

using namespace evident;
using namespace evident::ui;

namespace {

/// Runs `act` on the next modal dialog as soon as it is shown (the dialog's exec() blocks the test).
void whenModal(std::function<void(QWidget*)> act) {
    auto* poll = new QTimer(qApp);
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, act] {
        if (QWidget* dialog = QApplication::activeModalWidget()) {
            poll->stop();
            poll->deleteLater();
            act(dialog);
        }
    });
    poll->start();
}

/// Clicks the message box button whose text (without '&') is `text`.
void answer(const QString& text) {
    whenModal([text](QWidget* dialog) {
        auto* box = qobject_cast<QMessageBox*>(dialog);
        QVERIFY(box);
        for (QAbstractButton* button : box->buttons())
            if (button->text().remove(QLatin1Char('&')) == text) {
                button->click();
                return;
            }
        QFAIL(qPrintable(QStringLiteral("no button '%1'").arg(text)));
    });
}

QByteArray fileHash(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class TestFiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void saveAndOpenRoundTrip();
    void openFailureChangesNothing_data();
    void openFailureChangesNothing();
    void unknownEntriesAreShownOnOpen();
    void titles_data();
    void titles();
    void exampleTitleSaysIllustrative();
    void closeAsksAboutUnsavedWork();
    void autosaveWritesRecoveryFile();
    void staleLocksAreCleanedUp();
    void recoveryOfferedAndRestored();
    void recoveryCanBeDiscarded();
    void savingRemovesRecoveryFile();
    void csvImportDialogShowsProblems();
    void csvImportDialogReadsTheChosenEncoding();
    void importCsvAsNewProjectOrOutcome();
    void mergingSharesStudiesByLabel();
    void exportedGridImportsBack();
    void exportResultsWritesTables();
    void titleNamesTheFileAfterSaveAs();
    void resultsCountComparisonsAndStudies();
    void recentFilesKeepNewestFirst();

private:
    QTemporaryDir m_dir;
    QString m_recovery;
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString writeSample(const QString& name) const {
        const QString file = path(name);
        const QString error = io::writeProjectFile(test::sampleProject(), file);
        return error.isEmpty() ? file : QString();
    }
};

void TestFiles::initTestCase() {
    QVERIFY(m_dir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("EvidentTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_files"));
}

void TestFiles::init() {
    // A fresh recovery folder per test: no test sees another's autosaves.
    m_recovery =
        m_dir.filePath(QStringLiteral("recovery-%1").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QDir(m_recovery).removeRecursively();
}

void TestFiles::saveAndOpenRoundTrip() {
    MainWindow window(m_recovery);
    const QString file = writeSample(QStringLiteral("sample.evident"));
    QCOMPARE(window.files()->load(file), QString());
    QVERIFY(window.document()->project() == test::sampleProject());
    QVERIFY(!window.document()->isModified());
    QVERIFY(!window.isWindowModified());
    QCOMPARE(window.document()->filePath(), QFileInfo(file).absoluteFilePath());
    QVERIFY(window.files()->recentFiles()->files().contains(QFileInfo(file).absoluteFilePath()));

    QVERIFY(window.studyModel()->setData(
        window.studyModel()->index(0, window.studyModel()->columnOfKey(QStringLiteral("mean_t"))),
        QStringLiteral("5.5")));
    QVERIFY(window.document()->isModified());
    QVERIFY(window.isWindowModified());
    QVERIFY(window.windowTitle().contains(QStringLiteral("[*]")));

    const QString copy = path(QStringLiteral("copy")); // the suffix is added
    QCOMPARE(window.files()->saveTo(copy), QString());
    QVERIFY(!window.document()->isModified());
    QCOMPARE(window.document()->filePath(), QFileInfo(copy + QStringLiteral(".evident")).absoluteFilePath());
    const io::ProjectReadResult read = io::readProjectFile(copy + QStringLiteral(".evident"));
    QVERIFY2(read.project, qPrintable(read.error));
    QVERIFY(*read.project == window.document()->project());
    QCOMPARE(read.project->outcomes[0].rows[0].text(EntryField::MeanTreated), std::string("5.5"));
}

void TestFiles::openFailureChangesNothing_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    const QByteArray good = io::projectToJson(test::syntheticProject(3));
    QTest::newRow("truncated") << good.left(good.size() / 3) << QStringLiteral("truncated");
    QTest::newRow("corrupt") << QByteArray(
        "{\"format\": \"evident-project\", \"schema_version\": 1, \"studies\": [}")
                             << QStringLiteral("not valid JSON");
    QByteArray newer = good;
    newer.replace("\"schema_version\": " + QByteArray::number(io::projectSchemaVersion),
                  "\"schema_version\": " + QByteArray::number(io::projectSchemaVersion + 1));
    QTest::newRow("newer schema") << newer << QStringLiteral("newer version of Evident");
}

void TestFiles::openFailureChangesNothing() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    MainWindow window(m_recovery);
    const QString good = writeSample(QStringLiteral("open-failure-good.evident"));
    QCOMPARE(window.files()->load(good), QString());
    QVERIFY(window.studyModel()->setData(
        window.studyModel()->index(0, window.studyModel()->columnOfKey(QStringLiteral("mean_t"))),
        QStringLiteral("5.5")));
    QCOMPARE(window.files()->saveTo(good), QString());
    const Project before = window.document()->project();

    const QString bad = path(QStringLiteral("bad.evident"));
    writeFile(bad, bytes);
    const QByteArray hash = fileHash(bad);
    QString shown;
    whenModal([&shown](QWidget* dialog) {
        auto* box = qobject_cast<QMessageBox*>(dialog);
        shown = box->text();
        box->accept();
    });
    QVERIFY(!window.files()->open(bad));
    QVERIFY2(shown.contains(error), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("The file was not changed")));
    QVERIFY(window.document()->project() == before);
    QCOMPARE(window.document()->filePath(), QFileInfo(good).absoluteFilePath());
    QCOMPARE(fileHash(bad), hash);
}

void TestFiles::unknownEntriesAreShownOnOpen() {
    QByteArray json = io::projectToJson(test::sampleProject());
    json.replace("\"title\":", "\"reviewers\": [\"A. N. Other\"],\n    \"title\":");
    const QString file = path(QStringLiteral("unknown.evident"));
    writeFile(file, json);
    MainWindow window(m_recovery);
    QString shown;
    whenModal([&shown](QWidget* dialog) {
        auto* box = qobject_cast<QMessageBox*>(dialog);
        shown = box->text();
        box->accept();
    });
    QVERIFY(window.files()->open(file));
    QVERIFY2(shown.contains(QStringLiteral("the entry 'reviewers' is not known")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("left out when you save")));
    QVERIFY(window.document()->project() == test::sampleProject());
}

void TestFiles::titles_data() {
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("notes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("title and file") << QStringLiteral("EVs review") << QStringLiteral("/x/review.evident")
                                    << QString()
                                    << QStringLiteral("review.evident[*] \u2014 EVs review \u2014 Evident");
    QTest::newRow("title only") << QStringLiteral("EVs review") << QString() << QString()
                                << QStringLiteral("EVs review[*] \u2014 Evident");
    QTest::newRow("title is the file's name")
        << QStringLiteral("review") << QStringLiteral("/x/review.evident") << QString()
        << QStringLiteral("review.evident[*] \u2014 Evident");
    QTest::newRow("no title: file name") << QString() << QStringLiteral("/x/review.evident") << QString()
                                         << QStringLiteral("review.evident[*] \u2014 Evident");
    QTest::newRow("nothing") << QString() << QString() << QString()
                             << QStringLiteral("Untitled[*] \u2014 Evident");
    QTest::newRow("illustrative notes")
        << QStringLiteral("EVs review") << QString() << QStringLiteral("Illustrative data; made up.")
        << QStringLiteral("EVs review[*] \u2014 Illustrative data, not from real studies \u2014 Evident");
}

void TestFiles::titles() {
    QFETCH(QString, title);
    QFETCH(QString, file);
    QFETCH(QString, notes);
    QFETCH(QString, expected);
    QCOMPARE(MainWindow::titleFor(title, file, notes), expected);
}

void TestFiles::exampleTitleSaysIllustrative() {
    MainWindow window(m_recovery);
    QCOMPARE(window.files()->load(FileController::examplePath()), QString());
    QCOMPARE(window.windowTitle(),
             QStringLiteral(
                 "Stem-cell-derived extracellular vesicles for intrauterine adhesions (example)[*] \u2014 "
                 "Illustrative data, not from real studies \u2014 Evident"));
    QVERIFY(window.document()->filePath().isEmpty()); // inside the app: Save asks for a file
    QCOMPARE(window.document()->project().outcomes.size(), std::size_t(5));
    window.analysisController()->recomputeNow();
    QVERIFY(window.resultsPanel()->text().contains(QStringLiteral("Pooled effect: SMD = ")));
    bool labelShown = false;
    for (QLabel* label : window.findChildren<QLabel*>())
        labelShown =
            labelShown || (label->text().contains(QStringLiteral("Illustrative data")) && !label->isHidden());
    QVERIFY(labelShown);
}

void TestFiles::closeAsksAboutUnsavedWork() {
    MainWindow window(m_recovery);
    QCOMPARE(window.files()->load(writeSample(QStringLiteral("close.evident"))), QString());
    window.show();
    QVERIFY(window.studyModel()->setData(
        window.studyModel()->index(0, window.studyModel()->columnOfKey(QStringLiteral("mean_t"))),
        QStringLiteral("5.5")));
    QCOMPARE(window.files()->autosaver()->saveNow(), QString());
    QVERIFY(QFileInfo::exists(window.files()->autosaver()->recoveryPath()));

    answer(QStringLiteral("Cancel"));
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    QVERIFY(window.document()->isModified());

    answer(QStringLiteral("Discard"));
    QVERIFY(window.close());
    // A clean close leaves no recovery copy behind.
    QVERIFY(!QFileInfo::exists(window.files()->autosaver()->recoveryPath()));
    QVERIFY(Autosaver::findRecoveryFiles(m_recovery).isEmpty());
}

void TestFiles::autosaveWritesRecoveryFile() {
    Document document;
    Autosaver autosaver(&document, m_recovery);
    autosaver.setInterval(20);
    document.resetProject(test::sampleProject(), path(QStringLiteral("original.evident")));
    QTest::qWait(60);
    QVERIFY(!QFileInfo::exists(autosaver.recoveryPath())); // nothing unsaved, nothing written
    StudyTableModel model(&document);
    QVERIFY(model.setData(model.index(1, 1), QStringLiteral("Renamed 2020")));
    QTRY_VERIFY(QFileInfo::exists(autosaver.recoveryPath()));
    const io::ProjectReadResult read = io::readProjectFile(autosaver.recoveryPath());
    QVERIFY2(read.project, qPrintable(read.error));
    QVERIFY(*read.project == document.project());
    // While this session runs, its copy is not offered to anyone.
    QVERIFY(Autosaver::findRecoveryFiles(m_recovery).isEmpty());
    QVERIFY(QFileInfo::exists(autosaver.recoveryPath()));
}

void TestFiles::staleLocksAreCleanedUp() {
    QDir().mkpath(m_recovery);
    // The lock of a session killed before it saved anything: its process is gone.
    const QString stale = QDir(m_recovery).filePath(QStringLiteral("killed.lock"));
    writeFile(stale, "2147483646\nevident\n" + QSysInfo::machineHostName().toUtf8() + "\n");
    Document document;
    Autosaver running(&document, m_recovery); // a live session's lock stays
    QVERIFY(Autosaver::findRecoveryFiles(m_recovery).isEmpty());
    QVERIFY(!QFileInfo::exists(stale));
    QCOMPARE(QDir(m_recovery).entryList({QStringLiteral("*.lock")}, QDir::Files).size(), 1);
}

void TestFiles::recoveryOfferedAndRestored() {
    const QString original = writeSample(QStringLiteral("recover.evident"));
    const QByteArray originalHash = fileHash(original);
    Project edited;
    {
        // A session that ends without closing its window (a crash): its autosave stays.
        MainWindow crashed(m_recovery);
        QCOMPARE(crashed.files()->load(original), QString());
        QVERIFY(
            crashed.studyModel()->setData(crashed.studyModel()->index(0, 1), QStringLiteral("Edited 2019")));
        QCOMPARE(crashed.files()->autosaver()->saveNow(), QString());
        edited = crashed.document()->project();
    }
    const QList<RecoveryFile> found = Autosaver::findRecoveryFiles(m_recovery);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.front().originalPath, QFileInfo(original).absoluteFilePath());
    QCOMPARE(found.front().title, QStringLiteral("Sample review"));
    QVERIFY(found.front().savedAt.isValid());

    MainWindow next(m_recovery);
    answer(QStringLiteral("Restore"));
    next.files()->offerRecovery();
    QVERIFY(next.document()->project() == edited);
    QVERIFY(next.document()->isModified()); // restored changes are not saved yet
    QCOMPARE(next.document()->filePath(), QFileInfo(original).absoluteFilePath());
    QVERIFY(!QFileInfo::exists(found.front().projectPath));                // the old copy is gone ...
    QVERIFY(QFileInfo::exists(next.files()->autosaver()->recoveryPath())); // ... this session keeps one
    QCOMPARE(fileHash(original), originalHash); // the original file was never touched
    QCOMPARE(next.studyModel()->index(0, 1).data().toString(), QStringLiteral("Edited 2019"));
}

void TestFiles::recoveryCanBeDiscarded() {
    {
        MainWindow crashed(m_recovery);
        QCOMPARE(crashed.files()->load(writeSample(QStringLiteral("discard.evident"))), QString());
        QVERIFY(crashed.studyModel()->setData(crashed.studyModel()->index(0, 1), QStringLiteral("X")));
        QCOMPARE(crashed.files()->autosaver()->saveNow(), QString());
    }
    QCOMPARE(Autosaver::findRecoveryFiles(m_recovery).size(), 1);
    MainWindow next(m_recovery);
    answer(QStringLiteral("Not Now"));
    next.files()->offerRecovery();
    QCOMPARE(Autosaver::findRecoveryFiles(m_recovery).size(), 1); // still there for next time
    answer(QStringLiteral("Discard"));
    next.files()->offerRecovery();
    QVERIFY(Autosaver::findRecoveryFiles(m_recovery).isEmpty());
    QVERIFY(next.document()->project().outcomes.empty()); // nothing was loaded
}

void TestFiles::savingRemovesRecoveryFile() {
    MainWindow window(m_recovery);
    QCOMPARE(window.files()->load(writeSample(QStringLiteral("save.evident"))), QString());
    QVERIFY(window.studyModel()->setData(window.studyModel()->index(0, 1), QStringLiteral("X")));
    QCOMPARE(window.files()->autosaver()->saveNow(), QString());
    QVERIFY(QFileInfo::exists(window.files()->autosaver()->recoveryPath()));
    QVERIFY(window.files()->save());
    QVERIFY(!QFileInfo::exists(window.files()->autosaver()->recoveryPath()));
}

void TestFiles::csvImportDialogShowsProblems() {
    const QString csv = path(QStringLiteral("glands.csv"));
    writeFile(csv, "study,mean_t,sd_t,n_t,mean_c,sd_c,n_c,route\n"
                   "Ali 2019,5.1,1.2,8,3.0,1.1,8,intrauterine\n"
                   "Bo 2020,6.3,-1,6,3.2,0.9,6,intravenous\n"
                   "Chen 2021,4.9,1.4,10,3.5,1.3,10,intrauterine\n");
    CsvImportDialog dialog(csv, false);
    QCOMPARE(dialog.fileError(), QString());
    QCOMPARE(dialog.preview()->rowCount(), 4); // the roles row and three records
    QCOMPARE(dialog.roles().value(0), io::ColumnRole::Study);
    QCOMPARE(dialog.roles().value(7), io::ColumnRole::Covariate);
    QStringList problems;
    for (int i = 0; i < dialog.problems()->count(); ++i)
        problems.append(dialog.problems()->item(i)->text());
    QCOMPARE(problems,
             QStringList{QStringLiteral(
                 "line 3, column 'sd_t' (study 'Bo 2020'): SD (treated) must be greater than 0 (got -1)")});
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    dialog.setRole(0, io::ColumnRole::Ignore);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.problems()->item(0)->text().contains(QStringLiteral("There is no 'study' column")));
    dialog.setRole(0, io::ColumnRole::Study);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.result().project.outcomes.front().rows.size(), std::size_t(3));
}

void TestFiles::csvImportDialogReadsTheChosenEncoding() {
    // Saved by Excel on Windows (Windows-1252): "Müller €" is FC for ü and 80 for the euro sign.
    const QString csv = path(QStringLiteral("excel.csv"));
    writeFile(csv, "study,yi,vi\r\nM\xFCller \x80,0.5,0.1\r\n");
    CsvImportDialog dialog(csv, false);
    QCOMPARE(dialog.fileError(), QString());
    QCOMPARE(dialog.encoding(), io::TextEncoding::Automatic);
    QCOMPARE(dialog.preview()->item(1, 0)->text(), QStringLiteral("M\u00fcller \u20ac"));
    QVERIFY(dialog.problems()->count() > 0);
    QVERIFY2(dialog.problems()->item(0)->text().contains(QStringLiteral("read as Windows-1252")),
             qPrintable(dialog.problems()->item(0)->text()));
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    dialog.setEncoding(io::TextEncoding::Utf8); // not UTF-8: refused with the line, nothing mangled
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.problems()->item(0)->text().contains(QStringLiteral("line 2")));
    dialog.setEncoding(io::TextEncoding::Latin1); // the user's choice: 0x80 is a control character there
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.preview()->item(1, 0)->text(), QStringLiteral("M\u00fcller \u0080"));
    QCOMPARE(QString::fromStdString(dialog.result().project.studies.front().label),
             QStringLiteral("M\u00fcller \u0080"));
}

void TestFiles::importCsvAsNewProjectOrOutcome() {
    const QString csv = path(QStringLiteral("Fibrosis.csv"));
    writeFile(csv, "study,yi,vi,Route,Strain\n"
                   "Ali 2019,-1.1,0.2,intrauterine,SD\n"
                   "Zed 2024,-0.7,0.3,intravenous,Wistar\n");
    MainWindow window(m_recovery);
    QCOMPARE(window.files()->load(writeSample(QStringLiteral("import.evident"))), QString());
    const Project before = window.document()->project();

    whenModal([](QWidget* dialog) {
        dialog->findChildren<QRadioButton*>().at(1)->setChecked(true); // add as outcome
        static_cast<QDialog*>(dialog)->accept();
        answer(QStringLiteral("OK")); // the note that Ali 2019 is shared
    });
    window.files()->importCsv(csv);
    const Project& after = window.document()->project();
    QCOMPARE(after.outcomes.size(), std::size_t(3));
    QCOMPARE(after.outcomes.back().name, std::string("Fibrosis"));
    QCOMPARE(window.document()->currentOutcome(), 2);
    QCOMPARE(after.studies.size(), before.studies.size() + 1); // Ali 2019 is shared
    QCOMPARE(after.covariateNames.back(), std::string("Strain"));
    QCOMPARE(window.document()->undoStack()->count(), 1);
    window.document()->undoStack()->undo();
    QVERIFY(window.document()->project() == before);

    // As a new project (the undone import left nothing unsaved, so nothing is asked first).
    whenModal([](QWidget* dialog) { static_cast<QDialog*>(dialog)->accept(); });
    window.files()->importCsv(csv);
    QCOMPARE(window.document()->project().studies.size(), std::size_t(2));
    QCOMPARE(window.document()->project().title, std::string("Fibrosis"));
    QVERIFY(window.document()->isModified());
    QVERIFY(window.document()->filePath().isEmpty());
}

void TestFiles::mergingSharesStudiesByLabel() {
    Project imported;
    imported.covariateNames = {"route", "Strain"};
    imported.studies = {makeStudy(1, " Ali 2019 ", {"intravenous", "SD"}),
                        makeStudy(2, "New 2024", {"", "Wistar"})};
    Outcome outcome;
    outcome.name = "Embryos";
    outcome.rows = {makeRow(1, true, meanSdEntry("1", "1", "5"), meanSdEntry("0", "1", "5")),
                    makeRow(2, true, meanSdEntry("2", "1", "6"), meanSdEntry("0", "1", "6"))};
    imported.outcomes = {outcome};
    const MergedProject merged = addImportedOutcome(test::sampleProject(), imported);
    const Project& project = merged.project;
    QCOMPARE(project.covariateNames.size(), std::size_t(5)); // "route" matches "Route"; Strain is new
    QCOMPARE(project.studies.size(), std::size_t(6));
    QCOMPARE(project.outcomes.back().rows[0].study, StudyId(10)); // Ali 2019
    const Study* added = project.study(project.outcomes.back().rows[1].study);
    QVERIFY(added);
    QCOMPARE(added->label, std::string("New 2024"));
    QCOMPARE(added->covariateValues.size(), std::size_t(5));
    QCOMPARE(project.study(10)->covariateValues[0], std::string("intrauterine")); // kept for its rows
    QCOMPARE(project.study(10)->covariateValues[4], std::string("SD"));           // filled
    // The file's different route is the imported row's own, so neither outcome's data changes.
    QCOMPARE(project.outcomes.back().rows[0].covariateValues, (std::vector<std::string>{"intravenous"}));
    QCOMPARE(project.covariateValue(project.outcomes.back().rows[0], 4), std::string("SD"));
    QCOMPARE(project.covariateValue(project.outcomes.front().rows[0], 0), std::string("intrauterine"));
    QVERIFY(project.outcomes.back().rows[1].covariateValues.empty());
    QCOMPARE(merged.notes.size(), 2);
    QVERIFY2(merged.notes[1].contains(QStringLiteral("Route is 'intravenous' in the imported rows")),
             qPrintable(merged.notes[1]));
}

void TestFiles::exportedGridImportsBack() {
    MainWindow window(m_recovery);
    QCOMPARE(window.files()->load(writeSample(QStringLiteral("export.evident"))), QString());
    const QString csv = path(QStringLiteral("grid.csv"));
    QCOMPARE(window.files()->exportGrid(csv), QString());
    CsvImportDialog dialog(csv, false);
    QCOMPARE(dialog.fileError(), QString());
    QCOMPARE(dialog.roles().value(0), io::ColumnRole::Study);
    QVERIFY(dialog.roles().contains(io::ColumnRole::Include)); // read back, not taken for a characteristic
    const io::CsvImport& imported = dialog.result();
    QVERIFY(imported.errors.isEmpty());
    const Project& original = window.document()->project();
    QCOMPARE(imported.project.covariateNames, original.covariateNames);
    const auto& rows = imported.project.outcomes.front().rows;
    QCOMPARE(rows.size(), original.outcomes[0].rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const OutcomeRow& expected = original.outcomes[0].rows[r];
        QCOMPARE(rows[r].included, expected.included);
        QVERIFY(armEntry(rows[r], ArmSide::Treated) == armEntry(expected, ArmSide::Treated));
        QVERIFY(armEntry(rows[r], ArmSide::Control) == armEntry(expected, ArmSide::Control));
        QCOMPARE(imported.project.study(rows[r].study)->label, original.study(expected.study)->label);
        QVERIFY(imported.project.study(rows[r].study)->covariateValues
                == original.study(expected.study)->covariateValues);
    }
    // The include flags are in the file, for the reader.
    const io::CsvParseResult parsed = io::readCsvFile(csv);
    QCOMPARE(parsed.table.records[2].value(parsed.table.header.indexOf(QStringLiteral("include"))),
             QStringLiteral("no"));
}

void TestFiles::exportResultsWritesTables() {
    MainWindow window(m_recovery);
    QCOMPARE(window.files()->load(writeSample(QStringLiteral("results.evident"))), QString());
    window.analysisController()->recomputeNow();
    const OutcomeAnalysis& analysis = *window.analysisController()->analysis();
    const QString file = path(QStringLiteral("Glands results.csv"));
    QCOMPARE(window.files()->exportResults(file), QString());
    const io::CsvParseResult csv = io::readCsvFile(file);
    QCOMPARE(csv.error, QString());
    const QStringList& header = csv.table.header;
    const auto column = [&header](const QString& name) { return static_cast<int>(header.indexOf(name)); };
    for (const char* name : {"Row", "Study or subgroup", "k", "Weight (%)", "SE", "SMD", "95% CI lower",
                             "95% CI upper", "P", "Tau\u00b2", "I\u00b2"})
        QVERIFY2(column(QString::fromUtf8(name)) >= 0, name);
    // One row per analysed comparison, with its own effect size, CI and weight; then the pooled result.
    const AnalysisData& data = analysis.prepared.data;
    const double z = 1.959963984540054; // qnorm(0.975)
    double weights = 0;
    qsizetype r = 0;
    for (; r < csv.table.records.size() && csv.table.records[r].value(0) == QStringLiteral("study"); ++r) {
        const QStringList& row = csv.table.records[r];
        const auto i = static_cast<std::size_t>(r);
        QCOMPARE(row.value(column(QStringLiteral("Study or subgroup"))),
                 QString::fromStdString(data.labels[i]));
        const double yi = row.value(column(QStringLiteral("SMD"))).toDouble();
        QCOMPARE(yi, data.yi[i]);
        QVERIFY(std::abs(row.value(column(QStringLiteral("95% CI lower"))).toDouble()
                         - (data.yi[i] - z * std::sqrt(data.vi[i])))
                < 1e-12);
        QVERIFY(std::abs(row.value(column(QStringLiteral("95% CI upper"))).toDouble()
                         - (data.yi[i] + z * std::sqrt(data.vi[i])))
                < 1e-12);
        const double weight = row.value(column(QStringLiteral("Weight (%)"))).toDouble();
        QCOMPARE(weight, analysis.result.overall.weightPercent[i]);
        weights += weight;
    }
    QCOMPARE(r, static_cast<qsizetype>(data.size()));
    QVERIFY(std::abs(weights - 100) < 1e-9);
    const QStringList& pooled = csv.table.records.value(r);
    QCOMPARE(pooled.value(0), QStringLiteral("pooled"));
    QCOMPARE(pooled.value(column(QStringLiteral("k"))).toInt(), analysis.result.overall.k);
    QCOMPARE(pooled.value(column(QStringLiteral("SMD"))).toDouble(), analysis.result.overall.estimate);
    QCOMPARE(pooled.value(column(QStringLiteral("P"))).toDouble(), analysis.result.overall.p);
    // One file, as asked for: no folder of separate tables beside it.
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("Glands-results.txt"))));
}

void TestFiles::titleNamesTheFileAfterSaveAs() {
    MainWindow window(m_recovery);
    QCOMPARE(window.files()->load(FileController::examplePath()), QString());
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("Stem-cell-derived")));
    QCOMPARE(window.files()->saveTo(path(QStringLiteral("my review.evident"))), QString());
    QVERIFY2(window.windowTitle().startsWith(QStringLiteral("my review.evident[*] \u2014 ")),
             qPrintable(window.windowTitle()));
}

void TestFiles::resultsCountComparisonsAndStudies() {
    MainWindow window(m_recovery);
    QCOMPARE(window.files()->load(FileController::examplePath()), QString());
    window.analysisController()->recomputeNow();
    const OutcomeAnalysis& analysis = *window.analysisController()->analysis();
    std::set<StudyId> studies;
    const Outcome& outcome = *window.document()->currentOutcomeData();
    for (std::size_t row : analysis.prepared.rows)
        studies.insert(outcome.rows[row].study);
    QVERIFY(studies.size() < static_cast<std::size_t>(analysis.result.overall.k)); // arms of one study
    QVERIFY2(window.resultsPanel()->text().contains(QStringLiteral("%1 comparisons from %2 studies")
                                                        .arg(analysis.result.overall.k)
                                                        .arg(studies.size())),
             qPrintable(window.resultsPanel()->text().left(200)));
    // The export ends with the analysis without the studies at high risk of bias, as the panel shows it.
    const RobSensitivity* rob = window.resultsPanel()->robSensitivityPanel()->sensitivity();
    QVERIFY(rob && !rob->excludedStudies.empty());
    const QString file = path(QStringLiteral("example-results.csv"));
    QCOMPARE(window.files()->exportResults(file), QString());
    const io::CsvParseResult csv = io::readCsvFile(file);
    QCOMPARE(csv.table.records.last().value(0), QStringLiteral("risk-of-bias sensitivity"));
    QCOMPARE(csv.table.records.last().value(2).toInt(), rob->analysis.result.overall.k);
}

void TestFiles::recentFilesKeepNewestFirst() {
    RecentFiles recent;
    recent.clear();
    QStringList files;
    for (int i = 0; i < RecentFiles::maximum + 2; ++i) {
        files.append(path(QStringLiteral("recent-%1.evident").arg(i)));
        writeFile(files.last(), "{}");
        recent.add(files.last());
    }
    recent.add(files[RecentFiles::maximum]); // again: moves to the top, no duplicate
    const QStringList list = recent.files();
    QCOMPARE(list.size(), RecentFiles::maximum);
    QCOMPARE(list.front(), QFileInfo(files[RecentFiles::maximum]).absoluteFilePath());
    QCOMPARE(list[1], QFileInfo(files.last()).absoluteFilePath());
    QFile::remove(files.last());
    QVERIFY(
        !recent.files().contains(QFileInfo(files.last()).absoluteFilePath())); // gone from disk: not listed
}

QTEST_MAIN(TestFiles)
#include "tst_files.moc"
