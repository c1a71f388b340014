// SPDX-License-Identifier: GPL-3.0-or-later
// Running an evident-cli command in-process for the CLI tests.
#pragma once

#include "app/cli/cli.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace evident::test {

struct CliRun {
    int status = 0;
    QString out;
    QString err;
    QJsonObject json; ///< `out` parsed as a JSON object (empty when it is not one)
};

inline CliRun runCli(const QStringList& arguments) {
    CliRun run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.status = cli::runCommand(arguments, out, err);
    out.flush();
    err.flush();
    run.json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    return run;
}

} // namespace evident::test
