// SPDX-License-Identifier: GPL-3.0-or-later
// The figures as QCustomPlot scenes (headless): each widget is a QCustomPlot holding the expected
// plottables, items and legend; table text shares its row's vertical mapping with the marks at any
// size; clicks on marks report grid rows; exported text has its size in points in every format.
#include "tests/core/plotdatafixtures.h"
#include "tests/plots/scenemarks.h"
#include "tests/support/testsupport.h"
#include "ui/export/figureexport.h"
#include "ui/plots/figurewidget.h"

#include <QApplication>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>

using namespace evident;
using namespace evident::plots;
using namespace evident::test;

Q_DECLARE_METATYPE(evident::plots::ExportFormat)

namespace {

struct Fixture {
    Project project;
    OutcomeAnalysis analysis;
};

Fixture fixture(bool subgroups) {
    Fixture f;
    f.project = projectOf(eightStudies());
    Outcome& outcome = f.project.outcomes[0];
    outcome.tsa.minimalRelevantEffect = 0.5;
    if (subgroups)
        outcome.settings.subgroup = "model";
    f.analysis = analyseOutcome(f.project, outcome);
    return f;
}

template <typename T>
QList<T*> plottablesOf(QCustomPlot& plot) {
    QList<T*> result;
    for (int i = 0; i < plot.plottableCount(); ++i)
        if (auto* p = qobject_cast<T*>(plot.plottable(i)))
            result.append(p);
    return result;
}

QCPLegend* legendOf(QCustomPlot& plot) {
    for (int i = 0; i < plot.plotLayout()->elementCount(); ++i)
        if (auto* legend = qobject_cast<QCPLegend*>(plot.plotLayout()->elementAt(i)))
            return legend;
    return nullptr;
}

/// Bounding box of the pixels darker than mid-grey.
QRect inkBox(const QImage& image) {
    int left = image.width(), top = image.height(), right = -1, bottom = -1;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qGray(image.pixel(x, y)) < 128) {
                left = std::min(left, x);
                right = std::max(right, x);
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
    return right < 0 ? QRect() : QRect(QPoint(left, top), QPoint(right, bottom));
}

/// The traffic lights of a scene (the legend's too).
QList<Placed<CanvasCircle>> trafficLights(const QCustomPlot& plot) {
    return marksOf<CanvasCircle>(plot);
}

/// The symbol drawn on a traffic light: the text mark at its centre.
std::optional<Placed<CanvasText>> symbolOf(const QCustomPlot& plot, const Placed<CanvasCircle>& light) {
    for (const Placed<CanvasText>& text : textsOf(plot))
        if (text.canvas == light.canvas && text->at == light->centre)
            return text;
    return std::nullopt;
}

/// The forest's squares: one marker mark per square.
QList<Placed<CanvasMarkers>> markersOf(const QCustomPlot& plot) {
    return marksOf<CanvasMarkers>(plot);
}

/// A figure that is only a line of text: the reason shown when a figure cannot be drawn.
FigureModel textOnlyFigure(const std::string& text) {
    FigureModel model;
    model.kind = FigureKind::Funnel;
    model.funnel.ok = false;
    model.funnel.message = text;
    return model;
}

} // namespace

class TestFigureScene : public QObject {
    Q_OBJECT
private slots:
    void fontReferenceDpiIsWhatQtMeasuresWith();
    void forestPlotIsAQCustomPlotScene();
    void funnelAndTsaPlotsAreQCustomPlotCharts();
    void marksStackInTheOrderTheyWereMade_data();
    void marksStackInTheOrderTheyWereMade();
    void tableTextSharesTheRowsOfTheMarksAtAnySize();
    void clickingAMarkReportsItsGridRow();
    void darkPaletteColoursTheScene();
    void anyWidgetSizeIsSafe();
    void exportedTextHasItsPointSize_data();
    void exportedTextHasItsPointSize();
    void exportsShareOneLayout();
    void trafficLightsAreOnTheStudyRows_data();
    void trafficLightsAreOnTheStudyRows();
    void singleColumnForestKeepsLabelsAndLights();
    void riskOfBiasSummaryIsStackedBars();

private:
    QTemporaryDir m_dir;
};

void TestFigureScene::fontReferenceDpiIsWhatQtMeasuresWith() {
    // QCustomPlot lays text out with QFontMetrics(font); exports paint on devices of this DPI.
    QFont font(QStringLiteral("Liberation Sans"));
    font.setPointSizeF(8);
    QImage image(10, 10, QImage::Format_RGB32);
    QCOMPARE(image.logicalDpiY(), fontReferenceDpi());
    QCOMPARE(QFontMetricsF(font).height(), QFontMetricsF(font, &image).height());
    QCOMPARE(QFontMetricsF(font).horizontalAdvance(QStringLiteral("Std. Mean Difference")),
             QFontMetricsF(font, &image).horizontalAdvance(QStringLiteral("Std. Mean Difference")));
}

