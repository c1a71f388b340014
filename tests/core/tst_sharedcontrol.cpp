// SPDX-License-Identifier: GPL-3.0-or-later
// Comparisons sharing one control group: split the control's n (Vesterinen et al. 2014; Cochrane Handbook
// §23.3.4) or combine the treated groups (Cochrane Handbook Table 6.5.a).
//
// Neither source prints a worked numeric example. The checks are:
// - splitting by the function gives bit-for-bit the effect sizes and pooled result of typing the split
//   control n by hand;
// - the combining formula reproduces mean() and sd() of pooled raw data (an identity, computed in R);
// - a three-study data set, split and combined, against metafor 3.8's escalc("SMD") and REML rma, and NMD
//   pooled by rma (tests/reference/make_preclinical_vectors.R).
#include "core/effectsize/sharedcontrol.h"
#include "core/model/metaanalysis.h"
#include "tests/support/testsupport.h"

#include <limits>

using namespace evident;

Q_DECLARE_METATYPE(evident::SharedControlMethod)

namespace {

QJsonObject reference() {
    static const QJsonObject root =
        test::loadJson(test::testDataPath(QStringLiteral("reference/preclinical_vectors.json"))).object();
    return root;
}

GroupSummary groupFrom(const QJsonObject& object) {
    return {object[QStringLiteral("mean")].toDouble(), object[QStringLiteral("sd")].toDouble(),
            object[QStringLiteral("n")].toDouble()};
}

std::vector<double> doublesFrom(const QJsonValue& value) {
    std::vector<double> values;
    for (const auto& item : value.toArray())
        values.push_back(item.toDouble());
    return values;
}

/// The six comparisons of the reference data set, with their sham means.
std::vector<SharedControlComparison> referenceComparisons(std::vector<double>* shams = nullptr) {
    std::vector<SharedControlComparison> comparisons;
    const QJsonObject shared = reference()[QStringLiteral("shared_control")].toObject();
    for (const auto& value : shared[QStringLiteral("comparisons")].toArray()) {
        const QJsonObject c = value.toObject();
        comparisons.push_back({groupFrom(c[QStringLiteral("treated")].toObject()),
                               groupFrom(c[QStringLiteral("control")].toObject()),
                               c[QStringLiteral("control_id")].toString().toStdString()});
        if (shams)
            shams->push_back(c[QStringLiteral("sham")].toDouble());
    }
    return comparisons;
}

struct Effects {
    std::vector<double> yi;
    std::vector<double> vi;
};

Effects effectsOf(const std::vector<AdjustedComparison>& comparisons, EffectMeasure measure,
                  const std::vector<double>& shams = {}) {
    Effects effects;
    for (const auto& comparison : comparisons) {
        std::optional<ShamReference> sham;
        if (!shams.empty())
            sham = ShamReference{shams.at(comparison.sources.front()), OutcomeDirection::Unspecified};
        const auto result = computeContinuousEffect(measure, comparison.treated, comparison.control, sham);
        if (!result.value)
            qFatal("effect size failed: %s", result.problem.c_str());
        effects.yi.push_back(result.value->yi);
        effects.vi.push_back(result.value->vi);
    }
    return effects;
}

void compareWithReml(const MetaAnalysisFit& fit, const QJsonObject& expected) {
    // Both sides iterate REML to 1e-10; the quantities derived from tau² agree to better than 1e-8.
    constexpr double fitTolerance = 1e-8;
    QVERIFY(fit.estimable);
    EVIDENT_COMPARE_REL(fit.estimate, expected[QStringLiteral("estimate")].toDouble(), fitTolerance);
    EVIDENT_COMPARE_REL(fit.se, expected[QStringLiteral("se")].toDouble(), fitTolerance);
    EVIDENT_COMPARE_REL(fit.tau2, expected[QStringLiteral("tau2")].toDouble(), fitTolerance);
    EVIDENT_COMPARE_REL(fit.ci.lower, expected[QStringLiteral("ci_lower")].toDouble(), fitTolerance);
    EVIDENT_COMPARE_REL(fit.ci.upper, expected[QStringLiteral("ci_upper")].toDouble(), fitTolerance);
    EVIDENT_COMPARE_REL(fit.i2, expected[QStringLiteral("i2")].toDouble(), fitTolerance);
    EVIDENT_COMPARE_REL(fit.q, expected[QStringLiteral("q")].toDouble(), 1e-12);
}

} // namespace

