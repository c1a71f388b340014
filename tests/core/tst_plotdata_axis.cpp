// SPDX-License-Identifier: GPL-3.0-or-later
// Axis ranges, nice ticks and tick labels of the figures (core/plotdata/axisscale.h).
#include "core/plotdata/axisscale.h"
#include "core/plotdata/figurelayout.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <cmath>

using namespace evident;

namespace {

QStringList labelsOf(const AxisScale& scale) {
    QStringList labels;
    for (const AxisTick& tick : scale.ticks)
        labels.append(QString::fromStdString(tick.label));
    return labels;
}

} // namespace

class TestPlotDataAxis : public QObject {
    Q_OBJECT
private slots:
    void niceSteps_data();
    void niceSteps();
    void linearAxes_data();
    void linearAxes();
    void degenerateRangesStillGiveAnAxis_data();
    void degenerateRangesStillGiveAnAxis();
    void tickLabels_data();
    void tickLabels();
    void ratioAxes_data();
    void ratioAxes();
    void fewerTicksKeepTheRangeAndTheNull_data();
    void fewerTicksKeepTheRangeAndTheNull();
    void rasterPixels_data();
    void rasterPixels();
};

void TestPlotDataAxis::niceSteps_data() {
    QTest::addColumn<double>("span");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<double>("expected");
    QTest::newRow("10 in 5 intervals: 2") << 10.0 << 6 << 2.0;
    QTest::newRow("1 in 5 intervals: 0.2") << 1.0 << 6 << 0.2;
    QTest::newRow("7 in 5 intervals: 1.4 rounds up to 2") << 7.0 << 6 << 2.0;
    QTest::newRow("0.9 in 4 intervals: 0.225 rounds up to 0.25") << 0.9 << 5 << 0.25;
    QTest::newRow("3000 in 6 intervals: 500") << 3000.0 << 7 << 500.0;
    QTest::newRow("0.0037 in 4 intervals: 0.001") << 0.0037 << 5 << 0.001;
    QTest::newRow("exact fit is kept: 12 in 6 intervals is 2") << 12.0 << 7 << 2.0;
    QTest::newRow("zero span falls back to 1") << 0.0 << 6 << 1.0;
}

void TestPlotDataAxis::niceSteps() {
    QFETCH(double, span);
    QFETCH(int, maxTicks);
    QFETCH(double, expected);
    EVIDENT_COMPARE_REL(niceStep(span, maxTicks), expected, 1e-12);
}

void TestPlotDataAxis::linearAxes_data() {
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<QStringList>("labels");
    QTest::newRow("forest SMD range")
        << -1.59 << 2.24 << 7 << -2.0 << 3.0 << QStringList{"\u22122", "\u22121", "0", "1", "2", "3"};
    QTest::newRow("TSA participants to RIS 249")
        << 0.0 << 259.0 << 7 << 0.0 << 300.0 << QStringList{"0", "50", "100", "150", "200", "250", "300"};
    QTest::newRow("symmetric Z axis")
        << -6.2 << 6.2 << 9 << -8.0 << 8.0
        << QStringList{"\u22128", "\u22126", "\u22124", "\u22122", "0", "2", "4", "6", "8"};
    QTest::newRow("funnel SE from 0")
        << 0.0 << 0.61 << 6 << 0.0 << 0.8 << QStringList{"0.0", "0.2", "0.4", "0.6", "0.8"};
    QTest::newRow("quarter steps keep two decimals")
        << -0.45 << 0.7 << 6 << -0.5 << 0.75
        << QStringList{"\u22120.50", "\u22120.25", "0.00", "0.25", "0.50", "0.75"};
    QTest::newRow("large counts with separators")
        << 0.0 << 41000.0 << 6 << 0.0 << 50000.0
        << QStringList{"0", "10,000", "20,000", "30,000", "40,000", "50,000"};
    QTest::newRow("reversed input is sorted")
        << 3.0 << -1.0 << 5 << -1.0 << 3.0 << QStringList{"\u22121", "0", "1", "2", "3"};
}

void TestPlotDataAxis::linearAxes() {
    QFETCH(double, lower);
    QFETCH(double, upper);
    QFETCH(int, maxTicks);
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(QStringList, labels);
    const AxisScale axis = niceLinearAxis(lower, upper, maxTicks);
    EVIDENT_COMPARE_ABS(axis.min, min, 1e-12);
    EVIDENT_COMPARE_ABS(axis.max, max, 1e-12);
    QCOMPARE(labelsOf(axis), labels);
    QVERIFY(static_cast<int>(axis.ticks.size()) <= std::max(maxTicks, 2) + 1);
    QVERIFY(axis.min <= std::min(lower, upper) && axis.max >= std::max(lower, upper));
    QVERIFY(!axis.logarithmic);
}

void TestPlotDataAxis::degenerateRangesStillGiveAnAxis_data() {
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    QTest::newRow("single value 2") << 2.0 << 2.0;
    QTest::newRow("single value 0") << 0.0 << 0.0;
    QTest::newRow("NaN lower") << std::nan("") << 1.0;
    QTest::newRow("both infinite") << -qInf() << qInf();
}

void TestPlotDataAxis::degenerateRangesStillGiveAnAxis() {
    QFETCH(double, lower);
    QFETCH(double, upper);
    const AxisScale axis = niceLinearAxis(lower, upper, 6);
    QVERIFY(std::isfinite(axis.min) && std::isfinite(axis.max));
    QVERIFY(axis.max > axis.min);
    QVERIFY(axis.ticks.size() >= 2);
    if (std::isfinite(upper))
        QVERIFY(axis.min <= upper && axis.max >= upper);
}

