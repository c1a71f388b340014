// SPDX-License-Identifier: GPL-3.0-or-later
// Asks for the name and kind of a new outcome (continuous, dichotomous, generic inverse variance).
#pragma once

#include "core/project/project.h"

#include <QDialog>
#include <QList>

class QLineEdit;
class QRadioButton;

namespace evident::ui {

class NewOutcomeDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewOutcomeDialog(QWidget* parent = nullptr);

    /// An empty outcome with the chosen name and kind, with the kind's default measure.
    Outcome outcome() const;
    /// Chooses a kind (for tests and callers that know it).
    void setKind(OutcomeKind kind);

private:
    QLineEdit* m_name;
    QList<QRadioButton*> m_kinds; ///< One per outcomeKinds() entry, in its order
};

} // namespace evident::ui
