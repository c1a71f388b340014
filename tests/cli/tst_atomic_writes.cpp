// SPDX-License-Identifier: GPL-3.0-or-later
// Files are written whole or not at all: figure exports replace a file only once the new one is
// complete, an evident-cli run killed midway leaves the previous files byte-identical, and the report
// never lets two outcomes' files overwrite each other.
#include "app/cli/cli.h"
#include "core/project/outcomeanalysis.h"
#include "io/projectfile.h"
#include "tests/cli/clirun.h"
#include "tests/support/sampleproject.h"
#include "tests/support/testsupport.h"
#include "ui/export/figureexport.h"
#include "ui/plots/figuremodel.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace evident;

namespace {

/// How many runs a test kills: `normal`, or fewer when EVIDENT_KILLED_RUNS says so (the sanitizer
/// build of CI, where each evident-cli run is several times slower; docs/testing.md).
int killedRuns(int normal) {
    bool ok = false;
    const int cap = qEnvironmentVariableIntValue("EVIDENT_KILLED_RUNS", &ok);
    return ok && cap > 0 ? std::min(normal, cap) : normal;
}

QByteArray contents(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// A two-group CSV of `studies` studies: large enough that rendering its forest plot takes a while.
QByteArray largeCsv(int studies) {
    QByteArray csv = "study,mean_t,sd_t,n_t,mean_c,sd_c,n_c\n";
    for (int i = 0; i < studies; ++i)
        csv += QStringLiteral("Study %1 %2,%3,%4,%5,%6,%7,%8\n")
                   .arg(i + 1)
                   .arg(1990 + i % 30)
                   .arg(10 + i % 7)
                   .arg(2 + i % 3)
                   .arg(6 + i % 5)
                   .arg(8 + i % 4)
                   .arg(2 + i % 2)
                   .arg(6 + i % 3)
                   .toUtf8();
    return csv;
}

/// A complete file of its format: what a killed run may leave only if it had already finished.
bool isComplete(const QByteArray& bytes, const QString& path) {
    if (path.endsWith(QStringLiteral(".pdf")))
        return bytes.startsWith("%PDF-") && bytes.trimmed().endsWith("%%EOF");
    if (path.endsWith(QStringLiteral(".png")))
        return bytes.startsWith("\x89PNG") && bytes.right(8) == QByteArray("IEND\xAE\x42\x60\x82", 8);
    return !bytes.isEmpty();
}

struct Outputs {
    QMap<QString, QByteArray> files; ///< File name → bytes
};

Outputs snapshot(const QString& dir) {
    Outputs outputs;
    for (const QString& name : QDir(dir).entryList(QDir::Files))
        outputs.files.insert(name, contents(QDir(dir).filePath(name)));
    return outputs;
}

} // namespace

class TestAtomicWrites : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void exportReplacesTheWholeFile_data();
    void exportReplacesTheWholeFile();
    void failedExportLeavesThePreviousFile_data();
    void failedExportLeavesThePreviousFile();
    void killedRenderLeavesThePreviousFile_data();
    void killedRenderLeavesThePreviousFile();
    void killedReportLeavesThePreviousFiles();
    void reportFileNamesAreUniquePerOutcome();

private:
    /// Runs evident-cli with `arguments` and kills it after `delayMs`; true if it had finished by then.
    bool runAndKill(const QStringList& arguments, int delayMs);
    /// How long an uninterrupted run of evident-cli takes, in ms.
    qint64 timeRun(const QStringList& arguments);

    QTemporaryDir m_dir;
    QString m_largeCsv;
};

void TestAtomicWrites::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_largeCsv = m_dir.filePath(QStringLiteral("large.csv"));
    QVERIFY(writeBytes(m_largeCsv, largeCsv(600)));
}

void TestAtomicWrites::exportReplacesTheWholeFile_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << "png" << QByteArray("\x89PNG");
    QTest::newRow("tiff") << "tiff" << QByteArray("II*");
    QTest::newRow("svg") << "svg" << QByteArray("<?xml");
    QTest::newRow("pdf") << "pdf" << QByteArray("%PDF-");
}

