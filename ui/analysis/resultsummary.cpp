// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/analysis/resultsummary.h"

#include "core/report/manuscripttext.h"
#include "core/report/numberformat.h"
#include "io/qtext.h"
#include "ui/analysis/resulttables.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>
#include <set>

namespace evident::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Results", text);
}

} // namespace

QString manuscriptText(const OutcomeAnalysis& analysis, const Outcome& outcome) {
    const MetaAnalysisFit& fit = analysis.result.overall;
    const FitOptions& options = analysis.options.fit;
    TextStyle style;
    style.level = options.level;
    style.decimals =
        suggestedDecimals(fit.estimable ? toReportingScale(fit.estimate, analysis.measure) : 1.0);
    const QString levelText = QString::number(std::lround(100 * options.level));
    QStringList lines;

    if (fit.k == 0) {
        lines.append(tr("No study can be analysed yet: enter the data of at least one study, or see "
                        "'Left out of the analysis' below."));
        return lines.join(QLatin1Char('\n'));
    }

    double animals = 0;
    for (double n : analysis.prepared.participants)
        animals += n;
    const bool fixed = options.estimator == Tau2Estimator::FixedEffect;
    // Arms of one study are separate comparisons: say so when the two counts differ.
    std::set<StudyId> distinct;
    for (std::size_t row : analysis.prepared.rows)
        if (row < outcome.rows.size())
            distinct.insert(outcome.rows[row].study);
    const auto studyCount = static_cast<int>(distinct.size());
    QString studies = fit.k == 1 ? tr("1 study") : tr("%1 studies").arg(fit.k);
    if (studyCount > 0 && studyCount != fit.k)
        studies = tr("%1 comparisons from %2")
                      .arg(fit.k)
                      .arg(studyCount == 1 ? tr("1 study") : tr("%1 studies").arg(studyCount));
    if (animals > 0)
        studies += tr(" (%1 animals)").arg(static_cast<long long>(std::llround(animals)));
    const QString ciMethod =
        options.inference == InferenceMethod::HartungKnapp ? tr("Hartung-Knapp-Sidik-Jonkman") : tr("Wald");
    lines.append(tr("%1 meta-analysis of %2; %3 confidence intervals.")
                     .arg(qs(modelDescription(options)), studies, ciMethod));
    lines.append(tr("Measure: %1.").arg(qs(std::string(measureLabel(analysis.measure)))));
    if (outcome.lowerIsBetter && !isOrientedToBenefit(analysis.measure))
        lines.append(tr("Lower values are better for this outcome: an effect below %1 favours the treatment.")
                         .arg(isRatioMeasure(analysis.measure) ? QStringLiteral("1") : QStringLiteral("0")));
    if (const std::string events = totalEventsLine(analysis.prepared.data); !events.empty())
        lines.append(qs(events) + QLatin1Char('.'));
    if (const std::string zeroCells = zeroCellStatement(analysis.prepared.data, options, analysis.measure);
        !zeroCells.empty())
        lines.append(qs(zeroCells));
    lines.append(QString());

    lines.append(tr("Pooled effect: %1.").arg(qs(pooledSentence(fit, analysis.measure, style))));
    lines.append(qs(heterogeneityLine(fit, style)) + QLatin1Char('.'));
    lines.append(qs(overallEffectLine(fit)) + QLatin1Char('.'));
    if (const auto& tests = analysis.result.mantelHaenszelTests)
        if (const std::string line = mantelHaenszelTestsLine(*tests); !line.empty())
            lines.append(qs(line) + QLatin1Char('.'));
    if (fit.estimable && !fixed && outcome.settings.showPredictionInterval && fit.k > 1)
        lines.append(tr("%1% prediction interval: %2 to %3.")
                         .arg(levelText,
                              qs(formatFixed(toReportingScale(fit.prediction.lower, analysis.measure),
                                             style.decimals)),
                              qs(formatFixed(toReportingScale(fit.prediction.upper, analysis.measure),
                                             style.decimals))));

    if (const auto& subgroups = analysis.result.subgroups) {
        lines.append(QString());
        lines.append(tr("Subgroups by %1:").arg(qs(subgroups->variable)));
        for (const SubgroupFit& group : subgroups->groups)
            lines.append(tr("  %1 (k = %2): %3.")
                             .arg(qs(group.level))
                             .arg(group.fit.k)
                             .arg(qs(pooledSentence(group.fit, analysis.measure, style))));
        if (subgroups->between)
            lines.append(qs(subgroupDifferenceLine(*subgroups->between)) + QLatin1Char('.'));
    }

    if (analysis.tsa.ok && !analysis.tsa.conclusion.empty()) {
        lines.append(QString());
        lines.append(tr("Trial sequential analysis: %1").arg(qs(analysis.tsa.conclusion)));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace evident::ui
