// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/testsupport.h"

#include <QFile>

namespace evident::test {

bool fuzzyEqual(double actual, double expected, double relTol, double absFloor) {
    if (std::isnan(actual) || std::isnan(expected))
        return false;
    if (std::isinf(expected))
        return actual == expected;
    const double difference = std::abs(actual - expected);
    return difference <= relTol * std::abs(expected) || difference <= absFloor;
}

QByteArray describeMismatch(const QString& what, double actual, double expected, double relTol) {
    const double relative =
        expected != 0 ? std::abs(actual - expected) / std::abs(expected) : std::abs(actual);
    return QStringLiteral("%1: got %2, expected %3 (rel. error %4, tolerance %5)")
        .arg(what)
        .arg(actual, 0, 'g', 17)
        .arg(expected, 0, 'g', 17)
        .arg(relative, 0, 'g', 3)
        .arg(relTol, 0, 'g', 3)
        .toUtf8();
}

QString testDataPath(const QString& relative) {
    return QStringLiteral(EVIDENT_TEST_DATA_DIR) + QLatin1Char('/') + relative;
}

QJsonDocument loadJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("Cannot open %s", qPrintable(path));
        return {};
    }
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("Cannot parse %s: %s", qPrintable(path), qPrintable(error.errorString()));
    return document;
}

} // namespace evident::test
