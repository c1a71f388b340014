// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/figurewidget.h"

#include <QEvent>
#include <QMouseEvent>
#include <QResizeEvent>

#include <cmath>

namespace evident::plots {

FigureWidget::FigureWidget(FigureKind kind, QWidget* parent)
    : QCustomPlot(parent) {
    m_model.kind = kind;
    m_model.forest.message = m_model.funnel.message = m_model.tsa.message = m_model.robSummary.message =
        m_model.robTrafficLight.message = "No analysis yet.";
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setInteractions(QCP::Interactions());
    // Every replot (queued after a change, or after a resize) first brings the scene up to date.
    connect(this, &QCustomPlot::beforeReplot, this, &FigureWidget::updateScene);
    invalidateScene();
}

void FigureWidget::setAnalysis(const OutcomeAnalysis& analysis, const Outcome& outcome,
                               const std::vector<Study>& studies) {
    setModel(FigureModel::build(m_model.kind, analysis, outcome,
                                FigureModel::settingsOf(outcome, m_model.kind), studies));
}

void FigureWidget::setAnalysis(const OutcomeAnalysis& analysis, const Outcome& outcome) {
    setAnalysis(analysis, outcome, {});
}

void FigureWidget::setModel(FigureModel model) {
    model.kind = m_model.kind;
    m_model = std::move(model);
    updateGeometry();
    invalidateScene();
}

FigureStyle FigureWidget::screenStyle() const {
    // The paint buffers measure fonts at the reference DPI: scene units are widget pixels.
    return FigureStyle::forScreen(palette(), font(), fontReferenceDpi());
}

void FigureWidget::invalidateScene() {
    m_sceneValid = false;
    replot(rpQueuedReplot);
}

void FigureWidget::updateScene() {
    const QSize size = viewport().size();
    if (m_sceneValid && size == m_sceneSize)
        return;
    m_targets = buildFigureScene(*this, m_model, screenStyle(), size);
    m_sceneValid = true;
    m_sceneSize = size;
}

QSize FigureWidget::sizeHint() const {
    const FigureStyle style = screenStyle();
    FigureSettings settings;
    settings.fontPointSize = style.font.pointSizeF() > 0 ? style.font.pointSizeF() : 9;
    settings.widthMm = m_model.drawing() != FigureDrawing::Forest ? 160
                       : m_model.forest.riskOfBias.shown          ? 270
                                                                  : 230;
    const double heightMm = m_model.heightMm(settings);
    return {static_cast<int>(std::lround(style.mm(settings.widthMm))),
            static_cast<int>(std::lround(style.mm(heightMm)))};
}

QSize FigureWidget::minimumSizeHint() const {
    const FigureStyle style = screenStyle();
    return {static_cast<int>(style.mm(80)), static_cast<int>(std::ceil(minimumFigureHeight(m_model, style)))};
}

void FigureWidget::paintEvent(QPaintEvent* event) {
    // A change whose queued replot has not run yet (a grab() right after setPalette, or the first
    // show) is drawn now rather than one frame late.
    if (!m_sceneValid || viewport().size() != m_sceneSize)
        replot(rpQueuedRefresh);
    QCustomPlot::paintEvent(event);
}

void FigureWidget::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        if (const auto row = m_targets.rowAt(event->position())) {
            emit studyClicked(static_cast<int>(*row));
            return;
        }
    QCustomPlot::mousePressEvent(event);
}

void FigureWidget::mouseMoveEvent(QMouseEvent* event) {
    setCursor(m_targets.rowAt(event->position()) ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QCustomPlot::mouseMoveEvent(event);
}

void FigureWidget::resizeEvent(QResizeEvent* event) {
    // An empty widget (a collapsed splitter) has nothing to draw; QCustomPlot would replot into
    // empty paint buffers.
    if (event->size().isEmpty())
        return;
    QCustomPlot::resizeEvent(event);
}

void FigureWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        updateGeometry();
        invalidateScene();
    }
    QCustomPlot::changeEvent(event);
}

} // namespace evident::plots
