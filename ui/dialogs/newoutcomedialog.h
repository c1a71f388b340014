// SPDX-License-Identifier: GPL-3.0-or-later
// Asks for the name and data layout of a new outcome.
#pragma once

#include "core/project/project.h"

#include <QDialog>

class QLineEdit;
class QRadioButton;

namespace evident::ui {

class NewOutcomeDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewOutcomeDialog(QWidget* parent = nullptr);

    /// An empty outcome with the chosen name and layout (precomputed effects use the generic measure).
    Outcome outcome() const;

private:
    QLineEdit* m_name;
    QRadioButton* m_twoGroup;
    QRadioButton* m_precomputed;
};

} // namespace evident::ui
