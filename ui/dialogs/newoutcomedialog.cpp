// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/newoutcomedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace evident::ui {

NewOutcomeDialog::NewOutcomeDialog(QWidget* parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_twoGroup(new QRadioButton(tr("Mean, SD and n of a treated and a control group"), this))
    , m_precomputed(new QRadioButton(tr("Precomputed effect sizes (yi with vi or sei)"), this)) {
    setWindowTitle(tr("Add Outcome"));
    m_twoGroup->setChecked(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_twoGroup);
    layout->addWidget(m_precomputed);
    layout->addWidget(buttons);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_name, &QLineEdit::textChanged, this, [buttons](const QString& text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

Outcome NewOutcomeDialog::outcome() const {
    Outcome outcome;
    outcome.name = m_name->text().trimmed().toStdString();
    if (m_precomputed->isChecked()) {
        outcome.layout = DataLayout::Precomputed;
        outcome.settings.measure = EffectMeasure::Generic;
    }
    return outcome;
}

} // namespace evident::ui
