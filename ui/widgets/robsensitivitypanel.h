// SPDX-License-Identifier: GPL-3.0-or-later
// One-click sensitivity analysis by risk of bias (a tab of the Results panel): the reviewer ticks
// SYRCLE items, and the outcome is analysed again without the studies judged at high risk on any of
// them (analyseWithoutHighRisk), next to the main analysis. A view: it never changes the project, and
// it follows every edit.
#pragma once

#include "core/project/robsensitivity.h"

#include <QWidget>

#include <array>
#include <memory>
#include <vector>

class QCheckBox;
class QLabel;

namespace evident::ui {

class Document;
class ResultTableModel;

class RobSensitivityPanel : public QWidget {
    Q_OBJECT
public:
    explicit RobSensitivityPanel(Document* document, QWidget* parent = nullptr);

    /// The items reviewers most often use: sequence generation, blinding of the outcome assessor and
    /// incomplete outcome data.
    static std::vector<std::size_t> defaultItems();

    void setItems(const std::vector<std::size_t>& items);
    std::vector<std::size_t> items() const;

    /// Recomputes for a new analysis of `outcome`.
    void showAnalysis(const OutcomeAnalysis& analysis, const Outcome& outcome);
    void clear();

    /// The last sensitivity analysis, or nullptr (no outcome, or no item ticked).
    const RobSensitivity* sensitivity() const { return m_sensitivity.get(); }
    QString sentence() const;
    ResultTableModel* tableModel() const { return m_table; }
    QCheckBox* itemBox(std::size_t item) const { return m_boxes[item]; }

private:
    void recompute();

    Document* m_document;
    std::array<QCheckBox*, syrcleItemCount> m_boxes{};
    QLabel* m_sentence;
    QLabel* m_excluded;
    ResultTableModel* m_table;
    std::unique_ptr<OutcomeAnalysis> m_main;
    std::unique_ptr<Outcome> m_outcome;
    std::unique_ptr<RobSensitivity> m_sensitivity;
};

} // namespace evident::ui
