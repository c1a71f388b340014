// SPDX-License-Identifier: GPL-3.0-or-later
// Preclinical data entry through prepareOutcome(): arms as reported (SEM, CI, median), multi-arm studies
// with a shared control group, and the normalised mean difference. The conversions themselves are
// checked against published examples in tst_reportedarm, tst_sharedcontrol and tst_nmd.
#include "core/analysis/pipeline.h"
#include "core/project/outcomeanalysis.h"
#include "core/project/preparation.h"
#include "tests/support/testsupport.h"

#include <cmath>

using namespace evident;

namespace {

OutcomeRow comparison(StudyId study, ArmEntry treated, ArmEntry control, std::string arm = {},
                      std::string controlGroup = {}) {
    OutcomeRow row;
    row.study = study;
    setArm(row, ArmSide::Treated, std::move(treated));
    setArm(row, ArmSide::Control, std::move(control));
    row.text(EntryField::Arm) = std::move(arm);
    row.text(EntryField::ControlGroup) = std::move(controlGroup);
    return row;
}

ArmEntry semEntry(std::string mean, std::string sem, std::string n) {
    ArmEntry entry;
    entry.dispersion = DispersionType::SEM;
    entry.mean = std::move(mean);
    entry.sem = std::move(sem);
    entry.n = std::move(n);
    return entry;
}

Project projectWith(std::vector<OutcomeRow> rows, int studies) {
    Project project;
    for (int i = 1; i <= studies; ++i)
        project.studies.push_back(makeStudy(static_cast<StudyId>(i), "Study " + std::to_string(i)));
    Outcome outcome;
    outcome.rows = std::move(rows);
    project.outcomes.push_back(outcome);
    return project;
}

} // namespace

class TestPreclinicalPreparation : public QObject {
    Q_OBJECT
private slots:
    void threeArmsWithSharedControlEqualSplitDataByHand_data();
    void threeArmsWithSharedControlEqualSplitDataByHand();
    void linkedRowsMayLeaveControlEmpty();
    void conflictingSharedControlsAreReported();
    void combiningArmsGivesOneComparison();
    void armCovariatesEqualSeparateStudiesByHand();
    void combinedArmsHaveACovariateOnlyWhenTheyAgree_data();
    void combinedArmsHaveACovariateOnlyWhenTheyAgree();
    void reportedDispersionsAreConverted();
    void conversionProblemsNameTheCell_data();
    void conversionProblemsNameTheCell();
    void normalisedMeanDifferenceNeedsShamMean();
};

void TestPreclinicalPreparation::threeArmsWithSharedControlEqualSplitDataByHand_data() {
    QTest::addColumn<int>("measure");
    QTest::newRow("SMD") << int(EffectMeasure::SMD);
    QTest::newRow("MD") << int(EffectMeasure::MD);
    QTest::newRow("ROM") << int(EffectMeasure::ROM);
}

void TestPreclinicalPreparation::threeArmsWithSharedControlEqualSplitDataByHand() {
    QFETCH(int, measure);
    // Study 1: three EV doses against one vehicle group of 12 animals; study 2: an ordinary comparison.
    const ArmEntry control = meanSdEntry("40.5", "6.1", "12");
    Project linked =
        projectWith({comparison(1, meanSdEntry("55.2", "7.3", "8"), control, "EV 10 µg", "vehicle"),
                     comparison(1, meanSdEntry("61.0", "6.8", "8"), control, "EV 50 µg", "vehicle"),
                     comparison(1, meanSdEntry("63.4", "8.1", "7"), control, "EV 100 µg", "vehicle"),
                     comparison(2, meanSdEntry("48.0", "5.0", "9"), meanSdEntry("41.0", "5.5", "9"))},
                    2);
    // The same data split by hand: each comparison gets 12/3 = 4 control animals (Vesterinen et al. 2014).
    const ArmEntry splitControl = meanSdEntry("40.5", "6.1", "4");
    Project byHand =
        projectWith({comparison(1, meanSdEntry("55.2", "7.3", "8"), splitControl, "EV 10 µg"),
                     comparison(1, meanSdEntry("61.0", "6.8", "8"), splitControl, "EV 50 µg"),
                     comparison(1, meanSdEntry("63.4", "8.1", "7"), splitControl, "EV 100 µg"),
                     comparison(2, meanSdEntry("48.0", "5.0", "9"), meanSdEntry("41.0", "5.5", "9"))},
                    2);
    linked.outcomes[0].settings.measure = byHand.outcomes[0].settings.measure =
        static_cast<EffectMeasure>(measure);

    const PreparedOutcome a = prepareOutcome(linked, linked.outcomes[0]);
    const PreparedOutcome b = prepareOutcome(byHand, byHand.outcomes[0]);
    QVERIFY(a.issues.empty() && b.issues.empty());
    QCOMPARE(a.data.yi, b.data.yi); // exactly: the same arithmetic on the same numbers
    QCOMPARE(a.data.vi, b.data.vi);
    QCOMPARE(a.data.labels, (std::vector<std::string>{"Study 1 (EV 10 µg)", "Study 1 (EV 50 µg)",
                                                      "Study 1 (EV 100 µg)", "Study 2"}));
    QCOMPARE(a.control[0].n, 4.0);
    QCOMPARE(a.participants[0], 12.0);
    QVERIFY(!a.derivations[0].sharedControlNote.empty());

    const AnalysisResult pooledA = runAnalysis(a.data, AnalysisOptions{});
    const AnalysisResult pooledB = runAnalysis(b.data, AnalysisOptions{});
    QCOMPARE(pooledA.overall.estimate, pooledB.overall.estimate);
    QCOMPARE(pooledA.overall.tau2, pooledB.overall.tau2);
}

