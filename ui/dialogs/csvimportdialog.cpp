// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/csvimportdialog.h"

#include "core/project/preparation.h"
#include "ui/widgets/columnmappingtable.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace evident::ui {
namespace {

using io::ColumnRole;

/// The roles offered for a column, with their names in the dialog.
constexpr int previewRows = 200;

} // namespace

CsvImportDialog::CsvImportDialog(const QString& path, bool canAddToProject, QWidget* parent)
    : QDialog(parent)
    , m_path(path)
    , m_outcomeName(new QLineEdit(this))
    , m_encoding(new QComboBox(this))
    , m_preview(new ColumnMappingTable(this))
    , m_problems(new QListWidget(this))
    , m_summary(new QLabel(this))
    , m_newProject(new QRadioButton(tr("Open as a new project"), this))
    , m_addOutcome(new QRadioButton(tr("Add as a new outcome of the open project"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Import CSV \u2014 %1").arg(QFileInfo(path).fileName()));
    m_outcomeName->setText(QFileInfo(path).completeBaseName());
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    for (io::TextEncoding encoding : io::allTextEncodings)
        m_encoding->addItem(io::textEncodingName(encoding), static_cast<int>(encoding));
    m_encoding->setToolTip(tr("How the file's bytes are read as text. Automatic reads UTF-8 and falls back "
                              "to Windows-1252 (Excel on Windows), with a note."));
    connect(m_encoding, &QComboBox::activated, this, &CsvImportDialog::reload);
    m_preview->verticalHeader()->setToolTip(tr("Line in the file"));
    connect(m_preview, &ColumnMappingTable::rolesChanged, this, &CsvImportDialog::reimport);
    load();

    m_newProject->setChecked(true);
    m_addOutcome->setEnabled(canAddToProject);
    auto* target = new QGroupBox(tr("Import into"), this);
    auto* targetLayout = new QVBoxLayout(target);
    targetLayout->addWidget(m_newProject);
    targetLayout->addWidget(m_addOutcome);

    auto* form = new QFormLayout;
    form->addRow(tr("Outcome name"), m_outcomeName);
    form->addRow(tr("&Encoding"), m_encoding);
    m_summary->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Preview and column roles:"), this));
    layout->addWidget(m_preview, 3);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems, 1);
    layout->addWidget(target);
    layout->addWidget(m_buttons);
    connect(m_outcomeName, &QLineEdit::textChanged, this, [this] {
        if (!m_import.project.outcomes.empty())
            m_import.project.outcomes.front().name = outcomeName().toStdString();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(900, 640);
    if (m_fileError.isEmpty())
        reimport();
}

void CsvImportDialog::load() {
    const io::CsvParseResult parsed = io::readCsvFile(m_path, encoding());
    m_fileError = parsed.error;
    m_fileNotes = parsed.notes;
    m_table = parsed.table;

    QStringList lines;
    for (int r = 0; r < std::min<qsizetype>(m_table.records.size(), previewRows); ++r)
        lines.append(QString::number(m_table.recordLines.value(r)));
    QList<int> guessed;
    for (const ColumnRole& role : io::guessColumnRoles(m_table.header))
        guessed.append(role.code());
    m_preview->setData(m_table.header, m_table.records, lines,
                       ColumnMappingTable::choicesOf(io::allColumnRoles()), guessed, previewRows);
}

void CsvImportDialog::reload() {
    load();
    if (m_fileError.isEmpty())
        reimport();
    else
        showFileError();
}

void CsvImportDialog::showFileError() {
    m_import = {};
    m_problems->clear();
    m_problems->addItem(
        new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxCritical), m_fileError));
    m_summary->setText(tr("The file cannot be read in this encoding."));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
}

io::TextEncoding CsvImportDialog::encoding() const {
    return static_cast<io::TextEncoding>(m_encoding->currentData().toInt());
}

void CsvImportDialog::setEncoding(io::TextEncoding encoding) {
    m_encoding->setCurrentIndex(m_encoding->findData(static_cast<int>(encoding)));
    reload();
}

QList<ColumnRole> CsvImportDialog::roles() const {
    return m_preview->roles();
}

void CsvImportDialog::setRole(int column, ColumnRole role) {
    m_preview->setRole(column, role);
    reimport();
}

QString CsvImportDialog::outcomeName() const {
    const QString name = m_outcomeName->text().trimmed();
    return name.isEmpty() ? tr("Outcome") : name;
}

bool CsvImportDialog::addToProject() const {
    return m_addOutcome->isChecked();
}

void CsvImportDialog::reimport() {
    m_import = io::importStudies(m_table, roles(), outcomeName());
    m_import.warnings = m_fileNotes + m_import.warnings; // how the file was read (its encoding)
    m_problems->clear();
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const QString& error : m_import.errors)
        m_problems->addItem(new QListWidgetItem(errorIcon, error));
    for (const QString& warning : m_import.warnings)
        m_problems->addItem(new QListWidgetItem(warningIcon, warning));
    int badRows = 0;
    if (m_import.errors.isEmpty() && !m_import.project.outcomes.empty()) {
        const PreparedOutcome prepared = prepareOutcome(m_import.project, m_import.project.outcomes.front());
        std::size_t lastRow = static_cast<std::size_t>(-1);
        for (const InputIssue& issue : prepared.issues) {
            m_problems->addItem(new QListWidgetItem(warningIcon, io::describeIssue(issue, m_import)));
            badRows += issue.row != lastRow ? 1 : 0;
            lastRow = issue.row;
        }
    }
    const bool usable = m_import.errors.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(usable);
    if (!usable)
        m_summary->setText(
            tr("The file cannot be imported with these column roles: see the problems below."));
    else if (badRows > 0)
        m_summary->setText(
            tr("%1 studies; %2 rows have problems. They are imported as typed, marked in the grid "
               "and left out of the analysis until corrected.")
                .arg(m_table.records.size())
                .arg(badRows));
    else
        m_summary->setText(tr("%1 studies, no problems found.").arg(m_table.records.size()));
}

} // namespace evident::ui
