// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/analysisviews.h"

#include "ui/analysis/analysiscontroller.h"
#include "ui/commands/valuecommands.h"
#include "ui/document/document.h"
#include "ui/export/figureexportdialog.h"
#include "ui/plots/figurewidget.h"
#include "ui/widgets/studygridview.h"

#include <QAction>
#include <QScrollArea>
#include <QSplitter>
#include <QUndoStack>

namespace evident::ui {
namespace {

QScrollArea* scrollable(QWidget* content, QWidget* parent) {
    auto* scroll = new QScrollArea(parent);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

} // namespace

AnalysisViews::AnalysisViews(Document* document, AnalysisController* analysis, StudyGridView* grid,
                             QWidget* window)
    : QObject(window)
    , m_document(document)
    , m_analysis(analysis)
    , m_grid(grid)
    , m_window(window) {
    for (const FigureType& type : figureTypes())
        m_figures.push_back(new plots::FigureWidget(type.kind, window));
    // A forest plot of many studies is taller than the window: it scrolls, rows never overlap.
    m_forestPage = scrollable(figure(FigureKind::Forest), window);
    for (FigureKind kind : {FigureKind::Cumulative, FigureKind::LeaveOneOut})
        m_sensitivityPages.append({scrollable(figure(kind), window), tr(figureType(kind).title.data())});

    // The TSA plot has the whole tab; its settings are in the Analysis panel with the others.
    m_tsaPage = figure(FigureKind::Tsa);

    // The summary bars and, beside them, the traffic lights of each study (scrolling when many).
    auto* robSplitter = new QSplitter(Qt::Horizontal, window);
    robSplitter->addWidget(figure(FigureKind::RobSummary));
    robSplitter->addWidget(scrollable(figure(FigureKind::RobTrafficLight), window));
    robSplitter->setChildrenCollapsible(false);
    m_riskOfBiasPage = robSplitter;

    for (const FigureType& type : figureTypes()) {
        auto* action = new QAction(tr("Export %1\u2026").arg(tr(type.title.data())), this);
        connect(action, &QAction::triggered, this, [this, kind = type.kind] { exportFigure(kind); });
        m_exportActions.append(action);
    }
    for (plots::FigureWidget* widget : m_figures)
        connect(widget, &plots::FigureWidget::studyClicked, this, &AnalysisViews::selectStudyRow);
    connect(analysis, &AnalysisController::analysisChanged, this, &AnalysisViews::showAnalysis);
}

QWidget* AnalysisViews::funnelPage() const {
    return figure(FigureKind::Funnel);
}

plots::FigureWidget* AnalysisViews::figure(FigureKind kind) const {
    for (plots::FigureWidget* widget : m_figures)
        if (widget->kind() == kind)
            return widget;
    return m_figures.front();
}

void AnalysisViews::showAnalysis(const OutcomeAnalysis& analysis, const Outcome& outcome) {
    // The judgements are the project's as it is now: the analysis was made from it a moment ago.
    const std::vector<Study>& studies = m_document->project().studies;
    for (plots::FigureWidget* widget : m_figures)
        widget->setAnalysis(analysis, outcome, studies);
    for (QAction* action : m_exportActions)
        action->setEnabled(true);
}

void AnalysisViews::selectStudyRow(int outcomeRow) {
    m_grid->selectRow(outcomeRow);
    m_grid->setFocus();
    emit message(tr("Selected row %1").arg(outcomeRow + 1));
}

void AnalysisViews::exportFigure(FigureKind kind) {
    const OutcomeAnalysis* analysis = m_analysis->analysis();
    const Outcome* outcome = m_document->currentOutcomeData();
    if (!analysis || !outcome)
        return;
    plots::FigureExportDialog dialog(kind, *analysis, *outcome, m_document->project().studies, m_window);
    if (dialog.exec() != QDialog::Accepted || dialog.exportedPath().isEmpty())
        return;
    QUndoCommand* change =
        makeFigureSettingsChange(m_document, m_document->currentOutcome(), kind, dialog.settings());
    if (change)
        m_document->undoStack()->push(change);
    emit message(tr("Exported %1").arg(dialog.exportedPath()));
}

} // namespace evident::ui
