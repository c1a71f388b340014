// SPDX-License-Identifier: GPL-3.0-or-later
// From typed cells to analysable studies: every kind of bad input gives a message that names the
// study and the field, and the valid rows are still analysed.
#include "core/project/outcomeanalysis.h"
#include "core/project/preparation.h"
#include "tests/support/testsupport.h"

using namespace evident;

namespace {

Project twoGroupProject(const std::vector<std::array<std::string, 6>>& rows) {
    Project project;
    project.covariateNames = {"route", "dose"};
    Outcome outcome;
    outcome.name = "glands";
    StudyId id = 1;
    for (const auto& cells : rows) {
        project.studies.push_back(
            makeStudy(id, "Study " + std::to_string(id), {id % 2 ? "IV" : "IU", std::to_string(id * 10)}));
        OutcomeRow row;
        row.study = id;
        setArm(row, ArmSide::Treated, meanSdEntry(cells[0], cells[1], cells[2]));
        setArm(row, ArmSide::Control, meanSdEntry(cells[3], cells[4], cells[5]));
        outcome.rows.push_back(row);
        ++id;
    }
    project.outcomes.push_back(outcome);
    return project;
}

} // namespace

class TestPreparation : public QObject {
    Q_OBJECT
private slots:
    void studiesAreFoundByIdInAnyOrder_data();
    void studiesAreFoundByIdInAnyOrder();
    void badCellsAreNamed_data();
    void badCellsAreNamed();
    void validRowsGiveEffectSizes();
    void excludedRowsAreCounted();
    void covariateKindFollowsValues();
    void plausibilityNotes_data();
    void plausibilityNotes();
    void subgroupOrderIsTheGridOrder_data();
    void subgroupOrderIsTheGridOrder();
    void precomputedAcceptsVarianceOrStandardError();
    void ratioOfMeansNeedsSameSignMeans();
};

void TestPreparation::badCellsAreNamed_data() {
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("text in a mean") << 0 << "abc"
                                    << "mean_t"
                                    << "Mean (treated): 'abc' is not a number";
    QTest::newRow("decimal comma")
        << 3 << "12,5"
        << "mean_c"
        << "Mean (control): '12,5' is not a number (use a point as the decimal separator)";
    QTest::newRow("negative SD") << 1 << "-1.2"
                                 << "sd_t"
                                 << "SD (treated) must be greater than 0 (got -1.2)";
    QTest::newRow("zero SD") << 4 << "0"
                             << "sd_c"
                             << "SD (control) must be greater than 0 (got 0)";
    QTest::newRow("n below 2") << 2 << "1"
                               << "n_t"
                               << "n (treated) must be at least 2 (got 1)";
    QTest::newRow("missing n") << 5 << "  "
                               << "n_c"
                               << "n (control) is missing";
    QTest::newRow("infinity is not a number") << 0 << "inf"
                                              << "mean_t"
                                              << "Mean (treated): 'inf' is not a number";
}

void TestPreparation::badCellsAreNamed() {
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(QString, field);
    QFETCH(QString, message);
    std::array<std::string, 6> bad{"10", "2", "8", "5", "2", "8"};
    bad[static_cast<std::size_t>(column)] = text.toStdString();
    const Project project =
        twoGroupProject({{"10", "2", "8", "5", "2", "8"}, bad, {"12", "3", "9", "6", "3", "9"}});
    const PreparedOutcome prepared = prepareOutcome(project, project.outcomes[0]);

    QCOMPARE(prepared.issues.size(), std::size_t(1));
    const InputIssue& issue = prepared.issues.front();
    QCOMPARE(issue.row, std::size_t(1));
    QCOMPARE(QString::fromStdString(issue.study), QStringLiteral("Study 2"));
    QCOMPARE(QString::fromStdString(issue.field), field);
    QCOMPARE(QString::fromStdString(issue.message), message);
    // The other two studies are still analysed.
    QCOMPARE(prepared.data.size(), std::size_t(2));
    QCOMPARE(prepared.rows, (std::vector<std::size_t>{0, 2}));
}

void TestPreparation::validRowsGiveEffectSizes() {
    // Hedges' g for m = 14, d = (10 − 5)/2 = 2.5; values from R: escalc("SMD", 10, 2, 8, 5, 2, 8).
    const Project project = twoGroupProject({{"10", "2", "8", "5", "2", "8"}});
    const PreparedOutcome prepared = prepareOutcome(project, project.outcomes[0]);
    QVERIFY(prepared.issues.empty());
    EVIDENT_COMPARE_REL(prepared.data.yi[0], 2.3632193232670264, 1e-12);
    EVIDENT_COMPARE_REL(prepared.data.vi[0], 0.42452517405820822, 1e-12);
    QCOMPARE(prepared.participants[0], 16.0);
    QCOMPARE(prepared.treated[0].n, 8.0);
}