void TestPreclinicalPreparation::linkedRowsMayLeaveControlEmpty() {
    const ArmEntry control = meanSdEntry("40.5", "6.1", "12");
    Project typedTwice = projectWith({comparison(1, meanSdEntry("55.2", "7.3", "8"), control, "low", "c"),
                                      comparison(1, meanSdEntry("61.0", "6.8", "8"), control, "high", "c")},
                                     1);
    Project typedOnce = projectWith({comparison(1, meanSdEntry("55.2", "7.3", "8"), control, "low", "c"),
                                     comparison(1, meanSdEntry("61.0", "6.8", "8"), ArmEntry{}, "high", "c")},
                                    1);
    const PreparedOutcome twice = prepareOutcome(typedTwice, typedTwice.outcomes[0]);
    const PreparedOutcome once = prepareOutcome(typedOnce, typedOnce.outcomes[0]);
    QVERIFY(once.issues.empty());
    QCOMPARE(once.data.yi, twice.data.yi);
    QCOMPARE(once.data.vi, twice.data.vi);
}

void TestPreclinicalPreparation::conflictingSharedControlsAreReported() {
    Project project =
        projectWith({comparison(1, meanSdEntry("55", "7", "8"), meanSdEntry("40", "6", "12"), "a", "c"),
                     comparison(1, meanSdEntry("61", "6", "8"), meanSdEntry("42", "6", "12"), "b", "c"),
                     comparison(2, meanSdEntry("48", "5", "9"), meanSdEntry("41", "5", "9"))},
                    2);
    const PreparedOutcome prepared = prepareOutcome(project, project.outcomes[0]);
    QCOMPARE(prepared.issues.size(), std::size_t(2));
    QCOMPARE(prepared.issues[0].field, std::string(entryFieldSpec(EntryField::ControlGroup).key));
    QCOMPARE(prepared.data.labels, std::vector<std::string>{"Study 2"}); // the rest is still analysed
}

void TestPreclinicalPreparation::combiningArmsGivesOneComparison() {
    const ArmEntry control = meanSdEntry("40.5", "6.1", "12");
    Project project = projectWith({comparison(1, meanSdEntry("55.2", "7.3", "8"), control, "low", "c"),
                                   comparison(1, meanSdEntry("61.0", "6.8", "8"), control, "high", "c")},
                                  1);
    project.outcomes[0].sharedControl = SharedControlMethod::CombineTreatments;
    const PreparedOutcome prepared = prepareOutcome(project, project.outcomes[0]);
    QVERIFY(prepared.issues.empty());
    QCOMPARE(prepared.data.size(), std::size_t(1));
    QCOMPARE(prepared.data.labels[0], std::string("Study 1 (low + high)"));
    QCOMPARE(prepared.sourceRows[0], (std::vector<std::size_t>{0, 1}));
    QCOMPARE(prepared.treated[0].n, 16.0);
    QCOMPARE(prepared.control[0].n, 12.0);
    EVIDENT_COMPARE_REL(prepared.treated[0].mean, (55.2 * 8 + 61.0 * 8) / 16, 1e-14);
}

