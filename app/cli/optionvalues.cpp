// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/optionvalues.h"

#include "app/cli/cli.h"
#include "core/common/text.h"

#include <QTextStream>

namespace evident::cli {

std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments,
                                    const QString& command, int inputFiles, QTextStream& out,
                                    QTextStream& err) {
    parser.addHelpOption();
    if (!parser.parse(QStringList{command} + arguments)) {
        err << command << ": " << parser.errorText() << "\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return ExitOk;
    }
    if (inputFiles > 0 && parser.positionalArguments().size() != inputFiles) {
        err << command << ": give exactly one input file.\n";
        return ExitUsage;
    }
    return std::nullopt;
}

std::optional<double> numberOption(const QCommandLineParser& parser, const QCommandLineOption& option,
                                   double fallback, double lowerExclusive, double upperExclusive,
                                   const char* command, QTextStream& err) {
    if (!parser.isSet(option))
        return fallback;
    const QString text = parser.value(option);
    const auto value = parseNumber(text.toStdString());
    if (!value || !(*value > lowerExclusive) || !(*value < upperExclusive)) {
        err << "evident-cli " << command << ": --" << option.names().front() << " must be a number";
        if (std::isfinite(lowerExclusive) && std::isfinite(upperExclusive))
            err << " between " << lowerExclusive << " and " << upperExclusive;
        else if (std::isfinite(lowerExclusive))
            err << " greater than " << lowerExclusive;
        err << " (got '" << text << "').\n";
        return std::nullopt;
    }
    return value;
}

std::optional<std::vector<double>> numberListOption(const QCommandLineParser& parser,
                                                    const QCommandLineOption& option, const char* command,
                                                    QTextStream& err) {
    std::vector<double> values;
    for (const QString& item : parser.value(option).split(u',', Qt::SkipEmptyParts)) {
        const auto value = parseNumber(item.toStdString());
        if (!value) {
            err << "evident-cli " << command << ": --" << option.names().front() << ": '" << item.trimmed()
                << "' is not a number.\n";
            return std::nullopt;
        }
        values.push_back(*value);
    }
    return values;
}

} // namespace evident::cli
