// SPDX-License-Identifier: GPL-3.0-or-later
// RIS, cumulative meta-analysis and full TSA runs against tests/reference/tsa_vectors.json.
// Oracles: RTSA 0.2.2 ris() (RIS, exact integers); RTSA synthesize() cross-checked there with metafor
// 3.8 rma() (cumulative Z, τ², I², D², 1e-8 relative); RTSA RTSA() runs on the eds data (boundaries
// 1e-4 absolute, TSA-adjusted intervals 1e-4 × SE, inflation factor 1e-4).
#include "core/common/distributions.h"
#include "core/tsa/tsa.h"
#include "tests/support/testsupport.h"

#include <cmath>

using namespace evident;
Q_DECLARE_METATYPE(evident::RisAssumptions)
Q_DECLARE_METATYPE(evident::TsaOptions)

namespace {

QJsonObject vectors() {
    static const QJsonDocument document =
        test::loadJson(test::testDataPath(QStringLiteral("reference/tsa_vectors.json")));
    return document.object();
}

std::vector<TsaTrial> edsTrials() {
    std::vector<TsaTrial> trials;
    for (const auto& value :
         vectors().value(QStringLiteral("dataset")).toObject().value(QStringLiteral("data")).toArray()) {
        const QJsonObject row = value.toObject();
        TsaTrial trial;
        trial.label = row.value(QStringLiteral("study")).toString().toStdString();
        trial.treated = {row.value(QStringLiteral("mI")).toDouble(),
                         row.value(QStringLiteral("sdI")).toDouble(),
                         row.value(QStringLiteral("nI")).toDouble()};
        trial.control = {row.value(QStringLiteral("mC")).toDouble(),
                         row.value(QStringLiteral("sdC")).toDouble(),
                         row.value(QStringLiteral("nC")).toDouble()};
        trial.order = row.value(QStringLiteral("order")).toDouble();
        trials.push_back(trial);
    }
    return trials;
}

std::optional<double> optionalNumber(const QJsonValue& value) {
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    return value.toDouble();
}

TsaOptions mdOptions(double mc, double beta, TsaModel model, HeterogeneityAdjustment adjustment,
                     bool futility) {
    TsaOptions options;
    options.analysis.outcome = TsaOutcome::MeanDifference;
    options.analysis.model = model;
    options.orderByValue = true;
    options.ris.minimalRelevantDifference = mc;
    options.ris.standardDeviation = 30;
    options.ris.beta = beta;
    options.adjustment = adjustment;
    options.futility = futility;
    return options;
}

} // namespace

class TestTsaAnalysis : public QObject {
    Q_OBJECT
private slots:
    void risMatchesRtsa_data();
    void risMatchesRtsa();
    void smdRisIsMdRisWithUnitSd();
    void cumulativeMatchesRtsaAndMetafor();
    void runMatchesRtsa_data();
    void runMatchesRtsa();
    void onePercentRuleCountsFromLastMonitoredLook();
    void beyondRisIsFinalAnalysis();
    void risReachedByFirstTrialIsAnError();
    void conclusions();
    void rejectsNonsense_data();
    void rejectsNonsense();
};

