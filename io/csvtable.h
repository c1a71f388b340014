// SPDX-License-Identifier: GPL-3.0-or-later
// Reading delimited text (CSV, semicolon- or tab-separated) into a table of strings.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>

namespace evident::io {

/// The text encodings a CSV file may be read in. Automatic reads UTF-8 (or UTF-16 with its
/// byte-order mark) and falls back to Windows-1252, the encoding Excel uses on Windows, saying so.
enum class TextEncoding { Automatic, Utf8, Windows1252, Latin1 };
inline constexpr std::array allTextEncodings{TextEncoding::Automatic, TextEncoding::Utf8,
                                             TextEncoding::Windows1252, TextEncoding::Latin1};

/// The encoding's name for messages and the import dialog ("Windows-1252").
QString textEncodingName(TextEncoding encoding);

struct DecodedText {
    QString text;  ///< Without a byte-order mark
    QString note;  ///< How the bytes were read, when the user should know (a fallback), or empty
    QString error; ///< Empty on success; otherwise why the bytes are not text in that encoding
};

/// Decodes a file's bytes. Never mangles silently: bytes that are not valid in the chosen encoding
/// are an error naming the first line that has one, and the automatic fallback is a note.
DecodedText decodeText(const QByteArray& bytes, TextEncoding encoding);

struct CsvTable {
    QChar delimiter;
    QStringList header;
    QList<QStringList> records;
    QList<int> recordLines; ///< 1-based line in the file where each record starts
};

struct CsvParseResult {
    CsvTable table;
    QString error;     ///< Empty on success; otherwise names the line and what is wrong
    QStringList notes; ///< How the file was read, when the user should know (its encoding)
};

/// The delimiter (',', ';' or '\t') that occurs most often outside quotes on the header line.
QChar detectDelimiter(const QString& headerLine);

/// Parses RFC 4180-style text: quoted fields may hold delimiters, doubled quotes and line breaks.
/// A UTF-8 byte-order mark is dropped, blank lines are skipped, lines may end in LF, CR LF or CR
/// alone (old Mac files), and a record with a different number of fields than the header is an
/// error naming its line.
CsvParseResult parseCsv(const QString& text);

/// Decodes (decodeText) and parses a file's bytes; the encoding note, if any, is in `notes`.
CsvParseResult parseCsvBytes(const QByteArray& bytes, TextEncoding encoding = TextEncoding::Automatic);

/// Reads a file and parses it (parseCsvBytes).
CsvParseResult readCsvFile(const QString& path, TextEncoding encoding = TextEncoding::Automatic);

} // namespace evident::io