class TestSharedControl : public QObject {
    Q_OBJECT
private slots:
    void splitEqualsSplitDataEnteredByHand();
    void splitMatchesMetafor();
    void nmdWithSplitControlMatchesR();
    void combineMatchesMetafor();
    void combiningGroupsReproducesRawData_data();
    void combiningGroupsReproducesRawData();
    void notesExplainTheAdjustment();
    void unsharedControlsPassThrough();
    void smallControlGroupCannotBeSplit();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void methodKeysRoundTrip();
};

void TestSharedControl::splitEqualsSplitDataEnteredByHand() {
    // Study A: three EV doses against one vehicle group of 10 animals.
    const GroupSummary vehicle{38.2, 6.1, 10};
    const std::vector<SharedControlComparison> entered{{{30.1, 5.5, 8}, vehicle, "vehicle"},
                                                       {{25.4, 6.0, 8}, vehicle, "vehicle"},
                                                       {{21.7, 4.9, 9}, vehicle, "vehicle"}};
    const GroupSummary vehicleByHand{38.2, 6.1, 10.0 / 3};
    const std::vector<std::pair<GroupSummary, GroupSummary>> byHand{
        {{30.1, 5.5, 8}, vehicleByHand}, {{25.4, 6.0, 8}, vehicleByHand}, {{21.7, 4.9, 9}, vehicleByHand}};

    const auto adjusted = adjustSharedControls(entered, SharedControlMethod::SplitControl);
    QVERIFY2(adjusted.ok(), adjusted.problem.c_str());
    QCOMPARE(adjusted.comparisons.size(), std::size_t(3));

    for (auto measure :
         {EffectMeasure::SMD, EffectMeasure::SMDRevMan, EffectMeasure::MD, EffectMeasure::ROM}) {
        const Effects viaFunction = effectsOf(adjusted.comparisons, measure);
        Effects viaHand;
        for (const auto& [treated, control] : byHand) {
            const auto result = computeContinuousEffect(measure, treated, control);
            QVERIFY(result.value);
            viaHand.yi.push_back(result.value->yi);
            viaHand.vi.push_back(result.value->vi);
        }
        QCOMPARE(viaFunction.yi, viaHand.yi);
        QCOMPARE(viaFunction.vi, viaHand.vi);

        const FitOptions options;
        const MetaAnalysisFit a = fitMetaAnalysis(viaFunction.yi, viaFunction.vi, options);
        const MetaAnalysisFit b = fitMetaAnalysis(viaHand.yi, viaHand.vi, options);
        QVERIFY(a.estimable && b.estimable);
        QCOMPARE(a.estimate, b.estimate);
        QCOMPARE(a.se, b.se);
        QCOMPARE(a.tau2, b.tau2);
        QCOMPARE(a.ci.lower, b.ci.lower);
        QCOMPARE(a.ci.upper, b.ci.upper);
        QCOMPARE(a.i2, b.i2);
        QCOMPARE(a.weightPercent, b.weightPercent);
    }
}

void TestSharedControl::splitMatchesMetafor() {
    const auto adjusted = adjustSharedControls(referenceComparisons(), SharedControlMethod::SplitControl);
    QVERIFY2(adjusted.ok(), adjusted.problem.c_str());
    const QJsonObject split =
        reference()[QStringLiteral("shared_control")].toObject()[QStringLiteral("split")].toObject();

    const std::vector<double> controlN = doublesFrom(split[QStringLiteral("control_n")]);
    QCOMPARE(adjusted.comparisons.size(), controlN.size());
    for (std::size_t i = 0; i < controlN.size(); ++i) {
        EVIDENT_COMPARE_REL(adjusted.comparisons[i].control.n, controlN[i], 1e-15);
        QCOMPARE(adjusted.comparisons[i].sources, std::vector<std::size_t>{i});
    }

    const QJsonObject smd = split[QStringLiteral("smd")].toObject();
    const Effects effects = effectsOf(adjusted.comparisons, EffectMeasure::SMD);
    const std::vector<double> yi = doublesFrom(smd[QStringLiteral("yi")]);
    const std::vector<double> vi = doublesFrom(smd[QStringLiteral("vi")]);
    for (std::size_t i = 0; i < yi.size(); ++i) {
        EVIDENT_COMPARE_REL(effects.yi[i], yi[i], 1e-12);
        EVIDENT_COMPARE_REL(effects.vi[i], vi[i], 1e-12);
    }
    compareWithReml(fitMetaAnalysis(effects.yi, effects.vi, FitOptions{}),
                    smd[QStringLiteral("reml")].toObject());
}

