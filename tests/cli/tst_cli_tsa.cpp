// SPDX-License-Identifier: GPL-3.0-or-later
// evident-cli tsa and boundaries, end to end against RTSA 0.2.2 and ldbounds 2.0.2
// (tests/reference/tsa_vectors.json, tsa_checks.json): the command line must give the core's numbers.
// Tolerances as for the core: RIS exact, Z to 1e-8 relative, boundaries to 1e-4 absolute.
#include "app/cli/cli.h"
#include "core/common/distributions.h"
#include "core/project/outcomeanalysis.h"
#include "io/projectfile.h"
#include "tests/cli/clirun.h"
#include "tests/support/testsupport.h"

#include <QTemporaryDir>
#include <QTextStream>

using namespace evident::cli;

namespace {

using Run = evident::test::CliRun;
using evident::test::runCli;

QJsonObject tsaRun(const QString& labelPrefix) {
    const QJsonArray runs =
        evident::test::loadJson(evident::test::testDataPath(QStringLiteral("reference/tsa_vectors.json")))
            .object()
            .value(QStringLiteral("tsa_runs"))
            .toArray();
    for (const QJsonValue& run : runs)
        if (run.toObject().value(QStringLiteral("label")).toString().startsWith(labelPrefix))
            return run.toObject();
    return {};
}

} // namespace

class TestCliTsa : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void boundariesMatchLdbounds_data();
    void boundariesMatchLdbounds();
    void randomEffectsMeanDifferenceMatchesRtsa();
    void binaryRiskRatioMatchesRtsa();
    void badOptionsAreNamed_data();
    void badOptionsAreNamed();
    void negativeDeltaIsItsMagnitude();
    void projectOutcomeIsTheAppsTsa_data();
    void projectOutcomeIsTheAppsTsa();
    void projectModelKeepsOrResetsTheAdjustment();
    void projectRefusals_data();
    void projectRefusals();

private:
    QTemporaryDir m_dir;
    QString m_eds;
    QString m_perioOxy;
};

void TestCliTsa::initTestCase() {
    QVERIFY(m_dir.isValid());
    // The eds data of RTSA (length of hospital stay, 9 RCTs) as an Evident CSV, ordered by `order`.
    const QJsonArray eds =
        evident::test::loadJson(evident::test::testDataPath(QStringLiteral("reference/tsa_vectors.json")))
            .object()
            .value(QStringLiteral("dataset"))
            .toObject()
            .value(QStringLiteral("data"))
            .toArray();
    QString csv = QStringLiteral("study,mean_t,sd_t,n_t,mean_c,sd_c,n_c,order\n");
    for (const QJsonValue& value : eds) {
        const QJsonObject row = value.toObject();
        csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8\n")
                   .arg(row.value(QStringLiteral("study")).toString())
                   .arg(row.value(QStringLiteral("mI")).toDouble(), 0, 'g', 17)
                   .arg(row.value(QStringLiteral("sdI")).toDouble(), 0, 'g', 17)
                   .arg(row.value(QStringLiteral("nI")).toInt())
                   .arg(row.value(QStringLiteral("mC")).toDouble(), 0, 'g', 17)
                   .arg(row.value(QStringLiteral("sdC")).toDouble(), 0, 'g', 17)
                   .arg(row.value(QStringLiteral("nC")).toInt())
                   .arg(row.value(QStringLiteral("order")).toInt());
    }
    QFile edsFile(m_dir.filePath(QStringLiteral("eds.csv")));
    QVERIFY(edsFile.open(QIODevice::WriteOnly));
    edsFile.write(csv.toUtf8());
    m_eds = edsFile.fileName();

    // RTSA's perioOxy binary data (15 trials, in data order).
    const QJsonArray perio =
        evident::test::loadJson(evident::test::testDataPath(QStringLiteral("reference/tsa_checks.json")))
            .object()
            .value(QStringLiteral("perioOxy"))
            .toArray();
    QString binary = QStringLiteral("study,events_t,n_t,events_c,n_c\n");
    for (const QJsonValue& value : perio) {
        const QJsonObject row = value.toObject();
        binary += QStringLiteral("\"%1\",%2,%3,%4,%5\n")
                      .arg(row.value(QStringLiteral("study")).toString())
                      .arg(row.value(QStringLiteral("eI")).toInt())
                      .arg(row.value(QStringLiteral("nI")).toInt())
                      .arg(row.value(QStringLiteral("eC")).toInt())
                      .arg(row.value(QStringLiteral("nC")).toInt());
    }
    QFile perioFile(m_dir.filePath(QStringLiteral("perioOxy.csv")));
    QVERIFY(perioFile.open(QIODevice::WriteOnly));
    perioFile.write(binary.toUtf8());
    m_perioOxy = perioFile.fileName();
}

