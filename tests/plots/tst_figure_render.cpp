// SPDX-License-Identifier: GPL-3.0-or-later
// Every figure in every export format (headless): a PNG or TIFF of the requested pixel size that is
// not blank, an SVG that parses, a PDF with one page of the requested size; the widgets draw and
// report clicks; the export dialog previews.
#include "tests/core/plotdatafixtures.h"
#include "tests/support/testsupport.h"
#include "ui/export/figureexport.h"
#include "ui/export/figureexportdialog.h"
#include "ui/plots/figurewidget.h"

#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QPainter>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>

using namespace evident;
using namespace evident::plots;
using namespace evident::test;

Q_DECLARE_METATYPE(evident::FigureKind)
Q_DECLARE_METATYPE(evident::plots::ExportFormat)

namespace {

struct Fixture {
    Project project;
    OutcomeAnalysis analysis;
};

Fixture fixture(std::size_t k = 8) {
    Fixture f;
    f.project = k == 8 ? projectOf(eightStudies()) : projectOf(syntheticStudies(k));
    judgeRiskOfBias(f.project);
    Outcome& outcome = f.project.outcomes[0];
    outcome.tsa.minimalRelevantEffect = 0.5;
    outcome.settings.subgroup = "model";
    f.analysis = analyseOutcome(f.project, outcome);
    return f;
}

/// Share of pixels that are not white: a drawn figure has ink, a blank one has none.
double inkShare(const QImage& image) {
    qint64 ink = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            ink += (image.pixel(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
    return static_cast<double>(ink) / (static_cast<double>(image.width()) * image.height() / 4);
}

} // namespace

class TestFigureRender : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyFigureInEveryFormat_data();
    void everyFigureInEveryFormat();
    void rasterSizeFollowsMillimetresAndDpi_data();
    void rasterSizeFollowsMillimetresAndDpi();
    void fontSizeIsInPointsAtAnyResolution();
    void badSettingsAreRefusedWithTheirName_data();
    void badSettingsAreRefusedWithTheirName();
    void unwritablePathIsAnError();
    void widgetsDrawAndFollowThePalette();
    void clickingAStudySelectsItsGridRow();
    void exportDialogPreviewsAndRemembers();
    void exportDialogOffersTrafficLights();

private:
    QTemporaryDir m_dir;
};

void TestFigureRender::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY2(QImageReader::supportedImageFormats().contains("tiff"),
             "Qt's TIFF plugin is missing: install qt6-image-formats-plugins");
}

void TestFigureRender::everyFigureInEveryFormat_data() {
    QTest::addColumn<FigureKind>("kind");
    QTest::addColumn<bool>("riskOfBias");
    QTest::addColumn<ExportFormat>("format");
    for (const FigureType& type : figureTypes())
        for (bool riskOfBias : {false, true}) {
            const FigureKind kind = type.kind;
            if (riskOfBias && kind != FigureKind::Forest)
                continue;
            for (ExportFormat format :
                 {ExportFormat::Png, ExportFormat::Tiff, ExportFormat::Svg, ExportFormat::Pdf})
                QTest::newRow(
                    qPrintable(QString::fromLatin1(figureKey(kind).data())
                               + (riskOfBias ? QStringLiteral(" with traffic lights ") : QStringLiteral(" "))
                               + exportFormatKey(format)))
                    << kind << riskOfBias << format;
        }
}

