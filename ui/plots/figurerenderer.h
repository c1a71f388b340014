// SPDX-License-Identifier: GPL-3.0-or-later
// The one function that draws Evident's figures: used by the plot widgets, the export dialog's
// preview, the exported files and evident-cli. It only places and draws what core/plotdata computed.
#pragma once

#include "ui/plots/figuremodel.h"
#include "ui/plots/figurestyle.h"

#include <QRectF>

#include <optional>
#include <vector>

class QPainter;

namespace evident::plots {

/// A clickable study: where it was drawn and its index in Outcome::rows.
struct FigureHit {
    QRectF rect;
    std::size_t outcomeRow = 0;
};

struct FigureHits {
    std::vector<FigureHit> items;
    /// The Outcome::rows index of the study drawn at `point`, if any (the nearest when hits overlap).
    std::optional<std::size_t> rowAt(const QPointF& point) const;
};

/// Draws `model` into `target`, in the painter's device pixels. Sizes given in points (fonts, line
/// widths) are converted with `style.dpi`, which must be the device's logical DPI so that the font's
/// point size and the drawing agree. The layout adapts to the target: forest columns are dropped or
/// labels shortened when narrow, ticks thinned so labels never overlap, captions wrapped.
void renderFigure(QPainter& painter, const QRectF& target, const FigureModel& model, const FigureStyle& style,
                  FigureHits* hits = nullptr);

/// Height in device pixels below which forest rows would overlap (a widget's minimum height).
double minimumFigureHeight(const FigureModel& model, const FigureStyle& style);

} // namespace evident::plots