void TestPlotDataAxis::tickLabels_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("step");
    QTest::addColumn<QString>("expected");
    QTest::newRow("true minus sign") << -0.5 << 0.5 << QStringLiteral("\u22120.5");
    QTest::newRow("zero never negative") << -1e-17 << 0.5 << QStringLiteral("0.0");
    QTest::newRow("step 0.25 gives two decimals") << 0.0 << 0.25 << QStringLiteral("0.00");
    QTest::newRow("whole numbers") << 250.0 << 50.0 << QStringLiteral("250");
    QTest::newRow("four digits without separator") << 2500.0 << 500.0 << QStringLiteral("2500");
    QTest::newRow("five digits with separator") << 12500.0 << 2500.0 << QStringLiteral("12,500");
    QTest::newRow("negative with separator") << -20000.0 << 10000.0 << QStringLiteral("\u221220,000");
}

void TestPlotDataAxis::tickLabels() {
    QFETCH(double, value);
    QFETCH(double, step);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(tickLabel(value, step)), expected);
}

void TestPlotDataAxis::ratioAxes_data() {
    QTest::addColumn<double>("lowRatio");
    QTest::addColumn<double>("highRatio");
    QTest::addColumn<QStringList>("labels");
    QTest::newRow("narrow: 0.8 to 1.25") << 0.85 << 1.2 << QStringList{"0.8", "0.9", "1", "1.1", "1.25"};
    QTest::newRow("0.82 to 1.27 needs the next scale")
        << 0.82 << 1.27 << QStringList{"0.7", "0.85", "1", "1.2", "1.5"};
    QTest::newRow("RevMan's 0.5 to 2") << 0.55 << 1.29 << QStringList{"0.5", "0.7", "1", "1.5", "2"};
    QTest::newRow("wide: 0.05 to 20") << 0.05 << 20.0 << QStringList{"0.05", "0.2", "1", "5", "20"};
    QTest::newRow("very wide: powers of ten")
        << 0.004 << 300.0 << QStringList{"0.001", "0.01", "0.1", "1", "10", "100", "1000"};
    QTest::newRow("beyond 1000: 1-2-5 thinned around 1")
        << 0.0002 << 3000.0 << QStringList{"0.001", "0.01", "0.1", "1", "10", "100", "1000"};
}

void TestPlotDataAxis::ratioAxes() {
    QFETCH(double, lowRatio);
    QFETCH(double, highRatio);
    QFETCH(QStringList, labels);
    const AxisScale axis = niceRatioAxis(std::log(lowRatio), std::log(highRatio), 9);
    QVERIFY(axis.logarithmic);
    QVERIFY(axis.min <= std::log(lowRatio) + 1e-12 && axis.max >= std::log(highRatio) - 1e-12);
    QCOMPARE(labelsOf(axis), labels);
    for (const AxisTick& tick : axis.ticks)
        EVIDENT_COMPARE_REL(std::exp(tick.value), QString::fromStdString(tick.label).toDouble(), 1e-12);
}

void TestPlotDataAxis::fewerTicksKeepTheRangeAndTheNull_data() {
    QTest::addColumn<bool>("ratio");
    QTest::addColumn<int>("maxTicks");
    QTest::newRow("linear to 4") << false << 4;
    QTest::newRow("linear to 2") << false << 2;
    QTest::newRow("ratio to 5") << true << 5;
    QTest::newRow("ratio to 3") << true << 3;
}

void TestPlotDataAxis::fewerTicksKeepTheRangeAndTheNull() {
    QFETCH(bool, ratio);
    QFETCH(int, maxTicks);
    const AxisScale axis =
        ratio ? niceRatioAxis(std::log(0.01), std::log(100.0), 20) : niceLinearAxis(-4, 4, 9);
    const AxisScale fewer = withFewerTicks(axis, maxTicks);
    QCOMPARE(fewer.min, axis.min);
    QCOMPARE(fewer.max, axis.max);
    QVERIFY(static_cast<int>(fewer.ticks.size()) <= maxTicks);
    QVERIFY(!fewer.ticks.empty());
    bool hasNull = false;
    for (const AxisTick& tick : fewer.ticks) {
        QVERIFY(tick.value >= axis.min - 1e-12 && tick.value <= axis.max + 1e-12);
        hasNull = hasNull || std::abs(tick.value) < 1e-12;
    }
    if (ratio || maxTicks > 2)
        QVERIFY2(hasNull, "the tick of no effect stays");
}

void TestPlotDataAxis::rasterPixels_data() {
    QTest::addColumn<double>("mm");
    QTest::addColumn<double>("dpi");
    QTest::addColumn<int>("pixels");
    QTest::newRow("single column at 300 dpi") << 85.0 << 300.0 << 1004;
    QTest::newRow("double column at 300 dpi") << 175.0 << 300.0 << 2067;
    QTest::newRow("double column at 600 dpi") << 175.0 << 600.0 << 4134;
    QTest::newRow("one inch at 72 dpi") << 25.4 << 72.0 << 72;
}

void TestPlotDataAxis::rasterPixels() {
    QFETCH(double, mm);
    QFETCH(double, dpi);
    QFETCH(int, pixels);
    QCOMPARE(pixelsForMm(mm, dpi), pixels);
}

QTEST_GUILESS_MAIN(TestPlotDataAxis)
#include "tst_plotdata_axis.moc"
