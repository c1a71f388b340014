// SPDX-License-Identifier: GPL-3.0-or-later
// The live figures of the main window: forest, funnel and TSA plots and the risk-of-bias summary of the
// current outcome, redrawn whenever its analysis changes, each with an export command.
#pragma once

#include "core/plotdata/figurelayout.h"

#include <QList>
#include <QObject>
#include <QString>

#include <utility>
#include <vector>

class QAction;
class QWidget;

namespace evident {
struct OutcomeAnalysis;
struct Outcome;
} // namespace evident

namespace evident::plots {
class FigureWidget;
}

namespace evident::ui {

class AnalysisController;
class Document;
class StudyGridView;

class AnalysisViews : public QObject {
    Q_OBJECT
public:
    AnalysisViews(Document* document, AnalysisController* analysis, StudyGridView* grid, QWidget* window);

    /// The pages to show as tabs: the forest plot (scrolls when tall), the funnel plot, and the TSA
    /// plot (its settings are in the main window's Analysis panel).
    QWidget* forestPage() const { return m_forestPage; }
    QWidget* funnelPage() const;
    QWidget* tsaPage() const { return m_tsaPage; }
    /// The risk-of-bias summary bars and, beside them, the traffic lights per study.
    QWidget* riskOfBiasPage() const { return m_riskOfBiasPage; }
    /// The cumulative and leave-one-out forest plots (each scrolls when tall), with their tab titles.
    QList<std::pair<QWidget*, QString>> sensitivityPages() const { return m_sensitivityPages; }
    plots::FigureWidget* figure(FigureKind kind) const;

    /// "Export Forest Plot…" and the others, in the figure registry's order, for the File menu.
    QList<QAction*> exportActions() const { return m_exportActions; }

    /// Opens the export dialog for a figure; the choices made are stored with the outcome (undoable).
    void exportFigure(FigureKind kind);

signals:
    void message(const QString& text);

protected:
private:
    void showAnalysis(const OutcomeAnalysis& analysis, const Outcome& outcome);
    /// Puts the risk-of-bias page on the tab after the TSA plot's, once.
    void selectStudyRow(int outcomeRow);

    Document* m_document;
    AnalysisController* m_analysis;
    StudyGridView* m_grid;
    QWidget* m_window;
    std::vector<plots::FigureWidget*> m_figures; ///< One per figure kind, in the registry's order
    QWidget* m_forestPage;
    QWidget* m_tsaPage;
    QWidget* m_riskOfBiasPage;
    QList<std::pair<QWidget*, QString>> m_sensitivityPages;
    QList<QAction*> m_exportActions;
};

} // namespace evident::ui