void TestFigureScene::forestPlotIsAQCustomPlotScene() {
    const Fixture f = fixture(true);
    ForestPlotWidget widget;
    QVERIFY(qobject_cast<QCustomPlot*>(&widget));
    widget.setAnalysis(f.analysis, f.project.outcomes[0]);
    widget.resize(1100, 800);
    widget.replot();
    const ForestPlotData& data = widget.model().forest;
    QVERIFY(data.ok);

    int squares = 0, pooled = 0, clippedEnds = 0;
    for (const ForestRow& row : data.rows) {
        if (row.kind == ForestRowKind::Study && row.interval) {
            squares += row.interval->estimateVisible ? 1 : 0;
            clippedEnds += (row.interval->clippedLower ? 1 : 0) + (row.interval->clippedUpper ? 1 : 0);
        }
        if (row.kind == ForestRowKind::Subtotal || row.kind == ForestRowKind::Total
            || row.kind == ForestRowKind::PredictionInterval)
            ++pooled;
    }
    QVERIFY(pooled >= 4); // Two subtotals, the total and the prediction interval
    // One marker per visible square (sized by weight), one filled curve per diamond or bar.
    const QList<Placed<CanvasMarkers>> markers = markersOf(widget);
    QCOMPARE(markers.size(), squares);
    for (const Placed<CanvasMarkers>& square : markers) {
        QCOMPARE(square->points.size(), std::size_t{1});
        QCOMPARE(square->style.shape(), QCPScatterStyle::ssSquare);
    }
    QCOMPARE(plottablesOf<QCPCurve>(widget).size(), pooled);
    int arrowEnds = 0;
    for (const Placed<CanvasLine>& line : marksOf<CanvasLine>(widget))
        arrowEnds += (line->head.style() == QCPLineEnding::esFlatArrow ? 1 : 0)
                     + (line->tail.style() == QCPLineEnding::esFlatArrow ? 1 : 0);
    QCOMPARE(arrowEnds, clippedEnds);
    // Every study label and the headers are text items; the axis carries the core's ticks.
    for (const ForestRow& row : data.rows)
        if (row.kind == ForestRowKind::Study)
            QVERIFY2(textItem(widget, QString::fromStdString(row.cells[0])), row.cells[0].c_str());
    QVERIFY(textItem(widget, QString::fromStdString(data.plotHeader)));
    QVERIFY(textItem(widget, QString::fromStdString(data.favoursLeft)));
    QCPAxis* x = widget.axisRect()->axis(QCPAxis::atBottom);
    QCOMPARE(x->range().lower, data.axis.min);
    QCOMPARE(x->range().upper, data.axis.max);
    QVERIFY(qSharedPointerDynamicCast<QCPAxisTickerText>(x->ticker()));
    QVERIFY(widget.axisRect()->axis(QCPAxis::atLeft)->rangeReversed());
}

void TestFigureScene::funnelAndTsaPlotsAreQCustomPlotCharts() {
    const Fixture f = fixture(false);
    FunnelPlotWidget funnel;
    funnel.setAnalysis(f.analysis, f.project.outcomes[0]);
    funnel.resize(900, 800);
    funnel.replot();
    const FunnelPlotData& fd = funnel.model().funnel;
    QVERIFY(fd.ok);
    QVERIFY(funnel.axisRect()->axis(QCPAxis::atLeft)->rangeReversed()); // SE 0 at the top
    int polygons = 0;
    for (const FunnelContour& contour : fd.contours)
        polygons += static_cast<int>(contour.polygons.size());
    QVERIFY(polygons > 0);
    QCOMPARE(plottablesOf<QCPCurve>(funnel).size(), polygons + 1); // Contours and the pseudo CI
    std::size_t markers = 0;
    for (const Placed<CanvasMarkers>& points : markersOf(funnel))
        markers += points->points.size();
    QCOMPARE(markers, fd.studies.size() + fd.filled.size());
    QCPLegend* legend = legendOf(funnel);
    QVERIFY(legend);
    QCOMPARE(legend->itemCount(), static_cast<int>(fd.legend.size()));
    QCOMPARE(funnel.axisRect()->axis(QCPAxis::atBottom)->label(), QString::fromStdString(fd.xTitle));

    TsaPlotWidget tsa;
    tsa.setAnalysis(f.analysis, f.project.outcomes[0]);
    tsa.resize(900, 700);
    tsa.replot();
    const TsaPlotData& td = tsa.model().tsa;
    QVERIFY(td.ok);
    QVERIFY(textItem(tsa, QString::fromStdString(td.risLabel)));
    const int boundaries = 2 + (td.futilityUpper.points.empty() ? 0 : 2);
    QCOMPARE(plottablesOf<QCPCurve>(tsa).size(), 1 + boundaries); // Z-curve and boundaries
    bool zMarkers = false;
    for (const Placed<CanvasMarkers>& points : markersOf(tsa))
        zMarkers = zMarkers
                   || (points->style.shape() == QCPScatterStyle::ssSquare
                       && points->points.size() == td.zCurve.size() - 1);
    QVERIFY(zMarkers);
    QVERIFY(legendOf(tsa));
    QCOMPARE(legendOf(tsa)->itemCount(), static_cast<int>(td.legend.size()));
    // Without a minimal relevant effect the figure is the reason, as a text element.
    Outcome outcome = f.project.outcomes[0];
    outcome.tsa.minimalRelevantEffect = 0;
    tsa.setAnalysis(analyseOutcome(f.project, outcome), outcome);
    tsa.replot();
    QVERIFY(!tsa.model().tsa.ok);
    QCOMPARE(tsa.plottableCount(), 0);
    QVERIFY(tsa.plotLayout()->elementCount() > 0);
}