void TestTsaAnalysis::risMatchesRtsa_data() {
    QTest::addColumn<int>("index");
    QTest::addColumn<RisAssumptions>("assumptions");
    QTest::addColumn<double>("d2");
    QTest::addColumn<double>("i2");
    const auto md = [](double mc, double beta) {
        RisAssumptions a;
        a.minimalRelevantDifference = mc;
        a.standardDeviation = 30;
        a.beta = beta;
        return a;
    };
    const auto binary = [](BinaryMeasure measure, double pC, double rrr, double beta) {
        RisAssumptions a;
        a.outcome = TsaOutcome::Binary;
        a.binaryMeasure = measure;
        a.controlRisk = pC;
        a.relativeRiskReduction = rrr;
        a.beta = beta;
        return a;
    };
    QTest::newRow("MD mc 5 sd 30 beta .1") << 0 << md(5, 0.1) << -1.0 << -1.0;
    QTest::newRow("MD mc 8 sd 30 beta .2") << 1 << md(8, 0.2) << -1.0 << -1.0;
    QTest::newRow("MD mc 8 D2 .5 I2 .3") << 2 << md(8, 0.2) << 0.5 << 0.3;
    QTest::newRow("RR .9 pC .1") << 3 << binary(BinaryMeasure::RiskRatio, 0.1, 0.1, 0.1) << -1.0 << -1.0;
    QTest::newRow("RR .8 pC .2 D2 .3 I2 .2")
        << 4 << binary(BinaryMeasure::RiskRatio, 0.2, 0.2, 0.2) << 0.3 << 0.2;
    // RTSA takes the odds ratio 0.8; Evident the RRR it implies at p_C = 0.2.
    QTest::newRow("OR .8 pC .2") << 5
                                 << binary(BinaryMeasure::OddsRatio, 0.2,
                                           relativeRiskReductionForOddsRatio(0.2, 0.8), 0.2)
                                 << -1.0 << -1.0;
    // RTSA: mc = 0.05 with p_C = 0.2, p_1 = 0.15, i.e. RRR 0.25.
    QTest::newRow("RD .05 pC .2") << 6 << binary(BinaryMeasure::RiskDifference, 0.2, 0.25, 0.2) << -1.0
                                  << -1.0;
}

void TestTsaAnalysis::risMatchesRtsa() {
    QFETCH(int, index);
    QFETCH(RisAssumptions, assumptions);
    QFETCH(double, d2);
    QFETCH(double, i2);
    const QJsonObject expected = vectors().value(QStringLiteral("ris_cases")).toArray().at(index).toObject();
    const RisResult plain = requiredInformationSize(assumptions, HeterogeneityAdjustment::None);
    QVERIFY2(plain.ok, plain.error.c_str());
    if (d2 < 0) {
        QCOMPARE(plain.fixedEffect, expected.value(QStringLiteral("NF")).toInt());
        return;
    }
    const QJsonObject res = expected.value(QStringLiteral("res")).toObject();
    QCOMPARE(plain.fixedEffect, res.value(QStringLiteral("NF")).toInt());
    const RisResult byD2 = requiredInformationSize(assumptions, HeterogeneityAdjustment::Diversity, d2);
    const RisResult byI2 = requiredInformationSize(assumptions, HeterogeneityAdjustment::Inconsistency, i2);
    QCOMPARE(byD2.adjusted, res.value(QStringLiteral("NR_D2")).toInt());
    QCOMPARE(byI2.adjusted, res.value(QStringLiteral("NR_I2")).toInt());
}

void TestTsaAnalysis::smdRisIsMdRisWithUnitSd() {
    // Derivation check: an SMD of δ is a mean difference of δ on an outcome with SD 1, so the SMD RIS is
    // the MD RIS with mc = δ, sd = 1: 4(1.959964 + 1.281552)²/0.5² = 168.1 → 169.
    RisAssumptions smd;
    smd.outcome = TsaOutcome::StandardisedMeanDifference;
    smd.minimalRelevantDifference = 0.5;
    RisAssumptions md = smd;
    md.outcome = TsaOutcome::MeanDifference;
    md.standardDeviation = 1;
    const RisResult a = requiredInformationSize(smd, HeterogeneityAdjustment::None);
    const RisResult b = requiredInformationSize(md, HeterogeneityAdjustment::None);
    QVERIFY(a.ok && b.ok);
    QCOMPARE(a.fixedEffect, 169);
    QCOMPARE(a.fixedEffect, b.fixedEffect);
}

