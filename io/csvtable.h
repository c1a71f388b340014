// SPDX-License-Identifier: GPL-3.0-or-later
// Reading delimited text (CSV, semicolon- or tab-separated) into a table of strings.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace evident::io {

struct CsvTable {
    QChar delimiter;
    QStringList header;
    QList<QStringList> records;
    QList<int> recordLines; ///< 1-based line in the file where each record starts
};

struct CsvParseResult {
    CsvTable table;
    QString error; ///< Empty on success; otherwise names the line and what is wrong
};

/// The delimiter (',', ';' or '\t') that occurs most often outside quotes on the header line.
QChar detectDelimiter(const QString& headerLine);

/// Parses RFC 4180-style text: quoted fields may hold delimiters, doubled quotes and line breaks.
/// A UTF-8 byte-order mark is dropped, blank lines are skipped, and a record with a different
/// number of fields than the header is an error naming its line.
CsvParseResult parseCsv(const QString& text);

/// Reads a file as UTF-8 and parses it.
CsvParseResult readCsvFile(const QString& path);

} // namespace evident::io
