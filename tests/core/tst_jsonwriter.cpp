// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON writer behind the public output: exact numbers, null for non-finite values, valid escaping.
#include "core/common/json.h"
#include "tests/support/testsupport.h"

#include <limits>

using namespace evident;

class TestJsonWriter : public QObject {
    Q_OBJECT
private slots:
    void numbersRoundTrip_data();
    void numbersRoundTrip();
    void nonFiniteIsNull();
    void stringsAreEscaped();
    void keysKeepTheirOrder();
};

void TestJsonWriter::numbersRoundTrip_data() {
    QTest::addColumn<double>("value");
    QTest::newRow("third") << 1.0 / 3.0;
    QTest::newRow("tiny p") << 1.0655090334255863e-08;
    QTest::newRow("negative") << -0.53710825840000001;
    QTest::newRow("integer") << 26.0;
    QTest::newRow("large") << 123456789.123456789;
}

void TestJsonWriter::numbersRoundTrip() {
    QFETCH(double, value);
    JsonValue object = JsonValue::object();
    object.set("x", value);
    const QJsonDocument parsed = QJsonDocument::fromJson(QByteArray::fromStdString(object.dump(0)));
    QVERIFY(parsed.isObject());
    QCOMPARE(parsed.object().value(QStringLiteral("x")).toDouble(), value); // exact: 17 significant digits
}

void TestJsonWriter::nonFiniteIsNull() {
    JsonValue object = JsonValue::object();
    object.set("nan", std::numeric_limits<double>::quiet_NaN());
    object.set("inf", std::numeric_limits<double>::infinity());
    object.set("none", std::optional<double>());
    QCOMPARE(QString::fromStdString(object.dump(0)),
             QStringLiteral(R"({"nan":null,"inf":null,"none":null})"));
}

void TestJsonWriter::stringsAreEscaped() {
    JsonValue array = JsonValue::array();
    array.push("quote \" backslash \\ newline \n tab \t bell \a");
    array.push("I² = 85% — Müller");
    const std::string text = array.dump(0);
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(parsed.array().at(0).toString(),
             QStringLiteral("quote \" backslash \\ newline \n tab \t bell \a"));
    QCOMPARE(parsed.array().at(1).toString(), QStringLiteral("I² = 85% — Müller"));
}

void TestJsonWriter::keysKeepTheirOrder() {
    JsonValue object = JsonValue::object();
    object.set("k", 3).set("estimate", 0.5).set("warnings", JsonValue::array());
    QCOMPARE(QString::fromStdString(object.dump(0)),
             QStringLiteral(R"({"k":3,"estimate":0.5,"warnings":[]})"));
}

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
