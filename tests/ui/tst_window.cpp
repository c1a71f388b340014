// SPDX-License-Identifier: GPL-3.0-or-later
// The window as a new user meets it: it fits a laptop screen with every panel reachable, remembers its
// layout, starts on a start page whose actions work, takes typing into a new grid, and has the menus'
// shortcuts and the Help menu's user guide, shortcut list and citation.
#include "tests/support/testsupport.h"
#include "ui/analysis/analysiscontroller.h"
#include "ui/analysisviews.h"
#include "ui/dialogs/helpdialogs.h"
#include "ui/document/document.h"
#include "ui/document/filecontroller.h"
#include "ui/document/recentfiles.h"
#include "ui/mainwindow.h"
#include "ui/models/studytablemodel.h"
#include "ui/plots/figurewidget.h"
#include "ui/widgets/resultspanel.h"
#include "ui/widgets/robsensitivitypanel.h"
#include "ui/widgets/startpage.h"
#include "ui/widgets/studygridview.h"
#include "ui/widgets/tsasettingspanel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCommandLinkButton>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <set>

using namespace evident;
using namespace evident::ui;

namespace {

QAction* menuAction(QMainWindow& window, const QString& menu, const QString& text) {
    for (QAction* top : window.menuBar()->actions())
        if (top->text().remove(QLatin1Char('&')) == menu)
            for (QAction* action : top->menu()->actions())
                if (action->text().remove(QLatin1Char('&')).startsWith(text))
                    return action;
    return nullptr;
}

/// Runs `act` on the next modal dialog as soon as it is shown (its exec() blocks the test).
void whenModal(std::function<void(QWidget*)> act) {
    auto* poll = new QTimer(qApp);
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, act] {
        if (QWidget* dialog = QApplication::activeModalWidget()) {
            poll->stop();
            poll->deleteLater();
            act(dialog);
        }
    });
    poll->start();
}

/// True when `widget` is shown, has some room, and lies inside the window's area.
bool reachable(const QWidget* widget, const QWidget* window, int minimumWidth) {
    if (!widget->isVisible() || widget->width() < minimumWidth || widget->height() < 100)
        return false;
    const QRect inWindow(widget->mapTo(window, QPoint(0, 0)), widget->size());
    return window->rect().contains(inWindow);
}

} // namespace

class TestWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void initialSizeFitsTheScreen_data();
    void initialSizeFitsTheScreen();
    void everyPanelReachableOnALaptop_data();
    void everyPanelReachableOnALaptop();
    void layoutIsRemembered();
    void startPageActions();
    void startPageOpensRecentProjects();
    void newGridTakesTyping();
    void importDialogOpensInAFolder();
    void shortcuts();
    void userGuideLinksAndImagesResolve();
    void citationHasTheVersion();
    void robSensitivityCellsShowTheirNumbers();

private:
    QTemporaryDir m_dir;
    QString recovery() const { return m_dir.filePath(QStringLiteral("recovery")); }
};

void TestWindow::initTestCase() {
    QVERIFY(m_dir.isValid());
    // The test's own settings file: never the user's.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("EvidentTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_window"));
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    QSettings().clear();
}

void TestWindow::initialSizeFitsTheScreen_data() {
    QTest::addColumn<QSize>("available");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("1280x720 laptop") << QSize(1280, 720 - 32) << QSize(1216, 619);
    QTest::newRow("1366x768 laptop") << QSize(1366, 768 - 32) << QSize(1297, 662);
    QTest::newRow("full HD: capped") << QSize(1920, 1080 - 32) << QSize(1500, 900);
}

void TestWindow::initialSizeFitsTheScreen() {
    QFETCH(QSize, available);
    QFETCH(QSize, expected);
    QCOMPARE(MainWindow::initialSize(available), expected);
}

void TestWindow::everyPanelReachableOnALaptop_data() {
    QTest::addColumn<QSize>("screen");
    QTest::newRow("1280x720") << QSize(1280, 720);
    QTest::newRow("1366x768") << QSize(1366, 768);
}

