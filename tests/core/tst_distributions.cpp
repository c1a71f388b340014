// SPDX-License-Identifier: GPL-3.0-or-later
// The distribution wrappers against R 4.2.2 (qnorm, pnorm, qchisq, pchisq, qt, pt, pf; values
// printed with sprintf("%.17g")).
#include "core/common/distributions.h"
#include "tests/support/testsupport.h"

#include <functional>

using namespace evident;

class TestDistributions : public QObject {
    Q_OBJECT
private slots:
    void matchesR_data();
    void matchesR();
    void edgeCasesGiveNaNOrLimits();
};

void TestDistributions::matchesR_data() {
    QTest::addColumn<std::function<double()>>("compute");
    QTest::addColumn<double>("expected");
    QTest::newRow("qnorm(0.975)") << std::function<double()>([] { return normalQuantile(0.975); })
                                  << 1.9599639845400536;
    QTest::newRow("pnorm(-8)") << std::function<double()>([] { return normalCdf(-8); })
                               << 6.2209605742717849e-16;
    QTest::newRow("upper tail 8") << std::function<double()>([] { return normalUpperTail(8); })
                                  << 6.2209605742717849e-16;
    QTest::newRow("2*pnorm(-1.5)") << std::function<double()>([] { return normalTwoSidedP(1.5); })
                                   << 0.13361440253771614;
    QTest::newRow("qchisq(0.975,5)") << std::function<double()>([] { return chiSquaredQuantile(0.975, 5); })
                                     << 12.832501994030025;
    QTest::newRow("qchisq(0.025,1)") << std::function<double()>([] { return chiSquaredQuantile(0.025, 1); })
                                     << 0.00098206911717525617;
    QTest::newRow("pchisq(40,3,upper)")
        << std::function<double()>([] { return chiSquaredUpperTail(40, 3); }) << 1.0655090334255863e-08;
    QTest::newRow("qt(0.975,3)") << std::function<double()>([] { return studentTQuantile(0.975, 3); })
                                 << 3.1824463052837078;
    QTest::newRow("2*pt(-2.5,7)") << std::function<double()>([] { return studentTTwoSidedP(-2.5, 7); })
                                  << 0.040992218585752874;
    QTest::newRow("pf(3.2,2,10,upper)")
        << std::function<double()>([] { return fUpperTail(3.2, 2, 10); }) << 0.0842909133538738;
}

void TestDistributions::matchesR() {
    QFETCH(std::function<double()>, compute);
    QFETCH(double, expected);
    EVIDENT_COMPARE_REL(compute(), expected, 1e-12);
}

void TestDistributions::edgeCasesGiveNaNOrLimits() {
    QVERIFY(std::isnan(normalQuantile(1.5)));
    QVERIFY(std::isinf(normalQuantile(1.0)) && normalQuantile(1.0) > 0);
    QVERIFY(std::isnan(chiSquaredUpperTail(3, 0)));
    QCOMPARE(chiSquaredUpperTail(-1, 2), 1.0);
    QVERIFY(std::isnan(studentTQuantile(0.975, 0)));
    QCOMPARE(normalTwoSidedP(0), 1.0);
}

QTEST_GUILESS_MAIN(TestDistributions)
#include "tst_distributions.moc"
