// SPDX-License-Identifier: GPL-3.0-or-later
// Options shared by the commands that analyse a whole outcome (render, report): the analysis and
// TSA settings a CSV file cannot carry, and the figure's size and font.
#pragma once

#include "app/cli/inputfile.h"
#include "core/project/outcomeanalysis.h"
#include "core/project/project.h"

#include <QCommandLineParser>
#include <QString>

namespace evident::cli {

/// Adds --measure, --method, --double-zero, --revman5-zero-cells, --test, --subgroup, --order, --mre,
/// --tsa-sd, --tsa-order, --futility,
/// --no-prediction-interval.
void addAnalysisOptions(QCommandLineParser& parser);
/// Adds --width-mm, --height-mm, --dpi, --font, --font-size, --favours-left, --favours-right, --no-contours,
/// --rob.
void addFigureOptions(QCommandLineParser& parser);

/// The problem with the analysis options as given (an unknown measure or method, a method that cannot
/// pool the measure), checked before any file is read: empty when they are usable.
QString analysisOptionsProblem(const QCommandLineParser& parser);
/// Applies the analysis options to the outcome; returns the problem (naming the option) or empty. With
/// `notApplied` (several outcomes, as `report` analyses), a measure or method meant for another kind of
/// outcome is left out for this one, with a note there, rather than stopping.
QString applyAnalysisOptions(const QCommandLineParser& parser, Outcome& outcome,
                             QStringList* notApplied = nullptr);
/// Applies the figure options to `settings`; returns the problem (naming the option) or empty.
QString applyFigureOptions(const QCommandLineParser& parser, FigureSettings& settings);

/// Adds --strict and --skip-invalid.
void addInvalidRowOptions(QCommandLineParser& parser);
/// Whether rows with invalid data are left out (with a note) rather than stopping the command: for a
/// project by default, as the app shows it; for a CSV file with --skip-invalid; never with --strict.
bool leavesOutInvalidRows(const QCommandLineParser& parser, const LoadedInput& input);

/// Analyses `outcome` of the loaded input for a figure or report. Rows with bad input stop it with
/// ExitInputError, each reported on `err` with its place, unless `skipInvalid` (then they become notes).
/// Returns ExitOk with `analysis` filled, or the exit status after reporting the problem on `err`.
int analyseForOutput(const LoadedInput& input, const Outcome& outcome, bool skipInvalid,
                     const QString& command, QTextStream& err, OutcomeAnalysis& analysis,
                     std::vector<std::string>& notes);

} // namespace evident::cli
