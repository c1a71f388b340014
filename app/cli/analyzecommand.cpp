// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/analyzecommand.h"

#include "app/cli/cli.h"
#include "app/cli/inputfile.h"
#include "app/cli/optionvalues.h"
#include "core/analysis/pipeline.h"
#include "core/report/manuscripttext.h"
#include "core/report/resultsjson.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace evident::cli {
namespace {

QString listOf(std::initializer_list<const char*> values) {
    QStringList list;
    for (const char* value : values)
        list.append(QString::fromLatin1(value));
    return list.join(QStringLiteral(", "));
}

} // namespace

int runAnalyze(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Meta-analysis of one outcome, as metafor would compute it."));
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QStringLiteral("Project (.evident) or CSV file of studies (docs/csv-format.md)."));
    const QCommandLineOption measureOption(
        QStringLiteral("measure"), QStringLiteral("Effect measure: SMD (default), SMD_REVMAN, MD, ROM."),
        QStringLiteral("measure"));
    const QCommandLineOption methodOption(
        QStringLiteral("method"),
        QStringLiteral("tau² estimator: REML (default), DL, ML, PM, EB, HE, SJ, or "
                       "FE for the fixed-effect model."),
        QStringLiteral("method"));
    const QCommandLineOption testOption(
        QStringLiteral("test"), QStringLiteral("Inference: z (Wald, default) or hksj (Hartung-Knapp)."),
        QStringLiteral("test"));
    const QCommandLineOption subgroupOption(QStringLiteral("subgroup"),
                                            QStringLiteral("Categorical column for a subgroup analysis."),
                                            QStringLiteral("column"));
    const QCommandLineOption orderOption(
        QStringLiteral("order"), QStringLiteral("Numeric column that orders the cumulative analysis."),
        QStringLiteral("column"));
    const QCommandLineOption outcomeOption(QStringLiteral("outcome"), QStringLiteral("Outcome to analyse."),
                                           QStringLiteral("name"));
    const QCommandLineOption skipInvalidOption(
        QStringLiteral("skip-invalid"),
        QStringLiteral("Leave out rows with invalid data (listed in the warnings) instead of stopping."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print one JSON object (docs/json-output.md)."));
    parser.addOptions({measureOption, methodOption, testOption, subgroupOption, orderOption, outcomeOption,
                       skipInvalidOption, jsonOption});
    if (const auto status =
            parseCommandLine(parser, arguments, QStringLiteral("evident-cli analyze"), 1, out, err))
        return *status;

    AnalysisOptions options;
    std::optional<EffectMeasure> measure;
    if (parser.isSet(measureOption)) {
        measure = parseMeasure(parser.value(measureOption).toStdString());
        if (!measure || *measure == EffectMeasure::Generic) {
            err << "evident-cli analyze: unknown measure '" << parser.value(measureOption) << "'; use one of "
                << listOf({"SMD", "SMD_REVMAN", "MD", "ROM"}) << ".\n";
            return ExitUsage;
        }
    }
    if (parser.isSet(methodOption)) {
        const auto estimator = parseEstimator(parser.value(methodOption).toStdString());
        if (!estimator) {
            err << "evident-cli analyze: unknown method '" << parser.value(methodOption) << "'; use one of "
                << listOf({"FE", "DL", "REML", "ML", "PM", "EB", "HE", "SJ"}) << ".\n";
            return ExitUsage;
        }
        options.fit.estimator = *estimator;
    }
    if (parser.isSet(testOption)) {
        const auto inference = parseInference(parser.value(testOption).toStdString());
        if (!inference) {
            err << "evident-cli analyze: unknown test '" << parser.value(testOption) << "'; use z or hksj.\n";
            return ExitUsage;
        }
        options.fit.inference = *inference;
    }
    options.subgroup = parser.value(subgroupOption).toStdString();
    options.cumulativeOrder = parser.value(orderOption).toStdString();

    const QString path = parser.positionalArguments().front();
    LoadedInput input = loadInput(path, parser.value(outcomeOption));
    for (const QString& error : input.errors)
        err << path << ": " << error << "\n";
    if (!input.errors.isEmpty())
        return ExitInputError;
    Outcome& outcome = input.project.outcomes[input.outcome];
    if (measure)
        outcome.settings.measure = *measure;

    const PreparedOutcome prepared = prepareOutcome(input.project, outcome);
    std::vector<std::string> notes;
    for (const QString& warning : input.warnings)
        notes.push_back(warning.toStdString());
    if (!prepared.issues.empty()) {
        const bool skip = parser.isSet(skipInvalidOption);
        for (const InputIssue& issue : prepared.issues) {
            const QString where = describeIssue(input, issue);
            if (skip)
                notes.push_back((QStringLiteral("Left out, ") + where).toStdString());
            else
                err << path << ", " << where << "\n";
        }
        if (!skip) {
            err << "evident-cli analyze: " << prepared.issues.size()
                << (prepared.issues.size() == 1 ? " problem" : " problems")
                << " in the data; fix them, or use --skip-invalid to leave those rows out.\n";
            return ExitInputError;
        }
    }
    if (prepared.data.size() == 0) {
        err << path << ": there are no valid studies to analyse.\n";
        return ExitAnalysisFailed;
    }
    const auto problems = checkAnalysisOptions(prepared.data, options);
    for (const auto& problem : problems)
        err << "evident-cli analyze: " << QString::fromStdString(problem) << "\n";
    if (!problems.empty())
        return ExitUsage;

    const AnalysisResult result = runAnalysis(prepared.data, options);
    const EffectMeasure shownMeasure = outcome.settings.measure;
    if (parser.isSet(jsonOption))
        out << QString::fromStdString(
            analysisToJson(prepared.data, options, shownMeasure, result, notes).dump());
    else
        out << QString::fromStdString(
            textReport(prepared.data, options, shownMeasure, result, notes,
                       input.csv ? std::nullopt : std::optional<bool>(outcome.lowerIsBetter)));
    return result.overall.estimable ? ExitOk : ExitAnalysisFailed;
}

} // namespace evident::cli
