// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/outcomebar.h"

#include "core/schema/outcomekind.h"
#include "ui/commands/valuecommands.h"
#include "ui/document/document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>
#include <QUndoStack>

namespace evident::ui {

OutcomeBar::OutcomeBar(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_outcomes(new QComboBox(this))
    , m_lowerIsBetter(new QCheckBox(tr("Lower is better"), this))
    , m_layout(new QLabel(this))
    , m_buttons(new QHBoxLayout) {
    // 14 characters when closed, whatever the outcome names (the list shows them in full): a long name
    // must not widen the grid's side past a laptop screen.
    m_outcomes->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_outcomes->setMinimumContentsLength(14);
    m_outcomes->setToolTip(tr("The outcome shown in the grid and analysed"));
    m_lowerIsBetter->setToolTip(
        tr("For outcomes such as fibrosis, where a lower value in the treated group is a benefit"));
    m_layout->setForegroundRole(QPalette::PlaceholderText);
    m_layout->setMinimumWidth(1); // a hint: it may be cut off, but never widens the grid's side
    auto* label = new QLabel(tr("&Outcome:"), this);
    label->setBuddy(m_outcomes);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_outcomes);
    m_buttons->setSpacing(0);
    layout->addLayout(m_buttons);
    layout->addSpacing(12);
    layout->addWidget(m_lowerIsBetter);
    layout->addSpacing(12);
    layout->addWidget(m_layout);
    layout->addStretch(1);

    connect(m_outcomes, &QComboBox::activated, this,
            [this](int index) { m_document->setCurrentOutcome(index); });
    connect(m_lowerIsBetter, &QCheckBox::toggled, this, [this](bool on) {
        if (m_document->currentOutcome() < 0)
            return;
        if (QUndoCommand* command = makeLowerIsBetterChange(m_document, m_document->currentOutcome(), on))
            m_document->undoStack()->push(command);
    });
    connect(document, &Document::outcomeListChanged, this, &OutcomeBar::refreshList);
    connect(document, &Document::outcomeChanged, this, &OutcomeBar::refreshList);
    connect(document, &Document::currentOutcomeChanged, this, &OutcomeBar::refreshList);
    refreshList();
}

void OutcomeBar::addButton(QAction* action) {
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    m_buttons->addWidget(button);
}

void OutcomeBar::refreshList() {
    {
        const QSignalBlocker blocker(m_outcomes);
        m_outcomes->clear();
        for (const auto& outcome : m_document->project().outcomes)
            m_outcomes->addItem(QString::fromStdString(outcome.name));
        m_outcomes->setCurrentIndex(m_document->currentOutcome());
    }
    m_outcomes->updateGeometry(); // AdjustToContents: fit the longest name
    refreshCurrent();
}

void OutcomeBar::refreshCurrent() {
    const Outcome* outcome = m_document->currentOutcomeData();
    m_outcomes->setEnabled(outcome != nullptr);
    m_lowerIsBetter->setEnabled(outcome != nullptr);
    const QSignalBlocker blocker(m_lowerIsBetter);
    m_lowerIsBetter->setChecked(outcome && outcome->lowerIsBetter);
    if (!outcome)
        m_layout->clear();
    else
        m_layout->setText(tr(std::string(outcomeKindSpec(outcome->kind).label).c_str()));
}

} // namespace evident::ui
