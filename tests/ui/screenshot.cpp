// SPDX-License-Identifier: GPL-3.0-or-later
// Takes screenshots of the main window for docs/screenshots (run under Xvfb or offscreen):
//   evident_screenshot PROJECT OUT.png [--dark] [--outcome N] [--tab N] [--tsa] [--size 1600x1000]
//                      [--data N] [--row N] [--rob-cell R,C] [--grid-share F] [--hide-settings] [--start]
// --data picks the data pane's tab (0 the grid, 1 risk of bias); --row makes a grid row current, so the
// detail pane below the grid explains it; --rob-cell selects a risk-of-bias cell; --grid-share gives the
// data pane that share of the central area (default 0.6, as the app opens; the Results side keeps its
// minimum width); --hide-settings closes the Analysis settings dock; --start shows the start page (PROJECT
// is then only added to the recent files; give the size as the screen, e.g. --size 1280x720).
// PROJECT "new" starts from File > New; --paste TEXT pastes a tab-separated block (\t and \n as escapes)
// into the grid at the Study cell of --row (or the empty grid), as Ctrl+V does; when the paste opens its
// column-mapping preview, the preview is what is grabbed.
// --dark applies a dark palette the way a dark desktop theme would, to check that every colour
// the app uses follows the palette.
#include "ui/analysisviews.h"
#include "ui/document/document.h"
#include "ui/document/filecontroller.h"
#include "ui/mainwindow.h"
#include "ui/models/studytablemodel.h"
#include "ui/widgets/resultspanel.h"
#include "ui/widgets/riskofbiasview.h"
#include "ui/widgets/studygridview.h"

#include <QApplication>
#include <QClipboard>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QPalette>
#include <QPixmap>
#include <QScreen>
#include <QSplitter>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>

namespace {

QPalette darkPalette() {
    QPalette p;
    const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230), disabled(128, 128, 128);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(40, 40, 43));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(90, 160, 255));
    p.setColor(QPalette::Highlight, QColor(45, 110, 200));
    p.setColor(QPalette::HighlightedText, Qt::white);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Evident-screenshot"));
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file"));
    parser.addPositionalArgument(QStringLiteral("out"), QStringLiteral("PNG file"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Dark palette"));
    const QCommandLineOption outcome(QStringLiteral("outcome"), QStringLiteral("Outcome index"),
                                     QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("Results table tab"),
                                 QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size"),
                                  QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    const QCommandLineOption tsa(QStringLiteral("tsa"), QStringLiteral("Show the TSA plot and its settings"));
    const QCommandLineOption view(
        QStringLiteral("view"),
        QStringLiteral("Analysis tab: 0 results, 1 forest, 2 funnel, 3 TSA, 4 risk of bias"),
        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Data tab: 0 grid, 1 risk of bias"),
                                  QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption row(QStringLiteral("row"), QStringLiteral("Current grid row"),
                                 QStringLiteral("n"));
    const QCommandLineOption robCell(QStringLiteral("rob-cell"), QStringLiteral("Selected risk-of-bias cell"),
                                     QStringLiteral("row,column"));
    const QCommandLineOption gridShare(QStringLiteral("grid-share"), QStringLiteral("Share of the data pane"),
                                       QStringLiteral("f"));
    const QCommandLineOption hideSettings(QStringLiteral("hide-settings"),
                                          QStringLiteral("Close the analysis settings dock"));
    const QCommandLineOption start(QStringLiteral("start"), QStringLiteral("Show the start page"));
    const QCommandLineOption paste(QStringLiteral("paste"), QStringLiteral("Block to paste into the grid"),
                                   QStringLiteral("text"));
    parser.addOptions(
        {dark, outcome, tab, size, tsa, view, data, row, robCell, gridShare, hideSettings, start, paste});
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2) {
        std::fprintf(stderr,
                     "usage: evident_screenshot PROJECT OUT.png [--dark] [--outcome N] [--size WxH]\n");
        return 2;
    }
    if (parser.isSet(dark)) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }
    // Recovery files of this tool go to a temporary folder, never the user's.
    evident::ui::MainWindow window(QDir::temp().filePath(QStringLiteral("evident-screenshot-recovery")));
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    window.resize(wh.value(0).toInt(), wh.value(1).toInt());
    const QString error = args[0] == QLatin1String("new") ? QString() : window.files()->load(args[0]);
    if (args[0] == QLatin1String("new"))
        window.files()->newProject();
    if (!error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    window.document()->setCurrentOutcome(parser.value(outcome).toInt());
    window.resultsPanel()->tableTabs()->setCurrentIndex(parser.value(tab).toInt());
    window.analysisTabs()->setCurrentIndex(parser.value(view).toInt());
    if (parser.isSet(tsa))
        window.analysisTabs()->setCurrentWidget(window.analysisViews()->tsaPage());
    window.dataTabs()->setCurrentIndex(parser.value(data).toInt());
    if (parser.isSet(hideSettings))
        for (QDockWidget* dock : window.findChildren<QDockWidget*>())
            dock->hide();
    window.show();
    if (parser.isSet(start))
        window.showStartPage();
    if (parser.isSet(row)) {
        const int r = parser.value(row).toInt();
        const int column = window.studyModel()->columnOfKey(QStringLiteral("mean_t"));
        window.grid()->setCurrentIndex(window.studyModel()->index(r, std::max(column, 1)));
        window.grid()->scrollTo(window.grid()->currentIndex());
    }
    if (parser.isSet(gridShare))
        // After the window's first layout, which sets its own split.
        QTimer::singleShot(200, &app, [&] {
            if (QSplitter* splitter = window.mainSplitter()) {
                const int width = splitter->width();
                const int grid = static_cast<int>(width * parser.value(gridShare).toDouble());
                splitter->setSizes({grid, width - grid});
            }
        });
    if (parser.isSet(robCell)) {
        const QStringList cell = parser.value(robCell).split(QLatin1Char(','));
        window.riskOfBiasView()->setCurrentCell(cell.value(0).toInt(), cell.value(1).toInt());
    }
    if (parser.isSet(paste))
        QTimer::singleShot(300, &app, [&] {
            QString text = parser.value(paste);
            text.replace(QStringLiteral("\\t"), QStringLiteral("\t"))
                .replace(QStringLiteral("\\n"), QStringLiteral("\n"));
            QApplication::clipboard()->setText(text);
            if (parser.isSet(row))
                window.grid()->setCurrentIndex(window.studyModel()->index(parser.value(row).toInt(), 1));
            window.grid()->setFocus();
            window.grid()->pasteClipboard(); // a preview runs its own loop; the grab below finds it
        });
    QTimer::singleShot(1500, &app, [&] {
        QWidget* target = QApplication::activeModalWidget() ? QApplication::activeModalWidget() : &window;
        const QPixmap shot =
            target->screen() && qEnvironmentVariable("QT_QPA_PLATFORM") != QLatin1String("offscreen")
                ? target->screen()->grabWindow(target->winId())
                : target->grab();
        const bool saved = shot.save(args[1]);
        std::printf("%s %dx%d\n", saved ? "saved" : "FAILED", shot.width(), shot.height());
        app.exit(saved ? 0 : 1);
    });
    return app.exec();
}