void TestCliTsa::boundariesMatchLdbounds_data() {
    QTest::addColumn<QJsonObject>("boundaryCase");
    const QJsonArray cases =
        evident::test::loadJson(evident::test::testDataPath(QStringLiteral("reference/tsa_vectors.json")))
            .object()
            .value(QStringLiteral("boundary_cases"))
            .toArray();
    for (const QJsonValue& value : cases) {
        const QJsonObject c = value.toObject();
        const QString id = c.value(QStringLiteral("id")).toString();
        if (id == u"equal4" || id == u"early4")
            QTest::newRow(qPrintable(id)) << c;
    }
}

void TestCliTsa::boundariesMatchLdbounds() {
    QFETCH(QJsonObject, boundaryCase);
    const QJsonObject ldbounds = boundaryCase.value(QStringLiteral("ldbounds")).toObject();
    const QJsonObject rtsa = boundaryCase.value(QStringLiteral("rtsa_alpha_boundary")).toObject();
    const QJsonArray rtsaUpper = rtsa.value(QStringLiteral("upper")).toArray();
    const QJsonArray spentPerSide = rtsa.value(QStringLiteral("alpha_cum_per_side")).toArray();
    QStringList fractions;
    for (const QJsonValue& t : ldbounds.value(QStringLiteral("t")).toArray())
        fractions << QString::number(t.toDouble(), 'g', 17);
    const Run run = runCli({QStringLiteral("boundaries"), QStringLiteral("--fractions"), fractions.join(u','),
                            QStringLiteral("--json")});
    QCOMPARE(run.status, int(ExitOk));
    const QJsonArray expectedUpper = ldbounds.value(QStringLiteral("upper")).toArray();
    const QJsonArray expectedAlpha = ldbounds.value(QStringLiteral("alpha_cum")).toArray();
    const QJsonArray upper = run.json.value(QStringLiteral("upper")).toArray();
    const QJsonArray alpha = run.json.value(QStringLiteral("alpha_spent")).toArray();
    QCOMPARE(upper.size(), expectedUpper.size());
    bool onlyInfiniteSoFar = true;
    for (qsizetype i = 0; i < upper.size(); ++i) {
        EVIDENT_COMPARE_REL(alpha.at(i).toDouble(), expectedAlpha.at(i).toDouble(), 1e-6);
        // Where the alpha increment is negligible (below 1e-9 per tail), RTSA prints its cap of 20 and
        // Evident an infinite boundary (docs/tsa.md); ldbounds prints a finite but meaningless value.
        if (rtsaUpper.at(i).toDouble() == 20) {
            QVERIFY(run.json.value(QStringLiteral("upper_infinite")).toArray().at(i).toBool());
            continue;
        }
        if (onlyInfiniteSoFar && i > 0) {
            // After only infinite boundaries nothing has been able to stop the curve, so the boundary is
            // exactly the normal quantile of the alpha increment; ldbounds' grid is 1.6e-4 off here.
            const double increment = spentPerSide.at(i).toDouble() - spentPerSide.at(i - 1).toDouble();
            EVIDENT_COMPARE_ABS(upper.at(i).toDouble(), -evident::normalQuantile(increment), 1e-5);
        } else {
            EVIDENT_COMPARE_ABS(upper.at(i).toDouble(), expectedUpper.at(i).toDouble(), 1e-4);
        }
        onlyInfiniteSoFar = false;
    }
}

