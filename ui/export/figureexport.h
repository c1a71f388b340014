// SPDX-License-Identifier: GPL-3.0-or-later
// Writing a figure to a file: PNG and TIFF at a chosen resolution, SVG and PDF as vector graphics.
// The figure is laid out for its size in mm with its font in points, then drawn at the resolution
// (never a screenshot scaled up). The dialog, the app and evident-cli all export through here.
#pragma once

#include "ui/plots/figuremodel.h"

#include <QImage>
#include <QSize>
#include <QSizeF>
#include <QString>

#include <optional>

namespace evident::plots {

enum class ExportFormat { Png, Tiff, Svg, Pdf };

/// "png", "tiff" (or "tif"), "svg", "pdf", case-insensitive.
std::optional<ExportFormat> parseExportFormat(const QString& key);
QString exportFormatKey(ExportFormat format);
bool isRasterFormat(ExportFormat format);

/// Limits that keep an export sane (a typo must not ask for a 10-gigapixel image).
inline constexpr double minimumFigureMm = 20;
inline constexpr double maximumFigureMm = 1200;
inline constexpr double minimumDpi = 50;
inline constexpr double maximumDpi = 2400;
inline constexpr double minimumFontPoints = 4;
inline constexpr double maximumFontPoints = 36;

struct ExportResult {
    bool ok = false;
    QString error;   ///< Names the setting or the file at fault
    QSizeF sizeMm;   ///< Width and height written
    QSize pixelSize; ///< Raster formats
};

/// Checks the size, resolution, font and format of `settings`; an empty string when usable.
QString validateFigureSettings(const FigureSettings& settings);

/// Width and height in mm: the settings' width, and their height or the content's.
QSizeF figureSizeMm(const FigureModel& model, const FigureSettings& settings);

/// The figure as a white image at `dpi` (also used for the dialog's preview). Its pixel size is
/// round(mm / 25.4 · dpi) and its DPI is recorded in the image.
QImage renderFigureImage(const FigureModel& model, const FigureSettings& settings, double dpi);

/// Writes the figure in the format of settings.format (or `format` when given) to `path`.
ExportResult exportFigure(const FigureModel& model, const FigureSettings& settings, const QString& path,
                          std::optional<ExportFormat> format = std::nullopt);

} // namespace evident::plots
