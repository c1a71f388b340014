// SPDX-License-Identifier: GPL-3.0-or-later
// The live figures of the main window: forest, funnel and TSA plots of the current outcome, redrawn
// whenever its analysis changes, each with an export command; the TSA settings sit beside the TSA plot.
#pragma once

#include "core/plotdata/figurelayout.h"

#include <QObject>

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
class TsaSettingsPanel;

class AnalysisViews : public QObject {
    Q_OBJECT
public:
    AnalysisViews(Document* document, AnalysisController* analysis, StudyGridView* grid,
                  TsaSettingsPanel* tsaSettings, QWidget* window);

    /// The pages to show as tabs: the forest plot (scrolls when tall), the funnel plot, and the TSA
    /// plot with its settings.
    QWidget* forestPage() const { return m_forestPage; }
    QWidget* funnelPage() const;
    QWidget* tsaPage() const { return m_tsaPage; }
    plots::FigureWidget* figure(FigureKind kind) const;

    /// "Export Forest Plot…" and the others, for the File menu.
    QList<QAction*> exportActions() const { return m_exportActions; }

    /// Opens the export dialog for a figure; the choices made are stored with the outcome (undoable).
    void exportFigure(FigureKind kind);

signals:
    void message(const QString& text);

private:
    void showAnalysis(const OutcomeAnalysis& analysis, const Outcome& outcome);
    void selectStudyRow(int outcomeRow);

    Document* m_document;
    AnalysisController* m_analysis;
    StudyGridView* m_grid;
    QWidget* m_window;
    plots::FigureWidget* m_forest;
    plots::FigureWidget* m_funnel;
    plots::FigureWidget* m_tsa;
    QWidget* m_forestPage;
    QWidget* m_tsaPage;
    QList<QAction*> m_exportActions;
};

} // namespace evident::ui
