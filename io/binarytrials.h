// SPDX-License-Identifier: GPL-3.0-or-later
// Binary outcome data (events out of participants per group) for trial sequential analysis.
//
// Columns (case-insensitive): `study`, `events_t`, `n_t`, `events_c`, `n_c` (metafor's ai, n1i, ci,
// n2i are accepted too); any other column may serve as the ordering column.
#pragma once

#include "core/tsa/cumulativemeta.h"
#include "io/csvtable.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace evident::io {

struct BinaryTrialsImport {
    std::vector<TsaTrial> trials;
    QStringList errors; ///< File-level problems and bad cells ("line 4, column 'events_t' (study 'X'): …")
};

/// True when the header has the binary column set (then the file is read with importBinaryTrials).
bool hasBinaryColumns(const QStringList& header);

/// Reads every row; `orderColumn` (may be empty) fills TsaTrial::order from a numeric column.
BinaryTrialsImport importBinaryTrials(const CsvTable& table, const QString& orderColumn);

} // namespace evident::io
