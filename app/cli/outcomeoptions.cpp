// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/outcomeoptions.h"

#include "app/cli/cli.h"
#include "core/effectsize/effectmeasure.h"
#include "core/model/modelchoice.h"
#include "core/project/outcomeanalysis.h"
#include "core/schema/outcomekind.h"
#include "core/tsa/spending.h"
#include "io/qtext.h"

#include <QTextStream>

#include <cmath>

namespace evident::cli {
namespace {

QCommandLineOption valueOption(const char* name, const char* description, const char* valueName) {
    return QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(description),
                              QString::fromLatin1(valueName));
}

QCommandLineOption flagOption(const char* name, const char* description) {
    return QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(description));
}

/// The option's value as a number > 0 (or ≥ 0 with allowZero); sets `problem` when it is not.
double positiveNumber(const QCommandLineParser& parser, const char* name, double fallback, bool allowZero,
                      QString& problem) {
    const QString option = QString::fromLatin1(name);
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const double value = parser.value(option).toDouble(&ok);
    if (!ok || !(allowZero ? value >= 0 : value > 0)) {
        problem = QStringLiteral("--%1: '%2' is not a number %3")
                      .arg(option, parser.value(option),
                           allowZero ? QStringLiteral(">= 0") : QStringLiteral("> 0"));
        return fallback;
    }
    return value;
}

/// The measures a kind offers on the command line (NMD needs sham means, which a command line cannot
/// give): "SMD, SMD_REVMAN, MD, ROM".
QString offeredMeasures(OutcomeKind kind) {
    QStringList offered;
    for (EffectMeasure each : outcomeKindSpec(kind).measures)
        if (each != EffectMeasure::NMD)
            offered << qs(measureKey(each));
    return offered.join(QStringLiteral(", "));
}

QString applyMeasure(const QCommandLineParser& parser, Outcome& outcome) {
    const QString given = parser.value(QStringLiteral("measure"));
    const auto measure = parseMeasure(given.toStdString());
    if (!measure || *measure == EffectMeasure::NMD || *measure == EffectMeasure::Generic) {
        QStringList all;
        for (const OutcomeKindSpec& spec : outcomeKinds())
            if (spec.kind != OutcomeKind::Generic)
                all << QStringLiteral("%1 (%2)").arg(offeredMeasures(spec.kind), qs(spec.key));
        return QStringLiteral("--measure: unknown measure '%1'; use one of %2")
            .arg(given, all.join(QStringLiteral(", ")));
    }
    if (!kindOffers(outcome.kind, *measure))
        return QStringLiteral("--measure %1 is for %2 outcomes, and '%3' is %4: use one of %5")
            .arg(given, qs(outcomeKindSpec(kindOfMeasure(*measure)).key),
                 QString::fromStdString(outcome.name), qs(outcomeKindSpec(outcome.kind).key),
                 offeredMeasures(outcome.kind));
    outcome.settings.measure = *measure;
    return {};
}

