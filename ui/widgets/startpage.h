// SPDX-License-Identifier: GPL-3.0-or-later
// The first page of the window when no project is open: start a new review, open the bundled example,
// import a CSV file, open a project, or pick one of the recent projects.
#pragma once

#include <QWidget>

class QCommandLinkButton;
class QLabel;
class QListWidget;

namespace evident::ui {

class FileController;

class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(FileController* files, QWidget* parent = nullptr);

    QCommandLinkButton* newButton() const { return m_new; }
    QCommandLinkButton* exampleButton() const { return m_example; }
    QCommandLinkButton* importButton() const { return m_import; }
    QCommandLinkButton* openButton() const { return m_open; }
    /// The recent projects, newest first; activating one opens it.
    QListWidget* recentList() const { return m_recent; }

private:
    void refreshRecent();

    FileController* m_files;
    QCommandLinkButton* m_new;
    QCommandLinkButton* m_example;
    QCommandLinkButton* m_import;
    QCommandLinkButton* m_open;
    QListWidget* m_recent;
    QLabel* m_noRecent;
};

} // namespace evident::ui
