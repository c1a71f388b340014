// SPDX-License-Identifier: GPL-3.0-or-later
// Delimited-text parsing: delimiter detection, quoting, line numbers and malformed files.
#include "io/csvtable.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QTemporaryDir>

using namespace evident::io;

class TestCsvTable : public QObject {
    Q_OBJECT
private slots:
    void detectsDelimiter_data();
    void detectsDelimiter();
    void quotedFieldsAndLineNumbers();
    void malformedFilesGiveLineNumbers_data();
    void malformedFilesGiveLineNumbers();
    void decodesBytes_data();
    void decodesBytes();
    void lineEnds_data();
    void lineEnds();
    void readsAWindows1252FileWithANote();
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

Q_DECLARE_METATYPE(evident::io::TextEncoding)

void TestCsvTable::decodesBytes_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<TextEncoding>("encoding");
    QTest::addColumn<QString>("text");  // expected text (empty when an error is expected)
    QTest::addColumn<QString>("note");  // a part of the expected note, or empty for none
    QTest::addColumn<QString>("error"); // a part of the expected error, or empty for none
    const auto automatic = TextEncoding::Automatic;
    // "Aé 2010": é is C3 A9 in UTF-8 and E9 in Windows-1252 and Latin-1.
    const QString accented = QStringLiteral("A\u00e9 2010");
    QTest::newRow("UTF-8") << QByteArray("A\xC3\xA9 2010") << automatic << accented << ""
                           << "";
    QTest::newRow("UTF-8 byte-order mark is dropped") << QByteArray("\xEF\xBB\xBF"
                                                                    "A\xC3\xA9 2010")
                                                      << automatic << accented << ""
                                                      << "";
    QTest::newRow("UTF-8 byte-order mark, UTF-8 chosen") << QByteArray("\xEF\xBB\xBF"
                                                                       "A\xC3\xA9 2010")
                                                         << TextEncoding::Utf8 << accented << ""
                                                         << "";
    QTest::newRow("Windows-1252 from Excel is read as such, with a note")
        << QByteArray("study\nA\xE9 2010\n") << automatic << QStringLiteral("study\nA\u00e9 2010\n")
        << "line 2 is the first with a byte that is not valid UTF-8), so it was read as Windows-1252"
        << "";
    QTest::newRow("Windows-1252 quotes and the euro sign")
        << QByteArray("\x93x\x94 \x80 \x96") << automatic << QStringLiteral("\u201cx\u201d \u20ac \u2013")
        << "Windows-1252"
        << "";
    QTest::newRow("Windows-1252 chosen")
        << QByteArray("A\xE9 2010") << TextEncoding::Windows1252 << accented << ""
        << "";
    QTest::newRow("Latin-1 chosen") << QByteArray("A\xE9 2010") << TextEncoding::Latin1 << accented << ""
                                    << "";
    QTest::newRow("Latin-1 keeps 0x80 as a control character")
        << QByteArray("\x80") << TextEncoding::Latin1 << QStringLiteral("\u0080") << ""
        << "";
    QTest::newRow("UTF-8 chosen but not UTF-8: an error naming the line, nothing mangled")
        << QByteArray("study\nok\nA\xE9 2010\n") << TextEncoding::Utf8 << QString() << ""
        << "The file is not valid UTF-8 text: line 3 has a byte that is not";
    QTest::newRow("truncated UTF-8 sequence")
        << QByteArray("A\xC3") << automatic << QStringLiteral("A\u00c3") << "Windows-1252"
        << "";
    QTest::newRow("UTF-16 (little-endian) with its byte-order mark")
        << QByteArray("\xFF\xFE"
                      "A\0\xE9\0",
                      6)
        << automatic << QStringLiteral("A\u00e9") << ""
        << "";
    QTest::newRow("UTF-16 (big-endian) with its byte-order mark")
        << QByteArray("\xFE\xFF\0A\0\xE9", 6) << automatic << QStringLiteral("A\u00e9") << ""
        << "";
}

void TestCsvTable::decodesBytes() {
    QFETCH(QByteArray, bytes);
    QFETCH(TextEncoding, encoding);
    QFETCH(QString, text);
    QFETCH(QString, note);
    QFETCH(QString, error);
    const DecodedText decoded = decodeText(bytes, encoding);
    QCOMPARE(decoded.text, text);
    if (note.isEmpty())
        QCOMPARE(decoded.note, QString());
    else
        QVERIFY2(decoded.note.contains(note), qPrintable(decoded.note));
    if (error.isEmpty())
        QCOMPARE(decoded.error, QString());
    else
        QVERIFY2(decoded.error.contains(error), qPrintable(decoded.error));
}

void TestCsvTable::lineEnds_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("LF (Unix)") << QByteArray("study,n\nA,1\nB,2\n");
    QTest::newRow("CR LF (Windows)") << QByteArray("study,n\r\nA,1\r\nB,2\r\n");
    QTest::newRow("CR alone (old Mac)") << QByteArray("study,n\rA,1\rB,2\r");
    QTest::newRow("CR alone, no final line end") << QByteArray("study,n\rA,1\rB,2");
    QTest::newRow("CR alone with a blank line") << QByteArray("study,n\rA,1\r\rB,2\r");
}

void TestCsvTable::lineEnds() {
    QFETCH(QByteArray, bytes);
    const CsvParseResult result = parseCsvBytes(bytes);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.table.header, (QStringList{QStringLiteral("study"), QStringLiteral("n")}));
    QCOMPARE(result.table.records.size(), 2);
    QCOMPARE(result.table.records[1], (QStringList{QStringLiteral("B"), QStringLiteral("2")}));
    QCOMPARE(result.table.recordLines.front(), 2);
}

void TestCsvTable::readsAWindows1252FileWithANote() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("excel.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("study;n\r\nM\xFCller 2010;8\r\n"); // "Müller" saved by Excel on Windows
    file.close();
    const CsvParseResult automatic = readCsvFile(path);
    QVERIFY2(automatic.error.isEmpty(), qPrintable(automatic.error));
    QCOMPARE(automatic.table.records.front().front(), QStringLiteral("M\u00fcller 2010"));
    QCOMPARE(automatic.notes.size(), 1);
    const CsvParseResult utf8 = readCsvFile(path, TextEncoding::Utf8);
    QVERIFY(utf8.error.contains(QStringLiteral("line 2")));
    QVERIFY(utf8.table.records.isEmpty());
}

QTEST_GUILESS_MAIN(TestCsvTable)
#include "tst_csvtable.moc"
