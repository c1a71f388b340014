// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/analysis/rowdetails.h"

#include "core/common/text.h"
#include "core/schema/outcomekind.h"
#include "ui/models/gridcolumns.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace evident::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("RowDetails", text);
}

QString number(double value) {
    return QString::fromStdString(formatSignificant(value, 4)).replace(QLatin1Char('-'), QChar(0x2212));
}

QString groupText(const GroupSummary& group) {
    return tr("mean %1, SD %2, n %3").arg(number(group.mean), number(group.sd), number(group.n));
}

} // namespace

QString armDerivationText(const RowDerivation& derivation, bool treated) {
    const std::optional<GroupSummary>& group = treated ? derivation.treated : derivation.control;
    if (!group)
        return {};
    QString text = (treated ? tr("Treated group as analysed: %1") : tr("Control group as analysed: %1"))
                       .arg(groupText(*group));
    const std::string& note = treated ? derivation.treatedNote : derivation.controlNote;
    if (!note.empty())
        text += QLatin1Char('\n') + QString::fromStdString(note);
    return text;
}

QString rowDetailsText(const OutcomeAnalysis& analysis, const Project& project, const Outcome& outcome,
                       int row) {
    if (row < 0 || row >= static_cast<int>(outcome.rows.size()))
        return tr("Select a row of the grid to see how its numbers are used.");
    const auto index = static_cast<std::size_t>(row);
    const OutcomeRow& entry = outcome.rows[index];
    const Study* study = project.study(entry.study);
    QString heading =
        tr("Row %1: %2").arg(row + 1).arg(study ? QString::fromStdString(study->label) : QString());
    if (!trimmed(entry.text(EntryField::Arm)).empty())
        heading += QStringLiteral(" (%1)").arg(QString::fromStdString(entry.text(EntryField::Arm)));
    QStringList lines{heading};
    if (!entry.included) {
        lines << tr("Left out of the analysis: the row is unticked.");
        return lines.join(QLatin1Char('\n'));
    }

    const RowDerivation derivation =
        index < analysis.prepared.derivations.size() ? analysis.prepared.derivations[index] : RowDerivation{};
    if (outcomeKindSpec(outcome.kind).twoArms) {
        for (bool treated : {true, false}) {
            const QString arm = armDerivationText(derivation, treated);
            if (!arm.isEmpty())
                lines << QString() << arm;
        }
        const std::size_t source = controlSourceRow(outcome, index);
        if (source != index)
            lines << tr("The control numbers are those of the shared control group \u201c%1\u201d, typed on "
                        "row %2.")
                         .arg(QString::fromStdString(
                             std::string(trimmed(entry.text(EntryField::ControlGroup)))))
                         .arg(source + 1);
        if (!derivation.sharedControlNote.empty())
            lines << QString()
                  << tr("Shared control group: %1").arg(QString::fromStdString(derivation.sharedControlNote));
    }
    // Where this arm differs from its study (a dose, a hydrogel), as the subgroups will use it.
    QStringList own;
    for (std::size_t c = 0; c < entry.covariateValues.size() && c < project.covariateNames.size(); ++c)
        if (!entry.covariateValues[c].empty())
            own << tr("%1 %2 (the study's: %3)")
                       .arg(QString::fromStdString(project.covariateNames[c]),
                            QString::fromStdString(entry.covariateValues[c]),
                            study && c < study->covariateValues.size() && !study->covariateValues[c].empty()
                                ? QString::fromStdString(study->covariateValues[c])
                                : tr("none"));
    if (!own.isEmpty())
        lines << QString() << tr("This arm's own characteristics: %1.").arg(own.join(QStringLiteral("; ")));

    QStringList problems;
    for (const InputIssue& issue : analysis.prepared.issues)
        if (issue.row == index)
            problems << QString::fromStdString(issue.message);
    for (const InputIssue& issue : analysis.prepared.dropped)
        if (issue.row == index)
            problems << QString::fromStdString(issue.message);
    QStringList notes;
    for (const InputIssue& issue : analysis.prepared.notes)
        if (issue.row == index)
            notes << QStringLiteral("\u2022 ") + QString::fromStdString(issue.message);
    if (!notes.isEmpty())
        lines << QString() << tr("Notes:") << notes;
    if (!problems.isEmpty()) {
        lines << QString() << tr("Left out of the analysis:");
        for (const QString& problem : problems)
            lines << QStringLiteral("\u2022 ") + problem;
        return lines.join(QLatin1Char('\n'));
    }

    for (std::size_t c = 0; c < analysis.prepared.sourceRows.size(); ++c) {
        const auto& sources = analysis.prepared.sourceRows[c];
        if (std::find(sources.begin(), sources.end(), index) == sources.end())
            continue;
        const double yi = analysis.prepared.data.yi[c];
        const double vi = analysis.prepared.data.vi[c];
        const QString measure = QString::fromUtf8(measureAbbreviation(analysis.measure).data());
        const QString label = QString::fromStdString(analysis.prepared.data.labels[c]);
        // A ratio is analysed as its log: say so, and give the ratio the forest plot shows.
        lines << QString()
              << (isRatioMeasure(analysis.measure)
                      ? tr("Effect size (log %1) of \u201c%2\u201d: %3 (%1 %4), variance %5")
                            .arg(measure, label, number(yi), number(std::exp(yi)), number(vi))
                      : tr("Effect size (%1) of \u201c%2\u201d: %3, variance %4")
                            .arg(measure, label, number(yi), number(vi)));
        if (sources.size() > 1) {
            QStringList rows;
            for (std::size_t source : sources)
                rows << QString::number(source + 1);
            lines << tr("One comparison made of rows %1 (treated arms combined).")
                         .arg(rows.join(QStringLiteral(", ")));
        }
        break;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace evident::ui
