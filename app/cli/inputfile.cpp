// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/inputfile.h"

#include <QFileInfo>

namespace evident::cli {

LoadedInput loadInput(const QString& path, const QString& outcomeName) {
    LoadedInput input;
    const QFileInfo info(path);
    if (!info.exists()) {
        input.errors.append(QStringLiteral("The file %1 does not exist.").arg(path));
        return input;
    }
    io::CsvImport import = io::importCsvFile(path);
    input.errors = import.errors;
    input.warnings = import.warnings;
    input.project = import.project;
    input.csv = std::move(import);
    if (!input.errors.isEmpty())
        return input;
    if (!outcomeName.isEmpty()) {
        bool found = false;
        for (std::size_t i = 0; i < input.project.outcomes.size(); ++i)
            if (QString::fromStdString(input.project.outcomes[i].name)
                    .compare(outcomeName, Qt::CaseInsensitive)
                == 0) {
                input.outcome = i;
                found = true;
            }
        if (!found)
            input.errors.append(
                QStringLiteral("There is no outcome named '%1' in %2.").arg(outcomeName, path));
    }
    return input;
}

QString describeIssue(const LoadedInput& input, const InputIssue& issue) {
    if (input.csv)
        return io::describeIssue(issue, *input.csv);
    return QStringLiteral("row %1 (study '%2'), %3: %4")
        .arg(issue.row + 1)
        .arg(QString::fromStdString(issue.study), QString::fromStdString(issue.field),
             QString::fromStdString(issue.message));
}

} // namespace evident::cli
