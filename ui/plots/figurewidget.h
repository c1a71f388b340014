// SPDX-License-Identifier: GPL-3.0-or-later
// On-screen figures: QCustomPlot widgets that show a figure's scene (ui/plots/figurescene.h), the
// same scene that exported files are drawn from. The numbers come from core/plotdata.
#pragma once

#include "ui/plots/figuremodel.h"
#include "ui/plots/figurescene.h"

#include <qcustomplot.h>

namespace evident::plots {

/// A figure that follows the window's palette and font and is laid out again at any size.
class FigureWidget : public QCustomPlot {
    Q_OBJECT
public:
    explicit FigureWidget(FigureKind kind, QWidget* parent = nullptr);

    /// Shows the figure of this analysed outcome, with the outcome's figure settings; `studies` (the
    /// project's) give the risk-of-bias judgements.
    void setAnalysis(const OutcomeAnalysis& analysis, const Outcome& outcome,
                     const std::vector<Study>& studies);
    /// The same with no risk-of-bias judgements.
    void setAnalysis(const OutcomeAnalysis& analysis, const Outcome& outcome);
    /// Shows a figure built elsewhere (its kind must match the widget's).
    void setModel(FigureModel model);
    const FigureModel& model() const { return m_model; }
    FigureKind kind() const { return m_model.kind; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// A study was clicked: its index in Outcome::rows (the app selects that grid row).
    void studyClicked(int outcomeRow);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    FigureStyle screenStyle() const;
    /// Marks the scene out of date and queues a replot, which builds it again.
    void invalidateScene();
    /// Before every replot: builds the scene again when the model, palette, font or size changed.
    void updateScene();

    FigureModel m_model;
    FigureClickTargets m_targets;
    bool m_sceneValid = false;
    QSize m_sceneSize;
};

/// Cochrane/RevMan-style forest plot; clicking a study row emits studyClicked.
class ForestPlotWidget : public FigureWidget {
    Q_OBJECT
public:
    explicit ForestPlotWidget(QWidget* parent = nullptr)
        : FigureWidget(FigureKind::Forest, parent) {}
};

/// Contour-enhanced funnel plot; clicking a study's point emits studyClicked.
class FunnelPlotWidget : public FigureWidget {
    Q_OBJECT
public:
    explicit FunnelPlotWidget(QWidget* parent = nullptr)
        : FigureWidget(FigureKind::Funnel, parent) {}
};

/// Trial sequential analysis plot, or the reason there is none.
class TsaPlotWidget : public FigureWidget {
    Q_OBJECT
public:
    explicit TsaPlotWidget(QWidget* parent = nullptr)
        : FigureWidget(FigureKind::Tsa, parent) {}
};

/// SYRCLE risk-of-bias summary: a stacked bar per item, or the reason there is none.
class RiskOfBiasPlotWidget : public FigureWidget {
    Q_OBJECT
public:
    explicit RiskOfBiasPlotWidget(QWidget* parent = nullptr)
        : FigureWidget(FigureKind::RobSummary, parent) {}
};

} // namespace evident::plots