void TestWindow::everyPanelReachableOnALaptop() {
    QFETCH(QSize, screen);
    MainWindow window(recovery());
    QCOMPARE(window.files()->load(FileController::examplePath()), QString());
    window.analysisController()->recomputeNow();                       // results, tables and plots filled in
    const QSize size = MainWindow::initialSize(screen - QSize(0, 32)); // a desktop panel
    // Nothing forces the window wider or taller than the screen (it was 1394 px wide at least).
    QVERIFY2(
        window.minimumSizeHint().width() <= size.width(),
        qPrintable(
            QStringLiteral("minimum width %1 > %2").arg(window.minimumSizeHint().width()).arg(size.width())));
    QVERIFY2(window.minimumSizeHint().height() <= size.height(),
             qPrintable(QStringLiteral("minimum height %1").arg(window.minimumSizeHint().height())));
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::processEvents(); // the analysis is shown: long labels and tables must not widen it
    QCOMPARE(window.size(), size);
    QVERIFY(reachable(window.settingsDock(), &window, 150));
    QVERIFY(reachable(window.tsaSettingsPanel(), &window, 150) || window.tsaSettingsPanel()->isVisible());
    QVERIFY(reachable(window.grid(), &window, 300));
    for (int tab = 0; tab < window.dataTabs()->count(); ++tab) {
        window.dataTabs()->setCurrentIndex(tab);
        QApplication::processEvents();
        QVERIFY2(reachable(window.dataTabs()->widget(tab), &window, 300),
                 qPrintable(window.dataTabs()->tabText(tab)));
    }
    for (int tab = 0; tab < window.analysisTabs()->count(); ++tab) {
        window.analysisTabs()->setCurrentIndex(tab);
        QApplication::processEvents();
        QWidget* page = window.analysisTabs()->widget(tab);
        // Each plot has the tab's whole width (the TSA plot was ~250 px beside its settings).
        QVERIFY2(reachable(page, &window, 400), qPrintable(QStringLiteral("%1: %2 px wide")
                                                               .arg(window.analysisTabs()->tabText(tab))
                                                               .arg(page->width())));
    }
    QWidget* tsa = window.analysisViews()->figure(FigureKind::Tsa);
    window.analysisTabs()->setCurrentWidget(window.analysisViews()->tsaPage());
    QApplication::processEvents();
    QVERIFY2(tsa->width() >= window.analysisTabs()->width() - 10, qPrintable(QString::number(tsa->width())));
    qInfo("window %dx%d: minimum %dx%d, settings dock %d px, grid side %d px, TSA plot %d px wide",
          size.width(), size.height(), window.minimumSizeHint().width(), window.minimumSizeHint().height(),
          window.settingsDock()->width(), window.mainSplitter()->sizes().value(0), tsa->width());
    // The TSA tab brings its settings into view in the Analysis panel.
    QVERIFY(reachable(window.tsaSettingsPanel(), &window, 150));
    QVERIFY(!window.tsaSettingsPanel()->visibleRegion().isEmpty());
    // Nothing shown on the way made the window grow past the screen.
    QCOMPARE(window.size(), size);
    QVERIFY(window.minimumSizeHint().width() <= size.width());
}

void TestWindow::layoutIsRemembered() {
    QSettings().clear();
    QSize size;
    QList<int> split;
    {
        MainWindow window(recovery());
        QVERIFY(!window.restoreLayout()); // nothing stored yet
        window.resize(1200, 650);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.settingsDock()->hide();
        QApplication::processEvents();
        window.mainSplitter()->setSizes({300, window.mainSplitter()->width() - 300});
        split = window.mainSplitter()->sizes();
        size = window.size();
        QVERIFY(window.close()); // unmodified: no question; saves the layout
    }
    MainWindow again(recovery());
    QVERIFY(again.restoreLayout());
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), size);
    QCOMPARE(again.mainSplitter()->sizes(), split);
    QVERIFY(again.settingsDock()->isHidden());
    QSettings().clear();
}

void TestWindow::startPageActions() {
    MainWindow window(recovery());
    window.show();
    window.showStartPage();
    QVERIFY(window.isStartPageShown());
    QVERIFY(window.startPage()->isVisible());
    QVERIFY(window.settingsDock()->isHidden()); // nothing to set without a project
    // New review: an empty grid, ready for typing.
    window.startPage()->newButton()->click();
    QVERIFY(!window.isStartPageShown());
    QVERIFY(window.grid()->isVisible());
    QVERIFY(window.settingsDock()->isVisible());
    QCOMPARE(window.document()->project().outcomes.size(), std::size_t(1));
    QCOMPARE(window.studyModel()->rowCount(), 0);
    // Back to the start page, then the example.
    window.showStartPage();
    window.startPage()->exampleButton()->click();
    QVERIFY(!window.isStartPageShown());
    QCOMPARE(window.document()->project().outcomes.size(), std::size_t(5));
    QVERIFY(window.windowTitle().contains(QStringLiteral("(example)")));
    // Import CSV: asks for a file (the dialog is cancelled), and leaves the start page as it was.
    window.showStartPage();
    bool asked = false;
    whenModal([&asked](QWidget* dialog) {
        asked = qobject_cast<QFileDialog*>(dialog) != nullptr;
        dialog->close();
    });
    window.startPage()->importButton()->click();
    QVERIFY(asked);
    QVERIFY(window.isStartPageShown());
}