QString applyModel(const QCommandLineParser& parser, Outcome& outcome) {
    if (parser.isSet(QStringLiteral("method"))) {
        const QString given = parser.value(QStringLiteral("method"));
        const auto model = parseModelKey(given.toStdString());
        if (!model) {
            QStringList keys;
            for (const std::string& key : modelKeys())
                keys << QString::fromStdString(key);
            return QStringLiteral("--method: unknown method '%1'; use one of %2")
                .arg(given, keys.join(QStringLiteral(", ")));
        }
        if (const std::string problem = modelProblem(outcome.kind, outcome.settings.measure, *model);
            !problem.empty())
            return QStringLiteral("--method %1: %2").arg(given, QString::fromStdString(problem));
        outcome.settings.pooling = model->pooling;
        outcome.settings.estimator = model->estimator;
    } else if (parser.isSet(QStringLiteral("measure"))) {
        // A new measure with the saved method: Peto, saved for an OR, cannot pool risk ratios.
        const std::string problem =
            modelProblem(outcome.kind, outcome.settings.measure, modelOf(outcome.kind, outcome.settings));
        if (!problem.empty())
            return QStringLiteral("--measure %1: the outcome's method does not fit (%2); give --method too")
                .arg(parser.value(QStringLiteral("measure")), QString::fromStdString(problem));
    }
    const bool doubleZero = parser.isSet(QStringLiteral("double-zero"));
    const bool revman5 = parser.isSet(QStringLiteral("revman5-zero-cells"));
    if ((doubleZero || revman5) && outcome.kind != OutcomeKind::Dichotomous)
        return QStringLiteral("--%1 applies to dichotomous outcomes only ('%2' is %3)")
            .arg(doubleZero ? QStringLiteral("double-zero") : QStringLiteral("revman5-zero-cells"),
                 QString::fromStdString(outcome.name), qs(outcomeKindSpec(outcome.kind).key));
    if (doubleZero) {
        const QString rule = parser.value(QStringLiteral("double-zero")).toLower();
        if (rule != u"drop" && rule != u"keep")
            return QStringLiteral("--double-zero: unknown rule '%1'; use drop or keep")
                .arg(parser.value(QStringLiteral("double-zero")));
        outcome.settings.keepDoubleZero = rule == u"keep";
    }
    if (revman5)
        outcome.settings.revman5ZeroCells = true;
    return {};
}

/// The kind of outcome the options are meant for, for checking them before the file is read.
OutcomeKind probableKind(const QCommandLineParser& parser) {
    if (const auto measure = parseMeasure(parser.value(QStringLiteral("measure")).toStdString()))
        return kindOfMeasure(*measure);
    const auto model = parseModelKey(parser.value(QStringLiteral("method")).toStdString());
    const bool binaryOnly = (model && model->pooling != PoolingMethod::InverseVariance)
                            || parser.isSet(QStringLiteral("double-zero"))
                            || parser.isSet(QStringLiteral("revman5-zero-cells"));
    return binaryOnly ? OutcomeKind::Dichotomous : OutcomeKind::Continuous;
}

} // namespace

void addAnalysisOptions(QCommandLineParser& parser) {
    parser.addOptions({
        valueOption(
            "measure",
            "Effect measure: SMD (default), SMD_REVMAN, MD, ROM for continuous outcomes; OR (default), "
            "RR, RD for dichotomous ones.",
            "measure"),
        valueOption(
            "method",
            "Model: a tau² estimator for inverse-variance pooling (REML, DL, ML, PM, EB, HE, SJ, or FE "
            "for fixed effect); for dichotomous outcomes also MH (Mantel-Haenszel, fixed), MH-DL "
            "(RevMan's M-H random) or PETO (odds ratios).",
            "method"),
        valueOption("double-zero",
                    "Dichotomous: studies without events in either group are dropped from OR and RR (drop, "
                    "the default, as RevMan) or kept with the 0.5 correction (keep, as metafor's escalc).",
                    "rule"),
        flagOption("revman5-zero-cells",
                   "Dichotomous: add 0.5 to zero-cell tables inside the Mantel-Haenszel "
                   "sums too, as RevMan 5 and Stata's metan do."),
        valueOption("test", "Inference: z (Wald, default) or hksj (Hartung-Knapp).", "test"),
        valueOption("subgroup", "Categorical column: forest plot with subgroup blocks.", "column"),
        valueOption("order", "Numeric column that orders the cumulative analysis.", "column"),
        flagOption("lower-is-better",
                   "A lower value in the treated group is a benefit (swaps the Favours labels)."),
        flagOption("no-prediction-interval", "Leave the prediction interval out of the forest plot."),
        valueOption("mre",
                    "TSA: minimal relevant effect (SMD; MD in outcome units; for OR, RR and RD the relative "
                    "risk reduction, 0.2 for 20%).",
                    "value"),
        valueOption("tsa-sd", "TSA with MD: the standard deviation of the outcome.", "value"),
        valueOption("tsa-order", "TSA: numeric column giving the order of the trials (e.g. year).", "column"),
        valueOption("spending", "TSA alpha spending: OBF (default) or Pocock.", "function"),
        flagOption("futility", "TSA: add the non-binding futility boundaries."),
    });
}

