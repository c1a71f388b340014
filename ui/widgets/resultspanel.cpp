// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/resultspanel.h"

#include "core/project/outcomeanalysis.h"
#include "core/report/manuscripttext.h"
#include "ui/analysis/resultsummary.h"
#include "ui/analysis/resulttables.h"
#include "ui/document/document.h"
#include "ui/models/resulttablemodel.h"
#include "ui/widgets/copyabletableview.h"
#include "ui/widgets/robsensitivitypanel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace evident::ui {

ResultsPanel::ResultsPanel(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_heading(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("&Copy text"), this))
    , m_tabs(new QTabWidget(this))
    , m_leftOut(new ResultTableModel(this))
    , m_leaveOneOut(new ResultTableModel(this))
    , m_subgroups(new ResultTableModel(this))
    , m_smallStudy(new ResultTableModel(this))
    , m_robSensitivity(new RobSensitivityPanel(document, this))
    , m_notes(new QLabel(this))
    , m_subgroupNote(new QLabel(this)) {
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    m_heading->setFont(headingFont);
    // A long outcome name wraps rather than widening the window (it set a 600 px minimum).
    m_heading->setWordWrap(true);
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_copy->setToolTip(tr("Copy the results text to the clipboard"));
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(text()); });

    auto* header = new QHBoxLayout;
    header->addWidget(m_heading, 1);
    header->addWidget(m_copy);
    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(header);
    topLayout->addWidget(m_text);

    for (QLabel* label : {m_notes, m_subgroupNote}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto* leftOutPage = new QWidget(m_tabs);
    addTable(m_leftOut, leftOutPage);
    leftOutPage->layout()->addWidget(m_notes);
    auto* subgroupPage = new QWidget(m_tabs);
    addTable(m_subgroups, subgroupPage);
    subgroupPage->layout()->addWidget(m_subgroupNote);
    auto* leaveOneOutPage = new QWidget(m_tabs);
    addTable(m_leaveOneOut, leaveOneOutPage);
    auto* smallStudyPage = new QWidget(m_tabs);
    addTable(m_smallStudy, smallStudyPage);
    m_tabs->addTab(leftOutPage, tr("Left out"));
    m_tabs->addTab(subgroupPage, tr("Subgroups"));
    m_tabs->addTab(leaveOneOutPage, tr("Leave-one-out"));
    m_tabs->addTab(smallStudyPage, tr("Small-study effects"));
    auto* robPage = new QScrollArea(m_tabs);
    robPage->setWidget(m_robSensitivity);
    robPage->setWidgetResizable(true);
    robPage->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(robPage, tr("Risk of bias"));
    m_tabs->setTabToolTip(
        m_tabs->count() - 1,
        tr("Sensitivity analysis without the studies at high risk of bias on chosen items"));
    m_tabs->setDocumentMode(true);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    clear();
}

QTableView* ResultsPanel::addTable(ResultTableModel* model, QWidget* page) {
    auto* layout = new QVBoxLayout(page);
    auto* view = new CopyableTableView(page);
    view->setModel(model);
    view->setAlternatingRowColors(true);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    connect(model, &QAbstractItemModel::modelReset, view, [view] { view->resizeColumnsToContents(); });
    layout->addWidget(view);
    return view;
}

void ResultsPanel::showAnalysis(const OutcomeAnalysis& analysis, const Outcome& outcome) {
    m_heading->setText(tr("%1 \u2014 %2")
                           .arg(QString::fromStdString(outcome.name),
                                QString::fromUtf8(measureLabel(analysis.measure).data())));
    const QString text = manuscriptText(analysis, outcome);
    if (text != m_text->toPlainText()) {
        // Keep the reader's place while the numbers change under them.
        const int scroll = m_text->verticalScrollBar()->value();
        m_text->setPlainText(text);
        m_text->verticalScrollBar()->setValue(scroll);
    }

    m_leftOut->setTable(leftOutTable(analysis, m_document->project(), outcome));
    m_leaveOneOut->setTable(leaveOneOutTable(analysis));
    m_subgroups->setTable(subgroupTable(analysis));
    m_smallStudy->setTable(smallStudyTable(analysis));
    m_robSensitivity->showAnalysis(analysis, outcome);

    const int leftOut = m_leftOut->rowCount();
    m_tabs->setTabText(0, leftOut > 0 ? tr("Left out (%1)").arg(leftOut) : tr("Left out"));
    QStringList notes;
    for (const auto& warning : analysis.result.warnings)
        notes.append(QString::fromStdString(warning));
    // Cautions on analysed rows (a non-whole n, an SD far beyond the mean), marked on their cells too.
    for (const InputIssue& note : analysis.prepared.notes)
        notes.append(tr("Row %1 (%2): %3")
                         .arg(note.row + 1)
                         .arg(QString::fromStdString(note.study), QString::fromStdString(note.message)));
    m_notes->setText(leftOut == 0 && notes.isEmpty()
                         ? tr("Every row of the outcome is in the analysis.")
                         : (notes.isEmpty()
                                ? QString()
                                : tr("Notes:\n\u2022 %1").arg(notes.join(QStringLiteral("\n\u2022 ")))));

    if (const auto& subgroups = analysis.result.subgroups) {
        QStringList lines;
        if (subgroups->between)
            lines.append(QString::fromStdString(subgroupDifferenceLine(*subgroups->between)));
        for (const auto& warning : subgroups->warnings)
            lines.append(QString::fromStdString(warning));
        m_subgroupNote->setText(lines.join(QLatin1Char('\n')));
    } else {
        m_subgroupNote->setText(
            tr("Choose a variable under \u201cSubgroups by\u201d in the analysis settings."));
    }
}

void ResultsPanel::clear() {
    m_heading->setText(tr("No outcome"));
    m_text->setPlainText(tr("Open a project or import a CSV file to see results here."));
    for (ResultTableModel* model : {m_leftOut, m_leaveOneOut, m_subgroups, m_smallStudy})
        model->setTable({});
    m_robSensitivity->clear();
    m_notes->clear();
    m_subgroupNote->clear();
}

QString ResultsPanel::text() const {
    return m_text->toPlainText();
}

std::vector<const ResultTable*> ResultsPanel::tables() const {
    std::vector<const ResultTable*> tables{&m_leftOut->table(), &m_subgroups->table(),
                                           &m_leaveOneOut->table(), &m_smallStudy->table()};
    if (!m_robSensitivity->tableModel()->table().rows.isEmpty())
        tables.push_back(&m_robSensitivity->tableModel()->table());
    return tables;
}

} // namespace evident::ui
