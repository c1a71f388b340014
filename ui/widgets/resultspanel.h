// SPDX-License-Identifier: GPL-3.0-or-later
// The Results panel: manuscript-style text (selectable, with a Copy button), the studies left out
// and why, subgroups, leave-one-out, the small-study tests and the sensitivity analysis by risk of bias
// of the current outcome.
#pragma once

#include <QWidget>

#include <vector>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace evident {
struct Outcome;
struct OutcomeAnalysis;
} // namespace evident

namespace evident::ui {

class Document;
class ResultTableModel;
class RobSensitivityPanel;
struct ResultTable;

class ResultsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ResultsPanel(Document* document, QWidget* parent = nullptr);

    void showAnalysis(const OutcomeAnalysis& analysis, const Outcome& outcome);
    void clear();

    /// The manuscript-style text as shown.
    QString text() const;
    /// Every table of the panel, for export.
    std::vector<const ResultTable*> tables() const;

    QPushButton* copyButton() const { return m_copy; }
    QTabWidget* tableTabs() const { return m_tabs; }
    ResultTableModel* leftOutModel() const { return m_leftOut; }
    ResultTableModel* leaveOneOutModel() const { return m_leaveOneOut; }
    ResultTableModel* subgroupModel() const { return m_subgroups; }
    ResultTableModel* smallStudyModel() const { return m_smallStudy; }
    RobSensitivityPanel* robSensitivityPanel() const { return m_robSensitivity; }

private:
    QTableView* addTable(ResultTableModel* model, QWidget* page);

    Document* m_document;
    QLabel* m_heading;
    QPlainTextEdit* m_text;
    QPushButton* m_copy;
    QTabWidget* m_tabs;
    ResultTableModel* m_leftOut;
    ResultTableModel* m_leaveOneOut;
    ResultTableModel* m_subgroups;
    ResultTableModel* m_smallStudy;
    RobSensitivityPanel* m_robSensitivity;
    QLabel* m_notes;
    QLabel* m_subgroupNote;
};

} // namespace evident::ui