void TestWindow::startPageOpensRecentProjects() {
    MainWindow window(recovery());
    const QString path = m_dir.filePath(QStringLiteral("recent.evident"));
    QCOMPARE(window.files()->load(FileController::examplePath()), QString());
    QCOMPARE(window.files()->saveTo(path), QString()); // saving adds it to the recent files
    window.show();
    window.showStartPage();
    QListWidget* recent = window.startPage()->recentList();
    QVERIFY(recent->count() >= 1);
    QVERIFY(recent->item(0)->text().startsWith(QStringLiteral("recent.evident \u2014 ")));
    QVERIFY(recent->isVisible());
    emit recent->itemActivated(recent->item(0));
    QVERIFY(!window.isStartPageShown());
    QCOMPARE(window.document()->filePath(), QFileInfo(path).absoluteFilePath());
}

void TestWindow::newGridTakesTyping() {
    MainWindow window(recovery());
    window.files()->newProject();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    StudyGridView* grid = window.grid();
    QCOMPARE(window.studyModel()->rowCount(), 0);
    // The first key starts a row and opens its Study cell with that key in it.
    QTest::keyClick(grid, 'S');
    QCOMPARE(window.studyModel()->rowCount(), 1);
    QCOMPARE(grid->currentIndex(), window.studyModel()->index(0, 1));
    auto* editor = grid->findChild<QLineEdit*>();
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("S"));
    QTest::keyClicks(editor, QStringLiteral("mith 2020"));
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits on Return through a queued call.
    QTRY_COMPARE(window.studyModel()->index(0, 1).data().toString(), QStringLiteral("Smith 2020"));
    // Two edits, each undoable: the new row, then its name.
    QUndoStack* stack = window.document()->undoStack();
    stack->undo();
    QCOMPARE(window.studyModel()->rowCount(), 1);
    stack->undo();
    QCOMPARE(window.studyModel()->rowCount(), 0);
    // Shortcuts with Ctrl do not start a row.
    QTest::keyClick(grid, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(window.studyModel()->rowCount(), 0);
}

