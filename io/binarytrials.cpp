// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/binarytrials.h"

#include "core/project/preparation.h"

#include <array>

namespace evident::io {
namespace {

struct BinaryColumn {
    const char* key;
    const char* alias;
    const char* what;
};

constexpr std::array<BinaryColumn, 4> binaryColumns{{
    {"events_t", "ai", "Events (treated)"},
    {"n_t", "n1i", "n (treated)"},
    {"events_c", "ci", "Events (control)"},
    {"n_c", "n2i", "n (control)"},
}};

qsizetype findColumn(const QStringList& header, const char* key, const char* alias = nullptr) {
    for (qsizetype c = 0; c < header.size(); ++c) {
        const QString name = header[c].trimmed();
        if (name.compare(QLatin1String(key), Qt::CaseInsensitive) == 0
            || (alias && name.compare(QLatin1String(alias), Qt::CaseInsensitive) == 0))
            return c;
    }
    return -1;
}

} // namespace

bool hasBinaryColumns(const QStringList& header) {
    for (const auto& column : binaryColumns)
        if (findColumn(header, column.key, column.alias) < 0)
            return false;
    return true;
}

BinaryTrialsImport importBinaryTrials(const CsvTable& table, const QString& orderColumn) {
    BinaryTrialsImport import;
    const qsizetype studyColumn = findColumn(table.header, "study");
    if (studyColumn < 0)
        import.errors.append(QStringLiteral("There is no 'study' column with the study labels."));
    std::array<qsizetype, 4> columns{};
    for (std::size_t i = 0; i < binaryColumns.size(); ++i) {
        columns[i] = findColumn(table.header, binaryColumns[i].key, binaryColumns[i].alias);
        if (columns[i] < 0)
            import.errors.append(
                QStringLiteral("The column '%1' is missing.").arg(QLatin1String(binaryColumns[i].key)));
    }
    qsizetype order = -1;
    if (!orderColumn.isEmpty()) {
        order = findColumn(table.header, orderColumn.toLatin1().constData());
        if (order < 0)
            import.errors.append(
                QStringLiteral("There is no column named '%1' to order by.").arg(orderColumn));
    }
    if (!import.errors.isEmpty())
        return import;

    for (qsizetype r = 0; r < table.records.size(); ++r) {
        const QStringList& record = table.records[r];
        const QString label = record.value(studyColumn).trimmed();
        std::array<double, 4> values{};
        bool valid = true;
        const auto report = [&](qsizetype column, const std::string& message) {
            import.errors.append(
                QStringLiteral("line %1, column '%2' (study '%3'): %4")
                    .arg(table.recordLines.value(r))
                    .arg(table.header[column].trimmed(), label, QString::fromStdString(message)));
            valid = false;
        };
        for (std::size_t i = 0; i < binaryColumns.size(); ++i) {
            const bool isCount = i % 2 == 1;
            std::string message;
            const auto value = parseCell(record.value(columns[i]).toStdString(), binaryColumns[i].what,
                                         isCount ? 1.0 : 0.0, false, message);
            if (value)
                values[i] = *value;
            else
                report(columns[i], message);
        }
        if (valid && values[0] > values[1])
            report(columns[0], "Events (treated) exceed n (treated)");
        if (valid && values[2] > values[3])
            report(columns[2], "Events (control) exceed n (control)");
        TsaTrial trial;
        trial.label = label.toStdString();
        trial.eventsTreated = values[0];
        trial.totalTreated = values[1];
        trial.eventsControl = values[2];
        trial.totalControl = values[3];
        if (order >= 0) {
            std::string message;
            trial.order =
                parseCell(record.value(order).toStdString(), "Order value", std::nullopt, false, message);
            if (!trial.order)
                report(order, message);
        }
        if (valid)
            import.trials.push_back(trial);
    }
    return import;
}

} // namespace evident::io
