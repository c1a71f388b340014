// SPDX-License-Identifier: GPL-3.0-or-later
// evident-cli analyze: exit statuses, messages for bad input, and the JSON interface.
#include "app/cli/cli.h"
#include "tests/cli/clirun.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

using namespace evident::cli;

namespace {

const char* const goodCsv = "study,mean_t,sd_t,n_t,mean_c,sd_c,n_c,route,year\n"
                            "A 2015,12.1,2.0,8,8.0,2.1,8,intrauterine,2015\n"
                            "B 2016,10.4,3.1,6,7.9,2.8,6,intravenous,2016\n"
                            "C 2017,14.0,2.5,10,9.2,2.2,10,intrauterine,2017\n"
                            "D 2018,11.3,1.9,7,9.9,2.4,7,intravenous,2018\n"
                            "E 2019,13.5,2.2,9,8.1,2.0,9,intrauterine,2019\n";

using Run = evident::test::CliRun;
using evident::test::runCli;

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void badDataStopsWithLineAndColumn();
    void skipInvalidKeepsGoingAndSaysSo();
    void jsonHasEveryPublicKey();
    void subgroupsInJson();
    void statisticsThatDoNotApplyAreNullWithReason();
    void textReportIsManuscriptStyle();
    void projectFilesAreRead_data();
    void projectFilesAreRead();
    void invalidProjectRowsAreLeftOutUnlessStrict();
    void savedSettingsApplyAndOptionsOverrideThem();
    void dichotomousOutcome_data();
    void dichotomousOutcome();
    void dichotomousReportStatesTheZeroCellCorrection();
    void measureOfAnotherKindIsRefused_data();
    void measureOfAnotherKindIsRefused();
    void executableRuns();

private:
    QString writeFile(const QString& name, const QByteArray& contents);
    QTemporaryDir m_dir;
    QString m_good;
};

QString TestCli::writeFile(const QString& name, const QByteArray& contents) {
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(contents);
    return path;
}

void TestCli::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_good = writeFile(QStringLiteral("good.csv"), goodCsv);
}

void TestCli::usageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << int(ExitUsage) << "Usage: evident-cli";
    QTest::newRow("unknown command") << QStringList{QStringLiteral("analyse")} << int(ExitUsage)
                                     << "unknown command 'analyse'";
    QTest::newRow("unknown option") << QStringList{QStringLiteral("analyze"), QStringLiteral("x.csv"),
                                                   QStringLiteral("--colour")}
                                    << int(ExitUsage) << "Unknown option 'colour'";
    QTest::newRow("unknown measure")
        << QStringList{QStringLiteral("analyze"), QStringLiteral("x.csv"), QStringLiteral("--measure"),
                       QStringLiteral("OX")}
        << int(ExitUsage)
        << "unknown measure 'OX'; use one of SMD, SMD_REVMAN, MD, ROM (continuous), "
           "OR, RR, RD (dichotomous)";
    QTest::newRow("Peto for a risk ratio")
        << QStringList{QStringLiteral("analyze"), QStringLiteral("x.csv"),    QStringLiteral("--measure"),
                       QStringLiteral("RR"),      QStringLiteral("--method"), QStringLiteral("PETO")}
        << int(ExitUsage) << "--method PETO: Peto pooling is for odds ratios only";
    QTest::newRow("M-H with a tau² estimator")
        << QStringList{QStringLiteral("analyze"), QStringLiteral("x.csv"), QStringLiteral("--method"),
                       QStringLiteral("MH-REML")}
        << int(ExitUsage) << "use one of REML, DL, PM, ML, EB, HE, SJ, FE, MH, MH-DL, PETO";
    QTest::newRow("unknown double-zero rule")
        << QStringList{QStringLiteral("analyze"), QStringLiteral("x.csv"), QStringLiteral("--double-zero"),
                       QStringLiteral("sometimes")}
        << int(ExitUsage) << "--double-zero: unknown rule 'sometimes'; use drop or keep";
    QTest::newRow("unknown method") << QStringList{QStringLiteral("analyze"), QStringLiteral("x.csv"),
                                                   QStringLiteral("--method"), QStringLiteral("BAYES")}
                                    << int(ExitUsage) << "unknown method 'BAYES'";
    QTest::newRow("missing file") << QStringList{QStringLiteral("analyze"),
                                                 QStringLiteral("/nonexistent/x.csv")}
                                  << int(ExitInputError) << "does not exist";
}

