// SPDX-License-Identifier: GPL-3.0-or-later
// Kendall's tau and its p-values against R 4.2.2 cor.test(x, y, method = "kendall", exact = TRUE)
// (which metafor's ranktest() calls) and R's internal exact distribution (stats:::C_pKendall).
#include "core/bias/kendall.h"
#include "tests/support/testsupport.h"

#include <vector>

using namespace evident;
using Values = std::vector<double>;
Q_DECLARE_METATYPE(Values)

class TestKendall : public QObject {
    Q_OBJECT
private slots:
    void matchesCorTest_data();
    void matchesCorTest();
    void exactDistribution_data();
    void exactDistribution();
    void constantVariableGivesNaN();
};

void TestKendall::matchesCorTest_data() {
    QTest::addColumn<Values>("x");
    QTest::addColumn<Values>("y");
    QTest::addColumn<double>("tau");
    QTest::addColumn<double>("p");
    QTest::addColumn<bool>("exact");
    QTest::newRow("no ties, n = 8: exact p") << Values{0.5, 1.2, -0.3, 2.2, 0.9, 1.7, 0.1, 3.3}
                                             << Values{0.11, 0.25, 0.09, 0.31, 0.22, 0.4, 0.05, 0.5}
                                             << 0.8571428571428571 << 0.0017361111111111605 << true;
    QTest::newRow("ties: normal approximation with tie-corrected variance")
        << Values{1, 2, 2, 3, 4, 4, 4, 5, 6, 7} << Values{3, 1, 2, 2, 5, 6, 4, 8, 7, 9} << 0.75341057495681774
        << 0.0034088136689767552 << false;
    QTest::newRow("no ties, n = 60: exact p (R uses exact = TRUE as metafor asks)")
        << Values{-0.62645381074233242,  0.18364332422208224,   -0.83562861241004716, 1.5952808021377916,
                  0.32950777181536051,   -0.82046838411801526,  0.48742905242848528,  0.73832470512921733,
                  0.57578135165349231,   -0.30538838715635602,  1.511781168450848,    0.38984323641143109,
                  -0.62124058054180376,  -2.2146998871774999,   1.1249309181431082,   -0.044933609015230851,
                  -0.016190263098946087, 0.94383621068529922,   0.82122119509808855,  0.59390132121750883,
                  0.91897737160821824,   0.7821363007310671,    0.074564983365190601, -1.9893516958633728,
                  0.61982574789471023,   -0.056128739529000785, -0.1557955067053293,  -1.4707523838992744,
                  -0.47815005510862035,  0.41794156019970241,   1.358679551529044,    -0.10278772734299552,
                  0.38767161155936913,   -0.053805040582905118, -1.3770595568286066,  -0.41499456329967976,
                  -0.39428995371034931,  -0.059313396711185663, 1.1000253719838831,   0.76317574845754421,
                  -0.1645235962535869,   -0.25336168013650756,  0.69696337540473741,  0.55666319867365732,
                  -0.6887556945495199,   -0.70749515696211962,  0.36458196213683031,  0.76853292451541577,
                  -0.11234621215022805,  0.88110772645421476,   0.39810588036706807,  -0.61202639325077124,
                  0.34111969142442478,   -1.1293630960807926,   1.433023701701037,    1.98039989850586,
                  -0.36722147646650904,  -1.0441346263165308,   0.56971962744241289,  -0.13505460388082435}
        << Values{2.2136816172820768,   0.015852994533455428,  0.4390507787277626,   0.50658639942200345,
                  -0.64442087733779718, -0.057348215721061663, -1.6587299131624922,  1.6870522731016511,
                  0.32598774370794537,  2.0809951542152461,    0.92904387943491695,  -0.59299345999838526,
                  0.42435417932651376,  -1.5985075977975014,   -0.91615412479616964, 0.27796615281289361,
                  -0.44814895214811684, 0.28425621483721386,   0.32070768268109062,  -0.41135054982281927,
                  -0.29297552133603649, 0.099462275095488051,  1.2004564915827616,   -2.1203723091887738,
                  0.77989391199683467,  0.31611174935481806,   1.0163611852647638,   -0.74540963880408295,
                  0.22657379338370207,  0.39248125883214174,   -0.13491616553293717, 1.1770314877802737,
                  1.2767040991627623,   0.68407213734012662,   1.1737155874922636,   0.43398805657540002,
                  -1.3948791945711414,  -0.59105943325024191,  -0.89460500330319093, -0.24444791190204831,
                  -0.6697237561002003,  -0.03389263089671702,  -0.7018326359310243,  0.32502773200617219,
                  -0.86121135228367374, 1.5550387222840101,    0.82608206465825484,  1.140734106849852,
                  0.35048149418127617,  1.9465083984556828,    -0.51630468983885658, -0.64525264833579743,
                  1.5346181459689903,   -0.98950528213460442,  0.22252636690834568,  0.20131204010977405,
                  -0.43015931148845954, -0.59235369087151812,  0.66510421950055088,  -0.21784686343385368}
        << 0.096045197740112997 << 0.28242422964470926 << true;
}

void TestKendall::matchesCorTest() {
    QFETCH(Values, x);
    QFETCH(Values, y);
    QFETCH(double, tau);
    QFETCH(double, p);
    QFETCH(bool, exact);
    const KendallCorrelation result = kendallCorrelation(x, y);
    EVIDENT_COMPARE_REL(result.tau, tau, 1e-12);
    EVIDENT_COMPARE_REL(result.p, p, 1e-10);
    QCOMPARE(result.exact, exact);
}

void TestKendall::exactDistribution_data() {
    QTest::addColumn<double>("q");
    QTest::addColumn<int>("n");
    QTest::addColumn<double>("cdf");
    QTest::newRow("P(T <= 10), n = 8") << 10.0 << 8 << 0.19937996031746033;
    QTest::newRow("P(T <= 3), n = 5") << 3.0 << 5 << 0.24166666666666667;
    QTest::newRow("P(T <= 700), n = 60") << 700.0 << 60 << 0.0090710535217563924;
}

void TestKendall::exactDistribution() {
    QFETCH(double, q);
    QFETCH(int, n);
    QFETCH(double, cdf);
    EVIDENT_COMPARE_REL(kendallExactCdf(q, static_cast<std::size_t>(n)), cdf, 1e-10);
}

void TestKendall::constantVariableGivesNaN() {
    const Values x{1, 2, 3, 4};
    const Values y{5, 5, 5, 5};
    QVERIFY(std::isnan(kendallCorrelation(x, y).tau));
}

QTEST_GUILESS_MAIN(TestKendall)
#include "tst_kendall.moc"