void TestPreparation::excludedRowsAreCounted() {
    Project project = twoGroupProject({{"10", "2", "8", "5", "2", "8"}, {"bad", "2", "8", "5", "2", "8"}});
    project.outcomes[0].rows[1].included = false; // unticked rows are not validated
    const PreparedOutcome prepared = prepareOutcome(project, project.outcomes[0]);
    QVERIFY(prepared.issues.empty());
    QCOMPARE(prepared.excludedByUser, std::size_t(1));
    QCOMPARE(prepared.data.size(), std::size_t(1));
}

void TestPreparation::covariateKindFollowsValues() {
    const Project project =
        twoGroupProject({{"10", "2", "8", "5", "2", "8"}, {"11", "2", "8", "5", "2", "8"}});
    const PreparedOutcome prepared = prepareOutcome(project, project.outcomes[0]);
    const Covariate* route = prepared.data.covariate("ROUTE");
    const Covariate* dose = prepared.data.covariate("dose");
    QVERIFY(route && dose);
    QCOMPARE(route->kind, CovariateKind::Categorical);
    QCOMPARE(route->distinctLevels(), (std::vector<std::string>{"IV", "IU"}));
    QCOMPARE(dose->kind, CovariateKind::Numeric);
    QCOMPARE(*dose->numbers[1], 20.0);
}

void TestPreparation::plausibilityNotes_data() {
    QTest::addColumn<QStringList>("cells"); // mean, SD, n of each group
    QTest::addColumn<QString>("field");     // the cell noted, or empty for no note
    QTest::addColumn<QString>("contains");
    QTest::newRow("plausible") << QStringList{"12", "2", "8", "9", "2.1", "8"} << ""
                               << "";
    QTest::newRow("SD 10 times the mean: the limit, no note")
        << QStringList{"12", "120", "8", "9", "2.1", "8"} << ""
        << "";
    QTest::newRow("SD far larger than the mean") << QStringList{"2.0", "80", "8", "9", "2.1", "8"} << "sd_t"
                                                 << "more than 10 times its mean";
    QTest::newRow("in the control group") << QStringList{"12", "2", "8", "0.5", "9", "8"} << "sd_c"
                                          << "control group";
    QTest::newRow("negative mean: a change score, no note")
        << QStringList{"-0.5", "30", "8", "9", "2.1", "8"} << ""
        << "";
    QTest::newRow("non-whole n") << QStringList{"12", "2", "8.5", "9", "2.1", "8"} << "n_t"
                                 << "not a whole number";
}

void TestPreparation::plausibilityNotes() {
    // Notes are cautions: the row is still analysed, and the note names its cell.
    QFETCH(QStringList, cells);
    QFETCH(QString, field);
    QFETCH(QString, contains);
    std::array<std::string, 6> row;
    for (std::size_t i = 0; i < row.size(); ++i)
        row[i] = cells[static_cast<qsizetype>(i)].toStdString();
    const Project project = twoGroupProject({row});
    const PreparedOutcome prepared = prepareOutcome(project, project.outcomes[0]);
    QVERIFY(prepared.issues.empty());
    QCOMPARE(prepared.data.size(), std::size_t(1));
    if (field.isEmpty()) {
        QVERIFY(prepared.notes.empty());
        return;
    }
    QCOMPARE(prepared.notes.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(prepared.notes[0].field), field);
    QVERIFY2(QString::fromStdString(prepared.notes[0].message).contains(contains),
             prepared.notes[0].message.c_str());
}

void TestPreparation::subgroupOrderIsTheGridOrder_data() {
    QTest::addColumn<QString>("firstMean");
    QTest::addColumn<bool>("firstIncluded");
    QTest::addColumn<int>("analysed");
    QTest::newRow("every row valid") << "10" << true << 4;
    QTest::newRow("first row's mean invalid") << "abc" << true << 3;
    QTest::newRow("first row empty") << "" << true << 3;
    QTest::newRow("first row unticked") << "10" << false << 3;
}