void TestTsaAnalysis::cumulativeMatchesRtsaAndMetafor() {
    CumulativeOptions options;
    const std::vector<TsaTrial> trials = edsTrials();
    const CumulativeResult result = cumulativeMetaAnalysis(trials, options);
    QVERIFY2(result.ok, result.error.c_str());
    const QJsonArray steps = vectors()
                                 .value(QStringLiteral("eds_cumulative_meta"))
                                 .toObject()
                                 .value(QStringLiteral("steps"))
                                 .toArray();
    QCOMPARE(result.steps.size(), static_cast<std::size_t>(steps.size()));
    for (int k = 0; k < steps.size(); ++k) {
        const QJsonObject e = steps.at(k).toObject();
        const CumulativeStep& s = result.steps[static_cast<std::size_t>(k)];
        const QString at = QStringLiteral(" after %1 trials").arg(k + 1);
        QCOMPARE(s.participants, e.value(QStringLiteral("n_cum")).toDouble());
        EVIDENT_COMPARE_REL_LABELLED(QStringLiteral("MD fixed") + at, s.estimateFixed,
                                     e.value(QStringLiteral("md_fixed")).toDouble(), 1e-8);
        EVIDENT_COMPARE_REL_LABELLED(QStringLiteral("V fixed") + at, s.seFixed * s.seFixed,
                                     e.value(QStringLiteral("var_fixed")).toDouble(), 1e-8);
        EVIDENT_COMPARE_REL_LABELLED(QStringLiteral("Z fixed") + at, s.zFixed,
                                     e.value(QStringLiteral("z_fixed")).toDouble(), 1e-8);
        EVIDENT_COMPARE_REL_LABELLED(QStringLiteral("Q") + at, s.q, e.value(QStringLiteral("Q")).toDouble(),
                                     1e-8);
        EVIDENT_COMPARE_REL_LABELLED(QStringLiteral("tau2") + at, s.tau2,
                                     e.value(QStringLiteral("tau2_DL")).toDouble(), 1e-8);
        EVIDENT_COMPARE_REL_LABELLED(QStringLiteral("I2") + at, s.i2,
                                     e.value(QStringLiteral("I2")).toDouble(), 1e-8);
        EVIDENT_COMPARE_REL_LABELLED(QStringLiteral("D2") + at, s.d2,
                                     e.value(QStringLiteral("D2")).toDouble(), 1e-8);
        if (e.contains(QStringLiteral("z_random"))) {
            EVIDENT_COMPARE_REL_LABELLED(QStringLiteral("Z random") + at, s.zRandom,
                                         e.value(QStringLiteral("z_random")).toDouble(), 1e-8);
            EVIDENT_COMPARE_REL_LABELLED(QStringLiteral("V random") + at, s.seRandom * s.seRandom,
                                         e.value(QStringLiteral("var_random")).toDouble(), 1e-8);
            const QJsonObject metafor = e.value(QStringLiteral("metafor")).toObject();
            EVIDENT_COMPARE_REL_LABELLED(QStringLiteral("metafor Z random") + at, s.zRandom,
                                         metafor.value(QStringLiteral("z_random")).toDouble(), 1e-8);
        }
    }
}

void TestTsaAnalysis::runMatchesRtsa_data() {
    QTest::addColumn<QString>("label");
    QTest::addColumn<TsaOptions>("options");
    QTest::newRow("A fixed, futility")
        << QStringLiteral("A_fixed_mc5_sd30_beta0.1_powadjFALSE")
        << mdOptions(-5, 0.1, TsaModel::FixedEffect, HeterogeneityAdjustment::None, true);
    TsaOptions a2 = mdOptions(-5, 0.1, TsaModel::FixedEffect, HeterogeneityAdjustment::None, true);
    a2.powerAdjusted = true;
    QTest::newRow("A2 fixed, futility, power-adjusted")
        << QStringLiteral("A2_fixed_mc5_sd30_beta0.1_powadjTRUE") << a2;
    QTest::newRow("A3 fixed, no futility")
        << QStringLiteral("A3_fixed_mc5_sd30_beta0.1_nofutility_powadjFALSE")
        << mdOptions(-5, 0.1, TsaModel::FixedEffect, HeterogeneityAdjustment::None, false);
    QTest::newRow("B random, D2, futility")
        << QStringLiteral("B_random_D2_mc8_sd30_beta0.2_powadjFALSE")
        << mdOptions(-8, 0.2, TsaModel::RandomEffects, HeterogeneityAdjustment::Diversity, true);
    QTest::newRow("B2 random, I2") << QStringLiteral("B2_random_I2_mc8_sd30_beta0.2_powadjFALSE")
                                   << mdOptions(-8, 0.2, TsaModel::RandomEffects,
                                                HeterogeneityAdjustment::Inconsistency, false);
}