void addFigureOptions(QCommandLineParser& parser) {
    parser.addOptions({
        valueOption("width-mm", "Figure width in mm (85 single column, 175 double column; default 175).",
                    "mm"),
        valueOption("height-mm", "Figure height in mm (default: from the content).", "mm"),
        valueOption("dpi", "Resolution of PNG and TIFF files (default 300).", "dpi"),
        valueOption("font", "Font family (default Liberation Sans).", "family"),
        valueOption("font-size", "Font size in points (default 8).", "pt"),
        valueOption("favours-left", "Forest plot: the label under the left half of the axis.", "text"),
        valueOption("favours-right", "Forest plot: the label under the right half of the axis.", "text"),
        flagOption("no-contours", "Funnel plot: no significance contours."),
        flagOption("rob", "Forest plot: SYRCLE risk-of-bias traffic lights beside the plot (+ low, − high, "
                          "? unclear), one column per item."),
    });
}

QString analysisOptionsProblem(const QCommandLineParser& parser) {
    Outcome probe;
    probe.kind = probableKind(parser);
    probe.settings = defaultAnalysisSettings(probe.kind);
    return applyAnalysisOptions(parser, probe);
}

QString applyAnalysisOptions(const QCommandLineParser& parser, Outcome& outcome, QStringList* notApplied) {
    Outcome changed = outcome;
    QString problem;
    if (parser.isSet(QStringLiteral("measure")))
        problem = applyMeasure(parser, changed);
    if (problem.isEmpty())
        problem = applyModel(parser, changed);
    if (problem.isEmpty())
        outcome.settings = changed.settings;
    else if (notApplied && outcome.kind != probableKind(parser))
        notApplied->append(
            QStringLiteral("The measure and method options are for %1 outcomes; '%2' (%3) keeps "
                           "its saved settings.")
                .arg(qs(outcomeKindSpec(probableKind(parser)).key), QString::fromStdString(outcome.name),
                     qs(outcomeKindSpec(outcome.kind).key)));
    else
        return problem;
    if (parser.isSet(QStringLiteral("test"))) {
        const auto inference = parseInference(parser.value(QStringLiteral("test")).toStdString());
        if (!inference)
            return QStringLiteral("--test: unknown test '%1'; use z or hksj")
                .arg(parser.value(QStringLiteral("test")));
        outcome.settings.inference = *inference;
    }
    if (parser.isSet(QStringLiteral("subgroup")))
        outcome.settings.subgroup = parser.value(QStringLiteral("subgroup")).toStdString();
    if (parser.isSet(QStringLiteral("order")))
        outcome.settings.cumulativeOrder = parser.value(QStringLiteral("order")).toStdString();
    if (parser.isSet(QStringLiteral("lower-is-better")))
        outcome.lowerIsBetter = true;
    if (parser.isSet(QStringLiteral("no-prediction-interval")))
        outcome.settings.showPredictionInterval = false;
    problem.clear();
    if (parser.isSet(QStringLiteral("mre"))) { // Either sign, as `tsa --delta`
        bool ok = false;
        const double mre = parser.value(QStringLiteral("mre")).toDouble(&ok);
        if (!ok || !std::isfinite(mre) || mre == 0)
            return QStringLiteral("--mre: '%1' is not a non-zero number")
                .arg(parser.value(QStringLiteral("mre")));
        outcome.tsa.minimalRelevantEffect = mre;
    }
    outcome.tsa.standardDeviation =
        positiveNumber(parser, "tsa-sd", outcome.tsa.standardDeviation, false, problem);
    if (!problem.isEmpty())
        return problem;
    if (parser.isSet(QStringLiteral("tsa-order")))
        outcome.tsa.orderColumn = parser.value(QStringLiteral("tsa-order")).toStdString();
    if (parser.isSet(QStringLiteral("spending"))) {
        const auto spending = parseSpending(parser.value(QStringLiteral("spending")).toStdString());
        if (!spending)
            return QStringLiteral("--spending: unknown function '%1'; use OBF or Pocock")
                .arg(parser.value(QStringLiteral("spending")));
        outcome.tsa.spending = *spending;
    }
    if (parser.isSet(QStringLiteral("futility")))
        outcome.tsa.futility = true;
    return {};
}

