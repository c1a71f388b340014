// SPDX-License-Identifier: GPL-3.0-or-later
// Turning a CSV table of extracted outcome data into a project (one study per row).
//
// Columns (case-insensitive; docs/csv-format.md): `study`, then either two-group data per arm (`_t` for
// treated, `_c` for control: `mean` or `median`, `n`, and a dispersion: `sd`, `sem`, `ci_lower` with
// `ci_upper` (and `ci_level`), `q1` with `q3`, `min` with `max`, optionally `dispersion` naming the type;
// metafor's m1i, sd1i, n1i, m2i, sd2i, n2i are accepted too), or precomputed `yi` with `vi` or `sei`.
// Optional: `arm`, `control_group`, `sham_mean`, `include`, and SYRCLE judgements `rob_<item>` with
// `rob_<item>_support`. Every other column is a covariate.
#pragma once

#include "core/project/preparation.h"
#include "core/project/project.h"
#include "io/csvtable.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace evident::io {

enum class ColumnRole {
    Ignore,
    Study,
    MeanTreated,
    SdTreated,
    NTreated,
    MeanControl,
    SdControl,
    NControl,
    Yi,
    Vi,
    Sei,
    Covariate,
    MedianTreated,
    SemTreated,
    CiLowerTreated,
    CiUpperTreated,
    CiLevelTreated,
    Q1Treated,
    Q3Treated,
    MinTreated,
    MaxTreated,
    DispersionTreated,
    MedianControl,
    SemControl,
    CiLowerControl,
    CiUpperControl,
    CiLevelControl,
    Q1Control,
    Q3Control,
    MinControl,
    MaxControl,
    DispersionControl,
    Arm,
    ControlGroup,
    ShamMean,
    Include,
    RiskOfBias,        ///< "rob_<item key>": a SYRCLE judgement (low, high, unclear)
    RiskOfBiasSupport, ///< "rob_<item key>_support": the support for it
};

/// The field key of a data role ("sd_t"), or an empty string for Study/Covariate/Ignore.
QString fieldKey(ColumnRole role);

/// One role per header column, guessed from the column names. Unknown names become covariates.
QList<ColumnRole> guessColumnRoles(const QStringList& header);

struct CsvImport {
    Project project;      ///< One outcome; one study and one row per record
    QStringList errors;   ///< Problems with the file as a whole; the project is unusable if any
    QStringList warnings; ///< Things the user should know, e.g. ignored columns
    QList<int> rowLines;  ///< File line of each outcome row
    QHash<QString, QString> headerOfField; ///< Field key → the column name as written in the file
};

/// Builds the project from a parsed table and the role of each column.
CsvImport importStudies(const CsvTable& table, const QList<ColumnRole>& roles, const QString& outcomeName);

/// Reads and imports a CSV file with guessed column roles.
CsvImport importCsvFile(const QString& path);

/// "line 5, column 'SD_T' (study 'Smith 2010'): SD (treated) must be greater than 0 (got -1.2)".
QString describeIssue(const InputIssue& issue, const CsvImport& import);

} // namespace evident::io
