// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/sampleproject.h"

#include "core/common/text.h"

#include <cmath>
#include <random>
#include <string>

namespace evident::test {

Project sampleProject() {
    Project project;
    project.title = "Sample review";
    project.notes = "Made up for the tests.\nSecond line with ünïcödé and a \"quote\".";
    project.covariateNames = {"Route", "Year", "Species", "Dose (\u00b5g)"};
    const char* labels[] = {"Ali 2019", "Bo 2020", "Chen 2021", "Diaz 2018", "Evans 2022"};
    const char* routes[] = {"intrauterine", "intravenous", "intrauterine", "intravenous", ""};
    const char* years[] = {"2019", "2020", "2021", "2018", "2022"};
    for (int i = 0; i < 5; ++i)
        project.studies.push_back(
            makeStudy(static_cast<StudyId>(10 + i), labels[i],
                      {routes[i], years[i], i % 2 ? "rat" : "mouse", std::to_string(25 * (i + 1))}));

    Outcome glands;
    glands.name = "Glands";
    glands.settings.measure = EffectMeasure::SMDRevMan;
    glands.settings.estimator = Tau2Estimator::DerSimonianLaird;
    glands.settings.inference = InferenceMethod::HartungKnapp;
    glands.settings.showPredictionInterval = false;
    glands.settings.subgroup = "Route";
    glands.settings.cumulativeOrder = "Year";
    glands.tsa.model = TsaModel::FixedEffect;
    glands.tsa.adjustment = HeterogeneityAdjustment::Inconsistency;
    glands.tsa.alpha = 0.01;
    glands.tsa.beta = 0.1;
    glands.tsa.minimalRelevantEffect = 0.1 + 0.2; // not exactly 0.3: the file must keep every bit
    glands.tsa.standardDeviation = 1.5;
    glands.tsa.spending = SpendingFunction::Pocock;
    glands.tsa.futility = true;
    glands.tsa.orderColumn = "Year";
    glands.figures.forest.widthMm = 85;
    glands.figures.forest.heightMm = 120.5;
    glands.figures.funnel.format = "svg";
    glands.figures.funnel.contours = false;
    glands.figures.tsa.dpi = 600;
    glands.figures.tsa.fontFamily = "DejaVu Sans";
    glands.figures.tsa.fontPointSize = 9.5;
    glands.figures.forest.favoursLeft = "Favours control";
    glands.figures.forest.favoursRight = "Favours EVs";
    glands.figures.forest.riskOfBias = true;
    glands.figures.robSummary.widthMm = 85;
    glands.figures.robSummary.format = "png";
    glands.figures.robSummary.fontPointSize = 7;
    glands.rows = {
        makeRow(10, true, meanSdEntry("5.1", "1.2", "8"), meanSdEntry("3.0", "1.1", "8")),
        makeRow(11, true, meanSdEntry("6.3", "1.0", "6"), meanSdEntry("3.2", "0.9", "6")),
        makeRow(12, false, meanSdEntry("4.9", "1.4", "10"), meanSdEntry("3.5", "1.3", "10")),
        makeRow(13, true, meanSdEntry("7,2", "1.1", "7"),
                meanSdEntry("3.1", "1.0", "7")), // a comma: a bad cell
        makeRow(14, true, meanSdEntry("5.8", "1.6", "9"),
                meanSdEntry("2.9", "-1", "9")), // negative SD: a bad cell
    };

    Outcome fibrosis;
    fibrosis.name = "Fibrosis";
    fibrosis.lowerIsBetter = true;
    fibrosis.kind = OutcomeKind::Generic;
    fibrosis.settings.measure = EffectMeasure::Generic;
    fibrosis.rows = {
        makeRow(10, true, {}, {}, "-1.2", "0.21", ""), makeRow(12, true, {}, {}, "-0.8", "", "0.4"),
        makeRow(13, true, meanSdEntry("typed before", "", ""), {}, "-2.1", "0.3",
                ""), // text outside the layout is kept
    };
    project.outcomes = {glands, fibrosis};
    return project;
}

Outcome dichotomousOutcome() {
    Outcome outcome;
    outcome.name = "Pregnancy";
    outcome.kind = OutcomeKind::Dichotomous;
    outcome.settings = AnalysisSettings{};
    outcome.settings.measure = EffectMeasure::RR;
    outcome.settings.pooling = PoolingMethod::MantelHaenszel;
    outcome.settings.estimator = Tau2Estimator::FixedEffect;
    outcome.settings.keepDoubleZero = true;
    outcome.settings.revman5ZeroCells = true;
    outcome.tsa.minimalRelevantEffect = 0.2;
    outcome.tsa.controlRisk = 0.25;
    outcome.sharedControl = SharedControlMethod::CombineTreatments;
    OutcomeRow first = makeBinaryRow(10, "6", "10", "2", "10");
    first.text(EntryField::Arm) = "low dose";
    first.text(EntryField::ControlGroup) = "vehicle";
    OutcomeRow second = makeBinaryRow(10, "8", "10", "", "");
    second.text(EntryField::Arm) = "high dose";
    second.text(EntryField::ControlGroup) = "vehicle";
    outcome.rows = {first,
                    second,
                    makeBinaryRow(11, "5", "8", "0", "8"),         // a zero cell
                    makeBinaryRow(12, "0", "9", "0", "9"),         // no events at all
                    makeBinaryRow(13, "12", "10", "3", "10"),      // events above the total: a bad cell
                    makeBinaryRow(14, "4", "7", "3", "7", false)}; // unticked
    return outcome;
}

Project syntheticProject(std::size_t studies) {
    std::mt19937_64 random(20240611);
    std::normal_distribution<double> trueEffect(1.5, 0.7);
    std::uniform_int_distribution<int> groupSize(5, 12);
    std::normal_distribution<double> unit(0, 1);
    Project project;
    project.title = "Synthetic";
    project.covariateNames = {"Route", "Year"};
    Outcome outcome;
    outcome.name = "Outcome";
    outcome.tsa.minimalRelevantEffect = 0.5;
    outcome.tsa.orderColumn = "Year";
    outcome.settings.subgroup = "Route";
    for (std::size_t i = 0; i < studies; ++i) {
        const StudyId id = i + 1;
        project.studies.push_back(
            makeStudy(id, "Study " + std::to_string(i + 1),
                      {i % 3 == 0 ? "intravenous" : "intrauterine", std::to_string(2010 + i % 15)}));
        const int nt = groupSize(random);
        const int nc = groupSize(random);
        const double sd = 10;
        const double control = 50 + 5 * unit(random);
        const double treated =
            control + sd * (trueEffect(random) + unit(random) * std::sqrt(1.0 / nt + 1.0 / nc));
        // Draw in a fixed order (function arguments have none) so the data never change.
        const std::string sdTreated = formatSignificant(sd * (0.8 + 0.4 * std::abs(unit(random))), 3);
        const std::string sdControl = formatSignificant(sd * (0.8 + 0.4 * std::abs(unit(random))), 3);
        outcome.rows.push_back(
            makeRow(id, true, meanSdEntry(formatSignificant(treated, 4), sdTreated, std::to_string(nt)),
                    meanSdEntry(formatSignificant(control, 4), sdControl, std::to_string(nc))));
    }
    project.outcomes.push_back(outcome);
    return project;
}

static ArmEntry reported(DispersionType type, std::string centre, std::string n) {
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
    low.text(EntryField::Arm) = "EV low dose";
    low.text(EntryField::ControlGroup) = "vehicle";
    setArm(low, ArmSide::Treated, sem);
    setArm(low, ArmSide::Control, control);
    low.text(EntryField::ShamMean) = "15";
    OutcomeRow high = low;
    high.text(EntryField::Arm) = "EV high dose";
    setArm(high, ArmSide::Treated, ci);
    setArm(high, ArmSide::Control, ArmEntry{}); // uses the shared control typed on the first row
    high.covariateValues = {"", "100"};         // its own dose; the EV source is the study's
    OutcomeRow single;
    single.study = 2;
    setArm(single, ArmSide::Treated, median);
    setArm(single, ArmSide::Control, meanSdEntry("4.1", "1.5", "9"));
    OutcomeRow excluded;
    excluded.study = 3;
    excluded.included = false;
    setArm(excluded, ArmSide::Treated, meanSdEntry("7", "1", "6"));
    setArm(excluded, ArmSide::Control, meanSdEntry("5", "1", "6"));
    outcome.rows = {low, high, single, excluded};
    project.outcomes.push_back(outcome);
    return project;
}

} // namespace evident::test
