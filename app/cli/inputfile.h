// SPDX-License-Identifier: GPL-3.0-or-later
// Loading the file a command works on, and naming the places of bad input in it.
#pragma once

#include "core/project/preparation.h"
#include "core/project/project.h"
#include "io/csvimport.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace evident::cli {

struct LoadedInput {
    Project project;
    std::size_t outcome = 0;          ///< The outcome to analyse
    std::optional<io::CsvImport> csv; ///< Present when read from CSV, for line/column messages
    QStringList errors;               ///< Nothing can be analysed when non-empty
    QStringList warnings;
};

/// Reads a project (.evident) or a CSV file (.csv, .tsv, .txt). `outcomeName` picks an outcome of a
/// multi-outcome project (the first one by default).
LoadedInput loadInput(const QString& path, const QString& outcomeName);

/// Where an input issue is, in the words that fit the file ("line 5, column 'sd_t' (study 'X'): …").
QString describeIssue(const LoadedInput& input, const InputIssue& issue);

} // namespace evident::cli
