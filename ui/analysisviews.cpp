// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/analysisviews.h"

#include "ui/analysis/analysiscontroller.h"
#include "ui/commands/changevalue.h"
#include "ui/commands/valuecommands.h"
#include "ui/document/document.h"
#include "ui/export/figureexportdialog.h"
#include "ui/plots/figurewidget.h"
#include "ui/widgets/studygridview.h"
#include "ui/widgets/tsasettingspanel.h"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
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
                             TsaSettingsPanel* tsaSettings, QWidget* window)
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

    auto* settings = scrollable(tsaSettings, window);
    settings->setMinimumWidth(tsaSettings->minimumSizeHint().width()
                              + settings->verticalScrollBar()->sizeHint().width());
    auto* tsaSplitter = new QSplitter(Qt::Horizontal, window);
    tsaSplitter->addWidget(m_tsa);
    tsaSplitter->addWidget(settings);
    tsaSplitter->setStretchFactor(0, 1);
    tsaSplitter->setStretchFactor(1, 0);
    tsaSplitter->setChildrenCollapsible(false);
    m_tsaPage = tsaSplitter;

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
    // The window adds the forest, funnel and TSA pages as tabs; the risk-of-bias page follows the TSA
    // page onto its tab widget (see eventFilter).
    m_tsaPage->installEventFilter(this);
}

QWidget* AnalysisViews::riskOfBiasPage() const {
    return m_riskOfBias;
}

bool AnalysisViews::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::ParentChange) {
        if (watched == m_tsaPage && !m_tabs) {
            // Inside QTabWidget::addTab: the page is on the tab widget's stack, its tab not made yet.
            // The tabs are complete when the window places the tab widget in its layout.
            QWidget* stack = m_tsaPage->parentWidget();
            if (auto* tabs = stack ? qobject_cast<QTabWidget*>(stack->parentWidget()) : nullptr) {
                m_tabs = tabs;
                m_tabs->installEventFilter(this);
            }
        } else if (watched == m_tabs) {
            insertRiskOfBiasTab();
        }
    }
    return QObject::eventFilter(watched, event);
}

void AnalysisViews::insertRiskOfBiasTab() {
    if (!m_tabs || m_tabs->indexOf(m_riskOfBias) >= 0)
        return;
    const int tsa = m_tabs->indexOf(m_tsaPage);
    if (tsa < 0)
        return;
    m_tabs->removeEventFilter(this);
    m_tabs->insertTab(tsa + 1, m_riskOfBias, tr("Risk of bias"));
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
    insertRiskOfBiasTab(); // In case the window made its tabs in an order the event filter missed
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
    const int index = m_document->currentOutcome();
    QUndoCommand* change = nullptr;
    if (kind == FigureKind::RobSummary) {
        // makeFigureSettingsChange knows the forest, funnel and TSA settings; the summary's are set with
        // the same generic command.
        const auto locate = [index](Project& p) -> FigureSettings& {
            return p.outcomes[static_cast<std::size_t>(index)].figures.robSummary;
        };
        if (!(locate(m_document->editableProject()) == dialog.settings()))
            change = new ChangeValue<FigureSettings>(
                m_document, QCoreApplication::translate("Undo Commands", "Change figure settings"), locate,
                dialog.settings(), {DocumentChange::Kind::Outcome, index});
    } else {
        change = makeFigureSettingsChange(m_document, index, kind, dialog.settings());
    }
    if (change)
        m_document->undoStack()->push(change);
    emit message(tr("Exported %1").arg(dialog.exportedPath()));
}

} // namespace evident::ui