void TestFigureScene::marksStackInTheOrderTheyWereMade_data() {
    QTest::addColumn<int>("studies");
    QTest::newRow("8 studies") << 8;
    QTest::newRow("400 studies") << 400;
}

void TestFigureScene::marksStackInTheOrderTheyWereMade() {
    // Marks share a few canvases (QCustomPlot's per-item bookkeeping is quadratic), yet a mark made
    // after a QCustomPlot object is drawn above it: the TSA's squares lie on the Z-curve, not under it.
    QFETCH(int, studies);
    Fixture f = fixture(false);
    std::vector<StudyNumbers> many;
    for (int i = 0; i < studies; ++i)
        many.push_back(eightStudies()[static_cast<std::size_t>(i % 8)]);
    f.project = projectOf(many);
    f.project.outcomes[0].tsa.minimalRelevantEffect = 0.5;
    f.analysis = analyseOutcome(f.project, f.project.outcomes[0]);
    TsaPlotWidget tsa;
    tsa.setAnalysis(f.analysis, f.project.outcomes[0]);
    tsa.resize(900, 700);
    tsa.replot();
    const TsaPlotData& td = tsa.model().tsa;
    QVERIFY(td.ok);
    const QList<QCPLayerable*> stack = tsa.layer(QStringLiteral("main"))->children();
    qsizetype zCurve = -1, squares = -1;
    for (qsizetype i = 0; i < stack.size(); ++i) {
        if (auto* curve = qobject_cast<QCPCurve*>(stack[i]);
            curve && curve->dataCount() == static_cast<int>(td.zCurve.size()))
            zCurve = i;
        if (auto* canvas = dynamic_cast<SceneCanvas*>(stack[i]))
            for (const CanvasMark& mark : canvas->marks())
                if (const auto* points = std::get_if<CanvasMarkers>(&mark);
                    points && points->style.shape() == QCPScatterStyle::ssSquare)
                    squares = i;
    }
    QVERIFY(zCurve >= 0);
    QVERIFY(squares > zCurve);

    // A forest plot of any size: a canvas per run of marks between its diamonds, not one per mark.
    ForestPlotWidget forest;
    forest.setAnalysis(f.analysis, f.project.outcomes[0]);
    forest.resize(1000, 700);
    forest.replot();
    const auto canvases = static_cast<int>(SceneCanvas::of(forest).size());
    QVERIFY2(canvases <= forest.plottableCount() + 1, qPrintable(QString::number(canvases)));
    QVERIFY(textsOf(forest).size() > studies);
}

