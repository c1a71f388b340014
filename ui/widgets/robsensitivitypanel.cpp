// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/robsensitivitypanel.h"

#include "io/qtext.h"
#include "ui/analysis/resulttables.h"
#include "ui/document/document.h"
#include "ui/models/resulttablemodel.h"
#include "ui/widgets/copyabletableview.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace evident::ui {
std::vector<std::size_t> RobSensitivityPanel::defaultItems() {
    std::vector<std::size_t> items;
    for (const char* key : {"sequence_generation", "blinding_assessor", "incomplete_outcome_data"})
        items.push_back(*syrcleItemIndex(key));
    return items;
}

RobSensitivityPanel::RobSensitivityPanel(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_sentence(new QLabel(this))
    , m_excluded(new QLabel(this))
    , m_table(new ResultTableModel(this)) {
    auto* choice = new QGroupBox(tr("Leave out studies at high risk of bias on any of"), this);
    auto* grid = new QGridLayout(choice);
    const std::size_t half = (syrcleItemCount + 1) / 2;
    for (std::size_t i = 0; i < syrcleItemCount; ++i) {
        const SyrcleItem& item = syrcleItems()[i];
        auto* box = new QCheckBox(qs(item.label), choice);
        box->setToolTip(QStringLiteral("%1: %2").arg(qs(item.domain), qs(item.question)));
        grid->addWidget(box, static_cast<int>(i % half), static_cast<int>(i / half));
        connect(box, &QCheckBox::toggled, this, &RobSensitivityPanel::recompute);
        m_boxes[i] = box;
    }
    for (QLabel* label : {m_sentence, m_excluded}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto* view = new CopyableTableView(this);
    view->setModel(m_table);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    connect(m_table, &QAbstractItemModel::modelReset, view, [view] { view->resizeColumnsToContents(); });
    auto* note = new QLabel(
        tr("A view of the data: it changes nothing in the project. Judge the studies in the Risk of bias tab "
           "beside the grid."),
        this);
    note->setWordWrap(true);
    QPalette muted = note->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::Disabled, QPalette::WindowText));
    note->setPalette(muted);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(choice);
    layout->addWidget(m_sentence);
    layout->addWidget(view);
    layout->addWidget(m_excluded);
    layout->addWidget(note);
    layout->addStretch(1);
    setItems(defaultItems());
}

void RobSensitivityPanel::setItems(const std::vector<std::size_t>& items) {
    for (std::size_t i = 0; i < syrcleItemCount; ++i) {
        const QSignalBlocker blocker(m_boxes[i]);
        m_boxes[i]->setChecked(std::find(items.begin(), items.end(), i) != items.end());
    }
    recompute();
}

std::vector<std::size_t> RobSensitivityPanel::items() const {
    std::vector<std::size_t> items;
    for (std::size_t i = 0; i < syrcleItemCount; ++i)
        if (m_boxes[i]->isChecked())
            items.push_back(i);
    return items;
}

void RobSensitivityPanel::showAnalysis(const OutcomeAnalysis& analysis, const Outcome& outcome) {
    m_main = std::make_unique<OutcomeAnalysis>(analysis);
    m_outcome = std::make_unique<Outcome>(outcome);
    recompute();
}

void RobSensitivityPanel::clear() {
    m_main.reset();
    m_outcome.reset();
    recompute();
}

QString RobSensitivityPanel::sentence() const {
    return m_sentence->text();
}

void RobSensitivityPanel::recompute() {
    const std::vector<std::size_t> chosen = items();
    if (!m_main || !m_outcome || chosen.empty()) {
        m_sensitivity.reset();
        m_table->setTable({});
        m_excluded->clear();
        m_sentence->setText(!m_main ? tr("No outcome to analyse.")
                                    : tr("Tick at least one item to see the analysis without the studies at "
                                         "high risk of bias on it."));
        return;
    }
    const Project& project = m_document->project();
    const bool anyHighRisk =
        std::any_of(m_outcome->rows.begin(), m_outcome->rows.end(), [&](const OutcomeRow& row) {
            const Study* study = project.study(row.study);
            return row.included && study && isAtHighRisk(study->riskOfBias, chosen);
        });
    if (anyHighRisk) {
        // analyseWithoutHighRisk works on copies: the project is only read.
        m_sensitivity = std::make_unique<RobSensitivity>(analyseWithoutHighRisk(project, *m_outcome, chosen));
    } else {
        // Nobody to leave out: the main analysis is the answer, and the panel costs nothing per edit.
        m_sensitivity = std::make_unique<RobSensitivity>(RobSensitivity{chosen, {}, *m_main});
    }
    m_sentence->setText(QString::fromStdString(robSensitivitySentence(*m_sensitivity)) + QLatin1Char('.'));
    m_table->setTable(robSensitivityTable(*m_main, *m_sensitivity));
    const bool assessed = std::any_of(project.studies.begin(), project.studies.end(),
                                      [](const Study& s) { return s.riskOfBias != RiskOfBias{}; });
    if (!assessed) {
        m_excluded->setText(tr("No study has been judged yet."));
        return;
    }
    QStringList labels;
    for (const std::string& label : m_sensitivity->excludedStudies)
        labels << QString::fromStdString(label);
    m_excluded->setText(
        labels.isEmpty()
            ? tr("Studies left out: none.")
            : tr("Studies left out (%1): %2.").arg(labels.size()).arg(labels.join(QStringLiteral(", "))));
}

} // namespace evident::ui
