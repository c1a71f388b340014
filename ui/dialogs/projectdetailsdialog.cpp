// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/projectdetailsdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace evident::ui {

ProjectDetailsDialog::ProjectDetailsDialog(const QString& title, const QString& notes, QWidget* parent)
    : QDialog(parent)
    , m_title(new QLineEdit(title, this))
    , m_notes(new QPlainTextEdit(notes, this)) {
    setWindowTitle(tr("Project Details"));
    m_notes->setPlaceholderText(
        tr("Shown with the project. Notes that call the data illustrative also mark the "
           "window title."));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Notes"), m_notes);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(520, 300);
}

QString ProjectDetailsDialog::title() const {
    return m_title->text().trimmed();
}

QString ProjectDetailsDialog::notes() const {
    return m_notes->toPlainText();
}

} // namespace evident::ui
