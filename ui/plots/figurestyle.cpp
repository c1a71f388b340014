// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plots/figurestyle.h"

namespace evident::plots {

QColor FigureStyle::shade(double amount) const {
    const auto mix = [amount](int from, int to) {
        return static_cast<int>(from + amount * (to - from) + 0.5);
    };
    return QColor(mix(background.red(), foreground.red()), mix(background.green(), foreground.green()),
                  mix(background.blue(), foreground.blue()));
}

QColor FigureStyle::robColour(RobJudgement judgement) const {
    switch (judgement) {
    case RobJudgement::Low:
        return robLow;
    case RobJudgement::Unclear:
        return robUnclear;
    case RobJudgement::High:
        return robHigh;
    case RobJudgement::NotAssessed:
        break;
    }
    return robNotAssessed;
}

FigureStyle FigureStyle::forExport(const FigureSettings& settings, double dpi) {
    FigureStyle style;
    style.font = QFont(QString::fromStdString(settings.fontFamily));
    style.font.setPointSizeF(settings.fontPointSize > 0 ? settings.fontPointSize : 8);
    // Metrics that scale linearly with the size, so the layout does not depend on the resolution.
    style.font.setHintingPreference(QFont::PreferNoHinting);
    style.font.setStyleStrategy(QFont::PreferAntialias);
    style.dpi = dpi;
    return style;
}

FigureStyle FigureStyle::forScreen(const QPalette& palette, const QFont& font, double dpi) {
    FigureStyle style;
    style.font = font;
    style.dpi = dpi;
    style.background = palette.color(QPalette::Base);
    style.foreground = palette.color(QPalette::Text);
    const bool dark = style.background.lightnessF() < 0.5;
    // RevMan's blue squares and black diamonds; lighter tones on a dark background.
    style.marker = dark ? QColor(0x7e, 0xb6, 0xff) : QColor(0x1f, 0x4e, 0x9a);
    style.pooled = style.foreground;
    style.boundary = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x20, 0x20);
    style.futility = dark ? QColor(0x9c, 0xe0, 0x9c) : QColor(0x2e, 0x7d, 0x32);
    style.muted = style.shade(0.55);
    // The judgement colours stay as they are (their dark symbols need them light enough); the mark of
    // a judgement not made is a faint ring in the window's colours.
    style.robNotAssessed = style.shade(dark ? 0.5 : 0.25);
    return style;
}

} // namespace evident::plots
