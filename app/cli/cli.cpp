// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"

#include "app/cli/analyzecommand.h"
#include "app/cli/tsacommand.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace evident::cli {
namespace {

const char* const usage = R"(Usage: evident-cli <command> [options]

Commands:
  analyze FILE     Meta-analysis of a CSV file: pooled effect, heterogeneity, subgroups,
                   leave-one-out, cumulative analysis and small-study tests.
  tsa FILE         Trial sequential analysis (MD, SMD, RR, OR, RD): required information
                   size, cumulative Z-curve, monitoring boundaries, adjusted intervals.
  boundaries       Alpha-spending (and futility) boundaries at given information fractions.

Run 'evident-cli <command> --help' for the options of a command.
)";

} // namespace

int runCommand(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    if (arguments.isEmpty() || arguments.front() == u"--help" || arguments.front() == u"-h") {
        (arguments.isEmpty() ? err : out) << usage;
        return arguments.isEmpty() ? ExitUsage : ExitOk;
    }
    const QString command = arguments.front();
    const QStringList rest = arguments.mid(1);
    if (command == u"analyze")
        return runAnalyze(rest, out, err);
    if (command == u"tsa")
        return runTsaCommand(rest, out, err);
    if (command == u"boundaries")
        return runBoundariesCommand(rest, out, err);
    err << "evident-cli: unknown command '" << command << "'\n\n" << usage;
    return ExitUsage;
}

int run(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("evident-cli"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return runCommand(QCoreApplication::arguments().mid(1), out, err);
}

} // namespace evident::cli