void TestTsaAnalysis::runMatchesRtsa() {
    QFETCH(QString, label);
    QFETCH(TsaOptions, options);
    QJsonObject run;
    for (const auto& value : vectors().value(QStringLiteral("tsa_runs")).toArray())
        if (value.toObject().value(QStringLiteral("label")).toString() == label)
            run = value.toObject();
    QVERIFY(!run.isEmpty());
    const std::vector<TsaTrial> trials = edsTrials();
    const TsaResult result = runTsa(trials, options);
    QVERIFY2(result.ok, result.error.c_str());

    QCOMPARE(result.risUnadjusted, run.value(QStringLiteral("RIS_fixed")).toInt());
    const bool random = options.analysis.model == TsaModel::RandomEffects;
    QCOMPARE(result.ris, random ? run.value(QStringLiteral("HARIS")).toInt()
                                : run.value(QStringLiteral("RIS_fixed")).toInt());
    EVIDENT_COMPARE_ABS(result.inflationFactor, run.value(QStringLiteral("root")).toDouble(), 1e-4);
    EVIDENT_COMPARE_REL(
        result.d2,
        run.value(QStringLiteral("heterogeneity_full")).toObject().value(QStringLiteral("D.2")).toDouble(),
        1e-8);

    const QJsonArray rows = run.value(QStringLiteral("results_df")).toArray();
    const QJsonArray spent =
        run.value(QStringLiteral("bounds")).toObject().value(QStringLiteral("alpha_cum_per_side")).toArray();
    QCOMPARE(result.looks.size() + 1, static_cast<std::size_t>(rows.size()));
    std::size_t monitoredIndex = 0;
    bool earlierAllInfinite = true;
    for (std::size_t k = 0; k < result.looks.size(); ++k) {
        const TsaLook& look = result.looks[k];
        const QJsonObject row = rows.at(static_cast<int>(k)).toObject();
        const QString at = QStringLiteral("look %1").arg(k + 1);
        EVIDENT_COMPARE_REL_LABELLED(
            at + QStringLiteral(" Z"), look.z,
            row.value(random ? QStringLiteral("z_random") : QStringLiteral("z_fixed")).toDouble(), 1e-8);
        EVIDENT_COMPARE_REL_LABELLED(at + QStringLiteral(" fraction"), look.fraction,
                                     row.value(QStringLiteral("sma_timing")).toDouble(), 1e-12);
        const std::optional<double> upper = optionalNumber(row.value(QStringLiteral("upper")));
        if (!upper) { // RTSA's 1% rule
            QCOMPARE(look.status, LookStatus::BelowOnePercent);
            QVERIFY(!look.upper && !look.adjustedCi);
            continue;
        }
        QCOMPARE(look.status, LookStatus::Monitored);
        QVERIFY(look.upper && look.adjustedCi);
        const double increment =
            spent.at(static_cast<int>(monitoredIndex)).toDouble()
            - (monitoredIndex > 0 ? spent.at(static_cast<int>(monitoredIndex) - 1).toDouble() : 0.0);
        ++monitoredIndex;
        if (*upper == 20) {
            QVERIFY2(std::isinf(*look.upper), qPrintable(at));
            QVERIFY(std::isinf(look.adjustedCi->lower) && std::isinf(look.adjustedCi->upper));
            continue;
        }
        if (increment < 1e-6) {
            // RTSA's search tolerance (1e-9 in probability) dominates: see tst_tsa_boundaries.
            QVERIFY(earlierAllInfinite);
            EVIDENT_COMPARE_ABS(*look.upper, -normalQuantile(increment), 1e-5);
            QVERIFY(std::abs(normalUpperTail(*upper) - increment) <= 1e-9);
            earlierAllInfinite = false;
            continue;
        }
        earlierAllInfinite = false;
        const bool rtsaArtefact = label.startsWith(QLatin1String("A2")) && k == 5;
        if (rtsaArtefact) {
            // RTSA's grid is coarse for this small step (t 0.460 → 0.474 with R = 1.09): it is 1.6e-4 off.
            // multivariate normal probabilities (tests/reference/make_tsa_boundary_truth.R) give 3.287319.
            const QJsonObject truth =
                test::loadJson(test::testDataPath(QStringLiteral("reference/tsa_boundary_truth.json")))
                    .object()
                    .value(QStringLiteral("cases"))
                    .toObject()
                    .value(QStringLiteral("A2_look6"))
                    .toObject();
            EVIDENT_COMPARE_ABS(*look.upper, truth.value(QStringLiteral("upper")).toArray().last().toDouble(),
                                1e-5);
            EVIDENT_COMPARE_ABS(*look.upper, *upper, 2e-4);
        } else {
            EVIDENT_COMPARE_ABS(*look.upper, *upper, 1e-4);
        }
        if (const auto futility = optionalNumber(row.value(QStringLiteral("fut_upper")))) {
            QVERIFY2(look.futilityUpper, qPrintable(at));
            EVIDENT_COMPARE_ABS(*look.futilityUpper, *futility, 1e-4);
        } else {
            QVERIFY2(!look.futilityUpper, qPrintable(at));
        }
        // TSA-adjusted interval: RTSA leaves the random-effects one empty where τ² = 0; there the model is
        // the fixed-effect one and Evident's interval equals RTSA's fixed-effect interval.
        std::optional<double> lower = optionalNumber(row.value(
            random ? QStringLiteral("TSAadjCIrandom_lower") : QStringLiteral("TSAadjCIfixed_lower")));
        std::optional<double> upperCi = optionalNumber(row.value(
            random ? QStringLiteral("TSAadjCIrandom_upper") : QStringLiteral("TSAadjCIfixed_upper")));
        if (!lower) {
            QCOMPARE(look.tau2, 0.0);
            lower = optionalNumber(row.value(QStringLiteral("TSAadjCIfixed_lower")));
            upperCi = optionalNumber(row.value(QStringLiteral("TSAadjCIfixed_upper")));
        }
        const double se = (look.adjustedCi->upper - look.adjustedCi->lower) / (2 * *look.upper);
        const double tolerance = (rtsaArtefact ? 2e-4 : 1e-4) * se;
        EVIDENT_COMPARE_ABS(look.adjustedCi->lower, *lower, tolerance);
        EVIDENT_COMPARE_ABS(look.adjustedCi->upper, *upperCi, tolerance);
    }
    // RTSA's last row: the final analysis at the (inflated) RIS.
    const QJsonObject last = rows.last().toObject();
    QVERIFY(result.finalFraction && result.finalUpper);
    EVIDENT_COMPARE_ABS(*result.finalFraction, last.value(QStringLiteral("sma_timing")).toDouble(), 1e-4);
    EVIDENT_COMPARE_ABS(*result.finalUpper, last.value(QStringLiteral("upper")).toDouble(), 1e-4);
    if (const auto futility = optionalNumber(last.value(QStringLiteral("fut_upper"))))
        EVIDENT_COMPARE_ABS(result.finalFutility.value_or(NAN), *futility, 1e-4);

    // RTSA seq_inf: first crossing (1-based among the monitored looks) and its direction.
    const QJsonObject sequential = run.value(QStringLiteral("seq_inf")).toObject();
    QVERIFY(result.efficacyCrossing);
    QCOMPARE(static_cast<int>(result.efficacyCrossing->look) + 1,
             sequential.value(QStringLiteral("stop_time")).toInt());
    QCOMPARE(result.efficacyCrossing->kind, CrossingKind::EfficacyLower);
    QCOMPARE(result.verdict, TsaVerdict::EfficacyCrossed);
}

