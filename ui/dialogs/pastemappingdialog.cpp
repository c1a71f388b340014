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
                                       OutcomeKind kind, const QStringList& covariates, QWidget* parent)
    : QDialog(parent)
    , m_block(block)
    , m_header(new QCheckBox(tr("The first row names the columns (it is not pasted)"), this))
    , m_table(new ColumnMappingTable(this))
    , m_summary(new QLabel(this)) {
    setWindowTitle(tr("Paste \u2014 Match the Columns"));
    // The roles of the outcome's kind; the characteristics one by one, and a new one.
    for (const ColumnRole& role : pasteRoles(kind)) {
        if (role == ColumnRole::Covariate) {
            for (int k = 0; k < covariates.size(); ++k)
                m_choices.append(
                    {tr("Characteristic: %1").arg(covariates[k]), MappingChoice::ofCovariate(k)});
            m_choices.append({tr("New study characteristic"), role.code()});
            continue;
        }
        m_choices.append({io::columnRoleTitle(role), role.code()});
    }
    for (qsizetype c = 0; c < plan.mapping.roles.size(); ++c) {
        int code = plan.mapping.roles[c].code();
        if (plan.mapping.roles[c] == ColumnRole::Covariate) {
            int k = plan.mapping.covariates.value(c, -1);
            const QString name = plan.mapping.headerRow ? block.front().value(c).trimmed() : QString();
            for (int i = 0; k < 0 && i < covariates.size() && !name.isEmpty(); ++i)
                if (covariates[i].compare(name, Qt::CaseInsensitive) == 0)
                    k = i;
            if (k >= 0)
                code = MappingChoice::ofCovariate(k);
        }
        m_guess.append(code);
    }
    auto* intro =
        new QLabel(plan.reason + QLatin1Char(' ')
                       + tr("“Ignore” leaves a column out; nothing is pasted until you press Paste."),
                   this);
    intro->setWordWrap(true);
    m_header->setChecked(plan.mapping.headerRow);
    m_summary->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Paste"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_header, &QCheckBox::toggled, this, [this] {
        m_guess = m_table->codes(); // keep the roles chosen so far
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
    resize(1180, 400); // fits a 1280 × 720 screen
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
    m_table->setData(names, records, rowLabels, m_choices, m_guess, previewRows);
    updateSummary();
}

void PasteMappingDialog::updateSummary() {
    // A field given twice would take the values of its last column only: say so.
    const QList<int> codes = m_table->codes();
    QStringList twice;
    for (qsizetype c = 0; c < codes.size(); ++c) {
        if (codes[c] == ColumnRole::Ignore.code() || codes[c] == ColumnRole::Covariate.code())
            continue;
        const auto choice = std::find_if(m_choices.begin(), m_choices.end(),
                                         [&](const MappingChoice& each) { return each.code == codes[c]; });
        if (codes.indexOf(codes[c]) != c && choice != m_choices.end() && !twice.contains(choice->title))
            twice << choice->title;
    }
    const qsizetype rows = m_block.size() - (m_header->isChecked() ? 1 : 0);
    QString text = tr("%n row(s) will be pasted from the current row on.", nullptr, static_cast<int>(rows));
    if (!twice.isEmpty())
        text += QLatin1Char(' ') + tr("Given to two columns: %1.").arg(twice.join(QStringLiteral(", ")));
    m_summary->setText(text);
}

PasteMapping PasteMappingDialog::mapping() const {
    PasteMapping mapping;
    mapping.roles = m_table->roles();
    mapping.headerRow = m_header->isChecked();
    for (int code : m_table->codes())
        mapping.covariates.append(code == ColumnRole::Covariate.code() ? PasteMapping::newCovariate
                                                                       : MappingChoice::covariateOf(code));
    return mapping;
}

} // namespace evident::ui
