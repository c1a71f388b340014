// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/startpage.h"

#include "ui/document/filecontroller.h"
#include "ui/document/recentfiles.h"

#include <QAction>
#include <QApplication>
#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace evident::ui {

StartPage::StartPage(FileController* files, QWidget* parent)
    : QWidget(parent)
    , m_files(files)
    , m_new(new QCommandLinkButton(tr("New review"), tr("An empty outcome grid: type or paste your studies"),
                                   this))
    , m_example(new QCommandLinkButton(tr("Open the example"),
                                       tr("A worked review of stem-cell vesicles for intrauterine adhesions "
                                          "(illustrative data)"),
                                       this))
    , m_import(new QCommandLinkButton(tr("Import CSV\u2026"),
                                      tr("Studies from a spreadsheet, one row per comparison"), this))
    , m_open(new QCommandLinkButton(tr("Open project\u2026"), tr("An Evident project (.evident)"), this))
    , m_recent(new QListWidget(this))
    , m_noRecent(new QLabel(tr("No recent projects yet."), this)) {
    setObjectName(QStringLiteral("startPage"));
    auto* heading = new QLabel(QStringLiteral("<h1>Evident</h1>"), this);
    QString about = tr("Meta-analysis of preclinical (animal) studies.");
    if (!QApplication::applicationVersion().isEmpty())
        about += QLatin1Char(' ') + tr("Version %1.").arg(QApplication::applicationVersion());
    auto* tagline = new QLabel(about, this);
    tagline->setWordWrap(true);

    auto* actions = new QVBoxLayout;
    actions->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Start")), this));
    for (QCommandLinkButton* button : {m_new, m_example, m_import, m_open})
        actions->addWidget(button);
    actions->addStretch(1);

    auto* recent = new QVBoxLayout;
    recent->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Recent projects")), this));
    recent->addWidget(m_recent, 1);
    recent->addWidget(m_noRecent);
    m_recent->setToolTip(tr("Double-click or press Return to open"));

    auto* columns = new QHBoxLayout;
    columns->addLayout(actions, 1);
    columns->addSpacing(24);
    columns->addLayout(recent, 1);

    // A column of readable width in the middle of the window, whatever its size.
    auto* content = new QWidget(this);
    content->setMaximumWidth(900);
    auto* layout = new QVBoxLayout(content);
    layout->addWidget(heading);
    layout->addWidget(tagline);
    layout->addSpacing(12);
    layout->addLayout(columns, 1);
    auto* outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(content, 4);
    outer->addStretch(1);

    connect(m_new, &QCommandLinkButton::clicked, files, &FileController::newProject);
    connect(m_example, &QCommandLinkButton::clicked, files->openExampleAction(), &QAction::trigger);
    connect(m_import, &QCommandLinkButton::clicked, files->importCsvAction(), &QAction::trigger);
    connect(m_open, &QCommandLinkButton::clicked, files->openAction(), &QAction::trigger);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { m_files->open(item->data(Qt::UserRole).toString()); });
    connect(files->recentFiles(), &RecentFiles::changed, this, &StartPage::refreshRecent);
    refreshRecent();
}

void StartPage::refreshRecent() {
    m_recent->clear();
    for (const QString& path : m_files->recentFiles()->files()) {
        // The folder too: two projects may share a file name.
        const QFileInfo file(path);
        auto* item = new QListWidgetItem(
            tr("%1 \u2014 %2").arg(file.fileName(), QDir::toNativeSeparators(file.absolutePath())), m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
    }
    m_recent->setVisible(m_recent->count() > 0);
    m_noRecent->setVisible(m_recent->count() == 0);
}

} // namespace evident::ui
