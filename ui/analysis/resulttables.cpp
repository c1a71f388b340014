// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/analysis/resulttables.h"

#include "core/common/text.h"
#include "core/report/manuscripttext.h"
#include "core/report/numberformat.h"
#include "core/report/studyresults.h"
#include "io/qtext.h"

#include <QCoreApplication>

#include <cmath>
#include <map>

namespace evident::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Results", text);
}

int decimalsFor(const OutcomeAnalysis& analysis) {
    const MetaAnalysisFit& fit = analysis.result.overall;
    return suggestedDecimals(fit.estimable ? toReportingScale(fit.estimate, analysis.measure) : 1.0);
}

QString ciHeader(const OutcomeAnalysis& analysis, const char* bound) {
    return tr("%1% CI %2").arg(std::lround(100 * analysis.options.fit.level)).arg(tr(bound));
}

/// Estimate, CI and heterogeneity columns of one fit.
QList<QVariant> fitCells(const MetaAnalysisFit& fit, EffectMeasure measure) {
    if (!fit.estimable)
        return {tr("not estimable"), {}, {}, {}, {}, {}};
    return {toReportingScale(fit.estimate, measure),
            toReportingScale(fit.ci.lower, measure),
            toReportingScale(fit.ci.upper, measure),
            fit.p,
            fit.tau2,
            fit.k > 1 ? QVariant(fit.i2) : QVariant()};
}

QStringList fitHeader(const OutcomeAnalysis& analysis) {
    return {QString::fromUtf8(measureAbbreviation(analysis.measure).data()),
            ciHeader(analysis, "lower"),
            ciHeader(analysis, "upper"),
            tr("P"),
            tr("Tau\u00b2"),
            tr("I\u00b2")};
}

QList<CellFormat> fitFormats() {
    return {CellFormat::Estimate, CellFormat::Estimate, CellFormat::Estimate,
            CellFormat::PValue,   CellFormat::Number,   CellFormat::Percent};
}

} // namespace

QString ResultTable::displayText(int row, int column) const {
    const QVariant& cell = rows.value(row).value(column);
    if (!cell.isValid())
        return {};
    if (cell.typeId() != QMetaType::Double)
        return cell.toString(); // text, and counts stored as integers (fail-safe N, studies imputed)
    const double value = cell.toDouble();
    switch (formats.value(column, CellFormat::Text)) {
    case CellFormat::Estimate:
        return qs(formatFixed(value, decimals));
    case CellFormat::Number:
        return qs(formatFixed(value, std::max(2, decimals)));
    case CellFormat::PValue:
        return qs(formatPValue(value));
    case CellFormat::Percent:
        return qs(formatPercent(value));
    case CellFormat::Count:
        return QString::number(static_cast<long long>(std::llround(value)));
    case CellFormat::Text:
        break;
    }
    return qs(formatShortest(value));
}

QString ResultTable::exportText(int row, int column) const {
    const QVariant& cell = rows.value(row).value(column);
    if (cell.typeId() == QMetaType::Double)
        return qs(formatShortest(cell.toDouble()));
    return cell.toString();
}

ResultTable leftOutTable(const OutcomeAnalysis& analysis, const Project& project, const Outcome& outcome) {
    ResultTable table;
    table.name = QStringLiteral("left-out");
    table.header = {tr("Row"), tr("Study"), tr("Reason")};
    table.formats = {CellFormat::Count, CellFormat::Text, CellFormat::Text};
    // One line per row, in grid order; a row with several bad cells lists them all.
    std::map<std::size_t, std::pair<QString, QStringList>> reasons;
    for (std::size_t r = 0; r < outcome.rows.size(); ++r)
        if (!outcome.rows[r].included) {
            const Study* study = project.study(outcome.rows[r].study);
            reasons[r] = {study ? qs(study->label) : QString(), {tr("unticked (left out by you)")}};
        }
    for (const InputIssue& issue : analysis.prepared.issues) {
        auto& entry = reasons[issue.row];
        entry.first = qs(issue.study);
        entry.second.append(qs(issue.message));
    }
    for (const auto& [row, reason] : reasons)
        table.rows.append(
            {static_cast<double>(row + 1), reason.first, reason.second.join(QStringLiteral("; "))});
    return table;
}

ResultTable leaveOneOutTable(const OutcomeAnalysis& analysis) {
    ResultTable table;
    table.name = QStringLiteral("leave-one-out");
    table.decimals = decimalsFor(analysis);
    table.header = QStringList{tr("Study omitted")} + fitHeader(analysis);
    table.formats = QList<CellFormat>{CellFormat::Text} + fitFormats();
    const auto& labels = analysis.prepared.data.labels;
    for (const LeaveOneOutRow& row : analysis.result.leaveOneOut)
        table.rows.append(QList<QVariant>{qs(labels[row.omitted])} + fitCells(row.fit, analysis.measure));
    return table;
}

ResultTable subgroupTable(const OutcomeAnalysis& analysis) {
    ResultTable table;
    table.name = QStringLiteral("subgroups");
    table.decimals = decimalsFor(analysis);
    table.header = QStringList{tr("Subgroup"), tr("k")} + fitHeader(analysis);
    table.formats = QList<CellFormat>{CellFormat::Text, CellFormat::Count} + fitFormats();
    if (!analysis.result.subgroups)
        return table;
    for (const SubgroupFit& group : analysis.result.subgroups->groups)
        table.rows.append(QList<QVariant>{qs(group.level), static_cast<double>(group.fit.k)}
                          + fitCells(group.fit, analysis.measure));
    return table;
}

