// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/inputfile.h"

#include "io/projectfile.h"

#include <QFileInfo>

namespace evident::cli {

LoadedInput loadInput(const QString& path, const QString& outcomeName) {
    LoadedInput input;
    const QFileInfo info(path);
    if (!info.exists()) {
        input.errors.append(QStringLiteral("The file %1 does not exist.").arg(path));
        return input;
    }
    if (info.suffix().compare(QStringLiteral("evident"), Qt::CaseInsensitive) == 0) {
        const io::ProjectReadResult read = io::readProjectFile(path);
        if (!read.project) {
            input.errors.append(read.error);
            return input;
        }
        input.project = *read.project;
        input.warnings = read.warnings;
        if (input.project.outcomes.empty()) {
            input.errors.append(QStringLiteral("The project has no outcomes."));
            return input;
        }
    } else {
        io::CsvImport import = io::importCsvFile(path);
        input.errors = import.errors;
        input.warnings = import.warnings;
        input.project = import.project;
        input.csv = std::move(import);
        if (!input.errors.isEmpty())
            return input;
    }
    if (!outcomeName.isEmpty()) {
        // The exact name, else the one outcome whose name starts with it ("fibrosis" for "Fibrosis (%
        // area)"), else the one that contains it ("glands" for "Endometrial glands (count)").
        std::vector<std::size_t> exact, prefix, contains;
        QStringList names;
        for (std::size_t i = 0; i < input.project.outcomes.size(); ++i) {
            const QString name = QString::fromStdString(input.project.outcomes[i].name);
            names.append(QLatin1Char('\'') + name + QLatin1Char('\''));
            if (name.compare(outcomeName, Qt::CaseInsensitive) == 0)
                exact.push_back(i);
            if (name.startsWith(outcomeName, Qt::CaseInsensitive))
                prefix.push_back(i);
            if (name.contains(outcomeName, Qt::CaseInsensitive))
                contains.push_back(i);
        }
        const std::vector<std::size_t>& matches = !exact.empty()    ? exact
                                                  : !prefix.empty() ? prefix
                                                                    : contains;
        if (matches.size() == 1)
            input.outcome = matches.front();
        else
            input.errors.append(
                QStringLiteral("%1 outcome named '%2' in %3; the outcomes are %4.")
                    .arg(matches.empty() ? QStringLiteral("There is no") : QStringLiteral("More than one"),
                         outcomeName, path, names.join(QStringLiteral(", "))));
    }
    return input;
}

QString describeIssue(const LoadedInput& input, const InputIssue& issue) {
    if (input.csv)
        return io::describeIssue(issue, *input.csv);
    const Outcome& outcome = input.project.outcomes[input.outcome];
    return QStringLiteral("outcome '%1', row %2 (study '%3'), %4: %5")
        .arg(QString::fromStdString(outcome.name))
        .arg(issue.row + 1)
        .arg(QString::fromStdString(issue.study), QString::fromStdString(issue.field),
             QString::fromStdString(issue.message));
}

} // namespace evident::cli