QString applyFigureOptions(const QCommandLineParser& parser, FigureSettings& settings) {
    QString problem;
    settings.widthMm = positiveNumber(parser, "width-mm", settings.widthMm, false, problem);
    settings.heightMm = positiveNumber(parser, "height-mm", settings.heightMm, true, problem);
    settings.dpi = positiveNumber(parser, "dpi", settings.dpi, false, problem);
    settings.fontPointSize = positiveNumber(parser, "font-size", settings.fontPointSize, false, problem);
    if (!problem.isEmpty())
        return problem;
    if (parser.isSet(QStringLiteral("font")))
        settings.fontFamily = parser.value(QStringLiteral("font")).toStdString();
    if (parser.isSet(QStringLiteral("favours-left")))
        settings.favoursLeft = parser.value(QStringLiteral("favours-left")).toStdString();
    if (parser.isSet(QStringLiteral("favours-right")))
        settings.favoursRight = parser.value(QStringLiteral("favours-right")).toStdString();
    if (parser.isSet(QStringLiteral("no-contours")))
        settings.contours = false;
    if (parser.isSet(QStringLiteral("rob")))
        settings.riskOfBias = true;
    return {};
}

void addInvalidRowOptions(QCommandLineParser& parser) {
    parser.addOptions({
        flagOption("strict", "Stop at rows with invalid data (exit status 3) instead of leaving them out."),
        flagOption("skip-invalid", "CSV input: leave out rows with invalid data (listed as notes) instead of "
                                   "stopping. Projects leave them out unless --strict."),
    });
}

bool leavesOutInvalidRows(const QCommandLineParser& parser, const LoadedInput& input) {
    if (parser.isSet(QStringLiteral("strict")))
        return false;
    // A project is analysed as the app shows it: invalid rows left out with a note. A CSV file is
    // usually a pipeline's input, where a bad line should stop the run unless asked otherwise.
    return !input.csv || parser.isSet(QStringLiteral("skip-invalid"));
}

int analyseForOutput(const LoadedInput& input, const Outcome& outcome, bool skipInvalid,
                     const QString& command, QTextStream& err, OutcomeAnalysis& analysis,
                     std::vector<std::string>& notes) {
    const QString name = QString::fromStdString(outcome.name);
    for (const QString& warning : input.warnings)
        notes.push_back(warning.toStdString());
    const PreparedOutcome prepared = prepareOutcome(input.project, outcome);
    // Rows left out by convention (double-zero tables) and cautions on analysed rows are part of the
    // record, as the app shows them.
    for (const InputIssue& dropped : prepared.dropped)
        notes.push_back((QStringLiteral("Left out, ") + describeIssue(input, dropped)).toStdString());
    for (const InputIssue& note : prepared.notes)
        notes.push_back(describeIssue(input, note).toStdString());
    if (!prepared.issues.empty()) {
        for (const InputIssue& issue : prepared.issues) {
            const QString where = describeIssue(input, issue);
            if (skipInvalid) {
                notes.push_back((QStringLiteral("Left out, ") + where).toStdString());
                err << "Note: left out, " << where << "\n";
            } else {
                err << name << ", " << where << "\n";
            }
        }
        if (!skipInvalid) {
            err << command << ": " << prepared.issues.size()
                << (prepared.issues.size() == 1 ? " problem" : " problems") << " in the data; fix them, or "
                << (input.csv ? "use --skip-invalid" : "leave out --strict") << " to leave those rows out.\n";
            return ExitInputError;
        }
    }
    if (prepared.data.size() == 0) {
        err << command << ": outcome '" << name << "' has no valid studies to analyse.\n";
        return ExitAnalysisFailed;
    }
    const auto problems = checkAnalysisOptions(prepared.data, analysisOptionsFor(outcome));
    for (const auto& problem : problems)
        err << command << ": " << QString::fromStdString(problem) << "\n";
    if (!problems.empty())
        return ExitUsage;
    analysis = analyseOutcome(input.project, outcome);
    return ExitOk;
}

} // namespace evident::cli
