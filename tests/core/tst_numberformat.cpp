// SPDX-License-Identifier: GPL-3.0-or-later
// Number and P-value formatting in reports and on plots.
#include "core/report/numberformat.h"
#include "tests/support/testsupport.h"

using namespace evident;

class TestNumberFormat : public QObject {
    Q_OBJECT
private slots:
    void pValues_data();
    void pValues();
    void fixed_data();
    void fixed();
};

void TestNumberFormat::pValues_data() {
    QTest::addColumn<double>("p");
    QTest::addColumn<QString>("text");
    QTest::newRow("tiny") << 3e-9 << "< 0.00001";
    QTest::newRow("below 0.001") << 0.00023 << "0.0002";
    QTest::newRow("three decimals") << 0.0231 << "0.023";
    QTest::newRow("just below 0.05 keeps its side") << 0.04996 << "0.0500";
    QTest::newRow("just above 0.05") << 0.0504 << "0.050";
    QTest::newRow("two decimals") << 0.6612 << "0.66";
    QTest::newRow("one") << 1.0 << "1.00";
    QTest::newRow("nan") << std::nan("") << "NA";
}

void TestNumberFormat::pValues() {
    QFETCH(double, p);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(formatPValue(p)), text);
}

void TestNumberFormat::fixed_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("text");
    QTest::newRow("negative uses a minus sign") << -0.5371 << 2 << "\u22120.54";
    QTest::newRow("no negative zero") << -0.001 << 2 << "0.00";
    QTest::newRow("positive") << 3.785 << 1 << "3.8";
}

void TestNumberFormat::fixed() {
    QFETCH(double, value);
    QFETCH(int, decimals);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(formatFixed(value, decimals)), text);
}

QTEST_GUILESS_MAIN(TestNumberFormat)
#include "tst_numberformat.moc"
