// SPDX-License-Identifier: GPL-3.0-or-later
// Edits the project's title and notes.
#pragma once

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;

namespace evident::ui {

class ProjectDetailsDialog : public QDialog {
    Q_OBJECT
public:
    ProjectDetailsDialog(const QString& title, const QString& notes, QWidget* parent = nullptr);

    QString title() const;
    QString notes() const;

private:
    QLineEdit* m_title;
    QPlainTextEdit* m_notes;
};

} // namespace evident::ui