void TestPreclinicalPreparation::armCovariatesEqualSeparateStudiesByHand() {
    // Study 1 gives EVs at two doses, the higher one in a hydrogel, against one control; the arms'
    // own values must reach the subgroup analysis exactly as if each arm were a study of its own.
    const ArmEntry control = meanSdEntry("40.5", "6.1", "12");
    Project arms =
        projectWith({comparison(1, meanSdEntry("55.2", "7.3", "8"), control, "low", "vehicle"),
                     comparison(1, meanSdEntry("61.0", "6.8", "8"), control, "high", "vehicle"),
                     comparison(2, meanSdEntry("48.0", "5.0", "9"), meanSdEntry("41.0", "5.5", "9")),
                     comparison(3, meanSdEntry("52.0", "6.0", "7"), meanSdEntry("42.0", "5.0", "7"))},
                    3);
    arms.covariateNames = {"Hydrogel", "Dose"};
    arms.studies[0].covariateValues = {"no", "50"};
    arms.outcomes[0].rows[1].covariateValues = {"yes", "100"};
    arms.studies[1].covariateValues = {"yes", "100"};
    arms.studies[2].covariateValues = {"no", "50"};
    arms.outcomes[0].settings.subgroup = "Hydrogel";

    Project byHand =
        projectWith({comparison(1, meanSdEntry("55.2", "7.3", "8"), meanSdEntry("40.5", "6.1", "6")),
                     comparison(4, meanSdEntry("61.0", "6.8", "8"), meanSdEntry("40.5", "6.1", "6")),
                     comparison(2, meanSdEntry("48.0", "5.0", "9"), meanSdEntry("41.0", "5.5", "9")),
                     comparison(3, meanSdEntry("52.0", "6.0", "7"), meanSdEntry("42.0", "5.0", "7"))},
                    4);
    byHand.covariateNames = arms.covariateNames;
    byHand.studies[0].covariateValues = {"no", "50"};
    byHand.studies[1].covariateValues = {"yes", "100"};
    byHand.studies[2].covariateValues = {"no", "50"};
    byHand.studies[3].covariateValues = {"yes", "100"};
    byHand.outcomes[0].settings.subgroup = "Hydrogel";

    const OutcomeAnalysis fromArms = analyseOutcome(arms, arms.outcomes[0]);
    const OutcomeAnalysis fromHand = analyseOutcome(byHand, byHand.outcomes[0]);
    const Covariate& dose = fromArms.prepared.data.covariates[1];
    QCOMPARE(dose.kind, CovariateKind::Numeric);
    QCOMPARE(dose.levels, (std::vector<std::string>{"50", "100", "100", "50"}));
    QCOMPARE(fromArms.prepared.data.covariates[0].levels,
             (std::vector<std::string>{"no", "yes", "yes", "no"}));
    QVERIFY(fromArms.result.subgroups && fromHand.result.subgroups);
    const SubgroupAnalysis& a = *fromArms.result.subgroups;
    const SubgroupAnalysis& b = *fromHand.result.subgroups;
    QCOMPARE(a.groups.size(), std::size_t(2));
    QCOMPARE(a.groups.size(), b.groups.size());
    for (std::size_t g = 0; g < a.groups.size(); ++g) {
        QCOMPARE(a.groups[g].level, b.groups[g].level);
        QCOMPARE(a.groups[g].studies, b.groups[g].studies);
        EVIDENT_COMPARE_REL(a.groups[g].fit.estimate, b.groups[g].fit.estimate, 1e-12);
        EVIDENT_COMPARE_REL(a.groups[g].fit.se, b.groups[g].fit.se, 1e-12);
    }
    QVERIFY(a.between && b.between);
    EVIDENT_COMPARE_REL(a.between->q, b.between->q, 1e-12);
}

void TestPreclinicalPreparation::combinedArmsHaveACovariateOnlyWhenTheyAgree_data() {
    QTest::addColumn<QString>("highArmDose");
    QTest::addColumn<QString>("level");
    QTest::newRow("the study's value") << ""
                                       << "50";
    QTest::newRow("an own value equal to the other arm's") << "50"
                                                           << "50";
    QTest::newRow("arms that differ: missing") << "100"
                                               << "";
}

void TestPreclinicalPreparation::combinedArmsHaveACovariateOnlyWhenTheyAgree() {
    QFETCH(QString, highArmDose);
    QFETCH(QString, level);
    const ArmEntry control = meanSdEntry("40.5", "6.1", "12");
    Project project = projectWith({comparison(1, meanSdEntry("55.2", "7.3", "8"), control, "low", "c"),
                                   comparison(1, meanSdEntry("61.0", "6.8", "8"), control, "high", "c")},
                                  1);
    project.covariateNames = {"Dose"};
    project.studies[0].covariateValues = {"50"};
    project.outcomes[0].rows[1].covariateValues = {highArmDose.toStdString()};
    project.outcomes[0].sharedControl = SharedControlMethod::CombineTreatments;
    const PreparedOutcome prepared = prepareOutcome(project, project.outcomes[0]);
    QCOMPARE(prepared.data.size(), std::size_t(1));
    QCOMPARE(prepared.data.covariates[0].levels, (std::vector<std::string>{level.toStdString()}));
}

