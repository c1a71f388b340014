// SPDX-License-Identifier: GPL-3.0-or-later
// Standard study characteristics and the outcome-direction sentence of the reports.
#include "core/project/characteristics.h"
#include "core/report/manuscripttext.h"
#include "tests/support/testsupport.h"

using namespace evident;

class TestCharacteristics : public QObject {
    Q_OBJECT
private slots:
    void standardCharacteristicsAreFound_data();
    void standardCharacteristicsAreFound();
    void numericCharacteristicsCheckValues();
    void directionSentences_data();
    void directionSentences();
};

void TestCharacteristics::standardCharacteristicsAreFound_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("numeric");
    QTest::addColumn<QString>("firstSuggestion");
    QTest::newRow("species") << "species" << false << "rat";
    QTest::newRow("EV source") << " EV Source " << false << "BMSC";
    QTest::newRow("route") << "Route" << false << "intrauterine";
    QTest::newRow("dose") << "Dose" << true << "";
    QTest::newRow("follow-up") << "Follow-up" << true << "";
}

void TestCharacteristics::standardCharacteristicsAreFound() {
    QFETCH(QString, name);
    QFETCH(bool, numeric);
    QFETCH(QString, firstSuggestion);
    const StudyCharacteristic* characteristic = findCharacteristic(name.toStdString());
    QVERIFY(characteristic);
    QCOMPARE(characteristic->numeric, numeric);
    QCOMPARE(characteristic->suggestions.empty()
                 ? QString()
                 : QString::fromUtf8(characteristic->suggestions.front().data(),
                                     qsizetype(characteristic->suggestions.front().size())),
             firstSuggestion);
    QCOMPARE(standardCharacteristics().size(), std::size_t(12));
    QVERIFY(!findCharacteristic("year"));
}

void TestCharacteristics::numericCharacteristicsCheckValues() {
    const StudyCharacteristic& followUp = *findCharacteristic("Follow-up");
    QVERIFY(!checkCharacteristicValue(followUp, "14"));
    QVERIFY(!checkCharacteristicValue(followUp, ""));
    QCOMPARE(*checkCharacteristicValue(followUp, "two weeks"),
             std::string("Follow-up is a number of days: 'two weeks' is not a number"));
    QVERIFY(!checkCharacteristicValue(*findCharacteristic("Species"), "guinea pig")); // free text is allowed
}

void TestCharacteristics::directionSentences_data() {
    QTest::addColumn<int>("measure");
    QTest::addColumn<bool>("lowerIsBetter");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("fibrosis, SMD")
        << int(EffectMeasure::SMD) << true
        << "Lower values are better for this outcome: a negative SMD favours the treatment.";
    QTest::newRow("glands, MD")
        << int(EffectMeasure::MD) << false
        << "Higher values are better for this outcome: a positive MD favours the treatment.";
    QTest::newRow("ratio of means")
        << int(EffectMeasure::ROM) << true
        << "Lower values are better for this outcome: a ratio below 1 favours the treatment.";
    QTest::newRow("NMD ignores direction")
        << int(EffectMeasure::NMD) << true
        << "A positive NMD is an improvement: the treated group is closer to the sham (normal) value.";
}

void TestCharacteristics::directionSentences() {
    QFETCH(int, measure);
    QFETCH(bool, lowerIsBetter);
    QFETCH(QString, sentence);
    QCOMPARE(QString::fromStdString(directionSentence(static_cast<EffectMeasure>(measure), lowerIsBetter)),
             sentence);
}

QTEST_GUILESS_MAIN(TestCharacteristics)
#include "tst_characteristics.moc"
