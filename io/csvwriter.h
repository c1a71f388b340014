// SPDX-License-Identifier: GPL-3.0-or-later
// Writing tables as CSV that spreadsheets and Evident's own importer read back (RFC 4180).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace evident::io {

/// A table of text: the header and its rows.
struct CsvContent {
    QStringList header;
    QList<QStringList> rows;
};

/// One field, quoted when it holds a comma, quote, line break or surrounding spaces.
QString csvField(const QString& text);

/// Comma-separated, CRLF line ends; a field with a comma, quote or line break is quoted with
/// doubled quotes.
QString toCsv(const QStringList& header, const QList<QStringList>& rows);

/// Writes the table atomically as UTF-8 with a byte-order mark (so Excel reads "µg" right).
/// Returns an empty string, or what went wrong.
QString writeCsvFile(const QString& path, const QStringList& header, const QList<QStringList>& rows);

} // namespace evident::io
