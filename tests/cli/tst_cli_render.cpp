// SPDX-License-Identifier: GPL-3.0-or-later
// evident-cli render and report, end to end: files of the requested size and format, exit statuses
// and messages for bad options, and the executable running headless.
#include "app/cli/cli.h"
#include "core/plotdata/figurelayout.h"
#include "tests/cli/clirun.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <cmath>

using namespace evident;
using namespace evident::cli;

namespace {

using Run = evident::test::CliRun;
using evident::test::runCli;

QString s(const char* text) {
    return QString::fromUtf8(text);
}

QStringList list(std::initializer_list<const char*> items) {
    QStringList result;
    for (const char* item : items)
        result.append(QString::fromUtf8(item));
    return result;
}

QString example() {
    return QStringLiteral(EVIDENT_SOURCE_DIR "/resources/examples/besson2016-open-arm-entries.csv");
}

QString bundledProject() {
    return QStringLiteral(EVIDENT_SOURCE_DIR "/resources/examples/ev-intrauterine-adhesions.evident");
}

/// Sixteen synthetic studies with SYRCLE judgements (rob_* columns), the risk-of-bias figures' example.
QString robExample() {
    return QStringLiteral(EVIDENT_SOURCE_DIR "/docs/figures/synthetic-rob-16-studies.csv");
}

} // namespace

class TestCliRender : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void renderEachFigure_data();
    void renderEachFigure();
    void renderVectorFormats_data();
    void renderVectorFormats();
    void renderUsageErrors_data();
    void renderUsageErrors();
    void tsaWithoutMinimalEffectStillDrawsTheReason();
    void reportWritesEverythingForEachOutcome();
    void riskOfBiasFiguresInEveryFormat_data();
    void riskOfBiasFiguresInEveryFormat();
    void riskOfBiasSummaryWithoutAssessmentsSaysWhy();
    void reportAddsTheSummaryWhenStudiesWereAssessed();
    void executableRendersWithoutADisplay();
    void bundledProjectRendersAsTheAppShowsIt();
    void everyCommandHonoursTheSavedSettings();
    void dichotomousOutcomeRendersEveryFigure_data();
    void dichotomousOutcomeRendersEveryFigure();
    void reportKeepsSettingsOfOutcomesOfTheOtherKind();

private:
    QTemporaryDir m_dir;
};

void TestCliRender::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(example()));
    QVERIFY(QFile::exists(robExample()));
}

void TestCliRender::renderEachFigure_data() {
    QTest::addColumn<QString>("figure");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("forest png") << s("forest") << s("png") << QStringList{};
    QTest::newRow("forest with subgroups tiff")
        << s("forest") << s("tiff") << list({"--subgroup", "manipulation"});
    QTest::newRow("forest MD png") << s("forest") << s("png") << list({"--measure", "MD"});
    QTest::newRow("funnel png") << s("funnel") << s("png") << QStringList{};
    QTest::newRow("tsa png") << s("tsa") << s("png") << list({"--mre", "0.5", "--tsa-order", "year"});
    QTest::newRow("tsa MD with futility tiff")
        << s("tsa") << s("tiff") << list({"--measure", "MD", "--mre", "1", "--tsa-sd", "2.5", "--futility"});
    QTest::newRow("tsa with a negative minimal effect png")
        << s("tsa") << s("png") << list({"--measure", "MD", "--mre", "-1", "--tsa-sd", "2.5"});
    QTest::newRow("cumulative png") << s("cumulative") << s("png") << list({"--order", "year"});
    QTest::newRow("leave-one-out png") << s("leave-one-out") << s("png") << QStringList{};
}

void TestCliRender::renderEachFigure() {
    QFETCH(QString, figure);
    QFETCH(QString, format);
    QFETCH(QStringList, extra);
    const QString out = m_dir.filePath(figure + QLatin1Char('.') + format);
    QFile::remove(out);
    const Run run =
        runCli(QStringList{QStringLiteral("render"), example(), QStringLiteral("--figure"), figure,
                           QStringLiteral("--format"), format, QStringLiteral("--width-mm"),
                           QStringLiteral("120"), QStringLiteral("--height-mm"), QStringLiteral("90"),
                           QStringLiteral("--dpi"), QStringLiteral("200"), QStringLiteral("--out"), out}
               + extra);
    QVERIFY2(run.status == ExitOk, qPrintable(run.err));
    QVERIFY(run.out.startsWith(out));
    const QImage image(out);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(pixelsForMm(120, 200), pixelsForMm(90, 200)));
}