void TestCli::usageErrors() {
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    QFETCH(QString, message);
    const Run run = runCli(arguments);
    QCOMPARE(run.status, status);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

void TestCli::badDataStopsWithLineAndColumn() {
    const QString path = writeFile(QStringLiteral("bad.csv"), "study,mean_t,sd_t,n_t,mean_c,sd_c,n_c\n"
                                                              "A,12.1,2.0,8,8.0,2.1,8\n"
                                                              "B,10.4,-3.1,6,7.9,2.8,6\n"
                                                              "C,14.0,2.5,1,n/a,2.2,10\n");
    const Run run = runCli({QStringLiteral("analyze"), path, QStringLiteral("--json")});
    QCOMPARE(run.status, int(ExitInputError));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QStringLiteral(
                 "line 3, column 'sd_t' (study 'B'): SD (treated) must be greater than 0 (got -3.1)")),
             qPrintable(run.err));
    QVERIFY(run.err.contains(
        QStringLiteral("line 4, column 'n_t' (study 'C'): n (treated) must be at least 2 (got 1)")));
    QVERIFY(run.err.contains(
        QStringLiteral("line 4, column 'mean_c' (study 'C'): Mean (control): 'n/a' is not a number")));
    QVERIFY(run.err.contains(QStringLiteral("3 problems in the data")));
}

void TestCli::skipInvalidKeepsGoingAndSaysSo() {
    const QString path =
        writeFile(QStringLiteral("skip.csv"), QByteArray(goodCsv) + "F 2020,,2.0,8,8.0,2.1,8,iv,2020\n");
    const Run run =
        runCli({QStringLiteral("analyze"), path, QStringLiteral("--json"), QStringLiteral("--skip-invalid")});
    QCOMPARE(run.status, int(ExitOk));
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("k")).toInt(), 5);
    const QString warnings = QJsonDocument(json.value(QStringLiteral("warnings")).toArray()).toJson();
    QVERIFY2(warnings.contains(QStringLiteral(
                 "Left out, line 7, column 'mean_t' (study 'F 2020'): Mean (treated) is missing")),
             qPrintable(warnings));
}

void TestCli::jsonHasEveryPublicKey() {
    const Run run = runCli({QStringLiteral("analyze"), m_good, QStringLiteral("--json")});
    QCOMPARE(run.status, int(ExitOk));
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    for (const char* key : {"k",        "measure",  "method",        "test",          "estimate",
                            "se",       "ci_lower", "ci_upper",      "statistic",     "p",
                            "tau2",     "tau",      "tau2_ci_lower", "tau2_ci_upper", "i2",
                            "h2",       "q",        "q_df",          "q_p",           "pi_lower",
                            "pi_upper", "studies",  "subgroups",     "leave_one_out", "cumulative",
                            "egger",    "begg",     "trim_and_fill", "fail_safe_n",   "warnings"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    QCOMPARE(json.value(QStringLiteral("measure")).toString(), QStringLiteral("SMD"));
    QCOMPARE(json.value(QStringLiteral("method")).toString(), QStringLiteral("REML"));
    QCOMPARE(json.value(QStringLiteral("studies")).toArray().size(), 5);
    QCOMPARE(json.value(QStringLiteral("leave_one_out")).toArray().size(), 5);
    QVERIFY(json.value(QStringLiteral("subgroups")).isNull());
    for (const char* key : {"study", "yi", "vi", "weight_percent"})
        QVERIFY(
            json.value(QStringLiteral("studies")).toArray().at(0).toObject().contains(QLatin1String(key)));
}

void TestCli::subgroupsInJson() {
    const Run run =
        runCli({QStringLiteral("analyze"), m_good, QStringLiteral("--json"), QStringLiteral("--subgroup"),
                QStringLiteral("ROUTE"), QStringLiteral("--method"), QStringLiteral("DL")});
    QCOMPARE(run.status, int(ExitOk));
    const QJsonObject subgroups =
        QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("subgroups")).toObject();
    QCOMPARE(subgroups.value(QStringLiteral("variable")).toString(), QStringLiteral("route"));
    const QJsonArray groups = subgroups.value(QStringLiteral("groups")).toArray();
    QCOMPARE(groups.size(), 2);
    QCOMPARE(groups.at(0).toObject().value(QStringLiteral("level")).toString(),
             QStringLiteral("intrauterine"));
    QCOMPARE(groups.at(0).toObject().value(QStringLiteral("k")).toInt(), 3);
    QCOMPARE(subgroups.value(QStringLiteral("df")).toInt(), 1);
    QVERIFY(subgroups.value(QStringLiteral("qm")).isDouble());

    const Run numeric =
        runCli({QStringLiteral("analyze"), m_good, QStringLiteral("--subgroup"), QStringLiteral("year")});
    QCOMPARE(numeric.status, int(ExitUsage));
    QVERIFY(numeric.err.contains(
        QStringLiteral("'year' holds only numbers; subgroups need a categorical column")));
    const Run missing =
        runCli({QStringLiteral("analyze"), m_good, QStringLiteral("--order"), QStringLiteral("dose")});
    QCOMPARE(missing.status, int(ExitUsage));
    QVERIFY(missing.err.contains(QStringLiteral("There is no column named 'dose' to order by.")));
}

void TestCli::statisticsThatDoNotApplyAreNullWithReason() {
    const QString path = writeFile(QStringLiteral("one.csv"),
                                   "study,mean_t,sd_t,n_t,mean_c,sd_c,n_c\nA,12.1,2.0,8,8.0,2.1,8\n");
    const Run run = runCli({QStringLiteral("analyze"), path, QStringLiteral("--json")});
    QCOMPARE(run.status, int(ExitOk));
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("k")).toInt(), 1);
    QVERIFY(json.value(QStringLiteral("estimate")).isDouble());
    for (const char* key : {"egger", "begg", "trim_and_fill", "tau2_ci_lower"})
        QVERIFY2(json.value(QLatin1String(key)).isNull(), key);
    const QString warnings = QJsonDocument(json.value(QStringLiteral("warnings")).toArray()).toJson();
    QVERIFY(warnings.contains(QStringLiteral("Egger's test needs at least 3 studies.")));
    QVERIFY(warnings.contains(QStringLiteral("Begg's test needs at least 3 studies.")));
    QVERIFY(warnings.contains(QStringLiteral("Trim-and-fill needs at least 3 studies.")));
    QVERIFY(warnings.contains(QStringLiteral("The confidence interval for tau² needs at least 2 studies.")));
}

