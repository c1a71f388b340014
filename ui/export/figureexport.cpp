// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/export/figureexport.h"

#include "ui/plots/figurescene.h"

#include <QBuffer>
#include <QImageWriter>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>
#include <qcustomplot.h>

#include <cmath>

namespace evident::plots {
namespace {

// Every file is the same QCustomPlot scene: laid out once for the figure's size in units of
// 1/1200 inch with its fonts in points (figurescene.h), then drawn scaled onto the file's device.
// The grid is fine enough that QCustomPlot's whole-unit layout (axis rect edges, text boxes) is
// exact to 0.02 mm, and fonts are measured at 100 pixels or more to the em, where rounded glyph
// advances no longer change the layout: a 600 dpi PNG is the 300 dpi figure drawn twice as
// finely, and the PDF and SVG have the same layout as the PNG.
constexpr double layoutUnitsPerInch = 1200;
// SVG: user units of 1 pt, so the file's numbers read as points.
constexpr double svgUserUnitsPerInch = 72;
// Largest raster export: 30,000 pixels a side (a 1,200 mm figure at 600 dpi is 28,346).
constexpr int maximumPixelsPerSide = 30000;

QString title(const FigureModel& model) {
    return QString::fromUtf8(figureType(model.kind).title.data(),
                             static_cast<qsizetype>(figureType(model.kind).title.size()));
}

QSize unitsFor(const QSizeF& mm, double unitsPerInch) {
    return {pixelsForMm(mm.width(), unitsPerInch), pixelsForMm(mm.height(), unitsPerInch)};
}

/// Draws the figure with `painter`, whose device must have the font reference DPI, scaled by
/// `scale` device pixels per layout unit.
void drawFigure(QCPPainter& painter, const FigureModel& model, const FigureSettings& settings, double scale) {
    const QSize units = unitsFor(figureSizeMm(model, settings), layoutUnitsPerInch);
    QCustomPlot plot; // Never shown: it holds the scene and lays it out
    buildFigureScene(plot, model, FigureStyle::forExport(settings, layoutUnitsPerInch), units);
    painter.scale(scale, scale);
    plot.toPainter(&painter, units.width(), units.height());
}

/// Sets the SVG's width and height to the figure's exact size in mm (QSvgGenerator writes its
/// size in whole device pixels).
void setSvgSize(QByteArray& svg, const QSizeF& mm) {
    const QRegularExpression size(QStringLiteral("<svg width=\"[0-9.]+mm\" height=\"[0-9.]+mm\""));
    const QString header = QString::fromUtf8(svg.left(400));
    const QRegularExpressionMatch match = size.match(header);
    if (!match.hasMatch())
        return; // Leave an unexpected header alone
    const QByteArray exact = QStringLiteral("<svg width=\"%1mm\" height=\"%2mm\"")
                                 .arg(mm.width(), 0, 'g', 8)
                                 .arg(mm.height(), 0, 'g', 8)
                                 .toUtf8();
    svg.replace(match.capturedStart(), match.capturedLength(), exact);
}

/// Writes the whole file atomically (QSaveFile): an existing file is replaced only once the new one
/// is complete on disk, so an interrupted export (a crash, Ctrl-C, power loss) leaves it intact.
QString writeAtomically(const QString& path, const QByteArray& bytes) {
    if (bytes.isEmpty())
        return QStringLiteral("%1: nothing was written").arg(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    return {};
}

} // namespace

std::optional<ExportFormat> parseExportFormat(const QString& key) {
    const QString k = key.trimmed().toLower();
    if (k == u"png")
        return ExportFormat::Png;
    if (k == u"tiff" || k == u"tif")
        return ExportFormat::Tiff;
    if (k == u"svg")
        return ExportFormat::Svg;
    if (k == u"pdf")
        return ExportFormat::Pdf;
    return std::nullopt;
}

QString exportFormatKey(ExportFormat format) {
    switch (format) {
    case ExportFormat::Png:
        return QStringLiteral("png");
    case ExportFormat::Tiff:
        return QStringLiteral("tiff");
    case ExportFormat::Svg:
        return QStringLiteral("svg");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

bool isRasterFormat(ExportFormat format) {
    return format == ExportFormat::Png || format == ExportFormat::Tiff;
}

QString validateFigureSettings(const FigureSettings& s) {
    const auto outside = [](double v, double lo, double hi) { return !(v >= lo && v <= hi); };
    if (outside(s.widthMm, minimumFigureMm, maximumFigureMm))
        return QStringLiteral("width: %1 mm is outside %2 to %3 mm")
            .arg(s.widthMm)
            .arg(minimumFigureMm)
            .arg(maximumFigureMm);
    if (s.heightMm != 0 && outside(s.heightMm, minimumFigureMm, maximumFigureMm))
        return QStringLiteral("height: %1 mm is outside %2 to %3 mm (or 0 for the content's height)")
            .arg(s.heightMm)
            .arg(minimumFigureMm)
            .arg(maximumFigureMm);
    if (outside(s.dpi, minimumDpi, maximumDpi))
        return QStringLiteral("dpi: %1 is outside %2 to %3").arg(s.dpi).arg(minimumDpi).arg(maximumDpi);
    if (outside(s.fontPointSize, minimumFontPoints, maximumFontPoints))
        return QStringLiteral("font size: %1 pt is outside %2 to %3 pt")
            .arg(s.fontPointSize)
            .arg(minimumFontPoints)
            .arg(maximumFontPoints);
    if (!parseExportFormat(QString::fromStdString(s.format)))
        return QStringLiteral("format: '%1' is not one of png, tiff, svg, pdf")
            .arg(QString::fromStdString(s.format));
    return {};
}

QSizeF figureSizeMm(const FigureModel& model, const FigureSettings& settings) {
    return {settings.widthMm, std::clamp(model.heightMm(settings), minimumFigureMm, maximumFigureMm)};
}

QImage renderFigureImage(const FigureModel& model, const FigureSettings& settings, double dpi) {
    const QSizeF mm = figureSizeMm(model, settings);
    const int width = std::clamp(pixelsForMm(mm.width(), dpi), 1, maximumPixelsPerSide);
    const int height = std::clamp(pixelsForMm(mm.height(), dpi), 1, maximumPixelsPerSide);
    // Drawn at the image's default DPI (the font reference DPI): the scene's fonts are set for it.
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QCPPainter painter(&image);
    drawFigure(painter, model, settings, dpi / layoutUnitsPerInch);
    painter.end();
    const int dotsPerMeter = static_cast<int>(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

ExportResult exportFigure(const FigureModel& model, const FigureSettings& settings, const QString& path,
                          std::optional<ExportFormat> format) {
    ExportResult result;
    FigureSettings s = settings;
    if (format)
        s.format = exportFormatKey(*format).toStdString();
    if (const QString problem = validateFigureSettings(s); !problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    const ExportFormat chosen = *parseExportFormat(QString::fromStdString(s.format));
    result.sizeMm = figureSizeMm(model, s);
    const QSizeF mm = result.sizeMm;

    if (isRasterFormat(chosen)) {
        const int largest = std::max(pixelsForMm(mm.width(), s.dpi), pixelsForMm(mm.height(), s.dpi));
        if (largest > maximumPixelsPerSide) {
            result.error =
                QStringLiteral("dpi: %1 dpi makes the figure %2 pixels long; at most %3 pixels a side")
                    .arg(s.dpi)
                    .arg(largest)
                    .arg(maximumPixelsPerSide);
            return result;
        }
        const QImage image = renderFigureImage(model, s, s.dpi).convertToFormat(QImage::Format_RGB888);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, chosen == ExportFormat::Png ? "png" : "tiff");
        if (chosen == ExportFormat::Tiff)
            writer.setCompression(1); // LZW: lossless and read by every journal system
        if (!writer.canWrite()) {
            result.error = QStringLiteral("%1: cannot write %2 (%3)")
                               .arg(path, exportFormatKey(chosen), writer.errorString());
            return result;
        }
        if (!writer.write(image)) {
            result.error = QStringLiteral("%1: %2").arg(path, writer.errorString());
            return result;
        }
        if (const QString error = writeAtomically(path, buffer.data()); !error.isEmpty()) {
            result.error = error;
            return result;
        }
        result.pixelSize = image.size();
        result.ok = true;
        return result;
    }

    // Drawn into memory and then written whole (writeAtomically).
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const int deviceDpi = fontReferenceDpi();
    if (chosen == ExportFormat::Svg) {
        const QSizeF points(mm.width() / 25.4 * svgUserUnitsPerInch,
                            mm.height() / 25.4 * svgUserUnitsPerInch);
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        // Fonts are measured at the device's resolution, so it must be the reference DPI; the
        // width and height attributes (whole pixels at that resolution) are made exact afterwards.
        generator.setResolution(deviceDpi);
        generator.setSize(unitsFor(mm, deviceDpi));
        generator.setViewBox(QRectF(QPointF(0, 0), points));
        generator.setTitle(title(model));
        generator.setDescription(QStringLiteral("Made with Evident"));
        QCPPainter painter;
        if (!painter.begin(&generator)) {
            result.error = QStringLiteral("%1: cannot be written").arg(path);
            return result;
        }
        painter.setMode(QCPPainter::pmVectorized);
        drawFigure(painter, model, s, svgUserUnitsPerInch / layoutUnitsPerInch);
        painter.end();
        setSvgSize(buffer.buffer(), mm);
    } else {
        // QCustomPlot::savePdf() would make the page as many points as the scene has units (whole
        // points, with fonts measured at 72 units per inch); a writer of the exact page size drawn
        // through toPainter() keeps the fine layout.
        QPdfWriter writer(&buffer);
        writer.setResolution(deviceDpi);
        writer.setPageSize(QPageSize(mm, QPageSize::Millimeter, title(model), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(title(model));
        writer.setCreator(QStringLiteral("Evident"));
        QCPPainter painter;
        if (!painter.begin(&writer)) {
            result.error = QStringLiteral("%1: cannot be written").arg(path);
            return result;
        }
        painter.setMode(QCPPainter::pmVectorized);
        drawFigure(painter, model, s, deviceDpi / layoutUnitsPerInch);
        painter.end();
    }
    if (const QString error = writeAtomically(path, buffer.data()); !error.isEmpty()) {
        result.error = error;
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace evident::plots
