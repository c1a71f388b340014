// SPDX-License-Identifier: GPL-3.0-or-later
// Delimited-text parsing: delimiter detection, quoting, line numbers and malformed files.
#include "io/csvtable.h"
#include "tests/support/testsupport.h"

using namespace evident::io;

class TestCsvTable : public QObject {
    Q_OBJECT
private slots:
    void detectsDelimiter_data();
    void detectsDelimiter();
    void quotedFieldsAndLineNumbers();
    void malformedFilesGiveLineNumbers_data();
    void malformedFilesGiveLineNumbers();
};

void TestCsvTable::detectsDelimiter_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("delimiter");
    QTest::newRow("comma") << "study,mean_t,sd_t\nA,1,2\n"
                           << ",";
    QTest::newRow("semicolon (European spreadsheets)") << "study;mean_t;sd_t\nA;1,5;2\n"
                                                       << ";";
    QTest::newRow("tab (pasted from a spreadsheet)") << "study\tmean_t\tsd_t\nA\t1\t2\n"
                                                     << "\t";
    QTest::newRow("comma inside quotes is not a delimiter") << "\"a,b\";\"c,d\";e\n1;2;3\n"
                                                            << ";";
}

void TestCsvTable::detectsDelimiter() {
    QFETCH(QString, text);
    QFETCH(QString, delimiter);
    const CsvParseResult result = parseCsv(text);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(QString(result.table.delimiter), delimiter);
    QCOMPARE(result.table.header.size(), 3);
}

void TestCsvTable::quotedFieldsAndLineNumbers() {
    const QString text = QStringLiteral("\xFEFF"
                                        "study,notes,n\r\n"
                                        "\"Smith, 2019\",\"two\nlines\",8\r\n"
                                        "\r\n"
                                        "Jones 2020,\"said \"\"yes\"\"\",  9  \r\n");
    const CsvParseResult result = parseCsv(text);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.table.header,
             (QStringList{QStringLiteral("study"), QStringLiteral("notes"), QStringLiteral("n")}));
    QCOMPARE(result.table.records.size(), 2);
    QCOMPARE(result.table.records[0][0], QStringLiteral("Smith, 2019"));
    QCOMPARE(result.table.records[0][1], QStringLiteral("two\nlines"));
    QCOMPARE(result.table.records[1][1], QStringLiteral("said \"yes\""));
    QCOMPARE(result.table.records[1][2], QStringLiteral("9"));
    QCOMPARE(result.table.recordLines, (QList<int>{2, 5}));
}

void TestCsvTable::malformedFilesGiveLineNumbers_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty file") << ""
                                << "The file is empty: there is no header row.";
    QTest::newRow("short row") << "a,b,c\n1,2,3\n4,5\n"
                               << "Line 3 has 2 fields, but the header has 3.";
    QTest::newRow("unclosed quote") << "a,b\n1,\"open\n"
                                    << "Line 2: a quoted field is not closed before the end of the file.";
}

void TestCsvTable::malformedFilesGiveLineNumbers() {
    QFETCH(QString, text);
    QFETCH(QString, error);
    QCOMPARE(parseCsv(text).error, error);
}

QTEST_GUILESS_MAIN(TestCsvTable)
#include "tst_csvtable.moc"
