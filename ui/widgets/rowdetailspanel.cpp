// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/rowdetailspanel.h"

#include "ui/analysis/analysiscontroller.h"
#include "ui/analysis/rowdetails.h"
#include "ui/document/document.h"

#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace evident::ui {

RowDetailsPanel::RowDetailsPanel(Document* document, AnalysisController* analysis, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_analysis(analysis)
    , m_text(new QPlainTextEdit(this)) {
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setToolTip(tr("How the numbers of the selected row are used in the analysis"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    connect(analysis, &AnalysisController::analysisChanged, this, &RowDetailsPanel::refresh);
    connect(analysis, &AnalysisController::analysisCleared, this, &RowDetailsPanel::refresh);
    refresh();
}

void RowDetailsPanel::setRow(int row) {
    if (row == m_row)
        return;
    m_row = row;
    refresh();
}

QString RowDetailsPanel::text() const {
    return m_text->toPlainText();
}

void RowDetailsPanel::refresh() {
    const OutcomeAnalysis* analysis = m_analysis->analysis();
    const Outcome* outcome = m_analysis->outcome();
    const QString text = analysis && outcome
                             ? rowDetailsText(*analysis, m_document->project(), *outcome, m_row)
                             : tr("Select a row of the grid to see how its numbers are used.");
    if (text != m_text->toPlainText())
        m_text->setPlainText(text);
}

} // namespace evident::ui
