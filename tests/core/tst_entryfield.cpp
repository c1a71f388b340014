// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a number cell by its field's rule (core/schema/entryfield): the value, or the problem that
// rejects it naming the field and the value, or the note that keeps it with a caution. Bad input
// from papers and spreadsheets: text, decimal commas, negative spreads, absurd magnitudes (1e300, a
// billion animals), half an animal.
#include "core/schema/entryfield.h"

#include <QTest>

using namespace evident;

Q_DECLARE_METATYPE(evident::EntryField)

class TestEntryField : public QObject {
    Q_OBJECT
private slots:
    void cellsAreReadByTheirFieldsRule_data();
    void cellsAreReadByTheirFieldsRule();
};

void TestEntryField::cellsAreReadByTheirFieldsRule_data() {
    QTest::addColumn<EntryField>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<double>("value");    // when accepted
    QTest::addColumn<QString>("message"); // the problem (rejected) or the note (accepted; "" for none)
    const auto accept = [](const char* name, EntryField field, const char* text, double value,
                           const char* note = "") {
        QTest::newRow(name) << field << QString::fromUtf8(text) << true << value << QString::fromUtf8(note);
    };
    const auto reject = [](const char* name, EntryField field, const char* text, const char* problem) {
        QTest::newRow(name) << field << QString::fromUtf8(text) << false << 0.0 << QString::fromUtf8(problem);
    };
    accept("mean", EntryField::MeanTreated, "12.5", 12.5);
    accept("negative mean", EntryField::MeanControl, "-3", -3);
    accept("spaces around", EntryField::SdTreated, " 2.0 ", 2.0);
    accept("exponent", EntryField::SdControl, "1.5e-3", 1.5e-3);
    accept("whole n", EntryField::NTreated, "8", 8);
    accept("half an animal", EntryField::NControl, "7.5", 7.5,
           "n (control) is not a whole number (7.5): check the paper");
    accept("largest n", EntryField::NTreated, "10000000", 1e7);
    accept("no events", EntryField::EventsTreated, "0", 0);
    accept("CI level", EntryField::CiLevelTreated, "90", 90);
    reject("empty", EntryField::MeanTreated, "", "Mean (treated) is missing");
    reject("text", EntryField::SdTreated, "n.r.", "SD (treated): 'n.r.' is not a number");
    reject("decimal comma", EntryField::MeanControl, "7,2",
           "Mean (control): '7,2' is not a number (use a point as the decimal separator)");
    reject("infinity", EntryField::MeanTreated, "inf", "Mean (treated): 'inf' is not a number");
    reject("not a number", EntryField::MeanTreated, "nan", "Mean (treated): 'nan' is not a number");
    reject("negative SD", EntryField::SdTreated, "-1.2", "SD (treated) must be greater than 0 (got -1.2)");
    reject("zero SD", EntryField::SdControl, "0", "SD (control) must be greater than 0 (got 0)");
    reject("mean of 1e300", EntryField::MeanTreated, "1e300",
           "Mean (treated) must be at most 1e+15 in magnitude (got 1e+300)");
    reject("mean of -1e300", EntryField::MeanControl, "-1e300",
           "Mean (control) must be at most 1e+15 in magnitude (got -1e+300)");
    reject("SD of 1e300", EntryField::SdTreated, "1e300",
           "SD (treated) must be at most 1e+15 in magnitude (got 1e+300)");
    reject("one animal", EntryField::NTreated, "1", "n (treated) must be at least 2 (got 1)");
    reject("a billion animals", EntryField::NControl, "1e9",
           "n (control) must be at most 1e+07 animals (got 1e+09)");
    reject("n of 1e20", EntryField::NTreated, "1e20",
           "n (treated) must be at most 1e+07 animals (got 1e+20)");
    reject("negative events", EntryField::EventsControl, "-1",
           "Events (control) must be at least 0 (got -1)");
    reject("half an event", EntryField::EventsTreated, "2.5",
           "Events (treated) must be a whole number (got 2.5)");
    reject("empty group", EntryField::TotalTreated, "0", "Total (treated) must be at least 1 (got 0)");
    reject("total of 1e20", EntryField::TotalControl, "1e20",
           "Total (control) must be at most 1e+07 animals (got 1e+20)");
    reject("CI level of 100", EntryField::CiLevelControl, "100", "must be below 100%");
}

void TestEntryField::cellsAreReadByTheirFieldsRule() {
    QFETCH(EntryField, field);
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    QFETCH(double, value);
    QFETCH(QString, message);
    const CellReading reading = readField(text.toStdString(), field);
    QCOMPARE(reading.value.has_value(), accepted);
    if (accepted) {
        QCOMPARE(*reading.value, value);
        QVERIFY2(reading.problem.empty(), reading.problem.c_str());
        QCOMPARE(QString::fromStdString(reading.note), message);
    } else {
        QVERIFY2(QString::fromStdString(reading.problem).contains(message), reading.problem.c_str());
    }
}

QTEST_APPLESS_MAIN(TestEntryField)
#include "tst_entryfield.moc"
