// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/export/figureexportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFontComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>

#include <cmath>

namespace evident::plots {
namespace {

constexpr double singleColumnMm = 85;
constexpr double doubleColumnMm = 175;

} // namespace

FigureExportDialog::FigureExportDialog(FigureKind kind, const OutcomeAnalysis& analysis,
                                       const Outcome& outcome, QWidget* parent)
    : FigureExportDialog(kind, analysis, outcome, {}, parent) {}

FigureExportDialog::FigureExportDialog(FigureKind kind, const OutcomeAnalysis& analysis,
                                       const Outcome& outcome, const std::vector<Study>& studies,
                                       QWidget* parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_analysis(analysis)
    , m_outcome(outcome)
    , m_studies(studies)
    , m_settings(FigureModel::settingsOf(outcome, kind)) {
    setWindowTitle(tr("Export figure"));

    m_format = new QComboBox;
    m_format->addItem(tr("PDF (vector)"), QStringLiteral("pdf"));
    m_format->addItem(tr("SVG (vector)"), QStringLiteral("svg"));
    m_format->addItem(tr("PNG"), QStringLiteral("png"));
    m_format->addItem(tr("TIFF"), QStringLiteral("tiff"));
    m_format->setCurrentIndex(std::max(0, m_format->findData(QString::fromStdString(m_settings.format))));

    m_width = new QDoubleSpinBox;
    m_width->setRange(minimumFigureMm, maximumFigureMm);
    m_width->setDecimals(1);
    m_width->setSuffix(tr(" mm"));
    m_width->setValue(m_settings.widthMm);
    auto* single = new QPushButton(tr("Single column (85 mm)"));
    auto* twoColumns = new QPushButton(tr("Double column (175 mm)"));
    connect(single, &QPushButton::clicked, this, [this] { m_width->setValue(singleColumnMm); });
    connect(twoColumns, &QPushButton::clicked, this, [this] { m_width->setValue(doubleColumnMm); });
    auto* widthRow = new QHBoxLayout;
    widthRow->addWidget(m_width);
    widthRow->addWidget(single);
    widthRow->addWidget(twoColumns);

    m_autoHeight = new QCheckBox(tr("From the content"));
    m_autoHeight->setChecked(m_settings.heightMm <= 0);
    m_height = new QDoubleSpinBox;
    m_height->setRange(minimumFigureMm, maximumFigureMm);
    m_height->setDecimals(1);
    m_height->setSuffix(tr(" mm"));
    m_height->setValue(m_settings.heightMm > 0 ? m_settings.heightMm : 120);
    m_height->setEnabled(m_settings.heightMm > 0);
    auto* heightRow = new QHBoxLayout;
    heightRow->addWidget(m_autoHeight);
    heightRow->addWidget(m_height);

    m_dpi = new QComboBox;
    m_dpi->addItem(tr("300 dpi"), 300.0);
    m_dpi->addItem(tr("600 dpi"), 600.0);
    m_dpi->addItem(tr("Custom"), 0.0);
    m_customDpi = new QDoubleSpinBox;
    m_customDpi->setRange(minimumDpi, maximumDpi);
    m_customDpi->setDecimals(0);
    m_customDpi->setSuffix(tr(" dpi"));
    m_customDpi->setValue(m_settings.dpi);
    const int preset = m_dpi->findData(m_settings.dpi);
    m_dpi->setCurrentIndex(preset >= 0 ? preset : 2);
    m_customDpi->setEnabled(preset < 0);
    auto* dpiRow = new QHBoxLayout;
    dpiRow->addWidget(m_dpi);
    dpiRow->addWidget(m_customDpi);

    m_font = new QFontComboBox;
    m_font->setCurrentFont(QFont(QString::fromStdString(m_settings.fontFamily)));
    m_fontSize = new QDoubleSpinBox;
    m_fontSize->setRange(minimumFontPoints, maximumFontPoints);
    m_fontSize->setDecimals(1);
    m_fontSize->setSingleStep(0.5);
    m_fontSize->setSuffix(tr(" pt"));
    m_fontSize->setValue(m_settings.fontPointSize);
    auto* fontRow = new QHBoxLayout;
    fontRow->addWidget(m_font, 1);
    fontRow->addWidget(m_fontSize);

    auto* form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Width:"), widthRow);
    form->addRow(tr("Height:"), heightRow);
    form->addRow(tr("Resolution:"), dpiRow);
    form->addRow(tr("Font:"), fontRow);
    if (figureType(kind).drawing == FigureDrawing::Forest) {
        const auto [left, right] = favoursLabels(m_outcome, m_analysis.measure);
        m_favoursLeft = new QLineEdit(QString::fromStdString(m_settings.favoursLeft));
        m_favoursLeft->setPlaceholderText(QString::fromStdString(left));
        m_favoursRight = new QLineEdit(QString::fromStdString(m_settings.favoursRight));
        m_favoursRight->setPlaceholderText(QString::fromStdString(right));
        form->addRow(tr("Left axis label:"), m_favoursLeft);
        form->addRow(tr("Right axis label:"), m_favoursRight);
        connect(m_favoursLeft, &QLineEdit::textChanged, this, [this] { updatePreview(); });
        connect(m_favoursRight, &QLineEdit::textChanged, this, [this] { updatePreview(); });
    }
    if (kind == FigureKind::Forest) {
        m_riskOfBias = new QCheckBox(tr("SYRCLE traffic lights beside the plot"));
        m_riskOfBias->setToolTip(tr("One column per SYRCLE item, with each study's judgement: "
                                    "+ low, − high, ? unclear risk"));
        m_riskOfBias->setChecked(m_settings.riskOfBias);
        form->addRow(tr("Risk of bias:"), m_riskOfBias);
        connect(m_riskOfBias, &QCheckBox::toggled, this, [this] { updatePreview(); });
    }
    if (kind == FigureKind::Funnel) {
        m_contours = new QCheckBox(tr("Shade the P = 0.10, 0.05 and 0.01 contours"));
        m_contours->setChecked(m_settings.contours);
        form->addRow(tr("Contours:"), m_contours);
        connect(m_contours, &QCheckBox::toggled, this, [this] { updatePreview(); });
    }

    m_preview = new QLabel;
    m_preview->setMinimumSize(420, 320);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_sizeInfo = new QLabel;

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    auto* exportButton = buttons->addButton(tr("Export…"), QDialogButtonBox::AcceptRole);
    connect(exportButton, &QPushButton::clicked, this, &FigureExportDialog::exportToFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* controls = new QVBoxLayout;
    controls->addLayout(form);
    controls->addStretch();
    controls->addWidget(m_sizeInfo);
    auto* top = new QHBoxLayout;
    top->addLayout(controls);
    top->addWidget(m_preview, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(buttons);

    const auto changed = [this] { updatePreview(); };
    connect(m_format, &QComboBox::currentIndexChanged, this, changed);
    connect(m_width, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_height, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_autoHeight, &QCheckBox::toggled, this, [this](bool automatic) {
        m_height->setEnabled(!automatic);
        updatePreview();
    });
    connect(m_dpi, &QComboBox::currentIndexChanged, this, [this] {
        m_customDpi->setEnabled(m_dpi->currentData().toDouble() <= 0);
        updatePreview();
    });
    connect(m_customDpi, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_font, &QFontComboBox::currentFontChanged, this, changed);
    connect(m_fontSize, &QDoubleSpinBox::valueChanged, this, changed);
    resize(980, 560);
    updatePreview();
}

void FigureExportDialog::readControls() {
    m_settings.format = m_format->currentData().toString().toStdString();
    m_settings.widthMm = m_width->value();
    m_settings.heightMm = m_autoHeight->isChecked() ? 0 : m_height->value();
    const double preset = m_dpi->currentData().toDouble();
    m_settings.dpi = preset > 0 ? preset : m_customDpi->value();
    m_settings.fontFamily = m_font->currentFont().family().toStdString();
    m_settings.fontPointSize = m_fontSize->value();
    if (m_favoursLeft) {
        m_settings.favoursLeft = m_favoursLeft->text().trimmed().toStdString();
        m_settings.favoursRight = m_favoursRight->text().trimmed().toStdString();
    }
    if (m_contours)
        m_settings.contours = m_contours->isChecked();
    if (m_riskOfBias)
        m_settings.riskOfBias = m_riskOfBias->isChecked();
    const bool raster = isRasterFormat(*parseExportFormat(QString::fromStdString(m_settings.format)));
    m_dpi->setEnabled(raster);
    m_customDpi->setEnabled(raster && preset <= 0);
}

void FigureExportDialog::updatePreview() {
    readControls();
    m_model = FigureModel::build(m_kind, m_analysis, m_outcome, m_settings, m_studies);
    const QSizeF mm = figureSizeMm(m_model, m_settings);
    // The preview is the exported figure itself, drawn at the resolution that fits the preview.
    const double ratio = devicePixelRatioF();
    const double fit =
        std::min(m_preview->width() / mm.width(), m_preview->height() / mm.height()) * 25.4 * ratio;
    QImage image = renderFigureImage(m_model, m_settings, std::max(20.0, fit * 0.97));
    image.setDevicePixelRatio(ratio);
    m_preview->setPixmap(QPixmap::fromImage(image));
    QString info = tr("%1 × %2 mm").arg(mm.width(), 0, 'f', 1).arg(mm.height(), 0, 'f', 1);
    if (isRasterFormat(*parseExportFormat(QString::fromStdString(m_settings.format))))
        info += tr(", %1 × %2 pixels")
                    .arg(pixelsForMm(mm.width(), m_settings.dpi))
                    .arg(pixelsForMm(mm.height(), m_settings.dpi));
    m_sizeInfo->setText(info);
    emit settingsChanged(m_settings);
}

void FigureExportDialog::resizeEvent(QResizeEvent* event) {
    QDialog::resizeEvent(event);
    updatePreview();
}

void FigureExportDialog::exportToFile() {
    readControls();
    const QString key = QString::fromStdString(m_settings.format);
    const QString suggested = QString::fromStdString(m_outcome.name.empty() ? "figure" : m_outcome.name)
                              + QLatin1Char('-') + QString::fromLatin1(figureKey(m_kind).data())
                              + QLatin1Char('.') + key;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export figure"), suggested,
                                                      tr("%1 files (*.%2)").arg(key.toUpper(), key));
    if (path.isEmpty())
        return;
    const ExportResult result = exportFigure(m_model, m_settings, path);
    if (!result.ok) {
        QMessageBox::warning(this, tr("Export figure"),
                             tr("The figure was not exported: %1").arg(result.error));
        return;
    }
    m_exportedPath = path;
    accept();
}

} // namespace evident::plots
