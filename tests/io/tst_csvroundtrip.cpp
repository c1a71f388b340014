// SPDX-License-Identifier: GPL-3.0-or-later
// Every field of the preclinical project model survives CSV export and import: reported dispersions,
// arms and shared controls, sham means, the include flag, covariates and SYRCLE judgements.
#include "io/csvexport.h"
#include "io/csvimport.h"
#include "tests/support/testsupport.h"

using namespace evident;

namespace {

ArmEntry reported(DispersionType type, std::string centre, std::string n) {
    ArmEntry arm;
    arm.dispersion = type;
    arm.mean = std::move(centre);
    arm.n = std::move(n);
    return arm;
}

Project preclinicalProject() {
    Project project;
    project.covariateNames = {"EV source", "dose (µg)"};
    Study first = makeStudy(1, "Li 2019", {"BMSC", "50"});
    first.riskOfBias.items[0] = {RobJudgement::Low, "Random number table, \"stated\", in methods"};
    first.riskOfBias.items[6] = {RobJudgement::High, "Assessor not blinded"};
    first.riskOfBias.items[9] = {RobJudgement::Unclear, ""};
    project.studies = {first, makeStudy(2, "Wang, 2020", {"UC-MSC", "100"}),
                       makeStudy(3, "Zhou 2021", {"ADSC", ""})};

    Outcome outcome;
    outcome.name = "glands";
    ArmEntry sem = reported(DispersionType::SEM, "12.4", "8");
    sem.sem = "1.1";
    ArmEntry ci = reported(DispersionType::CI, "9.0", "10");
    ci.ciLower = "7.5";
    ci.ciUpper = "10.5";
    ci.ciLevel = "90";
    ArmEntry median = reported(DispersionType::MedianIQRRange, "6", "12");
    median.q1 = "5";
    median.q3 = "8";
    median.minimum = "2";
    median.maximum = "11";
    const ArmEntry control = meanSdEntry("5.5", "2.0", "12");

    OutcomeRow low;
    low.study = 1;
    low.arm = "EV low dose";
    low.controlGroup = "vehicle";
    low.treated = sem;
    low.control = control;
    low.shamMean = "15";
    OutcomeRow high = low;
    high.arm = "EV high dose";
    high.treated = ci;
    high.control = ArmEntry{}; // uses the shared control typed on the first row
    OutcomeRow single;
    single.study = 2;
    single.treated = median;
    single.control = meanSdEntry("4.1", "1.5", "9");
    OutcomeRow excluded;
    excluded.study = 3;
    excluded.included = false;
    excluded.treated = meanSdEntry("7", "1", "6");
    excluded.control = meanSdEntry("5", "1", "6");
    outcome.rows = {low, high, single, excluded};
    project.outcomes.push_back(outcome);
    return project;
}

} // namespace

class TestCsvRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void everyFieldSurvives();
    void simpleDataStaysSimple();
};

void TestCsvRoundTrip::everyFieldSurvives() {
    const Project original = preclinicalProject();
    const io::CsvContent table = io::outcomeTable(original, original.outcomes[0]);
    const QString csv = io::toCsv(table.header, table.rows);
    const io::CsvParseResult parsed = io::parseCsv(csv);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    const io::CsvImport imported =
        io::importStudies(parsed.table, io::guessColumnRoles(parsed.table.header), QStringLiteral("glands"));
    QVERIFY2(imported.errors.isEmpty(), qPrintable(imported.errors.join(u'\n')));

    const Project& project = imported.project;
    QCOMPARE(project.covariateNames, original.covariateNames);
    QCOMPARE(project.studies.size(), original.studies.size());
    for (std::size_t i = 0; i < original.studies.size(); ++i) {
        QCOMPARE(project.studies[i].label, original.studies[i].label);
        QCOMPARE(project.studies[i].covariateValues, original.studies[i].covariateValues);
        QVERIFY(project.studies[i].riskOfBias == original.studies[i].riskOfBias);
    }
    const auto& rows = project.outcomes[0].rows;
    const auto& expected = original.outcomes[0].rows;
    QCOMPARE(rows.size(), expected.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        QVERIFY2(rows[i] == expected[i], qPrintable(QStringLiteral("row %1 differs").arg(i)));

    // And it analyses the same way.
    const PreparedOutcome before = prepareOutcome(original, original.outcomes[0]);
    const PreparedOutcome after = prepareOutcome(project, project.outcomes[0]);
    QVERIFY(before.issues.empty());
    QCOMPARE(after.data.yi, before.data.yi);
    QCOMPARE(after.data.vi, before.data.vi);
}

void TestCsvRoundTrip::simpleDataStaysSimple() {
    Project project;
    project.studies = {makeStudy(1, "A"), makeStudy(2, "B")};
    Outcome outcome;
    for (StudyId id : {1, 2}) {
        OutcomeRow row;
        row.study = id;
        row.treated = meanSdEntry("10", "2", "8");
        row.control = meanSdEntry("8", "2", "8");
        outcome.rows.push_back(row);
    }
    const io::CsvContent table = io::outcomeTable(project, outcome);
    QCOMPARE(table.header.join(u','), QStringLiteral("study,mean_t,sd_t,n_t,mean_c,sd_c,n_c"));
    QCOMPARE(table.rows.at(0).join(u','), QStringLiteral("A,10,2,8,8,2,8"));
}

QTEST_GUILESS_MAIN(TestCsvRoundTrip)
#include "tst_csvroundtrip.moc"
