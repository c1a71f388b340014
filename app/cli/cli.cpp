// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"

#include "app/cli/analyzecommand.h"
#include "app/cli/rendercommand.h"
#include "app/cli/reportcommand.h"
#include "app/cli/tsacommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <unistd.h>

namespace evident::cli {
namespace {

const char* const usage = R"(Usage: evident-cli <command> [options]

Commands:
  analyze FILE     Meta-analysis of a CSV file: pooled effect, heterogeneity, subgroups,
                   leave-one-out, cumulative analysis and small-study tests.
  tsa FILE         Trial sequential analysis (MD, SMD, RR, OR, RD): required information
                   size, cumulative Z-curve, monitoring boundaries, adjusted intervals.
  boundaries       Alpha-spending (and futility) boundaries at given information fractions.
  render FILE      One figure (forest, funnel, tsa or rob-summary) as PNG, TIFF, SVG or PDF.
  report FILE      For every outcome: the text report, the JSON results and the forest,
                   funnel and TSA figures (PDF and PNG), and the risk-of-bias summary
                   when studies have been assessed, written into a folder.

Run 'evident-cli <command> --help' for the options of a command.
)";

} // namespace

int runCommand(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    if (arguments.isEmpty() || arguments.front() == u"--help" || arguments.front() == u"-h") {
        (arguments.isEmpty() ? err : out) << usage;
        return arguments.isEmpty() ? ExitUsage : ExitOk;
    }
    const QString command = arguments.front();
    const QStringList rest = arguments.mid(1);
    if (command == u"analyze")
        return runAnalyze(rest, out, err);
    if (command == u"tsa")
        return runTsaCommand(rest, out, err);
    if (command == u"boundaries")
        return runBoundariesCommand(rest, out, err);
    if (command == u"render")
        return runRender(rest, out, err);
    if (command == u"report")
        return runReport(rest, out, err);
    err << "evident-cli: unknown command '" << command << "'\n\n" << usage;
    return ExitUsage;
}

/// A headless session (a server, CI, a container) often has no XDG_RUNTIME_DIR; Qt then warns on every
/// run. Give it a private one, as Qt itself would, but quietly.
void provideRuntimeDirectory() {
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    const QString path = QDir::tempPath() + QStringLiteral("/evident-runtime-") + QString::number(getuid());
    QDir().mkpath(path);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(path));
}

bool needsGui(int argc, char* argv[]) {
    return argc > 1 && (std::strcmp(argv[1], "render") == 0 || std::strcmp(argv[1], "report") == 0);
}

int run(int argc, char* argv[]) {
    // Figures are QCustomPlot scenes, that is widgets: they need a QApplication. Without a display
    // it runs on the offscreen platform (unless the user chose a platform).
    std::unique_ptr<QCoreApplication> app;
    if (needsGui(argc, argv)) {
        const bool display = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
        if (!display && !std::getenv("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        provideRuntimeDirectory();
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("evident-cli"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return runCommand(QCoreApplication::arguments().mid(1), out, err);
}

} // namespace evident::cli
