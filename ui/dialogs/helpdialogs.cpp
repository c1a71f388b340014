// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/helpdialogs.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace evident::ui {
namespace {

const QString guideRoot = QStringLiteral(":/guide");

QString firstHeading(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.startsWith(QLatin1String("# ")))
            return line.mid(2).trimmed();
    }
    return {};
}

void collectShortcuts(const QMenu* menu, const QString& path, QList<QPair<QString, QString>>& out) {
    for (const QAction* action : menu->actions()) {
        const QString text = action->text().remove(QLatin1Char('&')).remove(QChar(0x2026));
        if (action->menu()) {
            collectShortcuts(action->menu(), path + QStringLiteral(" \u25b8 ") + text, out);
            continue;
        }
        QStringList keys;
        for (const QKeySequence& key : action->shortcuts())
            if (!key.isEmpty())
                keys.append(key.toString(QKeySequence::NativeText));
        if (!keys.isEmpty())
            out.append({path + QStringLiteral(" \u25b8 ") + text, keys.join(QStringLiteral(", "))});
    }
}

} // namespace

QList<GuidePage> guidePages() {
    QList<GuidePage> pages;
    const QString readme = guideRoot + QStringLiteral("/README.md");
    if (QFile::exists(readme))
        pages.append({QObject::tr("Overview"), QStringLiteral("qrc") + readme});
    QStringList docs;
    QDirIterator it(guideRoot + QStringLiteral("/docs"), {QStringLiteral("*.md")}, QDir::Files);
    while (it.hasNext())
        docs.append(it.next());
    std::sort(docs.begin(), docs.end());
    for (const QString& path : docs) {
        QString title = firstHeading(path);
        pages.append(
            {title.isEmpty() ? QFileInfo(path).completeBaseName() : title, QStringLiteral("qrc") + path});
    }
    return pages;
}

UserGuideDialog::UserGuideDialog(QWidget* parent)
    : QDialog(parent)
    , m_contents(new QListWidget(this))
    , m_browser(new QTextBrowser(this)) {
    setWindowTitle(tr("Evident User Guide"));
    // Links between the pages and to the images resolve inside the application; web links open outside.
    m_browser->setOpenExternalLinks(true);
    m_browser->setOpenLinks(true);
    for (const GuidePage& page : guidePages()) {
        auto* item = new QListWidgetItem(page.title, m_contents);
        item->setData(Qt::UserRole, page.url);
    }
    connect(m_contents, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item && QUrl(item->data(Qt::UserRole).toString()) != m_browser->source())
            m_browser->setSource(QUrl(item->data(Qt::UserRole).toString()), QTextDocument::MarkdownResource);
    });
    // Following a link selects its page in the contents.
    connect(m_browser, &QTextBrowser::sourceChanged, this, [this](const QUrl& url) {
        for (int i = 0; i < m_contents->count(); ++i)
            if (QUrl(m_contents->item(i)->data(Qt::UserRole).toString()).path() == url.path()) {
                const QSignalBlocker blocker(m_contents);
                m_contents->setCurrentRow(i);
            }
    });
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_contents);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 700});
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* back = buttons->addButton(tr("&Back"), QDialogButtonBox::ActionRole);
    connect(back, &QPushButton::clicked, m_browser, &QTextBrowser::backward);
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QPushButton::setEnabled);
    back->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(960, 640);
    if (m_contents->count() > 0)
        m_contents->setCurrentRow(0);
}

void UserGuideDialog::showPage(const QString& url) {
    m_browser->setSource(QUrl(url), QTextDocument::MarkdownResource);
}

QList<QPair<QString, QString>> menuShortcuts(const QMenuBar* menuBar) {
    QList<QPair<QString, QString>> shortcuts;
    for (const QAction* top : menuBar->actions())
        if (top->menu())
            collectShortcuts(top->menu(), top->text().remove(QLatin1Char('&')), shortcuts);
    return shortcuts;
}

void showShortcutsDialog(const QMenuBar* menuBar, QWidget* parent) {
    QList<QPair<QString, QString>> rows = menuShortcuts(menuBar);
    // Keys the grid handles itself, without a menu command.
    rows.append({QObject::tr("Grid \u25b8 Edit the current cell"), QObject::tr("F2, or start typing")});
    rows.append({QObject::tr("Grid \u25b8 Commit and move on"), QObject::tr("Tab, Return")});
    rows.append({QObject::tr("Grid \u25b8 Cancel the edit"), QObject::tr("Esc")});
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("Keyboard Shortcuts"));
    auto* table = new QTableWidget(static_cast<int>(rows.size()), 2, &dialog);
    table->setHorizontalHeaderLabels({QObject::tr("Command"), QObject::tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int r = 0; r < rows.size(); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(rows[r].first));
        table->setItem(r, 1, new QTableWidgetItem(rows[r].second));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    dialog.resize(560, 520);
    dialog.exec();
}

QString citationText(const QString& version) {
    return QObject::tr(
               "Evident (version %1) [Computer software]. Meta-analysis of preclinical (animal) studies. "
               "Licensed under the GNU GPL, version 3 or later.\n\n"
               "@software{evident,\n"
               "  title   = {Evident: meta-analysis of preclinical studies},\n"
               "  version = {%1},\n"
               "  license = {GPL-3.0-or-later}\n"
               "}\n\n"
               "Please also cite the methods you report (the estimator, the confidence interval method, "
               "trial sequential analysis): the user guide's Methods page lists the papers.")
        .arg(version);
}

void showCitationDialog(const QString& version, QWidget* parent) {
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("How to Cite Evident"));
    auto* text = new QPlainTextEdit(citationText(version), &dialog);
    text->setReadOnly(true);
    text->setObjectName(QStringLiteral("citation"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    auto* copy = buttons->addButton(QObject::tr("&Copy"), QDialogButtonBox::ActionRole);
    QObject::connect(copy, &QPushButton::clicked, text,
                     [text] { QApplication::clipboard()->setText(text->toPlainText()); });
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(QObject::tr("If Evident helped your review, please cite it:"), &dialog));
    layout->addWidget(text, 1);
    layout->addWidget(buttons);
    dialog.resize(560, 320);
    dialog.exec();
}

} // namespace evident::ui
