// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/tsasettingspanel.h"

#include "core/project/outcomeanalysis.h"
#include "core/project/outcometsa.h"
#include "ui/commands/valuecommands.h"
#include "ui/document/document.h"
#include "ui/widgets/analysissettingspanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QUndoStack>

namespace evident::ui {
namespace {

QDoubleSpinBox* spinBox(QWidget* parent, double minimum, double maximum, double step, int decimals) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    // One edit per finished value (Enter, focus out, arrow step), not per keystroke.
    box->setKeyboardTracking(false);
    return box;
}

} // namespace

TsaSettingsPanel::TsaSettingsPanel(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_alpha(spinBox(this, 0.001, 0.5, 0.01, 3))
    , m_beta(spinBox(this, 0.01, 0.5, 0.05, 3))
    , m_minimalEffect(spinBox(this, 0, 1e6, 0.1, 3))
    , m_sd(spinBox(this, 0, 1e6, 0.5, 3))
    , m_model(new QComboBox(this))
    , m_adjustment(new QComboBox(this))
    , m_spending(new QComboBox(this))
    , m_futility(new QCheckBox(tr("Futility boundaries"), this))
    , m_order(new QComboBox(this))
    , m_status(new QLabel(this)) {
    m_model->addItem(tr("Random effects (DerSimonian-Laird)"), static_cast<int>(TsaModel::RandomEffects));
    m_model->addItem(tr("Fixed effect"), static_cast<int>(TsaModel::FixedEffect));
    m_adjustment->addItem(tr("None"), static_cast<int>(HeterogeneityAdjustment::None));
    m_adjustment->addItem(tr("Diversity (D\u00b2)"), static_cast<int>(HeterogeneityAdjustment::Diversity));
    m_adjustment->addItem(tr("Inconsistency (I\u00b2)"),
                          static_cast<int>(HeterogeneityAdjustment::Inconsistency));
    m_spending->addItem(tr("O'Brien-Fleming"), static_cast<int>(SpendingFunction::OBrienFleming));
    m_spending->addItem(tr("Pocock"), static_cast<int>(SpendingFunction::Pocock));
    m_minimalEffect->setSpecialValueText(tr("not set"));
    m_minimalEffect->setToolTip(
        tr("The smallest effect worth detecting (SMD units, or outcome units for MD)"));
    m_sd->setToolTip(tr("The outcome's standard deviation, for mean differences only"));
    m_alpha->setToolTip(tr("Two-sided type I error"));
    m_beta->setToolTip(tr("Type II error (power = 1 \u2212 beta)"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Long choices ("Restricted maximum likelihood (REML)") show in full in the popup; the closed box
    // stays narrow so the panel fits beside the grid.
    for (QComboBox* box : findChildren<QComboBox*>()) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(10);
    }
    auto* form = new QFormLayout(this);
    // Labels go above their fields when the panel is narrow: it fits a laptop screen beside the plots.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Alpha (two-sided)"), m_alpha);
    form->addRow(tr("Beta"), m_beta);
    form->addRow(tr("Minimal relevant effect"), m_minimalEffect);
    form->addRow(tr("SD (mean difference)"), m_sd);
    form->addRow(tr("Model"), m_model);
    form->addRow(tr("Heterogeneity adjustment"), m_adjustment);
    form->addRow(tr("Alpha spending"), m_spending);
    form->addRow(QString(), m_futility);
    form->addRow(tr("Order of the looks"), m_order);
    form->addRow(m_status);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // labels go above their fields when narrow

    connectSpinBox(m_alpha, &TsaSettings::alpha, tr("Change TSA alpha"), QStringLiteral("alpha"));
    connectSpinBox(m_beta, &TsaSettings::beta, tr("Change TSA beta"), QStringLiteral("beta"));
    connectSpinBox(m_minimalEffect, &TsaSettings::minimalRelevantEffect, tr("Change minimal relevant effect"),
                   QStringLiteral("minimal"));
    connectSpinBox(m_sd, &TsaSettings::standardDeviation, tr("Change TSA standard deviation"),
                   QStringLiteral("sd"));
    connect(m_model, &QComboBox::activated, this, [this] {
        const auto model = static_cast<TsaModel>(m_model->currentData().toInt());
        apply([model](TsaSettings& s) { s.model = model; }, tr("Change TSA model"), QString());
    });
    connect(m_adjustment, &QComboBox::activated, this, [this] {
        const auto adjustment = static_cast<HeterogeneityAdjustment>(m_adjustment->currentData().toInt());
        apply([adjustment](TsaSettings& s) { s.adjustment = adjustment; },
              tr("Change heterogeneity adjustment"), QString());
    });
    connect(m_spending, &QComboBox::activated, this, [this] {
        const auto spending = static_cast<SpendingFunction>(m_spending->currentData().toInt());
        apply([spending](TsaSettings& s) { s.spending = spending; }, tr("Change alpha spending function"),
              QString());
    });
    connect(m_futility, &QCheckBox::toggled, this, [this](bool on) {
        apply([on](TsaSettings& s) { s.futility = on; },
              on ? tr("Show futility boundaries") : tr("Hide futility boundaries"), QString());
    });
    connect(m_order, &QComboBox::activated, this, [this] {
        const std::string name = m_order->currentData().toString().toStdString();
        apply([name](TsaSettings& s) { s.orderColumn = name; }, tr("Change TSA order"), QString());
    });

    connect(document, &Document::currentOutcomeChanged, this, &TsaSettingsPanel::refresh);
    connect(document, &Document::outcomeChanged, this, [this](int outcome) {
        if (outcome == m_document->currentOutcome())
            refresh();
    });
    connect(document, &Document::projectReset, this, &TsaSettingsPanel::refresh);
    refresh();
}

void TsaSettingsPanel::connectSpinBox(QDoubleSpinBox* box, double TsaSettings::*member, const QString& text,
                                      const QString& key) {
    connect(box, &QDoubleSpinBox::valueChanged, this, [this, member, text, key](double value) {
        apply([&](TsaSettings& s) { s.*member = value; }, text, key);
    });
}

void TsaSettingsPanel::showAnalysis(const OutcomeAnalysis& analysis) {
    QStringList numeric;
    for (const Covariate& covariate : analysis.prepared.data.covariates)
        if (covariate.kind == CovariateKind::Numeric)
            numeric.append(QString::fromStdString(covariate.name));
    if (numeric != m_numeric) {
        m_numeric = numeric;
        refresh();
    }
    const TsaResult& tsa = analysis.tsa;
    if (!tsa.ok) {
        m_status->setText(
            tr("Trial sequential analysis not computed: %1").arg(QString::fromStdString(tsa.error)));
        return;
    }
    double accrued = 0;
    for (double n : analysis.prepared.participants)
        accrued += n;
    m_status->setText(tr("Required information size: %1 animals (%2 without adjustment); %3 accrued (%4%).")
                          .arg(tsa.ris)
                          .arg(tsa.risUnadjusted)
                          .arg(static_cast<long long>(accrued))
                          .arg(tsa.ris > 0 ? static_cast<int>(100 * accrued / tsa.ris) : 0));
}

void TsaSettingsPanel::refresh() {
    const Outcome* outcome = m_document->currentOutcomeData();
    setEnabled(outcome != nullptr);
    if (!outcome)
        return;
    m_updating = true;
    const TsaSettings& s = outcome->tsa;
    const auto tsaOutcome = tsaOutcomeFor(outcome->settings.measure);
    m_alpha->setValue(s.alpha);
    m_beta->setValue(s.beta);
    m_minimalEffect->setValue(s.minimalRelevantEffect);
    m_sd->setValue(s.standardDeviation);
    m_sd->setEnabled(tsaOutcome == TsaOutcome::MeanDifference);
    m_model->setCurrentIndex(m_model->findData(static_cast<int>(s.model)));
    m_adjustment->setCurrentIndex(m_adjustment->findData(static_cast<int>(s.adjustment)));
    m_spending->setCurrentIndex(m_spending->findData(static_cast<int>(s.spending)));
    m_futility->setChecked(s.futility);
    fillCovariateBox(m_order, tr("Data order"), m_numeric, QString::fromStdString(s.orderColumn),
                     tr("not numeric"));
    m_updating = false;
}

void TsaSettingsPanel::apply(const std::function<void(TsaSettings&)>& change, const QString& text,
                             const QString& mergeKey) {
    const Outcome* outcome = m_document->currentOutcomeData();
    if (m_updating || !outcome)
        return;
    TsaSettings settings = outcome->tsa;
    change(settings);
    if (QUndoCommand* command =
            makeTsaSettingsChange(m_document, m_document->currentOutcome(), settings, text, mergeKey))
        m_document->undoStack()->push(command);
}

} // namespace evident::ui
