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
    , m_window(window)
    , m_forest(new plots::ForestPlotWidget(window))
    , m_funnel(new plots::FunnelPlotWidget(window))
    , m_tsa(new plots::TsaPlotWidget(window))
    , m_riskOfBias(new plots::RiskOfBiasPlotWidget(window)) {
    // A forest plot of many studies is taller than the window: it scrolls, rows never overlap.
    m_forestPage = scrollable(m_forest, window);

    // The TSA plot has the whole tab; its settings are in the Analysis panel with the others.
    m_tsaPage = m_tsa;

    const std::pair<FigureKind, QString> figures[] = {
        {FigureKind::Forest, tr("Export &Forest Plot\u2026")},
        {FigureKind::Funnel, tr("Export F&unnel Plot\u2026")},
        {FigureKind::Tsa, tr("Export &TSA Plot\u2026")},
        {FigureKind::RobSummary, tr("Export &Risk of Bias Summary\u2026")}};
    for (const auto& [kind, text] : figures) {
        auto* action = new QAction(text, this);
        connect(action, &QAction::triggered, this, [this, kind = kind] { exportFigure(kind); });
        m_exportActions.append(action);
    }
    for (plots::FigureWidget* widget : {m_forest, m_funnel})
        connect(widget, &plots::FigureWidget::studyClicked, this, &AnalysisViews::selectStudyRow);
    connect(analysis, &AnalysisController::analysisChanged, this, &AnalysisViews::showAnalysis);
}

QWidget* AnalysisViews::riskOfBiasPage() const {
    return m_riskOfBias;
}

QWidget* AnalysisViews::funnelPage() const {
    return m_funnel;
}

plots::FigureWidget* AnalysisViews::figure(FigureKind kind) const {
    switch (kind) {
    case FigureKind::Forest:
        return m_forest;
    case FigureKind::Funnel:
        return m_funnel;
    case FigureKind::Tsa:
        return m_tsa;
    case FigureKind::RobSummary:
        break;
    }
    return m_riskOfBias;
}

void AnalysisViews::showAnalysis(const OutcomeAnalysis& analysis, const Outcome& outcome) {
    // The judgements are the project's as it is now: the analysis was made from it a moment ago.
    const std::vector<Study>& studies = m_document->project().studies;
    for (plots::FigureWidget* widget : {m_forest, m_funnel, m_tsa, m_riskOfBias})
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
