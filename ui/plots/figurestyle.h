// SPDX-License-Identifier: GPL-3.0-or-later
// Fonts, colours and line widths of a figure: the system palette on screen (dark themes included),
// black on white in an exported file.
#pragma once

#include "core/project/project.h"

#include <QColor>
#include <QFont>
#include <QPalette>

namespace evident::plots {

struct FigureStyle {
    QFont font;
    double dpi = 96; ///< Device pixels per inch of the target: sizes in pt and mm are converted with it
    QColor background = Qt::white;
    QColor foreground = Qt::black; ///< Text, axes, whiskers
    QColor marker = Qt::black;     ///< Study squares and points, the Z-curve
    QColor pooled = Qt::black;     ///< Diamonds, pooled-estimate lines
    QColor boundary = Qt::black;   ///< TSA alpha-spending boundaries
    QColor futility = Qt::black;
    QColor muted = QColor(0x70, 0x70, 0x70); ///< Null lines, conventional boundaries, pseudo CI lines
    // Risk of bias: Okabe & Ito's colour-blind safe bluish green, yellow and vermillion (Okabe M, Ito K
    // 2008, "Color Universal Design"), with a dark symbol on each; the symbol carries the meaning alone.
    QColor robLow = QColor(0x00, 0x9e, 0x73);
    QColor robUnclear = QColor(0xf0, 0xe4, 0x42);
    QColor robHigh = QColor(0xd5, 0x5e, 0x00);
    QColor robNotAssessed = QColor(0xc8, 0xc8, 0xc8); ///< The ring of a mark, the bar of the summary
    QColor robSymbol = Qt::black;                     ///< "+", "−", "?" and percentages on the colours
    bool fillBackground = true;

    /// foreground blended into background: 0 = background, 1 = foreground (contour shades).
    QColor shade(double amount) const;
    /// The fill of a risk-of-bias judgement (robNotAssessed when not assessed).
    QColor robColour(RobJudgement judgement) const;
    /// Device pixels for a length in points.
    double pt(double points) const { return points * dpi / 72.0; }
    /// Device pixels for a length in millimetres.
    double mm(double millimetres) const { return millimetres * dpi / 25.4; }

    /// Black on white with the settings' font, for a file at `dpi`.
    static FigureStyle forExport(const FigureSettings& settings, double dpi);
    /// The palette's window colours, with accents that keep their contrast on dark themes.
    static FigureStyle forScreen(const QPalette& palette, const QFont& font, double dpi);
};

} // namespace evident::plots