void TestCli::textReportIsManuscriptStyle() {
    const Run run =
        runCli({QStringLiteral("analyze"), m_good, QStringLiteral("--measure"), QStringLiteral("md")});
    QCOMPARE(run.status, int(ExitOk));
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral(
                 R"(MD = \d+\.\d\d \(95% CI \d+\.\d\d to \d+\.\d\d\), P [<=] [0-9.]+; I² = \d+%)"))),
             qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("Test for overall effect: Z = ")));
}

void TestCli::projectFilesAreRead_data() {
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unique prefix") << "fibrosis" << int(ExitOk) << "a negative SMD favours the treatment";
    QTest::newRow("exact name") << "Embryos (count)" << int(ExitOk) << "a positive SMD favours the treatment";
    QTest::newRow("unique part of a name")
        << "glands" << int(ExitOk) << "a positive SMD favours the treatment";
    QTest::newRow("ambiguous") << "e" << int(ExitInputError) << "More than one outcome named 'e'";
    QTest::newRow("unknown") << "weight" << int(ExitInputError)
                             << "the outcomes are 'Endometrial glands (count)', 'Endometrial thickness (µm)'";
}

void TestCli::projectFilesAreRead() {
    QFETCH(QString, outcome);
    QFETCH(int, status);
    QFETCH(QString, expected);
    const QString example =
        QStringLiteral(EVIDENT_SOURCE_DIR "/resources/examples/ev-intrauterine-adhesions.evident");
    const Run run = runCli({QStringLiteral("analyze"), example, QStringLiteral("--outcome"), outcome,
                            QStringLiteral("--skip-invalid")});
    QCOMPARE(run.status, status);
    QVERIFY2((run.out + run.err).contains(expected), qPrintable(run.out + run.err));
}

void TestCli::invalidProjectRowsAreLeftOutUnlessStrict() {
    // The bundled example has one row without its treated SD: the app leaves it out with a note, and so
    // does analyze; --strict stops at it.
    const QString example =
        QStringLiteral(EVIDENT_SOURCE_DIR "/resources/examples/ev-intrauterine-adhesions.evident");
    const Run run = runCli({QStringLiteral("analyze"), example, QStringLiteral("--json")});
    QVERIFY2(run.status == ExitOk, qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("Note: left out, outcome 'Endometrial glands (count)', row ")),
             qPrintable(run.err));
    const QString warnings = QJsonDocument(run.json.value(QStringLiteral("warnings")).toArray()).toJson();
    QVERIFY2(warnings.contains(QStringLiteral("Left out, outcome")), qPrintable(warnings));
    const Run strict = runCli({QStringLiteral("analyze"), example, QStringLiteral("--strict")});
    QCOMPARE(strict.status, int(ExitInputError));
    QVERIFY2(strict.err.contains(QStringLiteral("leave out --strict")), qPrintable(strict.err));
    QVERIFY(strict.out.isEmpty());
}