void TestPreclinicalPreparation::reportedDispersionsAreConverted() {
    ArmEntry ci;
    ci.dispersion = DispersionType::CI;
    ci.mean = "10";
    ci.ciLower = "8";
    ci.ciUpper = "12";
    ci.n = "10";
    ArmEntry medianIqr;
    medianIqr.dispersion = DispersionType::MedianIQR;
    medianIqr.mean = "4";
    medianIqr.q1 = "3";
    medianIqr.q3 = "6";
    medianIqr.n = "12";
    Project project =
        projectWith({comparison(1, semEntry("55.2", "2.1", "8"), ci), comparison(2, medianIqr, ci)}, 2);
    const PreparedOutcome prepared = prepareOutcome(project, project.outcomes[0]);
    QVERIFY(prepared.issues.empty());
    EVIDENT_COMPARE_REL(prepared.treated[0].sd, 2.1 * std::sqrt(8.0), 1e-14);
    // 95% CI of a mean with n = 10: SD = √10·(12 − 8)/(2·t_{0.975, 9}), t_{0.975, 9} = 2.2621571627982049 (R
    // qt).
    EVIDENT_COMPARE_REL(prepared.control[0].sd, std::sqrt(10.0) * 4 / (2 * 2.2621571627982049), 1e-12);
    const RowDerivation& derivation = prepared.derivations[0];
    QVERIFY(derivation.treatedNote.find("SEM") != std::string::npos);
    QVERIFY(derivation.treatedNote.find("√") != std::string::npos);
    QVERIFY(prepared.derivations[1].treatedNote.find("Wan") != std::string::npos);
}

void TestPreclinicalPreparation::conversionProblemsNameTheCell_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("negative SEM") << "sem_t"
                                  << "SEM (treated) must be greater than 0 (got -2.1)";
    QTest::newRow("median outside IQR") << "q1_c"
                                        << "Control group: q1 (5) must not be greater than median (4)";
    QTest::newRow("text in CI bound") << "ci_upper_c"
                                      << "CI upper limit (control): 'x' is not a number";
}

void TestPreclinicalPreparation::conversionProblemsNameTheCell() {
    QFETCH(QString, field);
    QFETCH(QString, message);
    ArmEntry treated = semEntry("55.2", "2.1", "8");
    ArmEntry control = meanSdEntry("40", "5", "8");
    if (field == u"sem_t")
        treated.sem = "-2.1";
    if (field == u"q1_c") {
        control.dispersion = DispersionType::MedianIQR;
        control.mean = "4";
        control.q1 = "5";
        control.q3 = "6";
    }
    if (field == u"ci_upper_c") {
        control.dispersion = DispersionType::CI;
        control.ciLower = "30";
        control.ciUpper = "x";
    }
    Project project = projectWith({comparison(1, treated, control)}, 1);
    const PreparedOutcome prepared = prepareOutcome(project, project.outcomes[0]);
    QCOMPARE(prepared.issues.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(prepared.issues[0].field), field);
    QCOMPARE(QString::fromStdString(prepared.issues[0].message), message);
}

void TestPreclinicalPreparation::normalisedMeanDifferenceNeedsShamMean() {
    // Infarct volume (lower is better): sham 0 mm³, control 100, treated 60 → NMD = 40% improvement.
    Project project =
        projectWith({comparison(1, meanSdEntry("60", "10", "8"), meanSdEntry("100", "12", "8")),
                     comparison(2, meanSdEntry("70", "10", "8"), meanSdEntry("100", "12", "8"))},
                    2);
    Outcome& outcome = project.outcomes[0];
    outcome.settings.measure = EffectMeasure::NMD;
    outcome.lowerIsBetter = true;
    outcome.rows[0].text(EntryField::ShamMean) = "0";
    const PreparedOutcome prepared = prepareOutcome(project, outcome);
    QCOMPARE(prepared.data.size(), std::size_t(1));
    EVIDENT_COMPARE_REL(prepared.data.yi[0], 40.0, 1e-14);
    EVIDENT_COMPARE_REL(prepared.data.vi[0], 12.0 * 12.0 / 8 + 10.0 * 10.0 / 8, 1e-14);
    QCOMPARE(prepared.issues.size(), std::size_t(1));
    QCOMPARE(prepared.issues[0].field, std::string(entryFieldSpec(EntryField::ShamMean).key));
    QCOMPARE(prepared.issues[0].message, std::string("Sham mean (for the NMD) is missing"));
}

QTEST_GUILESS_MAIN(TestPreclinicalPreparation)
#include "tst_preclinicalpreparation.moc"
