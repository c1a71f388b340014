// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/newoutcomedialog.h"

#include "core/project/outcomeanalysis.h"
#include "core/schema/outcomekind.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace evident::ui {

NewOutcomeDialog::NewOutcomeDialog(QWidget* parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this)) {
    setWindowTitle(tr("Add Outcome"));
    for (const OutcomeKindSpec& spec : outcomeKinds())
        m_kinds.append(new QRadioButton(tr(std::string(spec.label).c_str()), this));
    m_kinds.front()->setChecked(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    for (QRadioButton* kind : m_kinds)
        layout->addWidget(kind);
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
    for (qsizetype i = 0; i < m_kinds.size(); ++i)
        if (m_kinds[i]->isChecked()) {
            const OutcomeKindSpec& spec = outcomeKinds()[static_cast<std::size_t>(i)];
            outcome.kind = spec.kind;
            outcome.settings = defaultAnalysisSettings(spec.kind);
        }
    return outcome;
}

void NewOutcomeDialog::setKind(OutcomeKind kind) {
    m_kinds.value(static_cast<qsizetype>(kind))->setChecked(true);
}

} // namespace evident::ui
