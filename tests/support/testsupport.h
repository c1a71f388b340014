// SPDX-License-Identifier: GPL-3.0-or-later
// Shared helpers for Evident's Qt Test suites: tolerance comparisons and reference data.
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

#include <cmath>

namespace evident::test {

/// True when |actual − expected| <= relTol·|expected|, or <= absFloor where expected is ~0
/// (a relative tolerance is meaningless at zero). NaN never compares equal.
bool fuzzyEqual(double actual, double expected, double relTol, double absFloor = 1e-12);

/// Message for a failed comparison: "<what>: got X, expected Y (rel. error Z, tolerance T)".
QByteArray describeMismatch(const QString& what, double actual, double expected, double relTol);

/// Absolute path of a file under tests/ (the source tree).
QString testDataPath(const QString& relative);

/// Reads and parses a JSON file; fails the current test (returns an empty object) when unreadable.
QJsonDocument loadJson(const QString& path);

} // namespace evident::test

/// Compares two doubles with a relative tolerance and reports both values on failure.
#define EVIDENT_COMPARE_REL(actual, expected, relTol)                                                        \
    do {                                                                                                     \
        const double evidentActual_ = (actual);                                                              \
        const double evidentExpected_ = (expected);                                                          \
        if (!::evident::test::fuzzyEqual(evidentActual_, evidentExpected_, (relTol)))                        \
            QFAIL(::evident::test::describeMismatch(QStringLiteral(#actual), evidentActual_,                 \
                                                    evidentExpected_, (relTol))                              \
                      .constData());                                                                         \
    } while (false)

/// As EVIDENT_COMPARE_REL with a label, for loops over many values.
#define EVIDENT_COMPARE_REL_LABELLED(label, actual, expected, relTol)                                        \
    do {                                                                                                     \
        const double evidentActual_ = (actual);                                                              \
        const double evidentExpected_ = (expected);                                                          \
        if (!::evident::test::fuzzyEqual(evidentActual_, evidentExpected_, (relTol)))                        \
            QFAIL(::evident::test::describeMismatch((label), evidentActual_, evidentExpected_, (relTol))     \
                      .constData());                                                                         \
    } while (false)

/// Compares two doubles with an absolute tolerance.
#define EVIDENT_COMPARE_ABS(actual, expected, absTol)                                                        \
    do {                                                                                                     \
        const double evidentActual_ = (actual);                                                              \
        const double evidentExpected_ = (expected);                                                          \
        if (!(std::abs(evidentActual_ - evidentExpected_) <= (absTol)))                                      \
            QFAIL(qPrintable(QStringLiteral("%1: got %2, expected %3 (abs. tolerance %4)")                   \
                                 .arg(QStringLiteral(#actual))                                               \
                                 .arg(evidentActual_, 0, 'g', 17)                                            \
                                 .arg(evidentExpected_, 0, 'g', 17)                                          \
                                 .arg(double(absTol))));                                                     \
    } while (false)