void TestWindow::importDialogOpensInAFolder() {
    QSettings().remove(QStringLiteral("files/csvImportFolder"));
    const QString fallback = FileController::csvImportDirectory();
    QVERIFY(QFileInfo(fallback).isDir()); // a folder, never a file name such as "Documents"
    // After an import, the dialog opens where the last file was.
    const QString folder = m_dir.filePath(QStringLiteral("csv-folder"));
    QVERIFY(QDir().mkpath(folder));
    const QString csv = QDir(folder).filePath(QStringLiteral("studies.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("study,mean_t,sd_t,n_t,mean_c,sd_c,n_c\nA,1,1,5,0,1,5\n");
    file.close();
    MainWindow window(recovery());
    whenModal([](QWidget* dialog) { dialog->close(); }); // the import preview: cancelled
    window.files()->importCsv(csv);
    QCOMPARE(FileController::csvImportDirectory(), folder);
    QVERIFY(QDir(folder).removeRecursively());
    QCOMPARE(FileController::csvImportDirectory(), fallback); // gone: back to Documents (or home)
}

void TestWindow::shortcuts() {
    MainWindow window(recovery());
    QAction* redo = menuAction(window, QStringLiteral("Edit"), QStringLiteral("Redo"));
    QVERIFY(redo);
    QVERIFY(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Y)));
    QVERIFY(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    QCOMPARE(window.files()->saveAsAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    // No key sequence is given to two commands (Qt would then run neither).
    std::set<QString> seen;
    const auto shortcuts = menuShortcuts(window.menuBar());
    QVERIFY(shortcuts.size() >= 10);
    for (const auto& [command, keys] : shortcuts)
        for (const QString& key : keys.split(QStringLiteral(", ")))
            QVERIFY2(seen.insert(key).second, qPrintable(command + QStringLiteral(": ") + key));
    bool listed = false;
    for (const auto& [command, keys] : shortcuts)
        listed =
            listed
            || (command == QStringLiteral("Edit \u25b8 Redo") && keys.contains(QStringLiteral("Ctrl+Y")));
    QVERIFY(listed);
    for (const char* item : {"User Guide", "Keyboard Shortcuts", "How to Cite Evident", "About Evident"})
        QVERIFY2(menuAction(window, QStringLiteral("Help"), QString::fromLatin1(item)), item);

    // Ctrl+Y redoes, through the window's shortcut.
    window.files()->newProject();
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QUndoStack* stack = window.document()->undoStack();
    QVERIFY(window.studyModel()->insertRows(0, 1));
    stack->undo();
    QCOMPARE(window.studyModel()->rowCount(), 0);
    QTest::keyClick(&window, Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(window.studyModel()->rowCount(), 1);
}

void TestWindow::userGuideLinksAndImagesResolve() {
    const QList<GuidePage> pages = guidePages();
    QVERIFY(pages.size() >= 8); // the README and docs/*.md
    QCOMPARE(pages.front().url, QStringLiteral("qrc:/guide/README.md"));
    UserGuideDialog dialog;
    int links = 0;
    int images = 0;
    for (const GuidePage& page : pages) {
        QVERIFY2(!page.title.isEmpty(), qPrintable(page.url));
        dialog.showPage(page.url);
        QTextDocument* document = dialog.browser()->document();
        QVERIFY2(document->toPlainText().size() > 200, qPrintable(page.url));
        const QUrl base(page.url);
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat format = it.fragment().charFormat();
                if (format.isImageFormat()) {
                    const QUrl url = base.resolved(QUrl(format.toImageFormat().name()));
                    QVERIFY2(QFile::exists(QLatin1Char(':') + url.path()), qPrintable(url.toString()));
                    ++images;
                }
                const QString href = format.anchorHref();
                if (href.endsWith(QLatin1String(".md")) && !href.contains(QLatin1String("://"))) {
                    const QUrl url = base.resolved(QUrl(href));
                    // tests/reference/README.md is for developers and is not shipped.
                    if (!url.path().startsWith(QLatin1String("/guide/tests/")))
                        QVERIFY2(QFile::exists(QLatin1Char(':') + url.path()),
                                 qPrintable(page.url + QStringLiteral(" → ") + href));
                    ++links;
                }
            }
    }
    QVERIFY(links >= 10);
    QVERIFY(images >= 5);
    // Following a link shows that page.
    dialog.showPage(QStringLiteral("qrc:/guide/README.md"));
    dialog.browser()->setSource(
        QUrl(QStringLiteral("qrc:/guide/README.md")).resolved(QUrl(QStringLiteral("docs/tsa.md"))));
    QVERIFY(dialog.browser()->toPlainText().contains(QStringLiteral("information size")));
}

void TestWindow::citationHasTheVersion() {
    const QString text = citationText(QStringLiteral("9.8.7"));
    QVERIFY(text.contains(QStringLiteral("Evident (version 9.8.7)")));
    QVERIFY(text.contains(QStringLiteral("version = {9.8.7}")));
}

void TestWindow::robSensitivityCellsShowTheirNumbers() {
    MainWindow window(recovery());
    QCOMPARE(window.files()->load(FileController::examplePath()), QString());
    window.resize(MainWindow::initialSize(QSize(1280, 688)));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.analysisController()->recomputeNow();
    RobSensitivityPanel* panel = window.resultsPanel()->robSensitivityPanel();
    window.resultsPanel()->tableTabs()->setCurrentIndex(window.resultsPanel()->tableTabs()->count() - 1);
    // sizeHintForColumn is public on the base class: the width the column's cells need.
    QAbstractItemView* view = panel->findChild<QTableView*>();
    QVERIFY(view);
    const auto checkWidths = [view](const char* when) {
        QApplication::processEvents();
        for (int c = 0; c < view->model()->columnCount(); ++c)
            QVERIFY2(static_cast<QTableView*>(view)->columnWidth(c) >= view->sizeHintForColumn(c),
                     qPrintable(QStringLiteral("%1: column %2 (%3) is %4 px, needs %5")
                                    .arg(QLatin1String(when))
                                    .arg(c)
                                    .arg(view->model()->headerData(c, Qt::Horizontal).toString())
                                    .arg(static_cast<QTableView*>(view)->columnWidth(c))
                                    .arg(view->sizeHintForColumn(c))));
    };
    checkWidths("first");
    // Other items: the same table shape with other numbers (the model keeps its columns).
    for (std::size_t item = 0; item < syrcleItemCount; ++item) {
        panel->itemBox(item)->setChecked(!panel->itemBox(item)->isChecked());
        checkWidths("after ticking");
    }
}

QTEST_MAIN(TestWindow)
#include "tst_window.moc"
