// SPDX-License-Identifier: GPL-3.0-or-later
// The "Risk of bias" tab beside the grid: SYRCLE judgements per study and item, and below them the
// selected item's signalling question, its judgement and the support for it (a quote from the paper).
// Keys: L or +, H or -, U or ? judge the selected cells; Delete clears them; F2 or a double click
// opens the list. Every edit is an undoable command.
#pragma once

#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QPlainTextEdit;
class QTableView;

namespace evident::ui {

class Document;
class RobTableModel;

class RiskOfBiasView : public QWidget {
    Q_OBJECT
public:
    explicit RiskOfBiasView(Document* document, QWidget* parent = nullptr);

    RobTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QPlainTextEdit* supportEditor() const { return m_support; }
    /// Selects a cell (row = study, column 1-10 = SYRCLE item).
    void setCurrentCell(int row, int column);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refreshDetail();
    void resizeColumns();

    Document* m_document;
    RobTableModel* m_model;
    QTableView* m_table;
    QLabel* m_summary;
    QLabel* m_question;
    QButtonGroup* m_judgements;
    QPlainTextEdit* m_support;
    bool m_updating = false;
};

} // namespace evident::ui