void TestAtomicWrites::exportReplacesTheWholeFile() {
    QFETCH(QString, format);
    QFETCH(QByteArray, magic);
    const Project project = test::sampleProject();
    const Outcome& outcome = project.outcomes.front();
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    FigureSettings settings = plots::FigureModel::settingsOf(outcome, FigureKind::Forest);
    settings.dpi = 150;
    const plots::FigureModel model =
        plots::FigureModel::build(FigureKind::Forest, analysis, outcome, settings, project.studies);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("figure.") + format);
    QVERIFY(writeBytes(path, QByteArray(100000, 'x'))); // longer than some of the new files
    const plots::ExportResult result =
        plots::exportFigure(model, settings, path, plots::parseExportFormat(format));
    QVERIFY2(result.ok, qPrintable(result.error));
    const QByteArray bytes = contents(path);
    QVERIFY(bytes.startsWith(magic));
    QVERIFY(!bytes.contains(QByteArray(1000, 'x'))); // nothing of the old file is left
    if (format == u"svg")                            // the exact size in mm is set in the file
        QVERIFY(bytes.left(600).contains("mm\" height=\""));
    // QSaveFile's temporary file was renamed onto the name: no other file is left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QFileInfo(path).fileName()});
}

void TestAtomicWrites::failedExportLeavesThePreviousFile_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<double>("dpi");
    QTest::newRow("png, too many pixels") << "png" << 2400.0;
    QTest::newRow("pdf, bad dpi") << "pdf" << -1.0;
}

void TestAtomicWrites::failedExportLeavesThePreviousFile() {
    QFETCH(QString, format);
    QFETCH(double, dpi);
    const Project project = test::syntheticProject(400);
    const Outcome& outcome = project.outcomes.front();
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    FigureSettings settings = plots::FigureModel::settingsOf(outcome, FigureKind::Forest);
    settings.dpi = dpi;
    settings.widthMm = 1000;
    const plots::FigureModel model =
        plots::FigureModel::build(FigureKind::Forest, analysis, outcome, settings, project.studies);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("figure.") + format);
    const QByteArray previous("the previous figure");
    QVERIFY(writeBytes(path, previous));
    const plots::ExportResult result =
        plots::exportFigure(model, settings, path, plots::parseExportFormat(format));
    QVERIFY(!result.ok);
    QVERIFY(result.error.contains(QStringLiteral("dpi")));
    QCOMPARE(contents(path), previous);
}

qint64 TestAtomicWrites::timeRun(const QStringList& arguments) {
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    process.start(QStringLiteral(EVIDENT_CLI_PATH), arguments);
    if (!process.waitForFinished(300000) || process.exitCode() > 1)
        return -1;
    return timer.elapsed();
}

bool TestAtomicWrites::runAndKill(const QStringList& arguments, int delayMs) {
    QProcess process;
    process.start(QStringLiteral(EVIDENT_CLI_PATH), arguments);
    if (!process.waitForStarted())
        return false;
    if (process.waitForFinished(delayMs))
        return true;
    process.kill(); // SIGKILL: no clean-up runs, as in a crash or power loss
    process.waitForFinished();
    return false;
}

void TestAtomicWrites::killedRenderLeavesThePreviousFile_data() {
    QTest::addColumn<QString>("format");
    QTest::newRow("pdf") << "pdf";
    QTest::newRow("png") << "png";
}

