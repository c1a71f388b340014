// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvtable.h"

#include <QFile>

namespace evident::io {

QChar detectDelimiter(const QString& headerLine) {
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (const QChar c : headerLine) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && c == u',')
            ++commas;
        else if (!quoted && c == u';')
            ++semicolons;
        else if (!quoted && c == u'\t')
            ++tabs;
    }
    if (tabs >= commas && tabs >= semicolons && tabs > 0)
        return u'\t';
    if (semicolons > commas)
        return u';';
    return u',';
}

CsvParseResult parseCsv(const QString& input) {
    CsvParseResult result;
    QString text = input;
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const qsizetype firstBreak = text.indexOf(u'\n');
    const QChar delimiter = detectDelimiter(firstBreak < 0 ? text : text.left(firstBreak));
    result.table.delimiter = delimiter;

    QList<QStringList> rows;
    QList<int> rowLines;
    QStringList fields;
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    int line = 1;
    int rowStartLine = 1;
    bool rowHasContent = false;

    const auto endField = [&] {
        fields.append(fieldWasQuoted ? field : field.trimmed());
        field.clear();
        fieldWasQuoted = false;
    };
    const auto endRow = [&] {
        endField();
        const bool blank = !rowHasContent && fields.size() == 1 && fields.front().isEmpty();
        if (!blank) {
            rows.append(fields);
            rowLines.append(rowStartLine);
        }
        fields.clear();
        rowHasContent = false;
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == u'"' && field.trimmed().isEmpty()) {
            quoted = true;
            fieldWasQuoted = true;
            rowHasContent = true;
            field.clear();
        } else if (c == delimiter) {
            endField();
            rowHasContent = true;
        } else if (c == u'\r') {
            // Windows line ends: the '\n' that follows ends the row.
        } else if (c == u'\n') {
            endRow();
            ++line;
            rowStartLine = line;
        } else {
            field.append(c);
            if (!c.isSpace())
                rowHasContent = true;
        }
    }
    if (quoted) {
        result.error = QStringLiteral("Line %1: a quoted field is not closed before the end of the file.")
                           .arg(rowStartLine);
        return result;
    }
    if (rowHasContent || !field.isEmpty() || !fields.isEmpty())
        endRow();

    if (rows.isEmpty()) {
        result.error = QStringLiteral("The file is empty: there is no header row.");
        return result;
    }
    result.table.header = rows.takeFirst();
    rowLines.removeFirst();
    const qsizetype columns = result.table.header.size();
    for (qsizetype r = 0; r < rows.size(); ++r) {
        if (rows[r].size() != columns) {
            result.error = QStringLiteral("Line %1 has %2 fields, but the header has %3.")
                               .arg(rowLines[r])
                               .arg(rows[r].size())
                               .arg(columns);
            return result;
        }
    }
    result.table.records = std::move(rows);
    result.table.recordLines = std::move(rowLines);
    return result;
}

CsvParseResult readCsvFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        CsvParseResult result;
        result.error = QStringLiteral("Cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    return parseCsv(QString::fromUtf8(file.readAll()));
}

} // namespace evident::io