void TestCliTsa::randomEffectsMeanDifferenceMatchesRtsa() {
    // RTSA run B: random effects (DL), D²-adjusted RIS, mc = 8, sd_mc = 30, beta = 0.2, non-binding futility.
    const QJsonObject reference = tsaRun(QStringLiteral("B_random_D2"));
    QVERIFY(!reference.isEmpty());
    const Run run = runCli({QStringLiteral("tsa"), m_eds, QStringLiteral("--measure"), QStringLiteral("MD"),
                            QStringLiteral("--delta"), QStringLiteral("8"), QStringLiteral("--sd"),
                            QStringLiteral("30"), QStringLiteral("--beta"), QStringLiteral("0.2"),
                            QStringLiteral("--model"), QStringLiteral("RE"), QStringLiteral("--adjust"),
                            QStringLiteral("D2"), QStringLiteral("--futility"), QStringLiteral("nonbinding"),
                            QStringLiteral("--order"), QStringLiteral("order"), QStringLiteral("--json")});
    QVERIFY2(run.status == ExitOk, qPrintable(run.err));
    QCOMPARE(run.json.value(QStringLiteral("ris")).toInt(), reference.value(QStringLiteral("HARIS")).toInt());
    QCOMPARE(run.json.value(QStringLiteral("ris_unadjusted")).toInt(),
             reference.value(QStringLiteral("RIS_fixed")).toInt());
    const QJsonArray looks = run.json.value(QStringLiteral("looks")).toArray();
    const QJsonArray expected = reference.value(QStringLiteral("results_df")).toArray();
    const QJsonArray spentPerSide = reference.value(QStringLiteral("bounds"))
                                        .toObject()
                                        .value(QStringLiteral("alpha_cum_per_side"))
                                        .toArray();
    QCOMPARE(looks.size(), 9);
    qsizetype monitored = 0;
    for (qsizetype i = 0; i < looks.size(); ++i) {
        const QJsonObject look = looks.at(i).toObject();
        const QJsonObject want = expected.at(i).toObject();
        EVIDENT_COMPARE_REL(look.value(QStringLiteral("z")).toDouble(),
                            want.value(QStringLiteral("z_random")).toDouble(), 1e-8);
        const QJsonValue upper = want.value(QStringLiteral("upper"));
        if (upper.isNull()) { // the 1% rule: no boundary
            QCOMPARE(look.value(QStringLiteral("status")).toString(), QStringLiteral("below_one_percent"));
            continue;
        }
        const double increment = spentPerSide.at(monitored).toDouble()
                                 - (monitored > 0 ? spentPerSide.at(monitored - 1).toDouble() : 0.0);
        ++monitored;
        if (upper.toDouble() == 20) { // RTSA's cap for an infinite boundary
            QVERIFY(look.value(QStringLiteral("upper_infinite")).toBool());
        } else if (increment < 1e-6) {
            // After only infinite boundaries the boundary is exactly the increment's normal quantile;
            // RTSA's search tolerance (1e-9 in probability) moves it by up to 3e-4 here (docs/tsa.md).
            EVIDENT_COMPARE_ABS(look.value(QStringLiteral("upper")).toDouble(),
                                -evident::normalQuantile(increment), 1e-5);
        } else {
            EVIDENT_COMPARE_ABS(look.value(QStringLiteral("upper")).toDouble(), upper.toDouble(), 1e-4);
        }
    }
    const QJsonObject crossed = run.json.value(QStringLiteral("crossed")).toObject();
    QCOMPARE(crossed.value(QStringLiteral("boundary")).toString(), QStringLiteral("lower"));
    QVERIFY(run.json.value(QStringLiteral("conclusion")).toString().contains(QStringLiteral("2473 animals")));
}

void TestCliTsa::binaryRiskRatioMatchesRtsa() {
    // RTSA(outcome = 'RR', mc = 0.8, pC = 0.15, D2, DL, MH weights) on perioOxy: NF 4074, HARIS 11100.
    const QJsonObject reference =
        evident::test::loadJson(evident::test::testDataPath(QStringLiteral("reference/tsa_checks.json")))
            .object()
            .value(QStringLiteral("binary"))
            .toObject()
            .value(QStringLiteral("RR"))
            .toObject()
            .value(QStringLiteral("rtsa"))
            .toObject();
    const Run run =
        runCli({QStringLiteral("tsa"), m_perioOxy, QStringLiteral("--measure"), QStringLiteral("RR"),
                QStringLiteral("--delta"), QStringLiteral("0.2"), QStringLiteral("--pc"),
                QStringLiteral("0.15"), QStringLiteral("--model"), QStringLiteral("RE"),
                QStringLiteral("--adjust"), QStringLiteral("D2"), QStringLiteral("--json")});
    QVERIFY2(run.status == ExitOk, qPrintable(run.err));
    QCOMPARE(run.json.value(QStringLiteral("ris_unadjusted")).toInt(),
             reference.value(QStringLiteral("NF")).toInt());
    QCOMPARE(run.json.value(QStringLiteral("ris")).toInt(), reference.value(QStringLiteral("HARIS")).toInt());
    const QJsonArray looks = run.json.value(QStringLiteral("looks")).toArray();
    const QJsonArray z = reference.value(QStringLiteral("z_random")).toArray();
    QCOMPARE(looks.size(), 15); // RTSA appends a final look at the RIS; Evident lists the 15 trials
    QVERIFY(z.size() >= looks.size());
    for (qsizetype i = 0; i < looks.size(); ++i)
        EVIDENT_COMPARE_REL(looks.at(i).toObject().value(QStringLiteral("z")).toDouble(), z.at(i).toDouble(),
                            1e-8);
}