void TestFigureScene::tableTextSharesTheRowsOfTheMarksAtAnySize() {
    const Fixture f = fixture(false);
    ForestPlotWidget widget;
    widget.setAnalysis(f.analysis, f.project.outcomes[0]);
    const ForestPlotData& data = widget.model().forest;
    for (const QSize size : {QSize(1000, 600), QSize(1400, 1100), QSize(700, 420)}) {
        widget.resize(size);
        widget.replot();
        QCPAxis* y = widget.axisRect()->axis(QCPAxis::atLeft);
        QCPAxis* x = widget.axisRect()->axis(QCPAxis::atBottom);
        const QList<Placed<CanvasMarkers>> squares = markersOf(widget);
        int square = 0;
        for (std::size_t i = 0; i < data.rows.size(); ++i) {
            const ForestRow& row = data.rows[i];
            if (row.kind != ForestRowKind::Study)
                continue;
            std::optional<Placed<CanvasText>> label = textItem(widget, QString::fromStdString(row.cells[0]));
            if (!label) // Shortened with "…" at the narrow size: find it by its row
                for (const Placed<CanvasText>& item : textsOf(widget))
                    if (item->at.plotY && item->at.y == static_cast<double>(i))
                        label = item;
            QVERIFY(label);
            const double rowY = y->coordToPixel(static_cast<double>(i));
            QCOMPARE(label->pixel((*label)->at).y(), rowY);
            const Placed<CanvasMarkers>& marker = squares[square++];
            const PlotPoint centre = marker->points.at(0);
            QCOMPARE(centre.y, static_cast<double>(i));
            QCOMPARE(marker.pixel({centre.x, centre.y, true, true}).x(),
                     x->coordToPixel(row.interval->estimate));
            // Rows are 1.45 font sizes apart, or closer when the widget is short.
            if (i > 0)
                QVERIFY(std::abs(y->coordToPixel(1.0) - y->coordToPixel(0.0)) > 8);
        }
    }
}

void TestFigureScene::clickingAMarkReportsItsGridRow() {
    Fixture f = fixture(false);
    f.project.outcomes[0].rows[2].included = false; // Grid rows after 2 are drawn one row higher
    f.analysis = analyseOutcome(f.project, f.project.outcomes[0]);
    ForestPlotWidget forest;
    forest.setAnalysis(f.analysis, f.project.outcomes[0]);
    forest.resize(1000, 700);
    forest.replot();
    QSignalSpy spy(&forest, &FigureWidget::studyClicked);
    QCPAxis* x = forest.axisRect()->axis(QCPAxis::atBottom);
    QCPAxis* y = forest.axisRect()->axis(QCPAxis::atLeft);
    const ForestPlotData& data = forest.model().forest;
    int clicked = 0;
    for (std::size_t i = 0; i < data.rows.size(); ++i) {
        const ForestRow& row = data.rows[i];
        if (row.kind != ForestRowKind::Study || !row.interval->estimateVisible)
            continue;
        const QPoint square(qRound(x->coordToPixel(row.interval->estimate)),
                            qRound(y->coordToPixel(static_cast<double>(i))));
        QTest::mouseClick(&forest, Qt::LeftButton, {}, square);
        QCOMPARE(spy.size(), ++clicked);
        QCOMPARE(spy.last().at(0).toInt(), static_cast<int>(*row.outcomeRow));
        QVERIFY(*row.outcomeRow != 2);
    }
    // The header and the axis select nothing.
    QTest::mouseClick(&forest, Qt::LeftButton, {}, QPoint(40, 20));
    QTest::mouseClick(&forest, Qt::LeftButton, {},
                      QPoint(40, qRound(y->coordToPixel(data.rows.size() + 1.0))));
    QCOMPARE(spy.size(), clicked);

    FunnelPlotWidget funnel;
    funnel.setAnalysis(f.analysis, f.project.outcomes[0]);
    funnel.resize(900, 800);
    funnel.replot();
    QSignalSpy funnelSpy(&funnel, &FigureWidget::studyClicked);
    QCPAxis* fx = funnel.axisRect()->axis(QCPAxis::atBottom);
    QCPAxis* fy = funnel.axisRect()->axis(QCPAxis::atLeft);
    for (const FunnelStudy& study : funnel.model().funnel.studies) {
        QTest::mouseClick(&funnel, Qt::LeftButton, {},
                          QPoint(qRound(fx->coordToPixel(study.effect)), qRound(fy->coordToPixel(study.se))));
        QVERIFY(!funnelSpy.isEmpty());
        // The nearest point is reported: this study, or one drawn on the same spot.
        const int reported = funnelSpy.last().at(0).toInt();
        bool atThatSpot = false;
        for (const FunnelStudy& other : funnel.model().funnel.studies)
            atThatSpot =
                atThatSpot
                || (static_cast<int>(*other.outcomeRow) == reported
                    && std::abs(fx->coordToPixel(other.effect) - fx->coordToPixel(study.effect)) < 1.5
                    && std::abs(fy->coordToPixel(other.se) - fy->coordToPixel(study.se)) < 1.5);
        QVERIFY(atThatSpot);
    }
}

