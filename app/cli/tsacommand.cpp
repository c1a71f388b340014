// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/tsacommand.h"

#include "app/cli/cli.h"
#include "app/cli/inputfile.h"
#include "app/cli/optionvalues.h"
#include "app/cli/outcomeoptions.h"
#include "core/effectsize/binary.h"
#include "core/project/outcometsa.h"
#include "core/report/tsajson.h"
#include "io/binarytrials.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

#include <cmath>
#include <limits>

namespace evident::cli {
namespace {

constexpr double unbounded = std::numeric_limits<double>::infinity();

/// The measures `tsa` monitors: MD, SMD, RR, OR, RD (tsaOutcomeFor and binaryMeasureOf give the TSA's
/// outcome type and binary measure).
std::optional<EffectMeasure> parseTsaMeasure(const QString& text) {
    const auto measure = parseMeasure(text.toStdString());
    for (const EffectMeasure offered :
         {EffectMeasure::MD, EffectMeasure::SMD, EffectMeasure::RR, EffectMeasure::OR, EffectMeasure::RD})
        if (measure == offered)
            return measure;
    return std::nullopt;
}

std::optional<HeterogeneityAdjustment> parseAdjustment(const QString& text) {
    const QString key = text.toUpper();
    if (key == u"NONE")
        return HeterogeneityAdjustment::None;
    if (key == u"D2")
        return HeterogeneityAdjustment::Diversity;
    if (key == u"I2")
        return HeterogeneityAdjustment::Inconsistency;
    return std::nullopt;
}

std::optional<bool> parseFutility(const QString& text) {
    if (text.compare(QStringLiteral("none"), Qt::CaseInsensitive) == 0)
        return false;
    if (text.compare(QStringLiteral("nonbinding"), Qt::CaseInsensitive) == 0)
        return true;
    return std::nullopt;
}

/// Options shared by `tsa` and `boundaries`.
struct SequentialOptions {
    QCommandLineOption alpha{QStringLiteral("alpha"),
                             QStringLiteral("Two-sided type-I error (default 0.05)."),
                             QStringLiteral("alpha")};
    QCommandLineOption beta{QStringLiteral("beta"), QStringLiteral("Type-II error (default 0.2)."),
                            QStringLiteral("beta")};
    QCommandLineOption spending{
        QStringLiteral("spending"),
        QStringLiteral("Alpha-spending function: obf (O'Brien-Fleming, default) or pocock."),
        QStringLiteral("function")};
    QCommandLineOption futility{QStringLiteral("futility"),
                                QStringLiteral("Futility boundaries: none (default) or nonbinding."),
                                QStringLiteral("type")};
    QCommandLineOption json{QStringLiteral("json"),
                            QStringLiteral("Print one JSON object (docs/json-output.md).")};