void TestCliTsa::badOptionsAreNamed_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const QString file = QStringLiteral("x.csv");
    QTest::newRow("measure required")
        << QStringList{QStringLiteral("tsa"), file} << int(ExitUsage) << "--measure and --delta are required";
    QTest::newRow("unknown measure") << QStringList{QStringLiteral("tsa"),       file,
                                                    QStringLiteral("--measure"), QStringLiteral("ROM"),
                                                    QStringLiteral("--delta"),   QStringLiteral("1")}
                                     << int(ExitUsage)
                                     << "unknown measure 'ROM'; use one of MD, SMD, RR, OR, RD.";
    QTest::newRow("MD needs an SD") << QStringList{QStringLiteral("tsa"),       file,
                                                   QStringLiteral("--measure"), QStringLiteral("MD"),
                                                   QStringLiteral("--delta"),   QStringLiteral("5")}
                                    << int(ExitUsage) << "--sd (the SD of the outcome) is required for MD.";
    QTest::newRow("alpha out of range")
        << QStringList{QStringLiteral("boundaries"), QStringLiteral("--fractions"), QStringLiteral("0.5,1"),
                       QStringLiteral("--alpha"), QStringLiteral("1.5")}
        << int(ExitUsage) << "--alpha must be a number between 0 and 1 (got '1.5').";
    QTest::newRow("text in fractions")
        << QStringList{QStringLiteral("boundaries"), QStringLiteral("--fractions"),
                       QStringLiteral("0.5,half,1")}
        << int(ExitUsage) << "'half' is not a number.";
    QTest::newRow("decreasing fractions")
        << QStringList{QStringLiteral("boundaries"), QStringLiteral("--fractions"),
                       QStringLiteral("0.5,0.3,1")}
        << int(ExitUsage) << "evident-cli boundaries: ";
    QTest::newRow("unknown spending")
        << QStringList{QStringLiteral("boundaries"), QStringLiteral("--fractions"), QStringLiteral("1"),
                       QStringLiteral("--spending"), QStringLiteral("haybittle")}
        << int(ExitUsage) << "unknown spending function 'haybittle'; use obf or pocock.";
}