void TestFigureRender::everyFigureInEveryFormat() {
    QFETCH(FigureKind, kind);
    QFETCH(bool, riskOfBias);
    QFETCH(ExportFormat, format);
    const Fixture f = fixture();
    const Outcome& outcome = f.project.outcomes[0];
    FigureSettings settings;
    settings.widthMm = 175;
    settings.dpi = 300;
    settings.riskOfBias = riskOfBias;
    const FigureModel model = FigureModel::build(kind, f.analysis, outcome, settings, f.project.studies);
    QVERIFY(kind != FigureKind::Forest || model.forest.ok);
    QVERIFY(kind != FigureKind::Forest || model.forest.riskOfBias.shown == riskOfBias);
    QVERIFY(kind != FigureKind::Funnel || model.funnel.ok);
    QVERIFY(kind != FigureKind::Tsa || model.tsa.ok);
    QVERIFY(kind != FigureKind::RobSummary || model.robSummary.ok);
    QVERIFY2(model.ok(), model.message().c_str());
    const QString path =
        m_dir.filePath(QStringLiteral("figure-%1%2.%3")
                           .arg(QString::fromLatin1(figureKey(kind).data()),
                                riskOfBias ? QStringLiteral("-rob") : QString(), exportFormatKey(format)));
    const ExportResult result = exportFigure(model, settings, path, format);
    QVERIFY2(result.ok, qPrintable(result.error));
    const double heightMm = model.heightMm(settings);
    QCOMPARE(result.sizeMm, QSizeF(175, heightMm));

    if (isRasterFormat(format)) {
        const QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(pixelsForMm(175, 300), pixelsForMm(heightMm, 300)));
        const double ink = inkShare(image);
        QVERIFY2(ink > 0.01 && ink < 0.6, qPrintable(QString::number(ink)));
        QCOMPARE(std::lround(image.dotsPerMeterX() * 0.0254), 300L);
        if (riskOfBias || kind == FigureKind::RobSummary) {
            // The judgements' colours are in the file (the bars' green, the lights' green and yellow).
            const FigureStyle style = FigureStyle::forExport(settings, 300);
            int green = 0, yellow = 0;
            for (int y = 0; y < image.height(); y += 2)
                for (int x = 0; x < image.width(); x += 2) {
                    const QColor c(image.pixel(x, y));
                    green += c == style.robLow ? 1 : 0;
                    yellow += c == style.robUnclear ? 1 : 0;
                }
            QVERIFY2(green > 100 && yellow > 100, qPrintable(QStringLiteral("%1 %2").arg(green).arg(yellow)));
        }
    } else if (format == ExportFormat::Svg) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int elements = 0;
        while (!xml.atEnd())
            elements += xml.readNext() == QXmlStreamReader::StartElement ? 1 : 0;
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(elements > 20);
        QSvgRenderer svg(path);
        QVERIFY(svg.isValid());
        // The SVG writes its view box with six significant digits.
        EVIDENT_COMPARE_REL(svg.viewBoxF().width(), 175 / 25.4 * 72, 1e-6);
        // Drawn back at 150 dpi, the SVG has ink like the PNG.
        QImage back(pixelsForMm(175, 150), pixelsForMm(heightMm, 150), QImage::Format_RGB32);
        back.fill(Qt::white);
        QPainter painter(&back);
        svg.render(&painter);
        painter.end();
        QVERIFY(inkShare(back) > 0.01);
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        const qsizetype pages = pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r")
                                + pdf.count("/Type /Page ") + pdf.count("/Type /Page/");
        QCOMPARE(pages, qsizetype(1));
        const QRegularExpressionMatch box =
            QRegularExpression(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"))
                .match(QString::fromLatin1(pdf));
        QVERIFY(box.hasMatch());
        EVIDENT_COMPARE_REL(box.captured(1).toDouble(), 175 / 25.4 * 72, 2e-3);
        EVIDENT_COMPARE_REL(box.captured(2).toDouble(), heightMm / 25.4 * 72, 2e-3);
    }
}

void TestFigureRender::rasterSizeFollowsMillimetresAndDpi_data() {
    QTest::addColumn<FigureKind>("kind");
    QTest::addColumn<double>("widthMm");
    QTest::addColumn<double>("heightMm");
    QTest::addColumn<double>("dpi");
    QTest::newRow("forest single column 600 dpi, height from rows")
        << FigureKind::Forest << 85.0 << 0.0 << 600.0;
    QTest::newRow("funnel single column 300 dpi, chosen height")
        << FigureKind::Funnel << 85.0 << 80.0 << 300.0;
    QTest::newRow("TSA double column 450 dpi (custom)") << FigureKind::Tsa << 175.0 << 100.0 << 450.0;
    QTest::newRow("risk-of-bias summary single column 600 dpi, height from content")
        << FigureKind::RobSummary << 85.0 << 0.0 << 600.0;
    QTest::newRow("risk-of-bias summary double column 300 dpi, chosen height")
        << FigureKind::RobSummary << 175.0 << 70.0 << 300.0;
}

void TestFigureRender::rasterSizeFollowsMillimetresAndDpi() {
    QFETCH(FigureKind, kind);
    QFETCH(double, widthMm);
    QFETCH(double, heightMm);
    QFETCH(double, dpi);
    const Fixture f = fixture(30);
    FigureSettings settings;
    settings.widthMm = widthMm;
    settings.heightMm = heightMm;
    settings.dpi = dpi;
    const FigureModel model =
        FigureModel::build(kind, f.analysis, f.project.outcomes[0], settings, f.project.studies);
    const QString path = m_dir.filePath(QStringLiteral("size.png"));
    const ExportResult result = exportFigure(model, settings, path, ExportFormat::Png);
    QVERIFY2(result.ok, qPrintable(result.error));
    const double expectedHeight = heightMm > 0 ? heightMm : model.heightMm(settings);
    const QImage image(path);
    QCOMPARE(image.size(), QSize(pixelsForMm(widthMm, dpi), pixelsForMm(expectedHeight, dpi)));
    QVERIFY(inkShare(image) > 0.01);
}

