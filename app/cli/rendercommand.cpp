// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/rendercommand.h"

#include "app/cli/cli.h"
#include "app/cli/inputfile.h"
#include "app/cli/optionvalues.h"
#include "app/cli/outcomeoptions.h"
#include "ui/export/figureexport.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

namespace evident::cli {

int runRender(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    const QString command = QStringLiteral("evident-cli render");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Draws one figure of one outcome into a file."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Project (.evident) or CSV file of studies."));
    parser.addOptions({
        {QStringLiteral("figure"), QStringLiteral("One of: %1.").arg(QString::fromStdString(figureKeyList())),
         QStringLiteral("figure")},
        {QStringLiteral("outcome"), QStringLiteral("Outcome to draw."), QStringLiteral("name")},
        {QStringLiteral("format"), QStringLiteral("png, tiff, svg or pdf (default: from the file name)."),
         QStringLiteral("format")},
        {QStringLiteral("out"), QStringLiteral("File to write."), QStringLiteral("path")},
    });
    addInvalidRowOptions(parser);
    addAnalysisOptions(parser);
    addFigureOptions(parser);
    if (const auto status = parseCommandLine(parser, arguments, command, 1, out, err))
        return *status;
    const auto kind = parseFigureKind(parser.value(QStringLiteral("figure")).toStdString());
    if (!kind) {
        err << command << ": --figure must be one of " << QString::fromStdString(figureKeyList()) << ".\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("rob")) && *kind != FigureKind::Forest) {
        err << command
            << ": --rob draws traffic lights beside the forest plot; use it with --figure forest.\n";
        return ExitUsage;
    }
    const QString outPath = parser.value(QStringLiteral("out"));
    if (outPath.isEmpty()) {
        err << command << ": give the file to write with --out.\n";
        return ExitUsage;
    }
    QString formatKey = parser.value(QStringLiteral("format"));
    if (formatKey.isEmpty())
        formatKey = QFileInfo(outPath).suffix();
    const auto format = plots::parseExportFormat(formatKey);
    if (!format) {
        err << command << ": --format must be png, tiff, svg or pdf (got '" << formatKey << "').\n";
        return ExitUsage;
    }

    const QString path = parser.positionalArguments().front();
    LoadedInput input = loadInput(path, parser.value(QStringLiteral("outcome")));
    for (const QString& error : input.errors)
        err << path << ": " << error << "\n";
    if (!input.errors.isEmpty())
        return ExitInputError;
    Outcome& outcome = input.project.outcomes[input.outcome];
    FigureSettings& settings = plots::FigureModel::settingsOf(outcome, *kind);
    QString problem = applyAnalysisOptions(parser, outcome);
    if (problem.isEmpty())
        problem = applyFigureOptions(parser, settings);
    settings.format = plots::exportFormatKey(*format).toStdString();
    if (problem.isEmpty())
        problem = plots::validateFigureSettings(settings);
    if (!problem.isEmpty()) {
        err << command << ": " << problem << "\n";
        return ExitUsage;
    }

    OutcomeAnalysis analysis;
    // The risk-of-bias figures show the studies included in the outcome: they need no effect sizes,
    // so rows with invalid data do not stop them.
    if (figureType(*kind).needsAnalysis) {
        std::vector<std::string> notes;
        const int status = analyseForOutput(input, outcome, leavesOutInvalidRows(parser, input), command, err,
                                            analysis, notes);
        if (status != ExitOk)
            return status;
        for (const QString& warning : input.warnings)
            err << "Note: " << warning << "\n";
    }
    const plots::FigureModel model =
        plots::FigureModel::build(*kind, analysis, outcome, settings, input.project.studies);
    if (!model.ok())
        err << "Note: " << QString::fromStdString(model.message()) << "\n";
    if (*kind == FigureKind::Forest && settings.riskOfBias && !model.forest.riskOfBias.shown
        && model.forest.ok)
        err << "Note: no study in the forest plot has been assessed for risk of bias; the plot says so.\n";
    const plots::ExportResult result = plots::exportFigure(model, settings, outPath);
    if (!result.ok) {
        err << command << ": " << result.error << "\n";
        return ExitAnalysisFailed;
    }
    out << outPath << " (" << QString::number(result.sizeMm.width(), 'f', 1) << " x "
        << QString::number(result.sizeMm.height(), 'f', 1) << " mm";
    if (result.pixelSize.isValid())
        out << ", " << result.pixelSize.width() << " x " << result.pixelSize.height() << " px at "
            << settings.dpi << " dpi";
    out << ")\n";
    return ExitOk;
}

} // namespace evident::cli