void TestFigureScene::darkPaletteColoursTheScene() {
    const Fixture f = fixture(false);
    ForestPlotWidget widget;
    widget.setAnalysis(f.analysis, f.project.outcomes[0]);
    widget.resize(1000, 700);
    QPalette dark = widget.palette();
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    widget.setPalette(dark);
    widget.replot();
    QCOMPARE(QColor(widget.grab().toImage().pixel(3, 3)), QColor(30, 30, 30));
    const QString label = QString::fromStdString(widget.model().forest.rows[0].cells[0]);
    QVERIFY(textItem(widget, label));
    QCOMPARE((*textItem(widget, label))->colour, QColor(230, 230, 230));
    QCOMPARE(widget.axisRect()->axis(QCPAxis::atBottom)->basePen().color(), QColor(230, 230, 230));
    // Squares keep RevMan's blue, lightened for the dark background.
    const QColor square = markersOf(widget).first()->style.brush().color();
    QVERIFY(square.lightnessF() > 0.5);
}

void TestFigureScene::anyWidgetSizeIsSafe() {
    // Squeezed, tiny or empty widgets draw what fits (or nothing) and never lay out negative sizes.
    const Fixture f = fixture(true);
    Project judged = f.project;
    judgeRiskOfBias(judged);
    judged.outcomes[0].figures.forest.riskOfBias = true;
    for (FigureWidget* widget : std::initializer_list<FigureWidget*>{
             new ForestPlotWidget, new FunnelPlotWidget, new TsaPlotWidget, new RiskOfBiasPlotWidget}) {
        widget->setAnalysis(f.analysis, judged.outcomes[0], judged.studies);
        for (const QSize size :
             {QSize(0, 0), QSize(1, 1), QSize(30, 20), QSize(200, 40), QSize(60, 900), QSize(2000, 90)}) {
            widget->resize(size);
            QCOMPARE(widget->grab().isNull(), size.isEmpty());
        }
        QSignalSpy spy(widget, &FigureWidget::studyClicked);
        QTest::mouseClick(widget, Qt::LeftButton, {}, QPoint(10, 10));
        QVERIFY(spy.isEmpty());
        delete widget;
    }
}

void TestFigureScene::exportedTextHasItsPointSize_data() {
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<double>("dpi");
    QTest::newRow("PNG 300 dpi") << ExportFormat::Png << 300.0;
    QTest::newRow("PNG 600 dpi") << ExportFormat::Png << 600.0;
    QTest::newRow("TIFF 450 dpi") << ExportFormat::Tiff << 450.0;
    QTest::newRow("SVG drawn at 300 dpi") << ExportFormat::Svg << 300.0;
    QTest::newRow("PDF drawn at 300 dpi") << ExportFormat::Pdf << 300.0;
    QTest::newRow("PDF drawn at 600 dpi") << ExportFormat::Pdf << 600.0;
}

