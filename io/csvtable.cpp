// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvtable.h"

#include <QFile>
#include <QStringDecoder>

namespace evident::io {
namespace {

/// The 1-based line of the first replacement character a decoder put in for a bad byte.
int firstBadLine(const QString& text) {
    const qsizetype at = text.indexOf(QChar(QChar::ReplacementCharacter));
    return 1 + static_cast<int>(QStringView(text).left(at < 0 ? 0 : at).count(u'\n'));
}

/// Decodes `bytes` with `decoder`; `ok` is false when some byte is not valid in its encoding.
QString decodeWith(QStringDecoder decoder, QByteArrayView bytes, bool& ok) {
    QString text = decoder.decode(bytes);
    ok = decoder.isValid() && !decoder.hasError();
    return text;
}

/// The whole file is decoded at once: a sequence cut off at its end is an error, not kept for later.
constexpr QStringConverter::Flags whole = QStringConverter::Flag::Stateless;

QStringDecoder decoderFor(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::Latin1:
        return QStringDecoder(QStringConverter::Latin1, whole);
    case TextEncoding::Windows1252:
        return QStringDecoder("windows-1252", whole); // Qt has it through ICU
    case TextEncoding::Automatic:
    case TextEncoding::Utf8:
        break;
    }
    return QStringDecoder(QStringConverter::Utf8, whole);
}

} // namespace

QString textEncodingName(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::Automatic:
        return QStringLiteral("Automatic (UTF-8, else Windows-1252)");
    case TextEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case TextEncoding::Windows1252:
        return QStringLiteral("Windows-1252");
    case TextEncoding::Latin1:
        return QStringLiteral("Latin-1 (ISO 8859-1)");
    }
    return {};
}

DecodedText decodeText(const QByteArray& bytes, TextEncoding encoding) {
    DecodedText result;
    QByteArrayView view(bytes);
    const bool utf8Bom = view.startsWith("\xEF\xBB\xBF");
    if (encoding == TextEncoding::Automatic) {
        // A UTF-16 file (Excel's "Unicode text") says so with its byte-order mark.
        const bool le = view.startsWith("\xFF\xFE"), be = view.startsWith("\xFE\xFF");
        if (le || be) {
            bool ok = false;
            result.text =
                decodeWith(QStringDecoder(le ? QStringConverter::Utf16LE : QStringConverter::Utf16BE, whole),
                           view.sliced(2), ok);
            if (!ok)
                result.error = QStringLiteral("The file starts like UTF-16 text, but line %1 is not valid "
                                              "UTF-16.")
                                   .arg(firstBadLine(result.text));
            return result;
        }
    }
    if (utf8Bom && (encoding == TextEncoding::Automatic || encoding == TextEncoding::Utf8))
        view = view.sliced(3);
    bool ok = false;
    result.text = decodeWith(decoderFor(encoding), view, ok);
    if (ok)
        return result;
    const int line = firstBadLine(result.text);
    if (encoding == TextEncoding::Automatic && !utf8Bom) {
        for (TextEncoding fallback : {TextEncoding::Windows1252, TextEncoding::Latin1}) {
            result.text = decodeWith(decoderFor(fallback), view, ok);
            if (ok) {
                result.note = QStringLiteral("The file is not UTF-8 text (line %1 is the first with a byte "
                                             "that is not valid UTF-8), so it was read as %2%3. If letters "
                                             "look wrong, choose the file's encoding when importing it.")
                                  .arg(line)
                                  .arg(textEncodingName(fallback),
                                       fallback == TextEncoding::Windows1252
                                           ? QStringLiteral(", the encoding Excel uses on Windows")
                                           : QString());
                return result;
            }
        }
    }
    result.text.clear();
    result.error =
        QStringLiteral("The file is not valid %1 text: line %2 has a byte that is not. Choose "
                       "the file's encoding (UTF-8, Windows-1252 or Latin-1) when importing it.")
            .arg(textEncodingName(encoding == TextEncoding::Automatic ? TextEncoding::Utf8 : encoding))
            .arg(line);
    return result;
}

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
    // Every line end becomes '\n': Windows (CR LF) and old Mac (CR alone) files read alike.
    if (text.contains(u'\r')) {
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        text.replace(u'\r', u'\n');
    }
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

CsvParseResult parseCsvBytes(const QByteArray& bytes, TextEncoding encoding) {
    const DecodedText decoded = decodeText(bytes, encoding);
    if (!decoded.error.isEmpty()) {
        CsvParseResult result;
        result.error = decoded.error;
        return result;
    }
    CsvParseResult result = parseCsv(decoded.text);
    if (!decoded.note.isEmpty())
        result.notes.append(decoded.note);
    return result;
}

CsvParseResult readCsvFile(const QString& path, TextEncoding encoding) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        CsvParseResult result;
        result.error = QStringLiteral("Cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    return parseCsvBytes(file.readAll(), encoding);
}

} // namespace evident::io
