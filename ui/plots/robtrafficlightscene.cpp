// SPDX-License-Identifier: GPL-3.0-or-later
// The risk-of-bias traffic lights per study as a QCustomPlot scene (robvis' traffic-light plot): the
// studies down the left, one column per SYRCLE item with a coloured circle carrying the judgement's
// symbol, then the items' key and the judgements' legend. Everything is placed in absolute units:
// there is no axis.
#include "ui/plots/scenebuilder.h"

#include <algorithm>

namespace evident::plots {
namespace {

namespace fl = figurelayout;

/// The key and legend in the form the forest plot's traffic lights keep them.
ForestRiskOfBias keyOf(const RobTrafficLightData& d) {
    ForestRiskOfBias rob;
    rob.shown = true;
    rob.key = d.key;
    rob.keyText = d.keyText;
    rob.legend = d.legend;
    return rob;
}

} // namespace

FigureClickTargets buildRobTrafficLightScene(SceneBuilder& scene, const RobTrafficLightData& d) {
    if (!d.ok) {
        scene.message(d.message);
        return {};
    }
    // Items need an axis rect to belong to, though this figure has no axes: an empty one.
    scene.addAxisRect(QMargins());
    scene.layOut();
    const FigureStyle& style = scene.style();
    const QRectF& area = scene.area();
    const double em = scene.em();
    const ForestRiskOfBias rob = keyOf(d);

    // Columns as wide as the forest plot's traffic lights, narrower when the labels would get less
    // than 40% of the width; the labels wrap (never shortened) in what is left.
    double pitch = fl::robColumnLines * scene.line();
    if (area.width() - syrcleItemCount * pitch < 0.4 * area.width())
        pitch = std::max(fl::robCompactColumnLines * scene.line(), 0.6 * area.width() / syrcleItemCount);
    const double blockWidth = syrcleItemCount * pitch;
    const double blockLeft = area.right() - blockWidth;
    const double labelWidth = blockLeft - area.left() - em;
    std::vector<QStringList> labels;
    double rowLines = 0;
    for (const RobTrafficLightRow& row : d.rows) {
        QStringList lines = scene.wrap(qs(row.label), labelWidth);
        if (lines.isEmpty())
            lines.append(QString());
        rowLines += fl::robTrafficRowLines * static_cast<double>(lines.size());
        labels.push_back(lines);
    }
    QStringList caption;
    for (const std::string& text : d.caption)
        caption += scene.wrap(qs(text), area.width());
    RobKeyLayout key = robKeyLayout(scene, rob, area.width());
    const double lines = fl::robTrafficHeaderLines + rowLines + fl::robKeyGapLines + key.lines()
                         + (caption.isEmpty() ? 0 : 0.4 + static_cast<double>(caption.size()));
    if (area.height() < lines * scene.line()) {
        scene.setLine(area.height() / lines); // Tighter rows rather than rows off the page
        key = robKeyLayout(scene, rob, area.width());
    }
    const double L = scene.line();
    const double mark = std::min(fl::robMarkLines * L, pitch - 0.12 * L);
    const auto centre = [&](std::size_t item) {
        return blockLeft + (static_cast<double>(item) + 0.5) * pitch;
    };

    // Header: the study column's name and "Risk of bias (SYRCLE)" over the columns, the item numbers.
    const double top = area.top();
    scene.text(qs(d.studyHeader), area.left(), top + 0.5 * L, Qt::AlignLeft, true);
    const QString itemsHeader = qs(d.itemsHeader);
    const double headerWidth = scene.width(itemsHeader, true);
    scene.text(itemsHeader, std::min(blockLeft + blockWidth / 2, area.right() - headerWidth / 2),
               top + 0.5 * L, Qt::AlignHCenter, true);
    const double numberScale =
        std::min(1.0, (pitch - 0.12 * em) / std::max(1.0, scene.width(QStringLiteral("10"), true)));
    for (std::size_t item = 0; item < d.columns.size(); ++item)
        scene.text(qs(d.columns[item]), centre(item), top + 1.5 * L, Qt::AlignHCenter,
                   scene.font(true, numberScale));
    const double rule = top + (fl::robTrafficHeaderLines - 0.2) * L;
    scene.line({area.left(), rule}, {area.right(), rule}, scene.pen(style.foreground, 0.5), false);

    // One row per study: its label (first line on the lights' line), its ten lights.
    double y = top + fl::robTrafficHeaderLines * L;
    // Hairlines between the rows, a fifth of the way from the background to the text colour.
    const QColor hairline =
        QColor::fromRgbF(0.8f * style.background.redF() + 0.2f * style.foreground.redF(),
                         0.8f * style.background.greenF() + 0.2f * style.foreground.greenF(),
                         0.8f * style.background.blueF() + 0.2f * style.foreground.blueF());
    const QPen separator = scene.pen(hairline, 0.4);
    for (std::size_t i = 0; i < d.rows.size(); ++i) {
        const double height = fl::robTrafficRowLines * L * static_cast<double>(labels[i].size());
        const double middle = y + height / 2;
        const double firstLine = middle - (static_cast<double>(labels[i].size()) - 1) / 2 * L;
        for (qsizetype k = 0; k < labels[i].size(); ++k)
            scene.text(labels[i][k], area.left(), firstLine + static_cast<double>(k) * L, Qt::AlignLeft);
        for (std::size_t item = 0; item < d.rows[i].judgements.size(); ++item)
            scene.robMark(d.rows[i].judgements[item], centre(item), middle, mark, false);
        y += height;
        if (i + 1 < d.rows.size())
            scene.line({area.left(), y}, {area.right(), y}, separator, false);
    }
    scene.line({area.left(), y}, {area.right(), y}, scene.pen(style.foreground, 0.5), false);

    y += (fl::robKeyGapLines + 0.5) * L;
    y = drawRobKey(scene, rob, key, y, mark);
    if (!caption.isEmpty()) {
        y += 0.4 * L;
        for (const QString& line : caption) {
            scene.text(line, area.left(), y, Qt::AlignLeft);
            y += L;
        }
    }
    return {};
}

} // namespace evident::plots