void TestFigureScene::exportedTextHasItsPointSize() {
    // An 8 pt "HHHH" must be as tall as an 8 pt H is at the resolution the file is looked at
    // (its cap height), and as wide as the font sets it: the figure is laid out in points, not a
    // screen capture scaled.
    QFETCH(ExportFormat, format);
    QFETCH(double, dpi);
    FigureSettings settings;
    settings.widthMm = 85;
    settings.heightMm = 40;
    settings.dpi = dpi;
    const FigureModel model = textOnlyFigure("HHHH");
    const QString path = m_dir.filePath(QStringLiteral("label-%1-%2.%3")
                                            .arg(QString::fromLatin1(QTest::currentDataTag()))
                                            .arg(dpi)
                                            .arg(exportFormatKey(format)));
    const ExportResult result = exportFigure(model, settings, path, format);
    QVERIFY2(result.ok, qPrintable(result.error));

    QImage image;
    if (isRasterFormat(format)) {
        image.load(path);
    } else if (format == ExportFormat::Svg) {
        QSvgRenderer svg(path);
        QVERIFY(svg.isValid());
        image = QImage(pixelsForMm(85, dpi), pixelsForMm(40, dpi), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        svg.render(&painter);
    } else {
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (pdftoppm.isEmpty())
            QSKIP("pdftoppm (poppler-utils) is not installed: the PDF cannot be drawn back");
        QProcess process;
        process.start(pdftoppm, {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"),
                                 QStringLiteral("-singlefile"), path, path});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        image.load(path + QStringLiteral(".png"));
    }
    QVERIFY(!image.isNull());
    // pdftoppm rounds the page up to whole pixels.
    QVERIFY(std::abs(image.width() - pixelsForMm(85, dpi)) <= (format == ExportFormat::Pdf ? 1 : 0));

    QFont font(QStringLiteral("Liberation Sans"));
    font.setPointSizeF(8);
    QImage reference(1, 1, QImage::Format_RGB32);
    const int dotsPerMeter = static_cast<int>(std::lround(dpi / 0.0254));
    reference.setDotsPerMeterX(dotsPerMeter);
    reference.setDotsPerMeterY(dotsPerMeter);
    const QFontMetricsF metrics(font, &reference);
    const QRect ink = inkBox(image);
    QVERIFY(ink.isValid());
    qInfo("H height %d px (%.2f pt; cap height %.2f px), HHHH width %d px (font: %.1f px)", ink.height(),
          ink.height() * 72.0 / dpi, metrics.capHeight(), ink.width(),
          metrics.tightBoundingRect(QStringLiteral("HHHH")).width());
    // Cap height of 8 pt Liberation Sans: 0.69 em, 22.9 px at 300 dpi. AA edges: ±1 px.
    EVIDENT_COMPARE_ABS(ink.height(), metrics.capHeight(), 1.01);
    // The same from the font's design: a cap height of 1409 of 2048 units, 5.50 pt.
    EVIDENT_COMPARE_ABS(ink.height() * 72.0 / dpi, 8 * 1409.0 / 2048, 1.01 * 72.0 / dpi);
    EVIDENT_COMPARE_REL(static_cast<double>(ink.width()),
                        metrics.tightBoundingRect(QStringLiteral("HHHH")).width(), 0.03);
}

void TestFigureScene::exportsShareOneLayout() {
    // A 600 dpi PNG is the 300 dpi one drawn twice as finely: its text and marks are where the
    // 300 dpi image has them (within a pixel of 300 dpi).
    const Fixture f = fixture(true);
    FigureSettings settings;
    const FigureModel model =
        FigureModel::build(FigureKind::Forest, f.analysis, f.project.outcomes[0], settings);
    const QImage at300 = renderFigureImage(model, settings, 300);
    const QImage at600 = renderFigureImage(model, settings, 600);
    const QRect ink300 = inkBox(at300);
    const QRect ink600 = inkBox(at600);
    EVIDENT_COMPARE_ABS(ink600.left() / 2.0, static_cast<double>(ink300.left()), 1.0);
    EVIDENT_COMPARE_ABS(ink600.right() / 2.0, static_cast<double>(ink300.right()), 1.0);
    EVIDENT_COMPARE_ABS(ink600.top() / 2.0, static_cast<double>(ink300.top()), 1.0);
    EVIDENT_COMPARE_ABS(ink600.bottom() / 2.0, static_cast<double>(ink300.bottom()), 1.0);
    // Column by column: the dark pixels in each 300 dpi pixel column agree with the 600 dpi image.
    const QImage half = at600.scaled(at300.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    qint64 differing = 0, total = 0;
    for (int y = 0; y < at300.height(); ++y)
        for (int x = 0; x < at300.width(); ++x) {
            const bool a = qGray(at300.pixel(x, y)) < 128, b = qGray(half.pixel(x, y)) < 128;
            total += (a || b) ? 1 : 0;
            differing += a != b ? 1 : 0;
        }
    qInfo("%lld of %lld dark pixels differ", differing, total);
    QVERIFY2(differing < total / 5, qPrintable(QStringLiteral("%1 of %2").arg(differing).arg(total)));
}

void TestFigureScene::trafficLightsAreOnTheStudyRows_data() {
    QTest::addColumn<bool>("subgroups");
    QTest::addColumn<QSize>("size");
    QTest::newRow("wide") << false << QSize(1500, 900);
    QTest::newRow("subgroups") << true << QSize(1300, 1000);
    QTest::newRow("narrow widget") << false << QSize(760, 700);
}

void TestFigureScene::trafficLightsAreOnTheStudyRows() {
    QFETCH(bool, subgroups);
    QFETCH(QSize, size);
    Fixture f = fixture(subgroups);
    judgeRiskOfBias(f.project);
    Outcome& outcome = f.project.outcomes[0];
    outcome.figures.forest.riskOfBias = true;
    ForestPlotWidget widget;
    widget.setAnalysis(f.analysis, outcome, f.project.studies);
    widget.resize(size);
    widget.replot();
    const ForestPlotData& data = widget.model().forest;
    QVERIFY(data.riskOfBias.shown);
    QCPAxis* y = widget.axisRect()->axis(QCPAxis::atLeft);
    const QRect plotRect = widget.axisRect()->rect();

    // One light per study and item, and one per legend entry under the plot.
    int studies = 0;
    for (const ForestRow& row : data.rows)
        studies += row.kind == ForestRowKind::Study ? 1 : 0;
    const QList<Placed<CanvasCircle>> lights = trafficLights(widget);
    QCOMPARE(lights.size(),
             studies * static_cast<int>(syrcleItemCount) + static_cast<int>(data.riskOfBias.legend.size()));

    // The header's item numbers: the topmost text items "1" … "10".
    std::vector<double> columnX;
    for (std::size_t item = 0; item < syrcleItemCount; ++item) {
        std::optional<QPointF> header;
        for (const Placed<CanvasText>& text : textsOf(widget))
            if (text->text == QString::number(item + 1)
                && (!header || text.pixel(text->at).y() < header->y()))
                header = text.pixel(text->at);
        QVERIFY(header);
        QVERIFY(header->y() < plotRect.top());
        columnX.push_back(header->x());
        // Columns to the right of the plot, evenly spaced, inside the widget.
        QVERIFY(columnX.back() > plotRect.right());
        QVERIFY(columnX.back() < widget.width());
        if (item >= 2)
            QVERIFY(std::abs((columnX[item] - columnX[item - 1]) - (columnX[1] - columnX[0])) < 0.01);
    }

    // Each study row's lights: centred on the row's pixel line (where its square and label are) and on
    // their column's header, with the study's judgement as colour and symbol; pooled rows have none.
    const FigureStyle style = FigureStyle::forScreen(widget.palette(), widget.font(), fontReferenceDpi());
    int checked = 0;
    for (const Placed<CanvasCircle>& light : lights) {
        const std::optional<Placed<CanvasText>> symbol = symbolOf(widget, light);
        QVERIFY(symbol);
        const QPointF centre = light.pixel(light->centre);
        if (!light->centre.plotY)
            continue; // The legend's
        const double rowIndex = light->centre.y;
        QCOMPARE(rowIndex, std::round(rowIndex));
        const ForestRow& row = data.rows[static_cast<std::size_t>(rowIndex)];
        QCOMPARE(row.kind, ForestRowKind::Study);
        QCOMPARE(centre.y(), y->coordToPixel(rowIndex));
        std::size_t item = 0;
        while (item < syrcleItemCount && std::abs(columnX[item] - centre.x()) > 0.01)
            ++item;
        QVERIFY(item < syrcleItemCount);
        const RobJudgement judgement = row.riskOfBias[item];
        QCOMPARE((*symbol)->text, QString::fromStdString(std::string(robSymbol(judgement))));
        QCOMPARE(light->brush.style() == Qt::NoBrush, judgement == RobJudgement::NotAssessed);
        if (judgement != RobJudgement::NotAssessed)
            QCOMPARE(light->brush.color(), style.robColour(judgement));
        // The circle lies within its column.
        const double diameter = 2 * light->radius;
        QVERIFY(diameter > 4 && diameter < columnX[1] - columnX[0]);
        ++checked;
    }
    QCOMPARE(checked, studies * static_cast<int>(syrcleItemCount));
    // The key under the plot names every item.
    for (const RobKeyEntry& entry : data.riskOfBias.key)
        QVERIFY2(textItem(widget, QString::fromStdString(entry.label)), entry.label.c_str());
}

void TestFigureScene::singleColumnForestKeepsLabelsAndLights() {
    // 85 mm at 8 pt, laid out as a file is: the arm data, weights and effect column give way to the
    // traffic lights, study labels stay whole, the title stays whole over the plot, the key is a
    // sentence, and nothing leaves the page.
    Fixture f = fixture(false);
    judgeRiskOfBias(f.project);
    FigureSettings settings;
    settings.widthMm = 85;
    settings.riskOfBias = true;
    const FigureModel model = FigureModel::build(FigureKind::Forest, f.analysis, f.project.outcomes[0],
                                                 settings, f.project.studies);
    const QSizeF mm = figureSizeMm(model, settings);
    const QSize units(pixelsForMm(mm.width(), 1200), pixelsForMm(mm.height(), 1200));
    QCustomPlot plot;
    buildFigureScene(plot, model, FigureStyle::forExport(settings, 1200), units);
    plot.replot();
    const ForestPlotData& data = model.forest;
    for (const ForestRow& row : data.rows) {
        if (row.kind == ForestRowKind::Study) {
            QVERIFY2(textItem(plot, QString::fromStdString(row.cells[0])), row.cells[0].c_str());
            QVERIFY(
                !textItem(plot, QString::fromStdString(row.cells.back()).section(QLatin1Char(' '), 0, 0)));
        }
    }
    QVERIFY(textItem(plot, QString::fromStdString(data.plotGroupHeader)));
    QVERIFY(textItem(plot, QString::fromStdString(data.plotHeader)));
    QVERIFY(textItem(plot, QStringLiteral("Study"))); // The short header makes room for the title
    const QRectF page(0, 0, units.width(), units.height());
    const QList<Placed<CanvasCircle>> lights = trafficLights(plot);
    QVERIFY(lights.size() >= 80);
    for (const Placed<CanvasCircle>& light : lights) {
        const QPointF centre = light.pixel(light->centre);
        const QPointF corner(light->radius, light->radius);
        QVERIFY(page.contains(centre - corner));
        QVERIFY(page.contains(centre + corner));
    }
    // The key's sentence starts with the first item.
    bool sentence = false;
    for (const Placed<CanvasText>& text : textsOf(plot))
        sentence = sentence || text->text.startsWith(QStringLiteral("1 Sequence generation;"));
    QVERIFY(sentence);
    // Text of no two rows overlaps: rows keep their 1.45 font sizes.
    const double rowPitch = plot.axisRect()->axis(QCPAxis::atLeft)->coordToPixel(1)
                            - plot.axisRect()->axis(QCPAxis::atLeft)->coordToPixel(0);
    EVIDENT_COMPARE_REL(std::abs(rowPitch), 1.45 * 8 / 72.0 * 1200, 0.02);
}

void TestFigureScene::riskOfBiasSummaryIsStackedBars() {
    Fixture f = fixture(false);
    judgeRiskOfBias(f.project);
    RiskOfBiasPlotWidget widget;
    widget.setAnalysis(f.analysis, f.project.outcomes[0], f.project.studies);
    widget.resize(1000, 650);
    widget.replot();
    const RobSummaryData& data = widget.model().robSummary;
    QVERIFY(data.ok);
    // One QCPBars per judgement, stacked, with a point per non-empty part; each item's row adds up to 100.
    const QList<QCPBars*> bars = plottablesOf<QCPBars>(widget);
    QCOMPARE(bars.size(), 4);
    int parts = 0;
    for (const RobSummaryBar& bar : data.bars)
        parts += static_cast<int>(bar.segments.size());
    int points = 0;
    for (QCPBars* b : bars)
        points += b->dataCount();
    QCOMPARE(points, parts);
    // Parts are drawn without outlines (QCPBars would shift stacked parts by the pen's width); a
    // hairline item marks each boundary between two parts.
    for (QCPBars* b : bars)
        QCOMPARE(b->pen().style(), Qt::NoPen);
    QCOMPARE(marksOf<CanvasLine>(widget).size(), parts - static_cast<int>(data.bars.size()));
    QVERIFY(!bars[0]->barBelow());
    for (int i = 1; i < 4; ++i)
        QCOMPARE(bars[i]->barBelow(), bars[i - 1]);
    const FigureStyle style = FigureStyle::forScreen(widget.palette(), widget.font(), fontReferenceDpi());
    for (int i = 0; i < 4; ++i)
        QCOMPARE(bars[i]->brush().color(), style.robColour(robJudgementOrder()[static_cast<std::size_t>(i)]));
    for (std::size_t item = 0; item < data.bars.size(); ++item) {
        double total = 0;
        for (QCPBars* b : bars)
            for (auto it = b->data()->constBegin(); it != b->data()->constEnd(); ++it)
                if (it->key == static_cast<double>(item))
                    total += it->value;
        EVIDENT_COMPARE_REL(total, 100.0, 1e-12);
        QVERIFY(textItem(widget, QString::fromStdString(data.bars[item].label)));
    }
    QCOMPARE(bars[0]->keyAxis()->range().lower, -0.5);
    QVERIFY(bars[0]->keyAxis()->rangeReversed()); // Item 1 at the top
    QCOMPARE(bars[0]->valueAxis()->range().upper, 100.0);
    QCOMPARE(bars[0]->valueAxis()->label(), QString::fromStdString(data.xTitle));
    QVERIFY(legendOf(widget));
    QCOMPARE(legendOf(widget)->itemCount(), static_cast<int>(data.legend.size()));

    // Nobody assessed: the reason as text, no bars.
    for (Study& study : f.project.studies)
        study.riskOfBias = RiskOfBias{};
    widget.setAnalysis(f.analysis, f.project.outcomes[0], f.project.studies);
    widget.replot();
    QVERIFY(!widget.model().robSummary.ok);
    QCOMPARE(widget.plottableCount(), 0);
    bool reason = false;
    for (int i = 0; i < widget.plotLayout()->elementCount(); ++i)
        if (auto* text = qobject_cast<QCPTextElement*>(widget.plotLayout()->elementAt(i)))
            reason = reason || text->text().contains(QStringLiteral("assessed"));
    QVERIFY(reason);
}

QTEST_MAIN(TestFigureScene)
#include "tst_figure_scene.moc"