void TestTsaAnalysis::onePercentRuleCountsFromLastMonitoredLook() {
    // Two small trials in a row, each adding 0.59% of the RIS. RTSA compares each with the trial just
    // before it and drops both; Evident counts from the last monitored look, so the second one (1.19%
    // since then) is monitored. RIS: MD 5, SD 30 → 4·(1.96 + 1.28)²·900/25 = 1513.1 → 1514.
    const auto trial = [](double n, double difference) {
        TsaTrial t;
        t.treated = {difference, 30, n / 2};
        t.control = {0, 30, n / 2};
        return t;
    };
    const std::vector<TsaTrial> trials{trial(100, 5), trial(9, 4), trial(9, 6), trial(100, 5)};
    TsaOptions options = mdOptions(5, 0.1, TsaModel::FixedEffect, HeterogeneityAdjustment::None, false);
    options.orderByValue = false;
    const TsaResult result = runTsa(trials, options);
    QVERIFY2(result.ok, result.error.c_str());
    QCOMPARE(result.ris, 1514);
    QCOMPARE(result.looks[0].status, LookStatus::Monitored);
    QCOMPARE(result.looks[1].status, LookStatus::BelowOnePercent);
    QCOMPARE(result.looks[2].status, LookStatus::Monitored);
    QCOMPARE(result.looks[3].status, LookStatus::Monitored);
    // A first look below 1% of the RIS gets no boundary either.
    const std::vector<TsaTrial> tiny{trial(9, 4), trial(100, 5)};
    const TsaResult first = runTsa(tiny, options);
    QVERIFY(first.ok);
    QCOMPARE(first.looks[0].status, LookStatus::BelowOnePercent);
    QCOMPARE(first.looks[1].status, LookStatus::Monitored);
}