void TestPreparation::subgroupOrderIsTheGridOrder() {
    // Routes IV, IU, IV, IU: the first row is the only IV row before the first IU one. Whatever
    // becomes of it, IV stays the first subgroup in the analysis (forest plot, JSON, report).
    QFETCH(QString, firstMean);
    QFETCH(bool, firstIncluded);
    QFETCH(int, analysed);
    Project project = twoGroupProject({{firstMean.toStdString(), "2", "8", "5", "2", "8"},
                                       {"11", "2", "8", "5", "2", "8"},
                                       {"12", "2", "8", "5", "2", "8"},
                                       {"9", "2", "8", "5", "2", "8"}});
    Outcome& outcome = project.outcomes[0];
    outcome.rows[0].included = firstIncluded;
    outcome.settings.subgroup = "route";
    const PreparedOutcome prepared = prepareOutcome(project, outcome);
    QCOMPARE(static_cast<int>(prepared.data.size()), analysed);
    QCOMPARE(prepared.data.covariate("route")->distinctLevels(), (std::vector<std::string>{"IV", "IU"}));
    const OutcomeAnalysis analysis = analyseOutcome(project, outcome);
    QVERIFY(analysis.result.subgroups);
    QCOMPARE(analysis.result.subgroups->groups.size(), std::size_t(2));
    QCOMPARE(analysis.result.subgroups->groups[0].level, std::string("IV"));
    QCOMPARE(analysis.result.subgroups->groups[1].level, std::string("IU"));
}

void TestPreparation::precomputedAcceptsVarianceOrStandardError() {
    Project project;
    project.studies = {makeStudy(1, "A"), makeStudy(2, "B"), makeStudy(3, "C")};
    Outcome outcome;
    outcome.kind = OutcomeKind::Generic;
    const auto precomputed = [](StudyId study, std::string yi, std::string vi, std::string sei) {
        OutcomeRow row;
        row.study = study;
        row.text(EntryField::Yi) = std::move(yi);
        row.text(EntryField::Vi) = std::move(vi);
        row.text(EntryField::Sei) = std::move(sei);
        return row;
    };
    outcome.rows = {precomputed(1, "0.5", "0.04", ""), precomputed(2, "0.3", "", "0.1"),
                    precomputed(3, "0.2", "", "")};
    const PreparedOutcome prepared = prepareOutcome(project, outcome);
    QCOMPARE(prepared.data.vi, (std::vector<double>{0.04, 0.1 * 0.1}));
    QCOMPARE(prepared.issues.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(prepared.issues[0].message),
             QStringLiteral("Variance (vi) or standard error (sei) is missing"));
}

void TestPreparation::ratioOfMeansNeedsSameSignMeans() {
    Project project = twoGroupProject({{"10", "2", "8", "-5", "2", "8"}});
    project.outcomes[0].settings.measure = EffectMeasure::ROM;
    const PreparedOutcome prepared = prepareOutcome(project, project.outcomes[0]);
    QCOMPARE(prepared.issues.size(), std::size_t(1));
    QVERIFY(prepared.issues[0].field.empty());
    QVERIFY(prepared.issues[0].message.find("same sign") != std::string::npos);
}

void TestPreparation::studiesAreFoundByIdInAnyOrder_data() {
    // Project::study looks at the id's own place, then searches the rising ids, then every study.
    QTest::addColumn<QList<int>>("ids");
    QTest::newRow("1, 2, 3, 4, 5") << QList<int>{1, 2, 3, 4, 5};
    QTest::newRow("gaps after deletions") << QList<int>{1, 3, 4, 7, 9, 12};
    QTest::newRow("moved studies") << QList<int>{5, 2, 9, 1, 4, 3};
    QTest::newRow("one study") << QList<int>{42};
    QTest::newRow("none") << QList<int>{};
}

void TestPreparation::studiesAreFoundByIdInAnyOrder() {
    QFETCH(QList<int>, ids);
    Project project;
    for (const int id : ids)
        project.studies.push_back(makeStudy(static_cast<StudyId>(id), "Study " + std::to_string(id), {}));
    for (const int id : ids) {
        const Study* found = std::as_const(project).study(static_cast<StudyId>(id));
        QVERIFY(found);
        QCOMPARE(found->id, static_cast<StudyId>(id));
        QCOMPARE(project.study(static_cast<StudyId>(id)), found);
    }
    for (const StudyId absent : {StudyId{0}, StudyId{6}, StudyId{8}, StudyId{100}})
        if (!ids.contains(static_cast<int>(absent)))
            QVERIFY(!project.study(absent));
}

QTEST_GUILESS_MAIN(TestPreparation)
#include "tst_preparation.moc"
