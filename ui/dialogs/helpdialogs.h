// SPDX-License-Identifier: GPL-3.0-or-later
// The Help menu's windows: the user guide (README and docs/*.md, compiled into the application and shown
// with their links and images), the keyboard shortcuts, and how to cite Evident.
#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QListWidget;
class QMenuBar;
class QTextBrowser;

namespace evident::ui {

/// The guide's pages, in the order of the contents list: the README first, then docs/*.md.
struct GuidePage {
    QString title; ///< The page's first "# " heading
    QString url;   ///< "qrc:/guide/README.md", "qrc:/guide/docs/methods.md", …
};
QList<GuidePage> guidePages();

/// The user guide: a contents list beside a browser; links between pages and images work offline, links
/// to the web open in the browser.
class UserGuideDialog : public QDialog {
    Q_OBJECT
public:
    explicit UserGuideDialog(QWidget* parent = nullptr);

    /// Shows a page, e.g. "qrc:/guide/docs/tsa.md".
    void showPage(const QString& url);
    QTextBrowser* browser() const { return m_browser; }

private:
    QListWidget* m_contents;
    QTextBrowser* m_browser;
};

/// Every menu command that has a shortcut, as "Menu ▸ Command" and the key sequence in the platform's
/// notation, taken from the menus themselves so the list is never out of date.
QList<QPair<QString, QString>> menuShortcuts(const QMenuBar* menuBar);

/// The shortcuts of the menus (menuShortcuts) and of the grid, in a table.
void showShortcutsDialog(const QMenuBar* menuBar, QWidget* parent);

/// How to cite Evident: a reference with the version, and a BibTeX entry.
QString citationText(const QString& version);
/// The citation in a dialog with a Copy button.
void showCitationDialog(const QString& version, QWidget* parent);

} // namespace evident::ui