    void addTo(QCommandLineParser& parser) const {
        parser.addOptions({alpha, beta, spending, futility, json});
    }
};

/// Sets what the options give over `options` (what is not given keeps its value).
bool readSequentialOptions(const QCommandLineParser& parser, const SequentialOptions& names,
                           const char* command, QTextStream& err, BoundaryOptions& options) {
    const auto alpha = numberOption(parser, names.alpha, options.alpha, 0, 1, command, err);
    const auto beta = numberOption(parser, names.beta, options.beta, 0, 1, command, err);
    if (!alpha || !beta)
        return false;
    options.alpha = *alpha;
    options.beta = *beta;
    if (parser.isSet(names.spending)) {
        const auto spending = parseSpending(parser.value(names.spending).toStdString());
        if (!spending) {
            err << "evident-cli " << command << ": unknown spending function '"
                << parser.value(names.spending) << "'; use obf or pocock.\n";
            return false;
        }
        options.alphaSpending = *spending;
    }
    if (parser.isSet(names.futility)) {
        const auto futility = parseFutility(parser.value(names.futility));
        if (!futility) {
            err << "evident-cli " << command << ": unknown futility type '" << parser.value(names.futility)
                << "'; use none or nonbinding.\n";
            return false;
        }
        options.futility = *futility;
    }
    return true;
}

/// The options of `tsa` that set the TSA's design.
struct DesignOptions {
    QCommandLineOption measure{
        QStringLiteral("measure"),
        QStringLiteral("MD, SMD, RR, OR or RD (a project: default the outcome's measure)."),
        QStringLiteral("measure")};
    QCommandLineOption delta{
        QStringLiteral("delta"),
        QStringLiteral("Minimal relevant effect: MD in outcome units, SMD, or the relative "
                       "risk reduction for RR/OR/RD (a project: default the outcome's)."),
        QStringLiteral("x")};
    QCommandLineOption sd{QStringLiteral("sd"), QStringLiteral("SD of the outcome (MD only)."),
                          QStringLiteral("y")};
    QCommandLineOption pc{
        QStringLiteral("pc"),
        QStringLiteral("Control event proportion (binary; default: the pooled observed one)."),
        QStringLiteral("p")};
    QCommandLineOption model{QStringLiteral("model"),
                             QStringLiteral("FE or RE (DerSimonian-Laird, default)."),
                             QStringLiteral("model")};
    QCommandLineOption adjust{
        QStringLiteral("adjust"),
        QStringLiteral("Heterogeneity adjustment of the RIS: none, D2 (default for RE) or I2."),
        QStringLiteral("adjustment")};
    QCommandLineOption order{QStringLiteral("order"),
                             QStringLiteral("Numeric column ordering the looks (e.g. year)."),
                             QStringLiteral("column")};
    QCommandLineOption powerAdjust{
        QStringLiteral("power-adjust"),
        QStringLiteral("Inflate the RIS by RTSA's design factor (off by default).")};
    QCommandLineOption outcome{QStringLiteral("outcome"), QStringLiteral("A project's outcome to monitor."),
                               QStringLiteral("name")};

