// SPDX-License-Identifier: GPL-3.0-or-later
// The command dispatcher of evident-cli.
#pragma once

#include <QStringList>

class QTextStream;

namespace evident::cli {

/// Exit statuses, documented in docs/cli.md.
enum ExitStatus {
    ExitOk = 0,
    ExitAnalysisFailed = 1, ///< The input was read but the analysis could not be done
    ExitUsage = 2,          ///< Unknown command or option, or a bad option value
    ExitInputError = 3,     ///< The input file is missing, unreadable or has invalid data
};

/// Runs one command. `arguments` excludes the program name. Output goes to `out`, messages to `err`.
int runCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);

/// True for the commands that draw figures (render, report): they need a QApplication.
bool needsGui(int argc, char* argv[]);

/// main(): sets up Qt (a QApplication on the offscreen platform when there is no display for the
/// commands that draw), then runCommand on the process arguments.
int run(int argc, char* argv[]);

} // namespace evident::cli