void TestCliTsa::badOptionsAreNamed() {
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    QFETCH(QString, message);
    const Run run = runCli(arguments);
    QCOMPARE(run.status, status);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

void TestCliTsa::negativeDeltaIsItsMagnitude() {
    // A lower-is-better outcome states its minimal relevant effect as negative (RTSA accepts it): the
    // magnitude sets the RIS; the futility wedge is symmetric about Z = 0, so the boundaries are the same.
    const auto tsa = [this](const char* delta) {
        return runCli({QStringLiteral("tsa"), m_eds, QStringLiteral("--measure"), QStringLiteral("MD"),
                       QStringLiteral("--delta"), QString::fromLatin1(delta), QStringLiteral("--sd"),
                       QStringLiteral("30"), QStringLiteral("--futility"), QStringLiteral("nonbinding"),
                       QStringLiteral("--json")});
    };
    const Run positive = tsa("8");
    const Run negative = tsa("-8");
    QVERIFY2(negative.status == ExitOk, qPrintable(negative.err));
    QVERIFY(!negative.err.contains(QStringLiteral("Set the minimal relevant effect")));
    QCOMPARE(negative.json.value(QStringLiteral("ris")).toInt(),
             positive.json.value(QStringLiteral("ris")).toInt());
    QVERIFY(negative.json.value(QStringLiteral("ris")).toInt() > 0);
    QCOMPARE(negative.json.value(QStringLiteral("looks")), positive.json.value(QStringLiteral("looks")));
    QCOMPARE(tsa("0").status, int(ExitAnalysisFailed)); // Zero is still no effect to look for
}

namespace {

const QString exampleProject =
    QStringLiteral(EVIDENT_SOURCE_DIR "/resources/examples/ev-intrauterine-adhesions.evident");

evident::Project readExample() {
    const evident::io::ProjectReadResult read = evident::io::readProjectFile(exampleProject);
    return read.project ? *read.project : evident::Project{};
}

std::size_t outcomeNamed(const evident::Project& project, const QString& prefix) {
    for (std::size_t i = 0; i < project.outcomes.size(); ++i)
        if (QString::fromStdString(project.outcomes[i].name).startsWith(prefix, Qt::CaseInsensitive))
            return i;
    return project.outcomes.size();
}

} // namespace

void TestCliTsa::projectOutcomeIsTheAppsTsa_data() {
    // A project's outcome is monitored with its saved TSA settings (what the app and `report` show),
    // each option given overriding one of them.
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("measure"); // "" = the outcome's
    QTest::addColumn<double>("delta");    // 0 = the saved one
    QTest::addColumn<double>("controlRisk");
    QTest::newRow("continuous, as saved") << "Endometrial glands"
                                          << "" << 0.0 << 0.0;
    QTest::newRow("continuous, --delta") << "Endometrial glands"
                                         << "" << 0.8 << 0.0;
    QTest::newRow("continuous, --measure MD") << "Embryos"
                                              << "MD" << 2.0 << 0.0;
    QTest::newRow("dichotomous, as saved") << "Pregnancy"
                                           << "" << 0.0 << 0.0;
    QTest::newRow("dichotomous, RR and --pc") << "Pregnancy"
                                              << "RR" << 0.25 << 0.4;
}

void TestCliTsa::projectOutcomeIsTheAppsTsa() {
    QFETCH(QString, outcome);
    QFETCH(QString, measure);
    QFETCH(double, delta);
    QFETCH(double, controlRisk);
    evident::Project project = readExample();
    const std::size_t index = outcomeNamed(project, outcome);
    QVERIFY(index < project.outcomes.size());
    evident::Outcome& expected = project.outcomes[index];
    QStringList arguments{QStringLiteral("tsa"),       exampleProject,
                          QStringLiteral("--outcome"), outcome,
                          QStringLiteral("--json"),    QStringLiteral("--skip-invalid")};
    if (!measure.isEmpty()) {
        arguments << QStringLiteral("--measure") << measure;
        expected.settings.measure =
            measure == u"MD" ? evident::EffectMeasure::MD : evident::EffectMeasure::RR;
    }
    if (measure == u"MD") {
        arguments << QStringLiteral("--sd") << QStringLiteral("3");
        expected.tsa.standardDeviation = 3;
    }
    if (delta > 0) {
        arguments << QStringLiteral("--delta") << QString::number(delta);
        expected.tsa.minimalRelevantEffect = delta;
    }
    if (controlRisk > 0) {
        arguments << QStringLiteral("--pc") << QString::number(controlRisk);
        expected.tsa.controlRisk = controlRisk;
    }
    const evident::TsaResult tsa = evident::analyseOutcome(project, expected).tsa;
    QVERIFY2(tsa.ok, tsa.error.c_str());
    const Run run = runCli(arguments);
    QVERIFY2(run.status == ExitOk, qPrintable(run.err));
    QCOMPARE(run.json.value(QStringLiteral("ris")).toDouble(), tsa.ris);
    const QJsonArray looks = run.json.value(QStringLiteral("looks")).toArray();
    QCOMPARE(looks.size(), static_cast<qsizetype>(tsa.looks.size()));
    for (qsizetype i = 0; i < looks.size(); ++i)
        EVIDENT_COMPARE_REL(looks[i].toObject().value(QStringLiteral("z")).toDouble(),
                            tsa.looks[static_cast<std::size_t>(i)].z, 1e-12);
    // The text report names every study whole, however long.
    arguments.removeAll(QStringLiteral("--json"));
    const Run text = runCli(arguments);
    for (const evident::TsaLook& look : tsa.looks)
        QVERIFY2(text.out.contains(QString::fromStdString(look.label)), look.label.c_str());
}

void TestCliTsa::projectModelKeepsOrResetsTheAdjustment() {
    // An outcome saved with random effects and the I² adjustment: --model RE keeps I²; --model FE takes
    // the fixed-effect model's usual none.
    evident::Project project = readExample();
    const std::size_t glands = outcomeNamed(project, QStringLiteral("Endometrial glands"));
    QVERIFY(glands < project.outcomes.size());
    evident::Outcome& outcome = project.outcomes[glands];
    outcome.tsa.model = evident::TsaModel::RandomEffects;
    outcome.tsa.adjustment = evident::HeterogeneityAdjustment::Inconsistency;
    const QString path = m_dir.filePath(QStringLiteral("i2.evident"));
    QVERIFY(evident::io::writeProjectFile(project, path).isEmpty());
    const auto risOf = [&](const char* model) {
        const Run run =
            runCli({QStringLiteral("tsa"), path, QStringLiteral("--outcome"), QStringLiteral("glands"),
                    QStringLiteral("--model"), QString::fromLatin1(model), QStringLiteral("--json")});
        return run.json.value(QStringLiteral("ris")).toDouble();
    };
    const double i2 = evident::analyseOutcome(project, outcome).tsa.ris;
    outcome.tsa.model = evident::TsaModel::FixedEffect;
    outcome.tsa.adjustment = evident::HeterogeneityAdjustment::None;
    const double none = evident::analyseOutcome(project, outcome).tsa.ris;
    QVERIFY(i2 > none); // I² = 54%: the adjustment matters here
    QCOMPARE(risOf("RE"), i2);
    QCOMPARE(risOf("FE"), none);
}

void TestCliTsa::projectRefusals_data() {
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("clearSavedEffect");
    QTest::addColumn<QString>("message");
    QTest::newRow("continuous measure on a dichotomous outcome")
        << QStringList{QStringLiteral("--outcome"), QStringLiteral("Pregnancy"), QStringLiteral("--measure"),
                       QStringLiteral("SMD")}
        << false
        << "--measure SMD does not fit the dichotomous outcome 'Pregnancy (animals pregnant)'; use RR, OR or "
           "RD.";
    QTest::newRow("binary measure on a continuous outcome")
        << QStringList{QStringLiteral("--outcome"), QStringLiteral("Fibrosis"), QStringLiteral("--measure"),
                       QStringLiteral("or")}
        << false << "--measure OR does not fit the continuous outcome 'Fibrosis (% area)'; use MD or SMD.";
    QTest::newRow("no saved minimal relevant effect")
        << QStringList{QStringLiteral("--outcome"), QStringLiteral("Embryos")} << true
        << "the outcome 'Embryos (count)' has no minimal relevant effect saved; give it with --delta.";
    QTest::newRow("MD without an SD")
        << QStringList{QStringLiteral("--outcome"), QStringLiteral("Embryos"), QStringLiteral("--measure"),
                       QStringLiteral("MD"),        QStringLiteral("--delta"), QStringLiteral("2")}
        << false << "--sd (the SD of the outcome) is required for MD.";
    QTest::newRow("MD with the SMD's saved effect")
        << QStringList{QStringLiteral("--outcome"), QStringLiteral("Embryos"), QStringLiteral("--measure"),
                       QStringLiteral("MD"),        QStringLiteral("--sd"),    QStringLiteral("3")}
        << false
        << "the minimal relevant effect of 'Embryos (count)' is saved for Std. mean difference (Hedges' g); "
           "give it "
           "for MD with --delta.";
}

void TestCliTsa::projectRefusals() {
    QFETCH(QStringList, options);
    QFETCH(bool, clearSavedEffect);
    QFETCH(QString, message);
    QString path = exampleProject;
    if (clearSavedEffect) {
        evident::Project project = readExample();
        for (evident::Outcome& outcome : project.outcomes)
            outcome.tsa.minimalRelevantEffect = 0;
        path = m_dir.filePath(QStringLiteral("no-effect.evident"));
        QVERIFY(evident::io::writeProjectFile(project, path).isEmpty());
    }
    const Run run = runCli(QStringList{QStringLiteral("tsa"), path} + options);
    QCOMPARE(run.status, int(ExitUsage));
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliTsa)
#include "tst_cli_tsa.moc"
