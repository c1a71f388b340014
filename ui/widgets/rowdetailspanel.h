// SPDX-License-Identifier: GPL-3.0-or-later
// Below the grid: how the current row's numbers are used. Each arm as analysed with the conversion
// that produced it (SD from an SEM, a CI, a median), the shared control group, and the effect size,
// or why the row is left out. Follows the grid's current row and every new analysis.
#pragma once

#include <QWidget>

class QPlainTextEdit;

namespace evident::ui {

class AnalysisController;
class Document;

class RowDetailsPanel : public QWidget {
    Q_OBJECT
public:
    RowDetailsPanel(Document* document, AnalysisController* analysis, QWidget* parent = nullptr);

    /// The grid row shown (-1 for none).
    void setRow(int row);
    int row() const { return m_row; }
    QString text() const;

private:
    void refresh();

    Document* m_document;
    AnalysisController* m_analysis;
    QPlainTextEdit* m_text;
    int m_row = -1;
};

} // namespace evident::ui
