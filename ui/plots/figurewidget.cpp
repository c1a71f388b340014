// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/figurewidget.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace evident::plots {

FigureWidget::FigureWidget(FigureKind kind, QWidget* parent)
    : QWidget(parent) {
    m_model.kind = kind;
    m_model.forest.message = m_model.funnel.message = m_model.tsa.message = "No analysis yet.";
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void FigureWidget::setAnalysis(const OutcomeAnalysis& analysis, const Outcome& outcome) {
    setModel(
        FigureModel::build(m_model.kind, analysis, outcome, FigureModel::settingsOf(outcome, m_model.kind)));
}

void FigureWidget::setModel(FigureModel model) {
    model.kind = m_model.kind;
    m_model = std::move(model);
    updateGeometry();
    update();
}

FigureStyle FigureWidget::screenStyle() const {
    return FigureStyle::forScreen(palette(), font(), logicalDpiY());
}

QSize FigureWidget::sizeHint() const {
    const FigureStyle style = screenStyle();
    FigureSettings settings;
    settings.fontPointSize = style.font.pointSizeF() > 0 ? style.font.pointSizeF() : 9;
    settings.widthMm = m_model.kind == FigureKind::Forest ? 230 : 160;
    const double heightMm = m_model.heightMm(settings);
    return {static_cast<int>(std::lround(style.mm(settings.widthMm))),
            static_cast<int>(std::lround(style.mm(heightMm)))};
}

QSize FigureWidget::minimumSizeHint() const {
    const FigureStyle style = screenStyle();
    return {static_cast<int>(style.mm(80)), static_cast<int>(std::ceil(minimumFigureHeight(m_model, style)))};
}

void FigureWidget::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    renderFigure(painter, QRectF(rect()), m_model, screenStyle(), &m_hits);
}

void FigureWidget::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        if (const auto row = m_hits.rowAt(event->position())) {
            emit studyClicked(static_cast<int>(*row));
            return;
        }
    QWidget::mousePressEvent(event);
}

void FigureWidget::mouseMoveEvent(QMouseEvent* event) {
    setCursor(m_hits.rowAt(event->position()) ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(event);
}

void FigureWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

} // namespace evident::plots
