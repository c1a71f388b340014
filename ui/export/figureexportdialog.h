// SPDX-License-Identifier: GPL-3.0-or-later
// The figure export dialog: format, size (journal column presets), resolution, font, the forest
// plot's "Favours" labels and risk-of-bias traffic lights, and the funnel plot's contours, with a live
// preview drawn exactly as the file will be.
#pragma once

#include "ui/export/figureexport.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFontComboBox;
class QLabel;
class QLineEdit;

namespace evident::plots {

class FigureExportDialog : public QDialog {
    Q_OBJECT
public:
    /// Copies what it needs: the analysis and outcome may change while the dialog is open. `studies`
    /// (the project's) give the risk-of-bias judgements of the traffic lights and the summary plot.
    FigureExportDialog(FigureKind kind, const OutcomeAnalysis& analysis, const Outcome& outcome,
                       const std::vector<Study>& studies, QWidget* parent = nullptr);
    /// The same with no risk-of-bias judgements.
    FigureExportDialog(FigureKind kind, const OutcomeAnalysis& analysis, const Outcome& outcome,
                       QWidget* parent = nullptr);

    /// The choices made so far (to store in the outcome's FigureSettings).
    FigureSettings settings() const { return m_settings; }
    /// The file written by the last successful export, or empty.
    QString exportedPath() const { return m_exportedPath; }

signals:
    void settingsChanged(const evident::FigureSettings& settings);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void readControls();
    void updatePreview();
    void exportToFile();

    FigureKind m_kind;
    OutcomeAnalysis m_analysis;
    Outcome m_outcome;
    std::vector<Study> m_studies;
    FigureSettings m_settings;
    FigureModel m_model;
    QString m_exportedPath;

    QComboBox* m_format = nullptr;
    QDoubleSpinBox* m_width = nullptr;
    QCheckBox* m_autoHeight = nullptr;
    QDoubleSpinBox* m_height = nullptr;
    QComboBox* m_dpi = nullptr;
    QDoubleSpinBox* m_customDpi = nullptr;
    QFontComboBox* m_font = nullptr;
    QDoubleSpinBox* m_fontSize = nullptr;
    QLineEdit* m_favoursLeft = nullptr;
    QLineEdit* m_favoursRight = nullptr;
    QCheckBox* m_contours = nullptr;
    QCheckBox* m_riskOfBias = nullptr;
    QLabel* m_preview = nullptr;
    QLabel* m_sizeInfo = nullptr;
};

} // namespace evident::plots