void TestSharedControl::nmdWithSplitControlMatchesR() {
    std::vector<double> shams;
    const auto comparisons = referenceComparisons(&shams);
    const auto adjusted = adjustSharedControls(comparisons, SharedControlMethod::SplitControl);
    QVERIFY2(adjusted.ok(), adjusted.problem.c_str());
    const QJsonObject nmd = reference()[QStringLiteral("shared_control")]
                                .toObject()[QStringLiteral("split")]
                                .toObject()[QStringLiteral("nmd")]
                                .toObject();
    const Effects effects = effectsOf(adjusted.comparisons, EffectMeasure::NMD, shams);
    const std::vector<double> yi = doublesFrom(nmd[QStringLiteral("yi")]);
    const std::vector<double> vi = doublesFrom(nmd[QStringLiteral("vi")]);
    for (std::size_t i = 0; i < yi.size(); ++i) {
        EVIDENT_COMPARE_REL(effects.yi[i], yi[i], 1e-13);
        EVIDENT_COMPARE_REL(effects.vi[i], vi[i], 1e-13);
        // Every study's treatment moved towards its sham: all NMDs positive, whatever the direction.
        QVERIFY(effects.yi[i] > 0);
    }
    compareWithReml(fitMetaAnalysis(effects.yi, effects.vi, FitOptions{}),
                    nmd[QStringLiteral("reml")].toObject());
}

void TestSharedControl::combineMatchesMetafor() {
    const auto adjusted =
        adjustSharedControls(referenceComparisons(), SharedControlMethod::CombineTreatments);
    QVERIFY2(adjusted.ok(), adjusted.problem.c_str());
    const QJsonObject combine =
        reference()[QStringLiteral("shared_control")].toObject()[QStringLiteral("combine")].toObject();
    const QJsonArray treated = combine[QStringLiteral("treated")].toArray();
    QCOMPARE(adjusted.comparisons.size(), std::size_t(treated.size()));
    QCOMPARE(adjusted.comparisons[0].sources, (std::vector<std::size_t>{0, 1, 2}));
    QCOMPARE(adjusted.comparisons[1].sources, (std::vector<std::size_t>{3, 4}));
    QCOMPARE(adjusted.comparisons[2].sources, (std::vector<std::size_t>{5}));
    for (qsizetype i = 0; i < treated.size(); ++i) {
        const GroupSummary expected = groupFrom(treated[i].toObject());
        const GroupSummary& actual = adjusted.comparisons[std::size_t(i)].treated;
        EVIDENT_COMPARE_REL(actual.mean, expected.mean, 1e-13);
        EVIDENT_COMPARE_REL(actual.sd, expected.sd, 1e-13);
        QCOMPARE(actual.n, expected.n);
    }
    // The whole control group is kept.
    QCOMPARE(adjusted.comparisons[0].control.n, 10.0);
    QCOMPARE(adjusted.comparisons[1].control.n, 7.0);

    const QJsonObject smd = combine[QStringLiteral("smd")].toObject();
    const Effects effects = effectsOf(adjusted.comparisons, EffectMeasure::SMD);
    const std::vector<double> yi = doublesFrom(smd[QStringLiteral("yi")]);
    const std::vector<double> vi = doublesFrom(smd[QStringLiteral("vi")]);
    for (std::size_t i = 0; i < yi.size(); ++i) {
        EVIDENT_COMPARE_REL(effects.yi[i], yi[i], 1e-12);
        EVIDENT_COMPARE_REL(effects.vi[i], vi[i], 1e-12);
    }
    compareWithReml(fitMetaAnalysis(effects.yi, effects.vi, FitOptions{}),
                    smd[QStringLiteral("reml")].toObject());
}

void TestSharedControl::combiningGroupsReproducesRawData_data() {
    QTest::addColumn<QJsonArray>("arms");
    QTest::addColumn<QJsonObject>("pooled");
    for (const auto& value : reference()[QStringLiteral("combine_cases")].toArray()) {
        const QJsonObject c = value.toObject();
        QTest::newRow(qPrintable(c[QStringLiteral("id")].toString()))
            << c[QStringLiteral("arms")].toArray() << c[QStringLiteral("combined")].toObject();
    }
}

