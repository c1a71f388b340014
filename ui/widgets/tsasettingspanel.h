// SPDX-License-Identifier: GPL-3.0-or-later
// The trial sequential analysis settings of the current outcome, as a widget to place beside the
// TSA plot. Every change is an undoable edit; repeated steps of one spin box merge into one.
#pragma once

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace evident {
struct TsaSettings;
struct OutcomeAnalysis;
} // namespace evident

namespace evident::ui {

class Document;

class TsaSettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit TsaSettingsPanel(Document* document, QWidget* parent = nullptr);

    /// Numeric covariates for the order of the looks, and the RIS or the reason TSA does not apply.
    void showAnalysis(const OutcomeAnalysis& analysis);

    QDoubleSpinBox* alphaBox() const { return m_alpha; }
    QDoubleSpinBox* betaBox() const { return m_beta; }
    QDoubleSpinBox* minimalEffectBox() const { return m_minimalEffect; }
    QDoubleSpinBox* sdBox() const { return m_sd; }
    QComboBox* modelBox() const { return m_model; }
    QComboBox* adjustmentBox() const { return m_adjustment; }
    QComboBox* spendingBox() const { return m_spending; }
    QCheckBox* futilityBox() const { return m_futility; }
    QComboBox* orderBox() const { return m_order; }
    QLabel* statusLabel() const { return m_status; }

private:
    void refresh();
    void apply(const std::function<void(TsaSettings&)>& change, const QString& text, const QString& mergeKey);
    void connectSpinBox(QDoubleSpinBox* box, double TsaSettings::*member, const QString& text,
                        const QString& key);

    Document* m_document;
    QDoubleSpinBox* m_alpha;
    QDoubleSpinBox* m_beta;
    QDoubleSpinBox* m_minimalEffect;
    QDoubleSpinBox* m_sd;
    QComboBox* m_model;
    QComboBox* m_adjustment;
    QComboBox* m_spending;
    QCheckBox* m_futility;
    QComboBox* m_order;
    QLabel* m_status;
    QStringList m_numeric;
    bool m_updating = false;
};

} // namespace evident::ui
