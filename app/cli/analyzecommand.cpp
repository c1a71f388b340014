// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/analyzecommand.h"

#include "app/cli/cli.h"
#include "app/cli/inputfile.h"
#include "app/cli/optionvalues.h"
#include "app/cli/outcomeoptions.h"
#include "core/report/manuscripttext.h"
#include "core/report/resultsjson.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace evident::cli {

int runAnalyze(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    const QString command = QStringLiteral("evident-cli analyze");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Meta-analysis of one outcome, as metafor would compute it. For a project, the "
                       "outcome's saved settings apply; options given here override them."));
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QStringLiteral("Project (.evident) or CSV file of studies (docs/csv-format.md)."));
    const QCommandLineOption outcomeOption(QStringLiteral("outcome"), QStringLiteral("Outcome to analyse."),
                                           QStringLiteral("name"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print one JSON object (docs/json-output.md)."));
    parser.addOptions({outcomeOption, jsonOption});
    addAnalysisOptions(parser);
    addInvalidRowOptions(parser);
    if (const auto status = parseCommandLine(parser, arguments, command, 1, out, err))
        return *status;

    // Bad option values are usage errors whatever the file: checked before it is read.
    if (const QString problem = analysisOptionsProblem(parser); !problem.isEmpty()) {
        err << command << ": " << problem << "\n";
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().front();
    LoadedInput input = loadInput(path, parser.value(outcomeOption));
    for (const QString& error : input.errors)
        err << path << ": " << error << "\n";
    if (!input.errors.isEmpty())
        return ExitInputError;
    // The outcome's saved settings (a project's), overridden by the options given here: the same
    // analysis as `report`, `render` and the app.
    Outcome& outcome = input.project.outcomes[input.outcome];
    if (const QString problem = applyAnalysisOptions(parser, outcome); !problem.isEmpty()) {
        err << command << ": " << problem << "\n";
        return ExitUsage;
    }
    OutcomeAnalysis analysis;
    std::vector<std::string> notes;
    const int status =
        analyseForOutput(input, outcome, leavesOutInvalidRows(parser, input), command, err, analysis, notes);
    if (status != ExitOk)
        return status;
    const AnalysisData& data = analysis.prepared.data;
    if (parser.isSet(jsonOption))
        out << QString::fromStdString(
            analysisToJson(data, analysis.options, analysis.measure, analysis.result, notes).dump());
    else
        out << QString::fromStdString(
            textReport(data, analysis.options, analysis.measure, analysis.result, notes,
                       input.csv ? std::nullopt : std::optional<bool>(outcome.lowerIsBetter)));
    return analysis.result.overall.estimable ? ExitOk : ExitAnalysisFailed;
}

} // namespace evident::cli