void TestSharedControl::combiningGroupsReproducesRawData() {
    QFETCH(QJsonArray, arms);
    QFETCH(QJsonObject, pooled);
    std::vector<GroupSummary> groups;
    for (const auto& arm : arms)
        groups.push_back(groupFrom(arm.toObject()));
    const GroupSummary expected = groupFrom(pooled);
    const GroupSummary combined = combineGroups(groups);
    EVIDENT_COMPARE_REL(combined.mean, expected.mean, 1e-13);
    EVIDENT_COMPARE_REL(combined.sd, expected.sd, 1e-13);
    QCOMPARE(combined.n, expected.n);
    // The order in which groups are combined does not matter.
    std::vector<GroupSummary> reversed(groups.rbegin(), groups.rend());
    EVIDENT_COMPARE_REL(combineGroups(reversed).sd, expected.sd, 1e-13);
}

void TestSharedControl::notesExplainTheAdjustment() {
    const auto split = adjustSharedControls(referenceComparisons(), SharedControlMethod::SplitControl);
    QVERIFY(split.ok());
    QCOMPARE(split.comparisons[0].note,
             std::string(
                 "control group “A-vehicle” (n = 10) shared by comparisons 1, 2 and 3: n = 10 / 3 = 3.333 in "
                 "each, mean and SD unchanged (Vesterinen et al. 2014; Cochrane Handbook §23.3.4)"));
    QCOMPARE(split.comparisons[5].note, std::string("control group used as entered (not shared)"));

    const auto combined =
        adjustSharedControls(referenceComparisons(), SharedControlMethod::CombineTreatments);
    QVERIFY(combined.ok());
    QCOMPARE(
        combined.comparisons[1].note,
        std::string(
            "treated groups of comparisons 4 and 5 combined into one (Cochrane Handbook Table 6.5.a): "
            "n = 12, mean = 53.55, SD = 6.573; compared with the whole control group “B-control” (n = 7)"));
}

void TestSharedControl::unsharedControlsPassThrough() {
    const std::vector<SharedControlComparison> comparisons{
        {{10, 2, 6}, {12, 2.5, 6}, ""}, {{11, 2, 6}, {12, 2.5, 6}, ""}, {{9, 1.5, 5}, {13, 3, 5}, "lonely"}};
    for (auto method : {SharedControlMethod::SplitControl, SharedControlMethod::CombineTreatments}) {
        const auto adjusted = adjustSharedControls(comparisons, method);
        QVERIFY2(adjusted.ok(), adjusted.problem.c_str());
        QCOMPARE(adjusted.comparisons.size(), comparisons.size());
        for (std::size_t i = 0; i < comparisons.size(); ++i) {
            QCOMPARE(adjusted.comparisons[i].control.n, comparisons[i].control.n);
            QCOMPARE(adjusted.comparisons[i].treated.mean, comparisons[i].treated.mean);
            QCOMPARE(adjusted.comparisons[i].sources, std::vector<std::size_t>{i});
        }
    }
    QVERIFY(
        adjustSharedControls(std::span<const SharedControlComparison>(), SharedControlMethod::SplitControl)
            .comparisons.empty());
}

void TestSharedControl::smallControlGroupCannotBeSplit() {
    // Four comparisons against four control animals: each share would be one animal.
    const GroupSummary control{20, 4, 4};
    const std::vector<SharedControlComparison> comparisons{{{15, 3, 5}, control, "c"},
                                                           {{14, 3, 5}, control, "c"},
                                                           {{13, 3, 5}, control, "c"},
                                                           {{12, 3, 5}, control, "c"}};
    const auto split = adjustSharedControls(comparisons, SharedControlMethod::SplitControl);
    QVERIFY(!split.ok());
    QVERIFY(split.comparisons.empty());
    QCOMPARE(split.problem,
             std::string("the control group “c” (n = 4) cannot be split among 4 comparisons: each would "
                         "get n = 1, one animal or fewer; combine the treated groups instead"));
    QCOMPARE(split.problemComparisons, (std::vector<std::size_t>{0, 1, 2, 3}));
    // Three comparisons: 4/3 animals each is allowed (fractional, not rounded).
    const std::vector<SharedControlComparison> three(comparisons.begin(), comparisons.begin() + 3);
    const auto ok = adjustSharedControls(three, SharedControlMethod::SplitControl);
    QVERIFY2(ok.ok(), ok.problem.c_str());
    QCOMPARE(ok.comparisons[0].control.n, 4.0 / 3);
    // Combining needs no split.
    const auto combined = adjustSharedControls(comparisons, SharedControlMethod::CombineTreatments);
    QVERIFY2(combined.ok(), combined.problem.c_str());
    QCOMPARE(combined.comparisons.size(), std::size_t(1));
    QCOMPARE(combined.comparisons[0].treated.n, 20.0);
}

