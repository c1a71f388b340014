// SPDX-License-Identifier: GPL-3.0-or-later
// Reading option values of evident-cli commands, with messages that say what is accepted.
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

class QTextStream;

namespace evident::cli {

/// Adds --help, then parses `arguments` of `command` ("evident-cli analyze"). Returns the exit status
/// to stop with: ExitUsage after a parse error or a wrong number of input files (`inputFiles`: 1, or 0
/// for commands without a file), ExitOk after printing the help; nullopt to go on.
std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments,
                                    const QString& command, int inputFiles, QTextStream& out,
                                    QTextStream& err);

/// Parses a number option; on a bad value writes "<command>: --name must be …" to err and returns nullopt.
/// Returns `fallback` when the option is absent.
std::optional<double> numberOption(const QCommandLineParser& parser, const QCommandLineOption& option,
                                   double fallback, double lowerExclusive, double upperExclusive,
                                   const char* command, QTextStream& err);

/// A comma-separated list of numbers ("0.25,0.5,1"); nullopt with a message when any entry is not a number.
std::optional<std::vector<double>> numberListOption(const QCommandLineParser& parser,
                                                    const QCommandLineOption& option, const char* command,
                                                    QTextStream& err);

} // namespace evident::cli