void TestCli::savedSettingsApplyAndOptionsOverrideThem() {
    // An outcome saved with DL, Hartung-Knapp and a subgroup is analysed with them; options override.
    QFile source(QStringLiteral(EVIDENT_SOURCE_DIR "/resources/examples/ev-intrauterine-adhesions.evident"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QJsonObject project = QJsonDocument::fromJson(source.readAll()).object();
    QJsonArray outcomes = project.value(QStringLiteral("outcomes")).toArray();
    QJsonObject outcome = outcomes.at(0).toObject();
    QJsonObject analysis = outcome.value(QStringLiteral("analysis")).toObject();
    analysis.insert(QStringLiteral("tau2_estimator"), QStringLiteral("DL"));
    analysis.insert(QStringLiteral("ci_method"), QStringLiteral("hksj"));
    analysis.insert(QStringLiteral("subgroup"), QStringLiteral("Route"));
    outcome.insert(QStringLiteral("analysis"), analysis);
    outcomes.replace(0, outcome);
    project.insert(QStringLiteral("outcomes"), outcomes);
    const QString path = writeFile(QStringLiteral("saved-settings.evident"), QJsonDocument(project).toJson());

    const Run saved = runCli({QStringLiteral("analyze"), path, QStringLiteral("--json")});
    QVERIFY2(saved.status == ExitOk, qPrintable(saved.err));
    QCOMPARE(saved.json.value(QStringLiteral("method")).toString(), QStringLiteral("DL"));
    QCOMPARE(saved.json.value(QStringLiteral("test")).toString(), QStringLiteral("hksj"));
    QCOMPARE(
        saved.json.value(QStringLiteral("subgroups")).toObject().value(QStringLiteral("variable")).toString(),
        QStringLiteral("Route"));
    const Run overridden =
        runCli({QStringLiteral("analyze"), path, QStringLiteral("--json"), QStringLiteral("--method"),
                QStringLiteral("REML"), QStringLiteral("--test"), QStringLiteral("z")});
    QVERIFY2(overridden.status == ExitOk, qPrintable(overridden.err));
    QCOMPARE(overridden.json.value(QStringLiteral("method")).toString(), QStringLiteral("REML"));
    QCOMPARE(overridden.json.value(QStringLiteral("test")).toString(), QStringLiteral("z"));
    QVERIFY(overridden.json.value(QStringLiteral("subgroups")).isObject()); // Still the saved subgroup
}

namespace {

const QString example =
    QStringLiteral(EVIDENT_SOURCE_DIR "/resources/examples/ev-intrauterine-adhesions.evident");
const QString pregnancy = QStringLiteral("Pregnancy");

} // namespace

void TestCli::dichotomousOutcome_data() {
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("measure");
    QTest::addColumn<QString>("method");
    QTest::addColumn<bool>("mhTests");
    // The CMH and Tarone tests test the common-effect model: only beside M-H fixed-effect odds ratios.
    QTest::newRow("saved: M-H random OR") << QStringList{} << "OR"
                                          << "MH-DL" << false;
    QTest::newRow("M-H fixed") << QStringList{QStringLiteral("--method"), QStringLiteral("MH")} << "OR"
                               << "MH" << true;
    QTest::newRow("Peto") << QStringList{QStringLiteral("--method"), QStringLiteral("peto")} << "OR"
                          << "PETO" << false;
    QTest::newRow("inverse variance REML")
        << QStringList{QStringLiteral("--method"), QStringLiteral("REML")} << "OR"
        << "REML" << false;
    QTest::newRow("risk ratio, saved method")
        << QStringList{QStringLiteral("--measure"), QStringLiteral("RR")} << "RR"
        << "MH-DL" << false;
    QTest::newRow("risk difference, M-H fixed")
        << QStringList{QStringLiteral("--measure"), QStringLiteral("RD"), QStringLiteral("--method"),
                       QStringLiteral("MH")}
        << "RD"
        << "MH" << false;
}

void TestCli::dichotomousOutcome() {
    QFETCH(QStringList, options);
    QFETCH(QString, measure);
    QFETCH(QString, method);
    QFETCH(bool, mhTests);
    const Run run = runCli(QStringList{QStringLiteral("analyze"), example, QStringLiteral("--outcome"),
                                       pregnancy, QStringLiteral("--json")}
                           + options);
    QVERIFY2(run.status == ExitOk, qPrintable(run.err));
    QCOMPARE(run.json.value(QStringLiteral("measure")).toString(), measure);
    QCOMPARE(run.json.value(QStringLiteral("method")).toString(), method);
    QCOMPARE(run.json.value(QStringLiteral("k")).toInt(), 16);
    const QJsonValue tests = run.json.value(QStringLiteral("mh_tests"));
    QCOMPARE(tests.isObject(), mhTests);
    QVERIFY(tests.isObject() || tests.isNull());
    if (mhTests)
        for (const char* key : {"cmh", "cmh_p", "tarone", "tarone_p"})
            QVERIFY2(tests.toObject().value(QLatin1String(key)).isDouble(), key);
    QVERIFY(run.json.value(QStringLiteral("tau2")).isDouble());
    double weights = 0;
    for (const QJsonValue& study : run.json.value(QStringLiteral("studies")).toArray())
        weights += study.toObject().value(QStringLiteral("weight_percent")).toDouble();
    QVERIFY2(std::abs(weights - 100) < 1e-9, qPrintable(QString::number(weights)));
}

void TestCli::dichotomousReportStatesTheZeroCellCorrection() {
    const Run run = runCli({QStringLiteral("analyze"), example, QStringLiteral("--outcome"), pregnancy,
                            QStringLiteral("--method"), QStringLiteral("MH")});
    QVERIFY2(run.status == ExitOk, qPrintable(run.err));
    // Two studies without a pregnancy in the control group, one with every treated animal pregnant.
    for (const char* expected : {"Fixed-effect (Mantel-Haenszel) meta-analysis of 16 studies",
                                 "Events: 78/123 (treatment), "
                                 "39/121 (control)",
                                 "Zero cells: 0.5 was added to each cell of the 3 tables with a zero cell "
                                 "for the study effects; the "
                                 "Mantel-Haenszel estimate uses the raw counts",
                                 "Pooled effect: OR = ", "Cochran-Mantel-Haenszel test: Chi\u00b2 = ",
                                 "Tarone's test of homogeneity"})
        QVERIFY2(run.out.contains(QString::fromUtf8(expected)), qPrintable(expected + (u'\n' + run.out)));
    const Run revMan5 = runCli({QStringLiteral("analyze"), example, QStringLiteral("--outcome"), pregnancy,
                                QStringLiteral("--revman5-zero-cells")});
    QVERIFY2(revMan5.out.contains(QStringLiteral("in the Mantel-Haenszel sums (RevMan 5 convention)")),
             qPrintable(revMan5.out));
}

void TestCli::measureOfAnotherKindIsRefused_data() {
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("OR of a continuous outcome")
        << QStringList{QStringLiteral("--outcome"), QStringLiteral("fibrosis"), QStringLiteral("--measure"),
                       QStringLiteral("OR")}
        << "--measure OR is for dichotomous outcomes, and 'Fibrosis (% area)' is continuous: use one of SMD, "
           "SMD_REVMAN, MD, ROM";
    QTest::newRow("SMD of a dichotomous outcome")
        << QStringList{QStringLiteral("--outcome"), pregnancy, QStringLiteral("--measure"),
                       QStringLiteral("SMD")}
        << "--measure SMD is for continuous outcomes, and 'Pregnancy (animals pregnant)' is dichotomous: use "
           "one of OR, RR, RD";
    QTest::newRow("M-H of a continuous outcome")
        << QStringList{QStringLiteral("--outcome"), QStringLiteral("fibrosis"), QStringLiteral("--method"),
                       QStringLiteral("MH")}
        << "--method MH: Mantel-Haenszel pooling needs events and totals";
    QTest::newRow("double zeros of a continuous outcome")
        << QStringList{QStringLiteral("--outcome"), QStringLiteral("fibrosis"),
                       QStringLiteral("--double-zero"), QStringLiteral("keep")}
        << "--double-zero applies to dichotomous outcomes only";
}

void TestCli::measureOfAnotherKindIsRefused() {
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    const Run run = runCli(QStringList{QStringLiteral("analyze"), example} + options);
    QCOMPARE(run.status, int(ExitUsage));
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

void TestCli::executableRuns() {
    QProcess process;
    process.start(QStringLiteral(EVIDENT_CLI_PATH),
                  {QStringLiteral("analyze"), m_good, QStringLiteral("--json")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(QJsonDocument::fromJson(process.readAllStandardOutput()).isObject());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