    void addTo(QCommandLineParser& parser) const {
        parser.addOptions({measure, delta, sd, pc, model, adjust, order, powerAdjust, outcome});
    }
};

/// Sets what the options give over `settings` (the outcome's, or the defaults for a CSV file).
/// Returns false, having said why, on a bad value.
bool readDesignOptions(const QCommandLineParser& parser, const DesignOptions& names,
                       const SequentialOptions& sequential, bool binary, QTextStream& err,
                       TsaSettings& settings) {
    BoundaryOptions boundaries;
    boundaries.alpha = settings.alpha;
    boundaries.beta = settings.beta;
    boundaries.alphaSpending = settings.spending;
    boundaries.futility = settings.futility;
    if (!readSequentialOptions(parser, sequential, "tsa", err, boundaries))
        return false;
    settings.alpha = boundaries.alpha;
    settings.beta = boundaries.beta;
    settings.spending = boundaries.alphaSpending;
    settings.futility = boundaries.futility;
    if (parser.isSet(names.powerAdjust))
        settings.powerAdjusted = true;
    if (parser.isSet(names.order))
        settings.orderColumn = parser.value(names.order).toStdString();
    if (parser.isSet(names.model)) {
        const QString key = parser.value(names.model).toUpper();
        if (key != u"FE" && key != u"RE") {
            err << "evident-cli tsa: unknown model '" << parser.value(names.model) << "'; use FE or RE.\n";
            return false;
        }
        const TsaModel model = key == u"FE" ? TsaModel::FixedEffect : TsaModel::RandomEffects;
        // A model changed takes its usual adjustment, unless one is given; the same model keeps the
        // saved one.
        if (model != settings.model)
            settings.adjustment = model == TsaModel::RandomEffects ? HeterogeneityAdjustment::Diversity
                                                                   : HeterogeneityAdjustment::None;
        settings.model = model;
    }
    if (parser.isSet(names.adjust)) {
        const auto adjustment = parseAdjustment(parser.value(names.adjust));
        if (!adjustment) {
            err << "evident-cli tsa: unknown adjustment '" << parser.value(names.adjust)
                << "'; use none, D2 or I2.\n";
            return false;
        }
        settings.adjustment = *adjustment;
    }
    const auto effect = numberOption(parser, names.delta, settings.minimalRelevantEffect,
                                     binary ? 0 : -unbounded, binary ? 1 : unbounded, "tsa", err);
    const auto sdValue = numberOption(parser, names.sd, settings.standardDeviation, 0, unbounded, "tsa", err);
    const auto pcValue = numberOption(parser, names.pc, settings.controlRisk, 0, 1, "tsa", err);
    if (!effect || !sdValue || !pcValue)
        return false;
    settings.minimalRelevantEffect = *effect;
    settings.standardDeviation = *sdValue;
    settings.controlRisk = *pcValue;
    return true;
}

} // namespace

int runTsaCommand(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Trial sequential analysis of a project's outcome (its saved TSA settings, overridden by the options "
        "given) or of the studies in a CSV file."));
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QStringLiteral("Project (.evident) or CSV file of studies (docs/csv-format.md)."));
    const DesignOptions design;
    design.addTo(parser);
    addInvalidRowOptions(parser);
    const SequentialOptions sequential;
    sequential.addTo(parser);
    if (const auto status =
            parseCommandLine(parser, arguments, QStringLiteral("evident-cli tsa"), 1, out, err))
        return *status;
    const QString path = parser.positionalArguments().front();
    const bool project =
        QFileInfo(path).suffix().compare(QStringLiteral("evident"), Qt::CaseInsensitive) == 0;
    if (!project && (!parser.isSet(design.measure) || !parser.isSet(design.delta))) {
        err << "evident-cli tsa: --measure and --delta are required for a CSV file.\n";
        return ExitUsage;
    }
    std::optional<EffectMeasure> choice;
    std::optional<TsaOutcome> chosenOutcome;
    if (parser.isSet(design.measure)) {
        choice = parseTsaMeasure(parser.value(design.measure));
        chosenOutcome = choice ? tsaOutcomeFor(*choice) : std::nullopt;
        if (!choice) {
            err << "evident-cli tsa: unknown measure '" << parser.value(design.measure)
                << "'; use one of MD, SMD, RR, OR, RD.\n";
            return ExitUsage;
        }
    }

    // A CSV file's usage errors, before it is read (a project may have the SD saved).
    if (!project && chosenOutcome == TsaOutcome::MeanDifference && !parser.isSet(design.sd)) {
        err << "evident-cli tsa: --sd (the SD of the outcome) is required for MD.\n";
        return ExitUsage;
    }

    TsaResult result;
    TsaOptions options;
    if (!project && chosenOutcome == TsaOutcome::Binary) {
        // A CSV of binary trials (events_t, n_t, events_c, n_c), as the TSA program reads them.
        TsaSettings settings;
        if (!readDesignOptions(parser, design, sequential, true, err, settings))
            return ExitUsage;
        options = tsaOptionsFor(settings, TsaOutcome::Binary);
        options.analysis.binaryMeasure = *binaryMeasureOf(*choice);
        options.ris.binaryMeasure = options.analysis.binaryMeasure;
        const io::CsvParseResult parsed = io::readCsvFile(path);
        if (!parsed.error.isEmpty()) {
            err << path << ": " << parsed.error << "\n";
            return ExitInputError;
        }
        const io::BinaryTrialsImport trials =
            io::importBinaryTrials(parsed.table, parser.value(design.order));
        for (const QString& error : trials.errors)
            err << path << ", " << error << "\n";
        if (!trials.errors.isEmpty())
            return ExitInputError;
        options.orderByValue = parser.isSet(design.order);
        result = runTsa(trials.trials, options);
    } else {
        LoadedInput input = loadInput(path, parser.value(design.outcome));
        for (const QString& error : input.errors)
            err << path << ": " << error << "\n";
        if (!input.errors.isEmpty())
            return ExitInputError;
        Outcome& outcome = input.project.outcomes[input.outcome];
        const QString name = QString::fromStdString(outcome.name);
        const bool dichotomous = outcome.kind == OutcomeKind::Dichotomous;
        if (choice) {
            if ((chosenOutcome == TsaOutcome::Binary) != dichotomous) {
                err << "evident-cli tsa: --measure " << parser.value(design.measure).toUpper()
                    << " does not fit the " << (dichotomous ? "dichotomous" : "continuous") << " outcome '"
                    << name << "'; use " << (dichotomous ? "RR, OR or RD" : "MD or SMD") << ".\n";
                return ExitUsage;
            }
            // MD and SMD measure the minimal relevant effect in different units: the saved one is for
            // the saved measure.
            const auto saved = tsaOutcomeFor(outcome.settings.measure);
            if (project && saved && saved != chosenOutcome && !parser.isSet(design.delta)
                && std::abs(outcome.tsa.minimalRelevantEffect) > 0) {
                err << "evident-cli tsa: the minimal relevant effect of '" << name << "' is saved for "
                    << QString::fromStdString(std::string(measureLabel(outcome.settings.measure)))
                    << "; give it for " << parser.value(design.measure).toUpper() << " with --delta.\n";
                return ExitUsage;
            }
            outcome.settings.measure = *choice;
        } else if (!tsaOutcomeFor(outcome.settings.measure)) {
            err << "evident-cli tsa: the outcome '" << name << "' is analysed as "
                << QString::fromStdString(std::string(measureLabel(outcome.settings.measure)))
                << ", which trial sequential analysis does not monitor; give --measure "
                << (dichotomous ? "RR, OR or RD" : "MD or SMD") << ".\n";
            return ExitUsage;
        }
        if (!project)
            outcome.tsa = TsaSettings{};
        if (!readDesignOptions(parser, design, sequential, dichotomous, err, outcome.tsa))
            return ExitUsage;
        if (project && !parser.isSet(design.delta) && !(std::abs(outcome.tsa.minimalRelevantEffect) > 0)) {
            err << "evident-cli tsa: the outcome '" << name
                << "' has no minimal relevant effect saved; give it with --delta.\n";
            return ExitUsage;
        }
        if (outcome.settings.measure == EffectMeasure::MD && !(outcome.tsa.standardDeviation > 0)) {
            err << "evident-cli tsa: --sd (the SD of the outcome) is required for MD.\n";
            return ExitUsage;
        }
        options = *outcomeTsaOptions(outcome);
        const PreparedOutcome prepared = prepareOutcome(input.project, outcome);
        const bool leaveOut = leavesOutInvalidRows(parser, input); // As analyze, render and report
        for (const InputIssue& issue : prepared.issues)
            err << (leaveOut ? QStringLiteral("Note: left out, ") : path + QStringLiteral(", "))
                << describeIssue(input, issue) << "\n";
        if (!prepared.issues.empty() && !leaveOut)
            return ExitInputError;
        result = runOutcomeTsa(prepared, outcome);
    }
    if (parser.isSet(sequential.json))
        out << QString::fromStdString(tsaToJson(result, options).dump());
    else
        out << QString::fromStdString(tsaTextReport(result, options));
    if (!result.ok) {
        err << "evident-cli tsa: " << QString::fromStdString(result.error) << "\n";
        return ExitAnalysisFailed;
    }
    return ExitOk;
}

