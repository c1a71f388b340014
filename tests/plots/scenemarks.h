// SPDX-License-Identifier: GPL-3.0-or-later
// The marks of a figure scene for the tests: texts, lines, markers and circles of every canvas of
// a QCustomPlot, each with its canvas (which maps its points to pixels).
#pragma once

#include "ui/plots/scenecanvas.h"

#include <QList>

#include <optional>
#include <variant>

namespace evident::test {

template <typename Mark>
struct Placed {
    const plots::SceneCanvas* canvas = nullptr;
    const Mark* mark = nullptr;
    const Mark* operator->() const { return mark; }
    QPointF pixel(const plots::CanvasPoint& point) const { return canvas->pixel(point); }
};

/// Every mark of kind `Mark` in `plot`, in drawing order.
template <typename Mark>
QList<Placed<Mark>> marksOf(const QCustomPlot& plot) {
    QList<Placed<Mark>> result;
    for (const plots::SceneCanvas* canvas : plots::SceneCanvas::of(plot))
        for (const plots::CanvasMark& mark : canvas->marks())
            if (const auto* m = std::get_if<Mark>(&mark))
                result.append({canvas, m});
    return result;
}

inline QList<Placed<plots::CanvasText>> textsOf(const QCustomPlot& plot) {
    return marksOf<plots::CanvasText>(plot);
}

/// The first text mark reading `text`, if any.
inline std::optional<Placed<plots::CanvasText>> textItem(const QCustomPlot& plot, const QString& text) {
    for (const Placed<plots::CanvasText>& placed : textsOf(plot))
        if (placed->text == text)
            return placed;
    return std::nullopt;
}

} // namespace evident::test