void TestFigureRender::fontSizeIsInPointsAtAnyResolution() {
    // The layout is made for the size in mm: at 600 dpi the figure is the 300 dpi figure, twice as
    // fine, not re-laid out. Compare the ink of the 600 dpi image scaled down with the 300 dpi one.
    const Fixture f = fixture();
    FigureSettings settings;
    const FigureModel model =
        FigureModel::build(FigureKind::Forest, f.analysis, f.project.outcomes[0], settings);
    const QImage at300 = renderFigureImage(model, settings, 300);
    const QImage at600 = renderFigureImage(model, settings, 600);
    QCOMPARE(at600.width(), pixelsForMm(settings.widthMm, 600));
    const double ink300 = inkShare(at300);
    const double ink600 =
        inkShare(at600.scaled(at300.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    EVIDENT_COMPARE_REL(ink600, ink300, 0.35);
}

void TestFigureRender::badSettingsAreRefusedWithTheirName_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("width too small") << "width" << 2.0 << "width";
    QTest::newRow("height negative") << "height" << -5.0 << "height";
    QTest::newRow("dpi absurd") << "dpi" << 100000.0 << "dpi";
    QTest::newRow("dpi NaN") << "dpi" << std::nan("") << "dpi";
    QTest::newRow("font zero") << "font" << 0.0 << "font size";
    QTest::newRow("too many pixels: 400 mm at 2400 dpi") << "pixels" << 2400.0 << "dpi";
}

void TestFigureRender::badSettingsAreRefusedWithTheirName() {
    QFETCH(QString, field);
    QFETCH(double, value);
    QFETCH(QString, message);
    FigureSettings settings;
    if (field == u"width")
        settings.widthMm = value;
    else if (field == u"height")
        settings.heightMm = value;
    else if (field == u"dpi")
        settings.dpi = value;
    else if (field == u"pixels") {
        settings.widthMm = 400;
        settings.dpi = value;
    } else
        settings.fontPointSize = value;
    const Fixture f = fixture();
    const FigureModel model =
        FigureModel::build(FigureKind::Forest, f.analysis, f.project.outcomes[0], settings);
    const ExportResult result =
        exportFigure(model, settings, m_dir.filePath(QStringLiteral("bad.png")), ExportFormat::Png);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.startsWith(message), qPrintable(result.error));
}

void TestFigureRender::unwritablePathIsAnError() {
    const Fixture f = fixture();
    FigureSettings settings;
    const FigureModel model =
        FigureModel::build(FigureKind::Funnel, f.analysis, f.project.outcomes[0], settings);
    for (ExportFormat format : {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf}) {
        const ExportResult result = exportFigure(
            model, settings, QStringLiteral("/nonexistent-dir/x.") + exportFormatKey(format), format);
        QVERIFY(!result.ok);
        QVERIFY(!result.error.isEmpty());
    }
}

void TestFigureRender::widgetsDrawAndFollowThePalette() {
    const Fixture f = fixture();
    for (FigureWidget* widget : std::initializer_list<FigureWidget*>{
             new ForestPlotWidget, new FunnelPlotWidget, new TsaPlotWidget, new RiskOfBiasPlotWidget}) {
        widget->setAnalysis(f.analysis, f.project.outcomes[0], f.project.studies);
        widget->resize(900, 600);
        QVERIFY(widget->sizeHint().height() > 100);
        const QImage light = widget->grab().toImage();
        QVERIFY(inkShare(light) > 0.01);
        QPalette dark = widget->palette();
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        widget->setPalette(dark);
        const QImage darkImage = widget->grab().toImage();
        QCOMPARE(QColor(darkImage.pixel(2, 2)), QColor(30, 30, 30));
        // Text and lines are light on the dark background.
        int bright = 0;
        for (int y = 0; y < darkImage.height(); y += 3)
            for (int x = 0; x < darkImage.width(); x += 3)
                bright += QColor(darkImage.pixel(x, y)).lightness() > 150 ? 1 : 0;
        QVERIFY(bright > 50);
        delete widget;
    }
}