int runBoundariesCommand(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lan-DeMets alpha-spending (and optional futility) boundaries at given information fractions."));
    const QCommandLineOption fractions(
        QStringLiteral("fractions"),
        QStringLiteral("Information fractions, increasing, e.g. 0.25,0.5,0.75,1."), QStringLiteral("list"));
    parser.addOption(fractions);
    const SequentialOptions sequential;
    sequential.addTo(parser);
    if (const auto status =
            parseCommandLine(parser, arguments, QStringLiteral("evident-cli boundaries"), 0, out, err))
        return *status;
    if (!parser.isSet(fractions)) {
        err << "evident-cli boundaries: --fractions is required.\n";
        return ExitUsage;
    }
    BoundaryOptions options;
    options.beta = 0.2; // As tsa: the TSA program's default power of 80%
    if (!readSequentialOptions(parser, sequential, "boundaries", err, options))
        return ExitUsage;
    const auto times = numberListOption(parser, fractions, "boundaries", err);
    if (!times)
        return ExitUsage;
    const BoundaryResult result = computeBoundaries(*times, options);
    if (parser.isSet(sequential.json)) {
        out << QString::fromStdString(boundariesToJson(result, options).dump());
    } else if (result.ok) {
        out << "   t      upper   alpha spent" << (options.futility ? "   futility" : "") << "\n";
        for (std::size_t i = 0; i < result.fractions.size(); ++i) {
            out << QString::asprintf("%6.3f %10.5f %12.6f", result.fractions[i], result.upper[i],
                                     result.alphaSpent[i]);
            if (options.futility)
                out << (result.futility[i] ? QString::asprintf(" %10.5f", *result.futility[i])
                                           : QStringLiteral("          -"));
            out << "\n";
        }
    }
    if (!result.ok) {
        err << "evident-cli boundaries: " << QString::fromStdString(result.error) << "\n";
        return ExitUsage;
    }
    return ExitOk;
}

} // namespace evident::cli