void TestTsaAnalysis::beyondRisIsFinalAnalysis() {
    // RIS of 263 (MD 12, SD 30, β 0.1): the third eds trial takes the information to 497/263 = 1.9. That
    // look is the final analysis: it spends the remaining alpha with its true information (ldbounds'
    // ldBounds(t = min(t, 1), t2 = t) convention); later trials get no boundary.
    const std::vector<TsaTrial> trials = edsTrials();
    const TsaOptions options =
        mdOptions(12, 0.1, TsaModel::FixedEffect, HeterogeneityAdjustment::None, false);
    const TsaResult result = runTsa(trials, options);
    QVERIFY2(result.ok, result.error.c_str());
    QCOMPARE(result.ris, 263);
    QCOMPARE(result.looks[2].status, LookStatus::Monitored);
    for (std::size_t k = 3; k < result.looks.size(); ++k)
        QCOMPARE(result.looks[k].status, LookStatus::AfterFinalAnalysis);
    QVERIFY(!result.finalFraction);
    const std::vector<double> t{86.0 / 263, 169.0 / 263, 497.0 / 263};
    const BoundaryResult expected = computeBoundaries(t, {});
    QVERIFY(expected.ok);
    EVIDENT_COMPARE_ABS(*result.looks[2].upper, expected.upper[2], 1e-12);
    EVIDENT_COMPARE_ABS(expected.alphaSpent[2], 0.05, 1e-15);
    // Crossed at look 2 already (Z = −4.14 against ±2.9).
    QCOMPARE(result.verdict, TsaVerdict::EfficacyCrossed);
}

void TestTsaAnalysis::risReachedByFirstTrialIsAnError() {
    const std::vector<TsaTrial> trials = edsTrials();
    const TsaOptions options =
        mdOptions(40, 0.1, TsaModel::FixedEffect, HeterogeneityAdjustment::None, false);
    const TsaResult result = runTsa(trials, options);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.find("first trial alone reaches") != std::string::npos, result.error.c_str());
}