ResultTable smallStudyTable(const OutcomeAnalysis& analysis) {
    ResultTable table;
    table.name = QStringLiteral("small-study-effects");
    table.decimals = decimalsFor(analysis);
    table.header = {tr("Test"), tr("Statistic"), tr("P"), tr("Details")};
    table.formats = {CellFormat::Text, CellFormat::Number, CellFormat::PValue, CellFormat::Text};
    const AnalysisResult& result = analysis.result;
    const TextStyle style{table.decimals, analysis.options.fit.level};
    if (result.egger)
        table.rows.append(
            {tr("Egger's regression test (t)"), result.egger->statistic, result.egger->p,
             tr("bias %1 (SE %2), df = %3")
                 .arg(qs(formatFixed(result.egger->bias, 2)), qs(formatFixed(result.egger->se, 2)))
                 .arg(result.egger->df)});
    if (result.begg)
        table.rows.append({tr("Begg's rank correlation (Kendall's tau)"), result.begg->tau, result.begg->p,
                           result.begg->exact ? tr("exact p-value") : tr("normal approximation")});
    if (result.trimAndFill) {
        const TrimAndFill& tf = *result.trimAndFill;
        const QString side = tf.side == FunnelSide::Left ? tr("left") : tr("right");
        table.rows.append({tr("Trim-and-fill (studies imputed)"), static_cast<qlonglong>(tf.k0), QVariant(),
                           tf.k0 > 0
                               ? tr("on the %1; adjusted %2")
                                     .arg(side, qs(pooledSentence(tf.adjusted, analysis.measure, style)))
                               : tr("none imputed (%1 side tested)").arg(side)});
    }
    if (result.failSafeN)
        table.rows.append(
            {tr("Fail-safe N (Rosenthal)"), static_cast<qlonglong>(std::llround(result.failSafeN->rosenthal)),
             result.failSafeN->p, tr("null studies that would raise the one-sided combined P above 0.05")});
    return table;
}

ResultTable robSensitivityTable(const OutcomeAnalysis& analysis, const RobSensitivity& sensitivity) {
    ResultTable table;
    table.name = QStringLiteral("risk-of-bias-sensitivity");
    table.decimals = decimalsFor(analysis);
    table.header = QStringList{tr("Analysis"), tr("k")} + fitHeader(analysis);
    table.formats = QList<CellFormat>{CellFormat::Text, CellFormat::Count} + fitFormats();
    const MetaAnalysisFit& all = analysis.result.overall;
    const MetaAnalysisFit& reduced = sensitivity.analysis.result.overall;
    table.rows.append(QList<QVariant>{tr("All studies (main analysis)"), static_cast<double>(all.k)}
                      + fitCells(all, analysis.measure));
    table.rows.append(QList<QVariant>{tr("Without studies at high risk"), static_cast<double>(reduced.k)}
                      + fitCells(reduced, sensitivity.analysis.measure));
    return table;
}

ResultTable resultsExportTable(const OutcomeAnalysis& analysis, const RobSensitivity* sensitivity) {
    ResultTable table;
    table.name = QStringLiteral("results");
    table.decimals = decimalsFor(analysis);
    const bool ratio = isRatioMeasure(analysis.measure);
    table.header = QStringList{tr("Row"), tr("Study or subgroup"), tr("k"), tr("Weight (%)"),
                               ratio ? tr("SE (log scale)") : tr("SE")}
                   + fitHeader(analysis);
    table.formats = QList<CellFormat>{CellFormat::Text, CellFormat::Text, CellFormat::Count,
                                      CellFormat::Number, CellFormat::Number}
                    + fitFormats();
    const auto scale = [&](double value) { return toReportingScale(value, analysis.measure); };
    for (const StudyResult& study : studyResults(analysis))
        table.rows.append({tr("study"), qs(study.label), QVariant(),
                           study.weightPercent ? QVariant(*study.weightPercent) : QVariant(), study.se,
                           scale(study.estimate), scale(study.ci.lower), scale(study.ci.upper), QVariant(),
                           QVariant(), QVariant()});
    const MetaAnalysisFit& overall = analysis.result.overall;
    const auto pooledRow = [&](const QString& kind, const QString& label, const MetaAnalysisFit& fit) {
        return QList<QVariant>{kind, label, static_cast<double>(fit.k), QVariant(),
                               fit.estimable ? QVariant(fit.se) : QVariant()}
               + fitCells(fit, analysis.measure);
    };
    table.rows.append(pooledRow(tr("pooled"), tr("All studies"), overall));
    if (overall.estimable && overall.k > 1 && analysis.options.fit.estimator != Tau2Estimator::FixedEffect
        && std::isfinite(overall.prediction.lower))
        table.rows.append({tr("prediction interval"), tr("All studies"), QVariant(), QVariant(), QVariant(),
                           QVariant(), scale(overall.prediction.lower), scale(overall.prediction.upper),
                           QVariant(), QVariant(), QVariant()});
    if (const auto& subgroups = analysis.result.subgroups)
        for (const SubgroupFit& group : subgroups->groups)
            table.rows.append(pooledRow(
                tr("subgroup"), qs(subgroups->variable) + QStringLiteral(": ") + qs(group.level), group.fit));
    if (sensitivity && !sensitivity->excludedStudies.empty())
        table.rows.append(pooledRow(tr("risk-of-bias sensitivity"), tr("Without studies at high risk"),
                                    sensitivity->analysis.result.overall));
    return table;
}

} // namespace evident::ui
