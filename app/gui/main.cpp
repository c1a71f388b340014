// SPDX-License-Identifier: GPL-3.0-or-later
// evident [FILE]: the desktop application. Everything lives in evident_ui; this only starts it.
#include "ui/document/filecontroller.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QTimer>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Evident"));
    QApplication::setOrganizationName(QStringLiteral("Evident"));
    QApplication::setApplicationVersion(QStringLiteral(EVIDENT_VERSION));
    // The desktop entry's id, so that a desktop shows the window under its entry and icon.
    QApplication::setDesktopFileName(QStringLiteral("org.evident.Evident"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.evident.Evident.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Meta-analysis of preclinical studies."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A project (.evident) to open, or a CSV file to import."));
    parser.process(app);

    evident::ui::MainWindow window;
    window.restoreLayout(); // the size, docks and splitters of the last session, when there was one
    window.show();
    const QStringList files = parser.positionalArguments();
    QTimer::singleShot(0, &window, [&window, files] {
        evident::ui::FileController* controller = window.files();
        if (files.isEmpty())
            window.showStartPage();
        else if (QFileInfo(files.first()).suffix().compare(QStringLiteral("evident"), Qt::CaseInsensitive)
                 == 0)
            controller->open(files.first());
        else
            controller->importCsv(files.first());
        controller->offerRecovery();
    });
    return app.exec();
}
