// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvwriter.h"

#include <QSaveFile>

namespace evident::io {
namespace {

QString line(const QStringList& fields) {
    QStringList quoted;
    for (const QString& text : fields)
        quoted.append(csvField(text));
    return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

} // namespace

QString csvField(const QString& value) {
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
                       || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'))
                       || value != value.trimmed(); // the reader trims unquoted fields
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString toCsv(const QStringList& header, const QList<QStringList>& rows) {
    QString text = line(header);
    for (const QStringList& row : rows)
        text += line(row);
    return text;
}

QString writeCsvFile(const QString& path, const QStringList& header, const QList<QStringList>& rows) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
    const QByteArray bytes = QByteArrayLiteral("\xEF\xBB\xBF") + toCsv(header, rows).toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace evident::io
