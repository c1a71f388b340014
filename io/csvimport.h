// SPDX-License-Identifier: GPL-3.0-or-later
// Turning a CSV table of extracted outcome data into a project (one study per row).
//
// Columns (case-insensitive; docs/csv-format.md): `study`, then the entry fields of one outcome kind, by
// their keys in core/schema/entryfield.h: continuous arms (`_t` treated, `_c` control: `mean` or
// `median`, `n`, and a dispersion: `sd`, `sem`, `ci_lower` with `ci_upper` (and `ci_level`), `q1` with
// `q3`, `min` with `max`, optionally `dispersion` naming the type; metafor's m1i, sd1i, n1i, m2i, sd2i,
// n2i too), dichotomous arms (`events_t`, `total_t`, `events_c`, `total_c`), or a generic `yi` with `vi`
// or `sei`. Optional: `arm`, `control_group`, `sham_mean`, `include`, and SYRCLE judgements `rob_<item>`
// with `rob_<item>_support`. Every other column is a covariate.
#pragma once

#include "core/project/preparation.h"
#include "core/project/project.h"
#include "core/schema/entryfield.h"
#include "io/csvtable.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace evident::io {

/// What one CSV column holds: an entry field of the schema (core/schema/entryfield.h), an arm's median
/// (the centre field of a median-based arm) or dispersion type, or one of the columns around the data.
struct ColumnRole {
    enum class Kind : std::uint8_t {
        Ignore,
        Study,
        Field,      ///< An entry field: `field`
        Median,     ///< "median_t"/"median_c": the centre `field` of a median-based arm
        Dispersion, ///< "dispersion_t"/"dispersion_c": the type of the arm whose centre is `field`
        Include,
        Covariate,
        RiskOfBias,        ///< "rob_<item key>": a SYRCLE judgement (low, high, unclear)
        RiskOfBiasSupport, ///< "rob_<item key>_support": the support for it
    };
    Kind kind = Kind::Ignore;
    EntryField field = EntryField::MeanTreated; ///< Field, Median and Dispersion only

    static const ColumnRole Ignore;
    static const ColumnRole Study;
    static const ColumnRole Include;
    static const ColumnRole Covariate;
    static const ColumnRole RiskOfBias;
    static const ColumnRole RiskOfBiasSupport;
    static constexpr ColumnRole ofField(EntryField field) { return {Kind::Field, field}; }
    static constexpr ColumnRole median(ArmSide side) { return {Kind::Median, centreOf(side)}; }
    static constexpr ColumnRole dispersion(ArmSide side) { return {Kind::Dispersion, centreOf(side)}; }
    static constexpr EntryField centreOf(ArmSide side) {
        return side == ArmSide::Control ? EntryField::MeanControl : EntryField::MeanTreated;
    }
    ArmSide side() const { return entryFieldSpec(field).side; }

    /// A number that identifies the role (for item data and hashes), and the role it identifies.
    int code() const { return static_cast<int>(kind) * 256 + static_cast<int>(field); }
    static ColumnRole fromCode(int code);
    bool operator==(const ColumnRole& other) const { return code() == other.code(); }
};

inline constexpr ColumnRole ColumnRole::Ignore{Kind::Ignore};
inline constexpr ColumnRole ColumnRole::Study{Kind::Study};
inline constexpr ColumnRole ColumnRole::Include{Kind::Include};
inline constexpr ColumnRole ColumnRole::Covariate{Kind::Covariate};
inline constexpr ColumnRole ColumnRole::RiskOfBias{Kind::RiskOfBias};
inline constexpr ColumnRole ColumnRole::RiskOfBiasSupport{Kind::RiskOfBiasSupport};

/// Every role a column can be given, in menu order: study, the entry fields of each kind (with the
/// medians and dispersion types of continuous arms), include, risk of bias, characteristic, ignore.
QList<ColumnRole> allColumnRoles();
/// The role's name for menus ("SD (treated)", "Median (control)", "Study characteristic").
QString columnRoleTitle(const ColumnRole& role);

/// The entry-field key a role's cells are reported under ("sd_t"; a median's is its centre field's),
/// or an empty string for the roles outside the entry fields.
QString fieldKey(const ColumnRole& role);

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