void TestSharedControl::badInputIsRefused_data() {
    QTest::addColumn<std::vector<SharedControlComparison>>("comparisons");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<std::vector<std::size_t>>("involved");
    const double notANumber = std::numeric_limits<double>::quiet_NaN();
    const GroupSummary control{38.2, 6.1, 10};
    const GroupSummary treated{30.1, 5.5, 8};

    QTest::newRow("same id, different n")
        << std::vector<SharedControlComparison>{{treated, control, "v"},
                                                {treated, control, "w"},
                                                {treated, {38.2, 6.1, 9}, "v"}}
        << QStringLiteral("comparisons 1 and 3 share the control group “v” but give different numbers for it "
                          "(n 10 vs 9)")
        << std::vector<std::size_t>{0, 2};
    QTest::newRow("same id, different mean")
        << std::vector<SharedControlComparison>{{treated, control, "v"}, {treated, {38.3, 6.1, 10}, "v"}}
        << QStringLiteral("(mean 38.2 vs 38.3)") << std::vector<std::size_t>{0, 1};
    QTest::newRow("same id, different SD")
        << std::vector<SharedControlComparison>{{treated, control, "v"}, {treated, {38.2, 6.0, 10}, "v"}}
        << QStringLiteral("(SD 6.1 vs 6)") << std::vector<std::size_t>{0, 1};
    QTest::newRow("treated SD zero")
        << std::vector<SharedControlComparison>{{treated, control, "v"}, {{25, 0, 8}, control, "v"}}
        << QStringLiteral("comparison 2: the treated group's SD must be a number greater than 0")
        << std::vector<std::size_t>{1};
    QTest::newRow("treated mean NaN")
        << std::vector<SharedControlComparison>{{{notANumber, 5, 8}, control, ""}}
        << QStringLiteral("comparison 1: the treated group's mean is not a finite number")
        << std::vector<std::size_t>{0};
    QTest::newRow("control n NaN")
        << std::vector<SharedControlComparison>{{treated, {38.2, 6.1, notANumber}, ""}}
        << QStringLiteral("comparison 1: the control group's n must be greater than 1")
        << std::vector<std::size_t>{0};
    QTest::newRow("control n one") << std::vector<SharedControlComparison>{{treated, {38.2, 6.1, 1}, ""}}
                                   << QStringLiteral(
                                          "comparison 1: the control group's n must be greater than 1")
                                   << std::vector<std::size_t>{0};
}

void TestSharedControl::badInputIsRefused() {
    QFETCH(std::vector<SharedControlComparison>, comparisons);
    QFETCH(QString, problem);
    QFETCH(std::vector<std::size_t>, involved);
    for (auto method : {SharedControlMethod::SplitControl, SharedControlMethod::CombineTreatments}) {
        const auto result = adjustSharedControls(comparisons, method);
        QVERIFY(!result.ok());
        QVERIFY(result.comparisons.empty());
        QVERIFY2(QString::fromStdString(result.problem).contains(problem), result.problem.c_str());
        QCOMPARE(result.problemComparisons, involved);
    }
}

void TestSharedControl::methodKeysRoundTrip() {
    for (auto method : {SharedControlMethod::SplitControl, SharedControlMethod::CombineTreatments})
        QCOMPARE(int(*parseSharedControlMethod(sharedControlMethodKey(method))), int(method));
    QCOMPARE(int(*parseSharedControlMethod("split_control")), int(SharedControlMethod::SplitControl));
    QVERIFY(!parseSharedControlMethod("SPLIT").has_value());
    QCOMPARE(combineGroups(std::span<const GroupSummary>{}).n, 0.0);
}

QTEST_GUILESS_MAIN(TestSharedControl)
#include "tst_sharedcontrol.moc"