void TestFigureRender::clickingAStudySelectsItsGridRow() {
    Fixture f = fixture();
    f.project.outcomes[0].rows[1].included = false; // Grid row 1 is not plotted: row indices shift
    f.project.outcomes[0].settings.subgroup.clear();
    f.analysis = analyseOutcome(f.project, f.project.outcomes[0]);
    ForestPlotWidget widget;
    widget.setAnalysis(f.analysis, f.project.outcomes[0]);
    widget.resize(1000, 700);
    widget.grab(); // Paints, which records where each study was drawn
    QSignalSpy spy(&widget, &FigureWidget::studyClicked);
    // The third study row drawn is grid row 3 (rows 0, 2, 3, ...).
    const ForestPlotData& plot = widget.model().forest;
    std::size_t studyIndex = 0, rowIndex = 0;
    for (; rowIndex < plot.rows.size(); ++rowIndex)
        if (plot.rows[rowIndex].kind == ForestRowKind::Study && studyIndex++ == 2)
            break;
    QCOMPARE(*plot.rows[rowIndex].outcomeRow, std::size_t(3));
    // Find that row on screen: scan down the left edge for a hit that reports 3.
    bool clicked = false;
    for (int y = 0; y < widget.height() && !clicked; y += 2) {
        QTest::mouseClick(&widget, Qt::LeftButton, {}, QPoint(40, y));
        if (!spy.isEmpty() && spy.last().at(0).toInt() == 3)
            clicked = true;
    }
    QVERIFY(clicked);
    for (const QList<QVariant>& call : spy)
        QVERIFY(call.at(0).toInt() != 1);
}

void TestFigureRender::exportDialogPreviewsAndRemembers() {
    const Fixture f = fixture();
    Outcome outcome = f.project.outcomes[0];
    outcome.figures.forest.widthMm = 85;
    outcome.figures.forest.fontPointSize = 7;
    FigureExportDialog dialog(FigureKind::Forest, f.analysis, outcome);
    QCOMPARE(dialog.settings().widthMm, 85.0);
    QCOMPARE(dialog.settings().fontPointSize, 7.0);
    QSignalSpy spy(&dialog, &FigureExportDialog::settingsChanged);
    const auto spins = dialog.findChildren<QDoubleSpinBox*>();
    QDoubleSpinBox* width = nullptr;
    for (QDoubleSpinBox* spin : spins)
        if (spin->value() == 85.0)
            width = spin;
    QVERIFY(width);
    width->setValue(175);
    QCOMPARE(dialog.settings().widthMm, 175.0);
    QVERIFY(!spy.isEmpty());
    bool hasPreview = false;
    for (QLabel* label : dialog.findChildren<QLabel*>())
        hasPreview = hasPreview || !label->pixmap().isNull();
    QVERIFY(hasPreview);
}

void TestFigureRender::exportDialogOffersTrafficLights() {
    const Fixture f = fixture();
    const Outcome& outcome = f.project.outcomes[0];
    FigureExportDialog forest(FigureKind::Forest, f.analysis, outcome, f.project.studies);
    QCheckBox* lights = nullptr;
    for (QCheckBox* box : forest.findChildren<QCheckBox*>())
        if (box->text().contains(QStringLiteral("traffic lights")))
            lights = box;
    QVERIFY(lights);
    QVERIFY(!lights->isChecked());
    QVERIFY(!forest.settings().riskOfBias);
    // The preview gets taller by the key under the plot.
    const auto previewHeight = [](const FigureExportDialog& dialog) {
        for (QLabel* label : dialog.findChildren<QLabel*>())
            if (label->text().contains(QStringLiteral(" mm")))
                return label->text();
        return QString();
    };
    const QString before = previewHeight(forest);
    lights->setChecked(true);
    QVERIFY(forest.settings().riskOfBias);
    QVERIFY(previewHeight(forest) != before);

    // The summary's dialog has no forest-plot options.
    FigureExportDialog summary(FigureKind::RobSummary, f.analysis, outcome, f.project.studies);
    for (QCheckBox* box : summary.findChildren<QCheckBox*>())
        QVERIFY(!box->text().contains(QStringLiteral("traffic lights")));
    for (QLabel* label : summary.findChildren<QLabel*>())
        QVERIFY(!label->text().contains(QStringLiteral("axis label")));
    bool hasPreview = false;
    for (QLabel* label : summary.findChildren<QLabel*>())
        hasPreview = hasPreview || !label->pixmap().isNull();
    QVERIFY(hasPreview);
}

QTEST_MAIN(TestFigureRender)
#include "tst_figure_render.moc"
