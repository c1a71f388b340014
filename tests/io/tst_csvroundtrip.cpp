// SPDX-License-Identifier: GPL-3.0-or-later
// Every field of the preclinical project model survives CSV export and import: reported dispersions,
// arms and shared controls, sham means, the include flag, covariates and SYRCLE judgements.
#include "io/csvexport.h"
#include "io/csvimport.h"
#include "tests/support/sampleproject.h"
#include "tests/support/testsupport.h"

using namespace evident;

class TestCsvRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void everyFieldSurvives();
    void simpleDataStaysSimple();
    void dichotomousOutcomeSurvives();
};

void TestCsvRoundTrip::everyFieldSurvives() {
    const Project original = test::preclinicalProject();
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
        setArm(row, ArmSide::Treated, meanSdEntry("10", "2", "8"));
        setArm(row, ArmSide::Control, meanSdEntry("8", "2", "8"));
        outcome.rows.push_back(row);
    }
    const io::CsvContent table = io::outcomeTable(project, outcome);
    QCOMPARE(table.header.join(u','), QStringLiteral("study,mean_t,sd_t,n_t,mean_c,sd_c,n_c"));
    QCOMPARE(table.rows.at(0).join(u','), QStringLiteral("A,10,2,8,8,2,8"));
}

void TestCsvRoundTrip::dichotomousOutcomeSurvives() {
    Project original = test::sampleProject();
    original.outcomes = {test::dichotomousOutcome()};
    const io::CsvContent table = io::outcomeTable(original, original.outcomes[0]);
    QVERIFY2(table.header.join(u',').startsWith(
                 QStringLiteral("study,arm,control_group,include,events_t,total_t,events_c,total_c,Route")),
             qPrintable(table.header.join(u',')));
    const io::CsvParseResult parsed = io::parseCsv(io::toCsv(table.header, table.rows));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    const io::CsvImport imported = io::importStudies(parsed.table, io::guessColumnRoles(parsed.table.header),
                                                     QStringLiteral("Pregnancy"));
    QVERIFY2(imported.errors.isEmpty(), qPrintable(imported.errors.join(u'\n')));
    const Outcome& outcome = imported.project.outcomes.at(0);
    QCOMPARE(outcome.kind, OutcomeKind::Dichotomous);
    QCOMPARE(outcome.settings.measure, EffectMeasure::OR); // A CSV file carries data, not settings
    const auto& expected = original.outcomes[0].rows;
    QCOMPARE(outcome.rows.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        // Ids are the importer's own: compare the study by its label, the rest as it is.
        QCOMPARE(imported.project.study(outcome.rows[i].study)->label,
                 original.study(expected[i].study)->label);
        OutcomeRow row = expected[i];
        row.study = outcome.rows[i].study;
        QVERIFY2(outcome.rows[i] == row, qPrintable(QStringLiteral("row %1 differs").arg(i)));
    }
    // The same rows analyse the same way under the same settings.
    Outcome reread = outcome;
    reread.settings = original.outcomes[0].settings;
    reread.sharedControl = original.outcomes[0].sharedControl;
    const PreparedOutcome before = prepareOutcome(original, original.outcomes[0]);
    const PreparedOutcome after = prepareOutcome(imported.project, reread);
    QCOMPARE(after.data.yi, before.data.yi);
    QCOMPARE(after.data.vi, before.data.vi);
    QCOMPARE(after.issues.size(), std::size_t(1)); // The events above the total
    QCOMPARE(after.issues.front().field, std::string("events_t"));
}

QTEST_GUILESS_MAIN(TestCsvRoundTrip)
#include "tst_csvroundtrip.moc"
