// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/pastemappingdialog.h"

#include "ui/widgets/columnmappingtable.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace evident::ui {
namespace {

using io::ColumnRole;

constexpr int previewRows = 50;

} // namespace

PasteMappingDialog::PasteMappingDialog(const QList<QStringList>& block, const PastePlan& plan,
                                       OutcomeKind kind, QWidget* parent)
    : QDialog(parent)
    , m_block(block)
    , m_offered(pasteRoles(kind))
    , m_guess(plan.mapping.roles)
    , m_header(new QCheckBox(tr("The first row names the columns (it is not pasted)"), this))
    , m_table(new ColumnMappingTable(this))
    , m_summary(new QLabel(this)) {
    setWindowTitle(tr("Paste \u2014 Match the Columns"));
    auto* intro = new QLabel(plan.reason + QLatin1Char(' ')
                                 + tr("Choose what each pasted column holds; “Ignore” leaves it out. "
                                      "Nothing is pasted until you press Paste."),
                             this);
    intro->setWordWrap(true);
    m_header->setChecked(plan.mapping.headerRow);
    m_summary->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Paste"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_header, &QCheckBox::toggled, this, [this] {
        m_guess = m_table->roles(); // keep the roles chosen so far
        showBlock();
    });
    connect(m_table, &ColumnMappingTable::rolesChanged, this, &PasteMappingDialog::updateSummary);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_header);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    m_table->verticalHeader()->setToolTip(tr("Row of the pasted block"));
    resize(820, 360);
    showBlock();
}

void PasteMappingDialog::showBlock() {
    qsizetype width = 0;
    for (const QStringList& row : m_block)
        width = std::max(width, row.size());
    const bool header = m_header->isChecked() && !m_block.isEmpty();
    QStringList names;
    for (qsizetype c = 0; c < width; ++c)
        names << (header && !m_block.front().value(c).trimmed().isEmpty() ? m_block.front().value(c)
                                                                          : tr("Column %1").arg(c + 1));
    const QList<QStringList> records = header ? m_block.mid(1) : m_block;
    QStringList rowLabels;
    for (qsizetype r = 0; r < records.size(); ++r)
        rowLabels << QString::number(r + (header ? 2 : 1));
    m_table->setData(names, records, rowLabels, m_offered, m_guess, previewRows);
    updateSummary();
}

void PasteMappingDialog::updateSummary() {
    // A field given twice would take the values of its last column only: say so.
    const QList<ColumnRole> roles = m_table->roles();
    QStringList twice;
    for (qsizetype c = 0; c < roles.size(); ++c) {
        const ColumnRole& role = roles[c];
        if (role == ColumnRole::Ignore || role == ColumnRole::Covariate)
            continue;
        if (roles.indexOf(role) != c && !twice.contains(io::columnRoleTitle(role)))
            twice << io::columnRoleTitle(role);
    }
    const qsizetype rows = m_block.size() - (m_header->isChecked() ? 1 : 0);
    QString text = tr("%n row(s) will be pasted from the current row on.", nullptr, static_cast<int>(rows));
    if (!twice.isEmpty())
        text += QLatin1Char(' ') + tr("Given to two columns: %1.").arg(twice.join(QStringLiteral(", ")));
    m_summary->setText(text);
}

PasteMapping PasteMappingDialog::mapping() const {
    return {m_table->roles(), m_header->isChecked()};
}

} // namespace evident::ui
