// SPDX-License-Identifier: GPL-3.0-or-later
// The analysis settings of the current outcome. Every change is an undoable edit of the document;
// the panel shows the document's state and never keeps its own.
#pragma once

#include "core/analysis/analysisdata.h"

#include <QWidget>

#include <functional>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;

namespace evident {
struct AnalysisSettings;
struct Outcome;
struct OutcomeAnalysis;
} // namespace evident

namespace evident::ui {

class Document;

class AnalysisSettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit AnalysisSettingsPanel(Document* document, QWidget* parent = nullptr);

    /// Which covariates are categorical (subgroups) and numeric (orders) comes from the analysis.
    void showAnalysis(const OutcomeAnalysis& analysis);

    QComboBox* measureBox() const { return m_measure; }
    QComboBox* estimatorBox() const { return m_estimator; }
    /// Dichotomous outcomes: Mantel-Haenszel, inverse variance or Peto (hidden for other kinds).
    QComboBox* poolingBox() const { return m_pooling; }
    /// Dichotomous outcomes: keep double-zero studies; RevMan 5's zero-cell convention in the M-H sums.
    QCheckBox* keepDoubleZeroBox() const { return m_keepDoubleZero; }
    QCheckBox* revMan5ZeroCellsBox() const { return m_revMan5ZeroCells; }
    QComboBox* ciMethodBox() const { return m_ciMethod; }
    QCheckBox* predictionIntervalBox() const { return m_prediction; }
    QComboBox* subgroupBox() const { return m_subgroup; }
    QComboBox* cumulativeOrderBox() const { return m_cumulativeOrder; }
    /// How arms sharing one control group are handled (split its n, or combine the arms).
    QComboBox* sharedControlBox() const { return m_sharedControl; }

private:
    void refresh();
    void refreshModel(const Outcome& outcome);
    void apply(const std::function<void(AnalysisSettings&)>& change, const QString& text);

    Document* m_document;
    QComboBox* m_measure;
    QComboBox* m_pooling;
    QComboBox* m_estimator;
    QCheckBox* m_keepDoubleZero;
    QCheckBox* m_revMan5ZeroCells;
    QFormLayout* m_form = nullptr;
    QComboBox* m_ciMethod;
    QCheckBox* m_prediction;
    QComboBox* m_subgroup;
    QComboBox* m_cumulativeOrder;
    QComboBox* m_sharedControl;
    QStringList m_categorical;
    QStringList m_numeric;
    bool m_updating = false;
};

/// Fills a covariate chooser: `none` first (data value ""), then the names, then the current value
/// when it is not among them (marked as not usable), and selects the current value.
void fillCovariateBox(QComboBox* box, const QString& none, const QStringList& names, const QString& current,
                      const QString& unusableNote);

} // namespace evident::ui
