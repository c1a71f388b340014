// SPDX-License-Identifier: GPL-3.0-or-later
// Where a covariate value typed on a grid row goes: the study's value, or the arm's own when the study
// has several arms in that outcome; and the tidying that keeps arm values only where arms differ.
#include "core/project/armcovariates.h"

#include <QTest>

using namespace evident;

namespace {

/// Study 1 has two arms in "Glands" and one row in "Fibrosis"; study 2 one row in "Glands".
Project twoOutcomes() {
    Project project;
    project.covariateNames = {"Dose", "Species"};
    project.studies = {makeStudy(1, "Li 2019", {"50", "rat"}), makeStudy(2, "Wang 2020", {"100", "rat"})};
    Outcome glands;
    glands.name = "Glands";
    OutcomeRow low;
    low.study = 1;
    low.text(EntryField::Arm) = "low";
    OutcomeRow high = low;
    high.text(EntryField::Arm) = "high";
    OutcomeRow other;
    other.study = 2;
    glands.rows = {low, high, other};
    Outcome fibrosis;
    fibrosis.name = "Fibrosis";
    fibrosis.rows = {low};
    project.outcomes = {glands, fibrosis};
    return project;
}

/// Types `value` into the covariate's cell of a row, as the grid's command does.
void type(Project& project, std::size_t outcome, std::size_t row, std::size_t covariate, const char* value) {
    CovariatePlacement placement = placeCovariateValue(project, outcome, row, covariate, value);
    project.study(project.outcomes[outcome].rows[row].study)->covariateValues[covariate] =
        placement.studyValue;
    for (auto& each : placement.rows)
        project.outcomes[each.outcome].rows[each.row].covariateValues = std::move(each.values);
}

/// Every row's value of the covariate, outcome by outcome, as the analysis sees it.
std::vector<std::string> seen(const Project& project, std::size_t covariate) {
    std::vector<std::string> values;
    for (const Outcome& outcome : project.outcomes)
        for (const OutcomeRow& row : outcome.rows)
            values.push_back(project.covariateValue(row, covariate));
    return values;
}

using Strings = std::vector<std::string>;

} // namespace

class TestArmCovariates : public QObject {
    Q_OBJECT
private slots:
    void placement_data();
    void placement();
    void sameValueOnEveryRowBecomesTheStudys();
};

void TestArmCovariates::placement_data() {
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("studyValue");
    QTest::addColumn<Strings>("doses"); // Glands: low, high, Wang; Fibrosis: Li
    QTest::newRow("single-row study: the study's value") << 0 << 2 << "200"
                                                         << "200" << Strings{"50", "50", "200", "50"};
    QTest::newRow("an arm: its own value") << 0 << 1 << "100"
                                           << "50" << Strings{"50", "100", "100", "50"};
    QTest::newRow("an arm given the study's value: none of its own")
        << 0 << 1 << "50"
        << "50" << Strings{"50", "50", "100", "50"};
    QTest::newRow("the study's only row in another outcome: the study's value")
        << 1 << 0 << "75"
        << "75" << Strings{"75", "75", "100", "75"};
    QTest::newRow("an arm's cell emptied: the study's value shows")
        << 0 << 0 << ""
        << "50" << Strings{"50", "50", "100", "50"};
}

void TestArmCovariates::placement() {
    QFETCH(int, outcome);
    QFETCH(int, row);
    QFETCH(QString, value);
    QFETCH(QString, studyValue);
    QFETCH(Strings, doses);
    Project project = twoOutcomes();
    const std::size_t study =
        project.outcomes[static_cast<std::size_t>(outcome)].rows[static_cast<std::size_t>(row)].study == 1
            ? 0
            : 1;
    type(project, static_cast<std::size_t>(outcome), static_cast<std::size_t>(row), 0,
         value.toUtf8().constData());
    QCOMPARE(project.studies[study].covariateValues[0], studyValue.toStdString());
    QCOMPARE(seen(project, 0), doses);
    QCOMPARE(seen(project, 1), (Strings{"rat", "rat", "rat", "rat"})); // the other covariate untouched
}

void TestArmCovariates::sameValueOnEveryRowBecomesTheStudys() {
    Project project = twoOutcomes();
    type(project, 0, 1, 1, "mouse");
    QCOMPARE(project.outcomes[0].rows[1].covariateValues, (Strings{"", "mouse"}));
    type(project, 0, 0, 1, "mouse");
    QCOMPARE(seen(project, 1), (Strings{"mouse", "mouse", "rat", "rat"})); // Fibrosis still the study's
    QCOMPARE(project.studies[0].covariateValues[1], std::string("rat"));
    // The last row typed: every row of the study agrees, so the value is the study's and no arm keeps one.
    type(project, 1, 0, 1, "mouse");
    QCOMPARE(project.studies[0].covariateValues[1], std::string("mouse"));
    for (const Outcome& outcome : project.outcomes)
        for (const OutcomeRow& row : outcome.rows)
            QVERIFY(row.covariateValues.empty());
    QCOMPARE(seen(project, 1), (Strings{"mouse", "mouse", "rat", "mouse"}));
}

QTEST_APPLESS_MAIN(TestArmCovariates)
#include "tst_armcovariates.moc"
