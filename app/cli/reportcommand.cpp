// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/reportcommand.h"

#include "app/cli/cli.h"
#include "app/cli/inputfile.h"
#include "app/cli/optionvalues.h"
#include "app/cli/outcomeoptions.h"
#include "core/report/manuscripttext.h"
#include "core/report/resultsjson.h"
#include "io/csvexport.h"
#include "ui/export/figureexport.h"

#include <QCommandLineParser>
#include <QDir>
#include <QSaveFile>
#include <QSet>
#include <QTextStream>

namespace evident::cli {
namespace {

/// A file-name stem from an outcome name: "Open arm entries (n)" → "open-arm-entries-n".
QString slug(const std::string& name, std::size_t index) {
    QString text;
    bool dash = false;
    for (const QChar c : QString::fromStdString(name).toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            text += c;
            dash = false;
        } else if (!dash && !text.isEmpty()) {
            text += QLatin1Char('-');
            dash = true;
        }
    }
    while (text.endsWith(QLatin1Char('-')))
        text.chop(1);
    return text.isEmpty() ? QStringLiteral("outcome-%1").arg(index + 1) : text;
}

/// One file-name stem per outcome, unique even when names differ only in case or punctuation
/// ("Fibrosis" and "fibrosis!" both slug to "fibrosis"): in the project's outcome order, a stem
/// already taken gets the smallest free suffix "-2", "-3", … (docs/cli.md).
QStringList uniqueStems(const std::vector<Outcome>& outcomes) {
    QStringList stems;
    QSet<QString> taken;
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const QString base = slug(outcomes[i].name, i);
        QString stem = base;
        for (int n = 2; taken.contains(stem); ++n)
            stem = base + QStringLiteral("-%1").arg(n);
        taken.insert(stem);
        stems.append(stem);
    }
    return stems;
}

/// Writes atomically: the file appears whole or not at all.
bool writeText(const QString& path, const std::string& text, QString& error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::fromStdString(text)) < 0
        || !file.commit()) {
        error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::string tsaSection(const TsaResult& tsa) {
    std::string text = "\nTrial sequential analysis:\n  ";
    text += tsa.ok ? tsa.conclusion : "Not done: " + tsa.error;
    for (const std::string& warning : tsa.warnings)
        text += "\n  - " + warning;
    return text + "\n";
}

} // namespace

int runReport(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    const QString command = QStringLiteral("evident-cli report");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes, for every outcome, the text report, the JSON results and the forest, cumulative, "
        "leave-one-out, funnel and TSA figures "
        "(PDF and PNG) into a folder, and the risk-of-bias summary when any of the outcome's studies has "
        "been assessed (SYRCLE). Rows with invalid data in a project are left out and listed in the report "
        "(--strict stops at them)."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Project (.evident) or CSV file of studies."));
    parser.addOption({QStringLiteral("out"), QStringLiteral("Folder to write into (created if needed)."),
                      QStringLiteral("dir")});
    addAnalysisOptions(parser);
    addFigureOptions(parser);
    addInvalidRowOptions(parser);
    if (const auto status = parseCommandLine(parser, arguments, command, 1, out, err))
        return *status;
    const QString dirPath = parser.value(QStringLiteral("out"));
    if (dirPath.isEmpty()) {
        err << command << ": give the folder to write into with --out.\n";
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().front();
    LoadedInput input = loadInput(path, QString());
    for (const QString& error : input.errors)
        err << path << ": " << error << "\n";
    if (!input.errors.isEmpty())
        return ExitInputError;
    if (!QDir().mkpath(dirPath)) {
        err << command << ": cannot create the folder " << dirPath << "\n";
        return ExitInputError;
    }
    const QDir dir(dirPath);

    int worst = ExitOk;
    const QStringList stems = uniqueStems(input.project.outcomes);
    for (std::size_t i = 0; i < input.project.outcomes.size(); ++i) {
        Outcome outcome = input.project.outcomes[i];
        QStringList notApplied;
        QString problem = applyAnalysisOptions(parser, outcome, &notApplied);
        for (const QString& note : notApplied)
            err << "Note: " << note << "\n";
        for (const FigureType& type : figureTypes())
            if (problem.isEmpty())
                problem = applyFigureOptions(parser, plots::FigureModel::settingsOf(outcome, type.kind));
        if (!problem.isEmpty()) {
            err << command << ": " << problem << "\n";
            return ExitUsage;
        }
        OutcomeAnalysis analysis;
        std::vector<std::string> notes;
        const int status = analyseForOutput(input, outcome, leavesOutInvalidRows(parser, input), command, err,
                                            analysis, notes);
        if (status != ExitOk) {
            worst = std::max(worst, status);
            continue;
        }
        const QString& stem = stems[static_cast<qsizetype>(i)];
        out << "Outcome '" << QString::fromStdString(outcome.name) << "':\n";
        QString error;
        const QString reportPath = dir.filePath(stem + QStringLiteral("-report.txt"));
        const QString jsonPath = dir.filePath(stem + QStringLiteral("-analysis.json"));
        const AnalysisData& data = analysis.prepared.data;
        if (!writeText(reportPath,
                       textReport(data, analysis.options, analysis.measure, analysis.result, notes,
                                  outcome.lowerIsBetter)
                           + tsaSection(analysis.tsa),
                       error)
            || !writeText(
                jsonPath,
                analysisToJson(data, analysis.options, analysis.measure, analysis.result, notes).dump(),
                error)) {
            err << command << ": " << error << "\n";
            return ExitInputError;
        }
        out << "  " << reportPath << "\n  " << jsonPath << "\n";
        for (const FigureType& type : figureTypes()) {
            const FigureKind kind = type.kind;
            const FigureSettings& settings = plots::FigureModel::settingsOf(outcome, kind);
            const plots::FigureModel model =
                plots::FigureModel::build(kind, analysis, outcome, settings, input.project.studies);
            if (!type.needsAnalysis && !model.ok())
                continue; // No study of this outcome assessed: no risk-of-bias figure to draw
            if (kind == FigureKind::Forest && settings.riskOfBias && !model.forest.riskOfBias.shown)
                err << "Note: outcome '" << QString::fromStdString(outcome.name)
                    << "': no study in the forest plot has been assessed for risk of bias.\n";
            for (plots::ExportFormat format : {plots::ExportFormat::Pdf, plots::ExportFormat::Png}) {
                const QString figurePath =
                    dir.filePath(stem + QLatin1Char('-') + QString::fromLatin1(figureKey(kind).data())
                                 + QLatin1Char('.') + plots::exportFormatKey(format));
                const plots::ExportResult result = plots::exportFigure(model, settings, figurePath, format);
                if (!result.ok) {
                    err << command << ": " << result.error << "\n";
                    worst = std::max(worst, static_cast<int>(ExitAnalysisFailed));
                    continue;
                }
                out << "  " << figurePath << "\n";
            }
        }
        if (!analysis.result.overall.estimable)
            worst = std::max(worst, static_cast<int>(ExitAnalysisFailed));
    }
    if (!input.project.studies.empty()) {
        const QString path = dir.filePath(QStringLiteral("study-characteristics.csv"));
        const io::CsvContent table = io::characteristicsTable(input.project);
        if (const QString error = io::writeCsvFile(path, table.header, table.rows); !error.isEmpty()) {
            err << command << ": " << error << "\n";
            return ExitInputError;
        }
        out << "Study characteristics:\n  " << path << "\n";
    }
    return worst;
}

} // namespace evident::cli