void TestAtomicWrites::killedRenderLeavesThePreviousFile() {
    QFETCH(QString, format);
    const QString out = m_dir.filePath(QStringLiteral("forest.") + format);
    QFile::remove(out);
    const QStringList arguments{QStringLiteral("render"),   m_largeCsv,
                                QStringLiteral("--figure"), QStringLiteral("forest"),
                                QStringLiteral("--dpi"),    QStringLiteral("300"),
                                QStringLiteral("--out"),    out};
    const qint64 whole = timeRun(arguments);
    QVERIFY2(whole > 0, "an uninterrupted render must succeed");
    QByteArray previous = contents(out);
    QVERIFY(isComplete(previous, out));
    // Kill the run at points spread over its whole length, most of them while the file is written.
    const int runs = killedRuns(10);
    int killed = 0;
    for (int i = 0; i < runs; ++i) {
        const int delay = static_cast<int>(whole * (0.1 + 0.8 * i / runs));
        const bool finished = runAndKill(arguments, delay);
        const QByteArray now = contents(out);
        killed += finished ? 0 : 1;
        if (now == previous)
            continue;
        // Changed: only a run that got as far as renaming its complete file may change it.
        QVERIFY2(isComplete(now, out),
                 qPrintable(QStringLiteral("%1 after %2 ms of %3: the file is torn "
                                           "(%4 bytes)")
                                .arg(finished ? QStringLiteral("finished") : QStringLiteral("killed"))
                                .arg(delay)
                                .arg(whole)
                                .arg(now.size())));
        previous = now;
    }
    QVERIFY2(killed >= runs / 3, "most runs should have been killed midway");
}

void TestAtomicWrites::killedReportLeavesThePreviousFiles() {
    const QString dir = m_dir.filePath(QStringLiteral("report"));
    const QStringList arguments{QStringLiteral("report"), m_largeCsv, QStringLiteral("--out"), dir};
    const qint64 whole = timeRun(arguments);
    QVERIFY2(whole > 0, "an uninterrupted report must succeed");
    Outputs previous = snapshot(dir);
    QVERIFY(previous.files.size() >= 8);
    const int runs = killedRuns(6);
    for (int i = 0; i < runs; ++i) {
        const int delay = static_cast<int>(whole * (0.1 + 0.8 * i / runs));
        runAndKill(arguments, delay);
        const Outputs now = snapshot(dir);
        for (auto it = now.files.cbegin(); it != now.files.cend(); ++it) {
            if (!previous.files.contains(it.key()))
                continue; // A temporary file of the killed run (never under a final name)
            // Each file is the previous one or a complete new one, never a torn one.
            const bool same = it.value() == previous.files.value(it.key());
            QVERIFY2(same || isComplete(it.value(), it.key()), qPrintable(it.key()));
        }
    }
}

void TestAtomicWrites::reportFileNamesAreUniquePerOutcome() {
    Project project = test::sampleProject();
    const Outcome first = project.outcomes.front();
    project.outcomes.clear();
    for (const char* name : {"Fibrosis", "fibrosis!", "FIBROSIS", "Fibrosis 2"}) {
        Outcome outcome = first;
        outcome.name = name;
        project.outcomes.push_back(outcome);
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("names.evident"));
    QCOMPARE(io::writeProjectFile(project, path), QString());
    const QString out = dir.filePath(QStringLiteral("out"));
    const test::CliRun run = test::runCli({QStringLiteral("report"), path, QStringLiteral("--out"), out});
    QVERIFY2(run.status == cli::ExitOk || run.status == cli::ExitAnalysisFailed, qPrintable(run.err));
    QStringList reports = QDir(out).entryList({QStringLiteral("*-report.txt")}, QDir::Files, QDir::Name);
    // Outcome order: "Fibrosis" keeps the plain name, the next ones take -2, -3; "Fibrosis 2" slugs
    // to the taken "fibrosis-2" and so becomes "fibrosis-2-2".
    QCOMPARE(reports,
             (QStringList{QStringLiteral("fibrosis-2-2-report.txt"), QStringLiteral("fibrosis-2-report.txt"),
                          QStringLiteral("fibrosis-3-report.txt"), QStringLiteral("fibrosis-report.txt")}));
    for (const QString& report : reports) {
        const QByteArray text = contents(QDir(out).filePath(report));
        QVERIFY(!text.isEmpty());
    }
}

QTEST_MAIN(TestAtomicWrites)
#include "tst_atomic_writes.moc"
