// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/analysissettingspanel.h"

#include "core/model/modelchoice.h"
#include "core/project/outcomeanalysis.h"
#include "core/schema/outcomekind.h"
#include "io/qtext.h"
#include "ui/commands/valuecommands.h"
#include "ui/document/document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QSignalBlocker>
#include <QUndoStack>

namespace evident::ui {
namespace {

void selectData(QComboBox* box, const QVariant& value) {
    const int index = box->findData(value);
    box->setCurrentIndex(index);
}

} // namespace

void fillCovariateBox(QComboBox* box, const QString& none, const QStringList& names, const QString& current,
                      const QString& unusableNote) {
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItem(none, QString());
    for (const QString& name : names)
        box->addItem(name, name);
    if (!current.isEmpty() && box->findData(current) < 0)
        box->addItem(QStringLiteral("%1 (%2)").arg(current, unusableNote), current);
    selectData(box, current);
}

AnalysisSettingsPanel::AnalysisSettingsPanel(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_measure(new QComboBox(this))
    , m_pooling(new QComboBox(this))
    , m_estimator(new QComboBox(this))
    , m_keepDoubleZero(new QCheckBox(tr("Keep studies without events"), this))
    , m_revMan5ZeroCells(new QCheckBox(tr("RevMan 5 zero cells in M-H"), this))
    , m_ciMethod(new QComboBox(this))
    , m_prediction(new QCheckBox(tr("Show the prediction interval"), this))
    , m_subgroup(new QComboBox(this))
    , m_cumulativeOrder(new QComboBox(this))
    , m_sharedControl(new QComboBox(this)) {
    m_ciMethod->addItem(tr("Wald (z)"), static_cast<int>(InferenceMethod::Wald));
    m_ciMethod->addItem(tr("Hartung-Knapp-Sidik-Jonkman (t)"),
                        static_cast<int>(InferenceMethod::HartungKnapp));
    m_measure->setToolTip(tr("The effect size computed for each study"));
    m_estimator->setToolTip(
        tr("Estimator of the between-study variance tau\u00b2; fixed effect assumes none"));
    m_pooling->setToolTip(
        tr("How the 2\u00d72 tables are pooled: Mantel-Haenszel (RevMan's default; exact counts, good with "
           "few events), inverse variance of the study effects, or Peto (odds ratios; rare events, "
           "balanced groups)"));
    m_keepDoubleZero->setToolTip(
        tr("Studies with no events in either group carry no information on an odds or risk ratio and are "
           "left out by default (RevMan; Cochrane Handbook). Tick to keep them with 0.5 added to each "
           "cell, as metafor's escalc does. The risk difference always keeps them."));
    m_revMan5ZeroCells->setToolTip(
        tr("RevMan 5 and Stata's metan also add 0.5 to the cells of zero-cell studies inside the "
           "Mantel-Haenszel sums. Evident's default uses the raw counts there (metafor, Fleiss). Tick to "
           "get the numbers of a review made in RevMan 5."));
    m_ciMethod->setToolTip(tr("How the confidence interval and test of the pooled effect are built"));
    m_subgroup->setToolTip(tr("A categorical study characteristic to compare subgroups by"));
    m_cumulativeOrder->setToolTip(tr("The order in which the cumulative meta-analysis adds studies"));
    m_sharedControl->addItem(tr("Split the control group's n"),
                             static_cast<int>(SharedControlMethod::SplitControl));
    m_sharedControl->addItem(tr("Combine the treatment arms"),
                             static_cast<int>(SharedControlMethod::CombineTreatments));
    m_sharedControl->setItemData(
        0,
        tr("Each arm keeps its own comparison; the shared control group's n is divided evenly among them, "
           "its mean and SD unchanged (Vesterinen et al. 2014; Cochrane Handbook §23.3.4)"),
        Qt::ToolTipRole);
    m_sharedControl->setItemData(
        1,
        tr("The arms sharing a control group are merged into one treated group (Cochrane Handbook, "
           "Table 6.5.a) and compared once with the whole control group"),
        Qt::ToolTipRole);
    m_sharedControl->setToolTip(
        tr("Studies with several treatment arms and one control group (rows linked by a Control group id): "
           "counting the control animals once per arm would double-count them"));

    // Long choices ("Restricted maximum likelihood (REML)") show in full in the popup; the closed box
    // stays narrow so the panel fits beside the grid.
    for (QComboBox* box : findChildren<QComboBox*>()) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(10);
    }
    auto* form = m_form = new QFormLayout(this);
    // Labels go above their fields when the panel is narrow: it fits a laptop screen beside the plots.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Effect measure"), m_measure);
    form->addRow(tr("Statistical method"), m_pooling);
    form->addRow(tr("Tau\u00b2 estimator"), m_estimator);
    form->addRow(tr("Zero cells"), m_keepDoubleZero);
    form->addRow(QString(), m_revMan5ZeroCells);
    form->addRow(tr("Confidence interval"), m_ciMethod);
    form->addRow(QString(), m_prediction);
    form->addRow(tr("Subgroups by"), m_subgroup);
    form->addRow(tr("Cumulative order"), m_cumulativeOrder);
    form->addRow(tr("Shared control"), m_sharedControl);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // labels go above their fields when narrow

    connect(m_measure, &QComboBox::activated, this, [this] {
        const auto measure = static_cast<EffectMeasure>(m_measure->currentData().toInt());
        apply([measure](AnalysisSettings& s) { s.measure = measure; }, tr("Change effect measure"));
    });
    connect(m_estimator, &QComboBox::activated, this, [this] {
        const auto estimator = static_cast<Tau2Estimator>(m_estimator->currentData().toInt());
        apply([estimator](AnalysisSettings& s) { s.estimator = estimator; },
              tr("Change tau\u00b2 estimator"));
    });
    connect(m_pooling, &QComboBox::activated, this, [this] {
        const auto pooling = static_cast<PoolingMethod>(m_pooling->currentData().toInt());
        apply([pooling](AnalysisSettings& s) { s.pooling = pooling; }, tr("Change statistical method"));
    });
    connect(m_keepDoubleZero, &QCheckBox::toggled, this, [this](bool on) {
        apply([on](AnalysisSettings& s) { s.keepDoubleZero = on; },
              on ? tr("Keep studies without events") : tr("Leave out studies without events"));
    });
    connect(m_revMan5ZeroCells, &QCheckBox::toggled, this, [this](bool on) {
        apply([on](AnalysisSettings& s) { s.revman5ZeroCells = on; }, tr("Change zero-cell convention"));
    });
    connect(m_ciMethod, &QComboBox::activated, this, [this] {
        const auto method = static_cast<InferenceMethod>(m_ciMethod->currentData().toInt());
        apply([method](AnalysisSettings& s) { s.inference = method; },
              tr("Change confidence interval method"));
    });
    connect(m_prediction, &QCheckBox::toggled, this, [this](bool on) {
        apply([on](AnalysisSettings& s) { s.showPredictionInterval = on; },
              on ? tr("Show prediction interval") : tr("Hide prediction interval"));
    });
    connect(m_subgroup, &QComboBox::activated, this, [this] {
        const std::string name = m_subgroup->currentData().toString().toStdString();
        apply([name](AnalysisSettings& s) { s.subgroup = name; }, tr("Change subgroup variable"));
    });
    connect(m_cumulativeOrder, &QComboBox::activated, this, [this] {
        const std::string name = m_cumulativeOrder->currentData().toString().toStdString();
        apply([name](AnalysisSettings& s) { s.cumulativeOrder = name; }, tr("Change cumulative order"));
    });

    connect(m_sharedControl, &QComboBox::activated, this, [this] {
        const Outcome* outcome = m_document->currentOutcomeData();
        if (m_updating || !outcome)
            return;
        const auto method = static_cast<SharedControlMethod>(m_sharedControl->currentData().toInt());
        if (QUndoCommand* command = makeSharedControlChange(m_document, m_document->currentOutcome(), method))
            m_document->undoStack()->push(command);
    });

    connect(document, &Document::currentOutcomeChanged, this, &AnalysisSettingsPanel::refresh);
    connect(document, &Document::outcomeChanged, this, [this](int outcome) {
        if (outcome == m_document->currentOutcome())
            refresh();
    });
    connect(document, &Document::projectReset, this, &AnalysisSettingsPanel::refresh);
    refresh();
}

void AnalysisSettingsPanel::showAnalysis(const OutcomeAnalysis& analysis) {
    QStringList categorical, numeric;
    for (const Covariate& covariate : analysis.prepared.data.covariates)
        (covariate.kind == CovariateKind::Numeric ? numeric : categorical)
            .append(QString::fromStdString(covariate.name));
    if (categorical == m_categorical && numeric == m_numeric)
        return;
    m_categorical = categorical;
    m_numeric = numeric;
    refresh();
}

void AnalysisSettingsPanel::refresh() {
    const Outcome* outcome = m_document->currentOutcomeData();
    setEnabled(outcome != nullptr);
    if (!outcome)
        return;
    m_updating = true;
    const AnalysisSettings& s = outcome->settings;
    {
        const QSignalBlocker blocker(m_measure);
        m_measure->clear();
        for (EffectMeasure measure : outcomeKindSpec(outcome->kind).measures)
            m_measure->addItem(qs(measureLabel(measure)), static_cast<int>(measure));
        if (outcome->kind == OutcomeKind::Continuous) {
            m_measure->setItemData(
                m_measure->findData(static_cast<int>(EffectMeasure::NMD)),
                tr("Normalised mean difference: the treatment effect as a percentage of the injury, which "
                   "needs the mean of a sham-operated (or normal) group for every comparison (the Sham mean "
                   "column of the grid). Its sign means benefit: set the outcome's direction (lower is "
                   "better) above the grid."),
                Qt::ToolTipRole);
        }
        if (m_measure->findData(static_cast<int>(s.measure)) < 0)
            m_measure->addItem(qs(measureLabel(s.measure)), static_cast<int>(s.measure));
        selectData(m_measure, static_cast<int>(s.measure));
        m_measure->setEnabled(m_measure->count() > 1);
    }
    refreshModel(*outcome);
    {
        const QSignalBlocker b2(m_ciMethod), b3(m_prediction);
        selectData(m_ciMethod, static_cast<int>(s.inference));
        m_prediction->setChecked(s.showPredictionInterval);
    }
    {
        const QSignalBlocker blocker(m_sharedControl);
        selectData(m_sharedControl, static_cast<int>(outcome->sharedControl));
        m_sharedControl->setEnabled(outcomeKindSpec(outcome->kind).twoArms);
    }
    fillCovariateBox(m_subgroup, tr("None"), m_categorical, QString::fromStdString(s.subgroup),
                     tr("not categorical"));
    fillCovariateBox(m_cumulativeOrder, tr("Data order"), m_numeric,
                     QString::fromStdString(s.cumulativeOrder), tr("not numeric"));
    m_updating = false;
}

void AnalysisSettingsPanel::refreshModel(const Outcome& outcome) {
    const AnalysisSettings& s = outcome.settings;
    const bool dichotomous = outcome.kind == OutcomeKind::Dichotomous;
    const ModelChoice model = modelOf(outcome.kind, s);
    const QSignalBlocker b1(m_pooling), b2(m_estimator), b3(m_keepDoubleZero), b4(m_revMan5ZeroCells);
    m_pooling->clear();
    for (PoolingMethod pooling : poolingMethodsOf(outcome.kind, s.measure))
        m_pooling->addItem(qs(poolingName(pooling)), static_cast<int>(pooling));
    selectData(m_pooling, static_cast<int>(model.pooling));
    // The estimators the method is offered with; under M-H and Peto the choice is fixed or random.
    m_estimator->clear();
    for (Tau2Estimator estimator : estimatorsOf(model.pooling)) {
        QString text =
            QStringLiteral("%1 (%2)").arg(qs(estimatorLabel(estimator)), qs(estimatorKey(estimator)));
        if (model.pooling != PoolingMethod::InverseVariance)
            text = estimator == Tau2Estimator::FixedEffect ? tr("Fixed effect")
                                                           : tr("Random effects, DerSimonian-Laird (DL)");
        m_estimator->addItem(text, static_cast<int>(estimator));
    }
    selectData(m_estimator, static_cast<int>(s.estimator));
    m_estimator->setEnabled(m_estimator->count() > 1);
    m_keepDoubleZero->setChecked(s.keepDoubleZero);
    m_revMan5ZeroCells->setChecked(s.revman5ZeroCells);
    m_revMan5ZeroCells->setEnabled(model.pooling == PoolingMethod::MantelHaenszel);
    m_form->setRowVisible(m_pooling, dichotomous);
    m_form->setRowVisible(m_keepDoubleZero, dichotomous);
    m_form->setRowVisible(m_revMan5ZeroCells, dichotomous);
}

void AnalysisSettingsPanel::apply(const std::function<void(AnalysisSettings&)>& change, const QString& text) {
    const Outcome* outcome = m_document->currentOutcomeData();
    if (m_updating || !outcome)
        return;
    AnalysisSettings settings = outcome->settings;
    change(settings);
    // A measure Peto cannot pool, or an estimator M-H is not fitted with, moves the other setting
    // along in the same undoable step.
    settings = consistentSettings(outcome->kind, settings);
    if (QUndoCommand* command =
            makeAnalysisSettingsChange(m_document, m_document->currentOutcome(), settings, text))
        m_document->undoStack()->push(command);
}

} // namespace evident::ui
