// SPDX-License-Identifier: GPL-3.0-or-later
// The outcome selector above the grid, with the outcome's direction and layout.
#pragma once

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;

namespace evident::ui {

class Document;

class OutcomeBar : public QWidget {
    Q_OBJECT
public:
    explicit OutcomeBar(Document* document, QWidget* parent = nullptr);

    /// Adds a flat button for an action (add, rename, remove outcome), after the selector.
    void addButton(QAction* action);

    QComboBox* outcomeBox() const { return m_outcomes; }
    QCheckBox* lowerIsBetterBox() const { return m_lowerIsBetter; }

private:
    void refreshList();
    void refreshCurrent();

    Document* m_document;
    QComboBox* m_outcomes;
    QCheckBox* m_lowerIsBetter;
    QLabel* m_layout;
    QHBoxLayout* m_buttons;
};

} // namespace evident::ui
