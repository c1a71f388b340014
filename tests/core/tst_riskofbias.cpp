// SPDX-License-Identifier: GPL-3.0-or-later
// SYRCLE risk of bias: judgements, the summary counts, and the sensitivity analysis that leaves out
// studies at high risk on chosen items.
#include "core/project/robsensitivity.h"
#include "tests/support/testsupport.h"

using namespace evident;

namespace {

/// Four studies; studies 2 and 4 are at high risk on blinding of the outcome assessor (item 7).
Project projectWithJudgements() {
    Project project;
    Outcome outcome;
    const double treatedMeans[] = {12, 15, 11, 16};
    for (StudyId id = 1; id <= 4; ++id) {
        Study study = makeStudy(id, "Study " + std::to_string(id));
        for (auto& item : study.riskOfBias.items)
            item.judgement = RobJudgement::Low;
        study.riskOfBias.items[6].judgement = id % 2 == 0 ? RobJudgement::High : RobJudgement::Unclear;
        study.riskOfBias.items[0].judgement = id == 3 ? RobJudgement::High : RobJudgement::Low;
        project.studies.push_back(study);
        OutcomeRow row;
        row.study = id;
        setArm(row, ArmSide::Treated, meanSdEntry(std::to_string(treatedMeans[id - 1]), "3", "8"));
        setArm(row, ArmSide::Control, meanSdEntry("10", "3", "8"));
        outcome.rows.push_back(row);
    }
    project.outcomes.push_back(outcome);
    return project;
}

} // namespace

class TestRiskOfBias : public QObject {
    Q_OBJECT
private slots:
    void judgementsParse_data();
    void judgementsParse();
    void tenItemsWithStableKeys();
    void countsPerItem();
    void sensitivityLeavesOutHighRiskStudies_data();
    void sensitivityLeavesOutHighRiskStudies();
};

void TestRiskOfBias::judgementsParse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("judgement");
    QTest::newRow("low") << "Low" << int(RobJudgement::Low);
    QTest::newRow("plus sign") << "+" << int(RobJudgement::Low);
    QTest::newRow("high risk") << "high risk" << int(RobJudgement::High);
    QTest::newRow("question mark") << " ? " << int(RobJudgement::Unclear);
    QTest::newRow("empty") << "" << int(RobJudgement::NotAssessed);
    QTest::newRow("unknown") << "maybe" << -1;
}

void TestRiskOfBias::judgementsParse() {
    QFETCH(QString, text);
    QFETCH(int, judgement);
    const auto parsed = parseJudgement(text.toStdString());
    QCOMPARE(parsed ? int(*parsed) : -1, judgement);
}

void TestRiskOfBias::tenItemsWithStableKeys() {
    QCOMPARE(syrcleItems().size(), std::size_t(10));
    QCOMPARE(std::string(syrcleItems()[0].key), std::string("sequence_generation"));
    QCOMPARE(std::string(syrcleItems()[6].domain), std::string("Detection bias"));
    QCOMPARE(syrcleItemIndex("BLINDING_ASSESSOR"), std::optional<std::size_t>(6));
}

void TestRiskOfBias::countsPerItem() {
    const Project project = projectWithJudgements();
    std::vector<const RiskOfBias*> assessments;
    for (const Study& study : project.studies)
        assessments.push_back(&study.riskOfBias);
    const auto counts = countJudgements(assessments);
    QCOMPARE(counts[6].high, 2);
    QCOMPARE(counts[6].unclear, 2);
    QCOMPARE(counts[0].low, 3);
    QCOMPARE(counts[0].high, 1);
    QCOMPARE(counts[3].total(), 4);
}

void TestRiskOfBias::sensitivityLeavesOutHighRiskStudies_data() {
    QTest::addColumn<std::vector<std::size_t>>("items");
    QTest::addColumn<std::vector<std::size_t>>("kept");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("blinding of assessor")
        << std::vector<std::size_t>{6} << std::vector<std::size_t>{0, 2}
        << "Without the 2 studies at high risk of bias on blinding of outcome assessor";
    QTest::newRow("two items")
        << std::vector<std::size_t>{0, 6} << std::vector<std::size_t>{0}
        << "Without the 3 studies at high risk of bias on sequence generation or blinding of "
           "outcome assessor";
    QTest::newRow("none at high risk")
        << std::vector<std::size_t>{3} << std::vector<std::size_t>{0, 1, 2, 3}
        << "No study is at high risk of bias on random housing; the analysis is unchanged";
}

void TestRiskOfBias::sensitivityLeavesOutHighRiskStudies() {
    QFETCH(std::vector<std::size_t>, items);
    QFETCH(std::vector<std::size_t>, kept);
    QFETCH(QString, sentence);
    const Project project = projectWithJudgements();
    const RobSensitivity sensitivity = analyseWithoutHighRisk(project, project.outcomes[0], items);

    // The same as unticking those studies by hand.
    Outcome byHand = project.outcomes[0];
    for (std::size_t row = 0; row < byHand.rows.size(); ++row)
        byHand.rows[row].included = std::find(kept.begin(), kept.end(), row) != kept.end();
    const OutcomeAnalysis expected = analyseOutcome(project, byHand);
    QCOMPARE(sensitivity.analysis.prepared.rows, kept);
    QCOMPARE(sensitivity.analysis.result.overall.estimate, expected.result.overall.estimate);
    QCOMPARE(sensitivity.excludedStudies.size(), 4 - kept.size());
    QVERIFY2(QString::fromStdString(robSensitivitySentence(sensitivity)).startsWith(sentence),
             robSensitivitySentence(sensitivity).c_str());
}

QTEST_GUILESS_MAIN(TestRiskOfBias)
#include "tst_riskofbias.moc"