void TestCliRender::renderVectorFormats_data() {
    QTest::addColumn<QString>("figure");
    QTest::addColumn<QString>("extension");
    QTest::newRow("forest pdf by extension") << s("forest") << s("pdf");
    QTest::newRow("funnel svg by extension") << s("funnel") << s("svg");
    QTest::newRow("tsa pdf by extension") << s("tsa") << s("pdf");
}

void TestCliRender::renderVectorFormats() {
    QFETCH(QString, figure);
    QFETCH(QString, extension);
    const QString out = m_dir.filePath(QStringLiteral("vector-") + figure + QLatin1Char('.') + extension);
    const Run run = runCli({QStringLiteral("render"), example(), QStringLiteral("--figure"), figure,
                            QStringLiteral("--mre"), QStringLiteral("0.5"), QStringLiteral("--out"), out});
    QVERIFY2(run.status == ExitOk, qPrintable(run.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    if (extension == u"pdf") {
        QVERIFY(file.readAll().startsWith("%PDF-"));
    } else {
        QVERIFY(QSvgRenderer(out).isValid());
    }
}

void TestCliRender::renderUsageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const QString file = example();
    const QString out = QStringLiteral("/tmp/never-written.png");
    QTest::newRow("no figure") << QStringList{s("render"), file, s("--out"), out} << int(ExitUsage)
                               << s("--figure");
    QTest::newRow("unknown figure") << QStringList{s("render"), file,       s("--figure"),
                                                   s("pie"),    s("--out"), out}
                                    << int(ExitUsage) << s("--figure");
    QTest::newRow("no output") << QStringList{s("render"), file, s("--figure"), s("forest")} << int(ExitUsage)
                               << s("--out");
    QTest::newRow("unknown format") << QStringList{s("render"), file,       s("--figure"),
                                                   s("forest"), s("--out"), s("/tmp/x.bmp")}
                                    << int(ExitUsage) << s("--format");
    QTest::newRow("width not a number") << QStringList{s("render"),     file,      s("--figure"), s("forest"),
                                                       s("--width-mm"), s("wide"), s("--out"),    out}
                                        << int(ExitUsage) << s("--width-mm");
    QTest::newRow("width out of range") << QStringList{s("render"),     file,   s("--figure"), s("forest"),
                                                       s("--width-mm"), s("5"), s("--out"),    out}
                                        << int(ExitUsage) << s("width");
    QTest::newRow("missing file") << QStringList{s("render"),   s("/nonexistent.csv"),
                                                 s("--figure"), s("forest"),
                                                 s("--out"),    out}
                                  << int(ExitInputError) << s("does not exist");
    QTest::newRow("unknown subgroup column")
        << QStringList{s("render"),     file,        s("--figure"), s("forest"),
                       s("--subgroup"), s("colour"), s("--out"),    out}
        << int(ExitUsage) << s("colour");
    QTest::newRow("unknown measure") << QStringList{s("render"),    file,    s("--figure"), s("forest"),
                                                    s("--measure"), s("OR"), s("--out"),    out}
                                     << int(ExitUsage) << s("--measure");
    QTest::newRow("report without folder") << QStringList{s("report"), file} << int(ExitUsage) << s("--out");
    QTest::newRow("traffic lights on a funnel plot")
        << QStringList{s("render"), file, s("--figure"), s("funnel"), s("--rob"), s("--out"), out}
        << int(ExitUsage) << s("--rob");
    QTest::newRow("unknown figure lists rob-summary")
        << QStringList{s("render"), file, s("--figure"), s("rob"), s("--out"), out} << int(ExitUsage)
        << s("rob-summary");
}

void TestCliRender::renderUsageErrors() {
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    QFETCH(QString, message);
    const Run run = runCli(arguments);
    QCOMPARE(run.status, status);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/never-written.png")));
}

void TestCliRender::tsaWithoutMinimalEffectStillDrawsTheReason() {
    const QString out = m_dir.filePath(QStringLiteral("tsa-reason.png"));
    const Run run = runCli({QStringLiteral("render"), example(), QStringLiteral("--figure"),
                            QStringLiteral("tsa"), QStringLiteral("--out"), out});
    QCOMPARE(run.status, int(ExitOk));
    QVERIFY(!QImage(out).isNull());
}

void TestCliRender::reportWritesEverythingForEachOutcome() {
    const QString dir = m_dir.filePath(QStringLiteral("report"));
    const Run run = runCli({QStringLiteral("report"), example(), QStringLiteral("--out"), dir,
                            QStringLiteral("--mre"), QStringLiteral("0.5")});
    QVERIFY2(run.status == ExitOk, qPrintable(run.err));
    const QStringList files = QDir(dir).entryList(QDir::Files, QDir::Name);
    // Report, JSON, 5 figures (forest, cumulative, leave-one-out, funnel, TSA) × (PDF, PNG), and the
    // study characteristics.
    QCOMPARE(files.size(), 13);
    QVERIFY(files.contains(QStringLiteral("study-characteristics.csv")));
    QFile characteristics(QDir(dir).filePath(QStringLiteral("study-characteristics.csv")));
    QVERIFY(characteristics.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(characteristics.readLine()).remove(QChar(0xFEFF)).trimmed(),
             QStringLiteral("study,species,strain,sex,manipulation,diet_period,year"));
    for (const QString& file : files)
        QVERIFY2(run.out.contains(QDir(dir).filePath(file)), qPrintable(file));
    for (const QString& suffix :
         {QStringLiteral("-forest.png"), QStringLiteral("-funnel.png"), QStringLiteral("-tsa.png"),
          QStringLiteral("-cumulative.png"), QStringLiteral("-leave-one-out.png")}) {
        bool found = false;
        for (const QString& file : files)
            if (file.endsWith(suffix)) {
                found = true;
                QVERIFY(!QImage(QDir(dir).filePath(file)).isNull());
            }
        QVERIFY2(found, qPrintable(suffix));
    }
    for (const QString& file : files) {
        QFile f(QDir(dir).filePath(file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray contents = f.readAll();
        QVERIFY(!contents.isEmpty());
        if (file.endsWith(QStringLiteral(".json")))
            QVERIFY(QJsonDocument::fromJson(contents).isObject());
        if (file.endsWith(QStringLiteral("-report.txt"))) {
            QVERIFY(contents.contains("Test for overall effect"));
            QVERIFY(contents.contains("Trial sequential analysis:"));
        }
        if (file.endsWith(QStringLiteral(".pdf")))
            QVERIFY(contents.startsWith("%PDF-"));
    }
}

void TestCliRender::riskOfBiasFiguresInEveryFormat_data() {
    QTest::addColumn<QStringList>("figure");
    QTest::addColumn<QString>("format");
    for (const char* format : {"png", "tiff", "svg", "pdf"}) {
        QTest::newRow(qPrintable(s("rob-summary ") + s(format)))
            << list({"--figure", "rob-summary"}) << s(format);
        QTest::newRow(qPrintable(s("forest --rob ") + s(format)))
            << list({"--figure", "forest", "--rob"}) << s(format);
        QTest::newRow(qPrintable(s("rob-traffic-light ") + s(format)))
            << list({"--figure", "rob-traffic-light"}) << s(format);
    }
}

void TestCliRender::riskOfBiasFiguresInEveryFormat() {
    QFETCH(QStringList, figure);
    QFETCH(QString, format);
    const QString out =
        m_dir.filePath(QStringLiteral("rob-%1-%2.%3").arg(figure[1]).arg(figure.size()).arg(format));
    QFile::remove(out);
    const Run run = runCli(QStringList{s("render"), robExample()} + figure
                           + list({"--width-mm", "175", "--dpi", "150", "--out"}) + QStringList{out});
    QVERIFY2(run.status == ExitOk, qPrintable(run.err));
    QVERIFY(!run.err.contains(s("Note:")));
    QVERIFY(run.out.startsWith(out));
    // "… (175.0 x H mm …": the figure's height from its content.
    const QRegularExpressionMatch size =
        QRegularExpression(QStringLiteral("\\(175.0 x ([0-9.]+) mm")).match(run.out);
    QVERIFY(size.hasMatch());
    const double heightMm = size.captured(1).toDouble();
    QVERIFY(heightMm > 60 && heightMm < 200);
    if (format == u"png" || format == u"tiff") {
        // The file has the pixels the command reports, and they are the size in mm at 150 dpi (the mm
        // are printed to 0.1 mm, so the height in pixels may differ from them by one).
        const QRegularExpressionMatch pixels =
            QRegularExpression(QStringLiteral("([0-9]+) x ([0-9]+) px at 150 dpi")).match(run.out);
        QVERIFY(pixels.hasMatch());
        const QImage image(out);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(pixels.captured(1).toInt(), pixels.captured(2).toInt()));
        QCOMPARE(image.width(), pixelsForMm(175, 150));
        QVERIFY(std::abs(image.height() - pixelsForMm(heightMm, 150)) <= 1);
    } else if (format == u"svg") {
        QSvgRenderer svg(out);
        QVERIFY(svg.isValid());
        QVERIFY(svg.viewBoxF().height() > 0);
    } else {
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.contains("/Type /Page"));
    }
}

void TestCliRender::riskOfBiasSummaryWithoutAssessmentsSaysWhy() {
    // The Besson example has no judgements: the figure is the reason, and the command says so.
    const QString out = m_dir.filePath(QStringLiteral("rob-none.png"));
    const Run run = runCli(
        {s("render"), example(), s("--figure"), s("rob-summary"), s("--dpi"), s("100"), s("--out"), out});
    QCOMPARE(run.status, int(ExitOk));
    QVERIFY2(run.err.contains(s("has been assessed for risk of bias yet")), qPrintable(run.err));
    QVERIFY(!QImage(out).isNull());
    // With --rob the forest plot is drawn and says nobody was assessed.
    const Run forest = runCli({s("render"), example(), s("--figure"), s("forest"), s("--rob"), s("--dpi"),
                               s("100"), s("--out"), m_dir.filePath(s("rob-none-forest.png"))});
    QCOMPARE(forest.status, int(ExitOk));
    QVERIFY2(forest.err.contains(s("no study in the forest plot has been assessed")), qPrintable(forest.err));
}

void TestCliRender::reportAddsTheSummaryWhenStudiesWereAssessed() {
    const QString dir = m_dir.filePath(QStringLiteral("report-rob"));
    const Run run = runCli({s("report"), robExample(), s("--out"), dir, s("--rob")});
    QVERIFY2(run.status == ExitOk, qPrintable(run.err));
    const QStringList files = QDir(dir).entryList(QDir::Files, QDir::Name);
    // Report, JSON, 7 figures × (PDF, PNG), and the study characteristics.
    QCOMPARE(files.size(), 17);
    for (const QString& suffix :
         {s("-rob-summary.png"), s("-rob-summary.pdf"), s("-rob-traffic-light.png")}) {
        bool found = false;
        for (const QString& file : files)
            found = found || file.endsWith(suffix);
        QVERIFY2(found, qPrintable(suffix));
    }
    QVERIFY(!run.err.contains(s("Note:")));
}

void TestCliRender::executableRendersWithoutADisplay() {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    const QString out = m_dir.filePath(QStringLiteral("headless.png"));
    process.start(QStringLiteral(EVIDENT_CLI_PATH),
                  {QStringLiteral("render"), example(), QStringLiteral("--figure"), QStringLiteral("forest"),
                   QStringLiteral("--width-mm"), QStringLiteral("85"), QStringLiteral("--dpi"),
                   QStringLiteral("300"), QStringLiteral("--out"), out});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QCOMPARE(QImage(out).width(), pixelsForMm(85, 300));
}

void TestCliRender::bundledProjectRendersAsTheAppShowsIt() {
    // One row of the example lacks its treated SD: the app leaves it out with a note, and so does
    // render; --strict stops at it.
    const QString project = s(EVIDENT_SOURCE_DIR "/resources/examples/ev-intrauterine-adhesions.evident");
    const QString out = m_dir.filePath(s("example-forest.png"));
    const Run run =
        runCli({s("render"), project, s("--figure"), s("forest"), s("--format"), s("png"), s("--out"), out});
    QVERIFY2(run.status == ExitOk, qPrintable(run.err));
    QVERIFY2(run.err.contains(s("Note: left out, outcome")), qPrintable(run.err));
    QVERIFY(!QImage(out).isNull());
    const QString strictOut = m_dir.filePath(s("example-forest-strict.png"));
    const Run strict =
        runCli({s("render"), project, s("--figure"), s("forest"), s("--strict"), s("--out"), strictOut});
    QCOMPARE(strict.status, int(ExitInputError));
    QVERIFY(!QFile::exists(strictOut));
}

void TestCliRender::everyCommandHonoursTheSavedSettings() {
    // The first outcome saved with DL, Hartung-Knapp and a subgroup: analyze, report and render use
    // them, and give one exit status for the file.
    QFile source(s(EVIDENT_SOURCE_DIR "/resources/examples/ev-intrauterine-adhesions.evident"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QJsonObject project = QJsonDocument::fromJson(source.readAll()).object();
    QJsonArray outcomes = project.value(s("outcomes")).toArray();
    QJsonObject outcome = outcomes.at(0).toObject();
    QJsonObject analysis = outcome.value(s("analysis")).toObject();
    analysis.insert(s("tau2_estimator"), s("DL"));
    analysis.insert(s("ci_method"), s("hksj"));
    analysis.insert(s("subgroup"), s("Route"));
    outcome.insert(s("analysis"), analysis);
    outcomes.replace(0, outcome);
    project.insert(s("outcomes"), outcomes);
    const QString path = m_dir.filePath(s("saved-settings.evident"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(project).toJson());
    file.close();

    const Run analyze = runCli({s("analyze"), path, s("--json")});
    const QString dir = m_dir.filePath(s("saved-settings-report"));
    const Run report = runCli({s("report"), path, s("--out"), dir});
    const Run render =
        runCli({s("render"), path, s("--figure"), s("forest"), s("--out"), m_dir.filePath(s("saved.svg"))});
    QVERIFY2(analyze.status == ExitOk, qPrintable(analyze.err));
    QCOMPARE(report.status, analyze.status);
    QCOMPARE(render.status, analyze.status);
    QFile json(QDir(dir).filePath(s("endometrial-glands-count-analysis.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject reported = QJsonDocument::fromJson(json.readAll()).object();
    for (const QJsonObject& results : {analyze.json, reported}) {
        QCOMPARE(results.value(s("method")).toString(), s("DL"));
        QCOMPARE(results.value(s("test")).toString(), s("hksj"));
        QCOMPARE(results.value(s("subgroups")).toObject().value(s("variable")).toString(), s("Route"));
    }
    QCOMPARE(analyze.json.value(s("estimate")).toDouble(), reported.value(s("estimate")).toDouble());
    // The forest plot's method line says so too.
    QFile svg(m_dir.filePath(s("saved.svg")));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("IV, Random (HKSJ), 95% CI"));
}

void TestCliRender::dichotomousOutcomeRendersEveryFigure_data() {
    QTest::addColumn<QString>("figure");
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("forest") << s("forest") << QStringList{};
    QTest::newRow("forest, Peto, risk of bias") << s("forest") << list({"--method", "PETO", "--rob"});
    QTest::newRow("forest, risk difference") << s("forest") << list({"--measure", "RD"});
    QTest::newRow("funnel") << s("funnel") << QStringList{};
    QTest::newRow("tsa") << s("tsa") << QStringList{};
    QTest::newRow("cumulative") << s("cumulative") << QStringList{};
    QTest::newRow("leave-one-out") << s("leave-one-out") << list({"--method", "MH"});
}

void TestCliRender::dichotomousOutcomeRendersEveryFigure() {
    QFETCH(QString, figure);
    QFETCH(QStringList, extra);
    const QString out = m_dir.filePath(QStringLiteral("pregnancy-") + figure + QStringLiteral(".png"));
    QFile::remove(out);
    const Run run =
        runCli(QStringList{QStringLiteral("render"), bundledProject(), QStringLiteral("--outcome"),
                           QStringLiteral("Pregnancy"), QStringLiteral("--figure"), figure,
                           QStringLiteral("--width-mm"), QStringLiteral("175"), QStringLiteral("--dpi"),
                           QStringLiteral("150"), QStringLiteral("--out"), out}
               + extra);
    QVERIFY2(run.status == ExitOk, qPrintable(run.err));
    const QImage image(out);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), pixelsForMm(175, 150));
}

void TestCliRender::reportKeepsSettingsOfOutcomesOfTheOtherKind() {
    const Run run = runCli({QStringLiteral("report"), bundledProject(), QStringLiteral("--out"),
                            m_dir.filePath(QStringLiteral("report-md")), QStringLiteral("--measure"),
                            QStringLiteral("MD")});
    QVERIFY2(run.status == ExitOk, qPrintable(run.err));
    QVERIFY2(
        run.err.contains(QStringLiteral("Note: The measure and method options are for continuous outcomes; "
                                        "'Pregnancy (animals pregnant)' (dichotomous) keeps its saved "
                                        "settings.")),
        qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("Pregnancy")), qPrintable(run.out));
}

QTEST_MAIN(TestCliRender)
#include "tst_cli_render.moc"