void TestTsaAnalysis::conclusions() {
    const std::vector<TsaTrial> trials = edsTrials();
    // Crossed (run B): 583/2473 = 23.6%.
    TsaResult result =
        runTsa(trials, mdOptions(-8, 0.2, TsaModel::RandomEffects, HeterogeneityAdjustment::Diversity, true));
    QVERIFY(result.ok);
    QCOMPARE(
        QString::fromStdString(result.conclusion),
        QStringLiteral("The cumulative Z-curve crossed the O'Brien-Fleming boundary at 24% of the required "
                       "information size of 2473 animals (D² = 82%)."));
    // Not crossed: a 3-point difference needs 4·(1.96 + 1.28)²·900/9 = 4204 participants; D² 82% → 23514.
    result =
        runTsa(trials, mdOptions(3, 0.1, TsaModel::RandomEffects, HeterogeneityAdjustment::Diversity, false));
    QVERIFY(result.ok);
    QCOMPARE(result.verdict, TsaVerdict::NotCrossed);
    QCOMPARE(QString::fromStdString(result.conclusion),
             QStringLiteral(
                 "The cumulative Z-curve did not cross the O'Brien-Fleming boundary; the trials include "
                 "5% of the required information size of %1 animals (D² = 82%).")
                 .arg(result.ris));
    // Futility: two trials of 200 with a negligible difference (Z ≈ 0.1) against a RIS of 379 (MD 10,
    // SD 30): at 53% the futility wedge is about ±0.5 and the curve is inside it.
    const auto null = [](double difference) {
        TsaTrial t;
        t.treated = {difference, 30, 100};
        t.control = {0, 30, 100};
        return t;
    };
    const std::vector<TsaTrial> flat{null(0.3), null(0.2)};
    TsaOptions futile = mdOptions(10, 0.1, TsaModel::FixedEffect, HeterogeneityAdjustment::None, true);
    futile.orderByValue = false;
    result = runTsa(flat, futile);
    QVERIFY2(result.ok, result.error.c_str());
    QCOMPARE(result.ris, 379);
    QCOMPARE(result.verdict, TsaVerdict::FutilityCrossed);
    QCOMPARE(QString::fromStdString(result.conclusion),
             QStringLiteral(
                 "The cumulative Z-curve crossed the futility boundary at 53% of the required information "
                 "size of 379 animals without crossing the O'Brien-Fleming boundary."));
    // RIS reached without crossing: the same trials without futility boundaries; the second trial takes
    // the information to 400/379 = 106%, the final analysis.
    futile.futility = false;
    result = runTsa(flat, futile);
    QVERIFY2(result.ok, result.error.c_str());
    QCOMPARE(result.verdict, TsaVerdict::RisReachedWithoutCrossing);
    QCOMPARE(QString::fromStdString(result.conclusion),
             QStringLiteral("The cumulative Z-curve reached the required information size of 379 animals "
                            "without crossing the O'Brien-Fleming boundary."));
}

void TestTsaAnalysis::rejectsNonsense_data() {
    QTest::addColumn<TsaOptions>("options");
    QTest::addColumn<bool>("noTrials");
    QTest::addColumn<QString>("message");
    TsaOptions zero = mdOptions(0, 0.1, TsaModel::FixedEffect, HeterogeneityAdjustment::None, false);
    QTest::newRow("delta 0") << zero << false << QStringLiteral("minimal relevant difference");
    TsaOptions alpha = mdOptions(5, 0.1, TsaModel::FixedEffect, HeterogeneityAdjustment::None, false);
    alpha.ris.alpha = 1.5;
    QTest::newRow("alpha 1.5") << alpha << false << QStringLiteral("alpha");
    TsaOptions sd = mdOptions(5, 0.1, TsaModel::FixedEffect, HeterogeneityAdjustment::None, false);
    sd.ris.standardDeviation = -1;
    QTest::newRow("negative SD") << sd << false << QStringLiteral("standard deviation");
    QTest::newRow("no trials") << mdOptions(5, 0.1, TsaModel::FixedEffect, HeterogeneityAdjustment::None,
                                            false)
                               << true << QStringLiteral("trials");
}

void TestTsaAnalysis::rejectsNonsense() {
    QFETCH(TsaOptions, options);
    QFETCH(bool, noTrials);
    QFETCH(QString, message);
    const std::vector<TsaTrial> trials = noTrials ? std::vector<TsaTrial>{} : edsTrials();
    const TsaResult result = runTsa(trials, options);
    QVERIFY(!result.ok);
    QVERIFY2(QString::fromStdString(result.error).startsWith(message), result.error.c_str());
}

QTEST_GUILESS_MAIN(TestTsaAnalysis)
#include "tst_tsa_analysis.moc"
