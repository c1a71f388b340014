// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/commands/valuecommands.h"

#include "ui/commands/changevalue.h"
#include "ui/plots/figuremodel.h"

#include <QCoreApplication>

namespace evident::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Undo Commands", text);
}

Outcome& outcomeAt(Project& project, int index) {
    return project.outcomes[static_cast<std::size_t>(index)];
}

/// A ChangeValue, or nullptr when `locate` already holds `value`.
template <typename T>
QUndoCommand* changeIfDifferent(Document* document, const QString& text,
                                typename ChangeValue<T>::Locator locate, T value, DocumentChange change,
                                const QString& mergeKey = QString()) {
    if (locate(document->editableProject()) == value)
        return nullptr;
    auto* command = new ChangeValue<T>(document, text, std::move(locate), std::move(value), change);
    command->setMergeKey(mergeKey);
    return command;
}

DocumentChange outcomeChange(int outcome) {
    return {DocumentChange::Kind::Outcome, outcome};
}

} // namespace

QUndoCommand* makeAnalysisSettingsChange(Document* document, int outcome, AnalysisSettings settings,
                                         const QString& text, const QString& mergeKey) {
    return changeIfDifferent<AnalysisSettings>(
        document, text, [outcome](Project& p) -> AnalysisSettings& { return outcomeAt(p, outcome).settings; },
        std::move(settings), outcomeChange(outcome),
        mergeKey.isEmpty() ? QString() : QStringLiteral("analysis/%1/%2").arg(outcome).arg(mergeKey));
}

QUndoCommand* makeTsaSettingsChange(Document* document, int outcome, TsaSettings settings,
                                    const QString& text, const QString& mergeKey) {
    return changeIfDifferent<TsaSettings>(
        document, text, [outcome](Project& p) -> TsaSettings& { return outcomeAt(p, outcome).tsa; },
        std::move(settings), outcomeChange(outcome),
        mergeKey.isEmpty() ? QString() : QStringLiteral("tsa/%1/%2").arg(outcome).arg(mergeKey));
}

QUndoCommand* makeFigureSettingsChange(Document* document, int outcome, FigureKind kind,
                                       FigureSettings settings) {
    return changeIfDifferent<FigureSettings>(
        document, QCoreApplication::translate("Undo Commands", "Change figure settings"),
        [outcome, kind](Project& p) -> FigureSettings& {
            return figureSettings(outcomeAt(p, outcome).figures, kind);
        },
        std::move(settings), outcomeChange(outcome), QString());
}

QUndoCommand* makeSharedControlChange(Document* document, int outcome, SharedControlMethod method) {
    return changeIfDifferent<SharedControlMethod>(
        document,
        method == SharedControlMethod::SplitControl ? tr("Split shared control groups")
                                                    : tr("Combine arms sharing a control group"),
        [outcome](Project& p) -> SharedControlMethod& { return outcomeAt(p, outcome).sharedControl; }, method,
        outcomeChange(outcome));
}

namespace {

RobItemAssessment& robItem(Project& project, StudyId study, std::size_t item) {
    // The study exists while the command is on the stack: edits are undone in order.
    return project.study(study)->riskOfBias.items[item];
}

QString studyLabel(const Document* document, StudyId study) {
    const Study* found = document->project().study(study);
    return found ? QString::fromStdString(found->label) : QString();
}

QString itemLabel(std::size_t item) {
    const std::string_view label = syrcleItems()[item].label;
    return QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()));
}

} // namespace

QUndoCommand* makeRobJudgementChange(Document* document, StudyId study, std::size_t item,
                                     RobJudgement judgement) {
    if (!document->project().study(study) || item >= syrcleItemCount)
        return nullptr;
    return changeIfDifferent<RobJudgement>(
        document, tr("Judge %1 of %2").arg(itemLabel(item), studyLabel(document, study)),
        [study, item](Project& p) -> RobJudgement& { return robItem(p, study, item).judgement; }, judgement,
        {DocumentChange::Kind::Study, -1, -1, -1, study});
}

QUndoCommand* makeRobSupportChange(Document* document, StudyId study, std::size_t item, std::string support) {
    if (!document->project().study(study) || item >= syrcleItemCount)
        return nullptr;
    return changeIfDifferent<std::string>(
        document, tr("Edit support for %1 of %2").arg(itemLabel(item), studyLabel(document, study)),
        [study, item](Project& p) -> std::string& { return robItem(p, study, item).support; },
        std::move(support), {DocumentChange::Kind::Study, -1, -1, -1, study},
        QStringLiteral("rob-support/%1/%2").arg(study).arg(item));
}

QUndoCommand* makeOutcomeRename(Document* document, int outcome, std::string name) {
    const QString text =
        tr("Rename outcome %1 to %2")
            .arg(QString::fromStdString(document->project().outcomes[static_cast<std::size_t>(outcome)].name),
                 QString::fromStdString(name));
    return changeIfDifferent<std::string>(
        document, text, [outcome](Project& p) -> std::string& { return outcomeAt(p, outcome).name; },
        std::move(name), outcomeChange(outcome));
}

QUndoCommand* makeLowerIsBetterChange(Document* document, int outcome, bool lowerIsBetter) {
    return changeIfDifferent<bool>(
        document,
        lowerIsBetter ? tr("Mark outcome as lower is better") : tr("Mark outcome as higher is better"),
        [outcome](Project& p) -> bool& { return outcomeAt(p, outcome).lowerIsBetter; }, lowerIsBetter,
        outcomeChange(outcome));
}

QUndoCommand* makeProjectTitleChange(Document* document, std::string title) {
    return changeIfDifferent<std::string>(
        document, tr("Change project title"), [](Project& p) -> std::string& { return p.title; },
        std::move(title), {DocumentChange::Kind::ProjectInfo}, QStringLiteral("title"));
}

QUndoCommand* makeProjectNotesChange(Document* document, std::string notes) {
    return changeIfDifferent<std::string>(
        document, tr("Change project notes"), [](Project& p) -> std::string& { return p.notes; },
        std::move(notes), {DocumentChange::Kind::ProjectInfo}, QStringLiteral("notes"));
}

} // namespace evident::ui
