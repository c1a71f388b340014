// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvimport.h"

#include <QFileInfo>

#include <array>
#include <utility>

namespace evident::io {
namespace {

struct RoleName {
    ColumnRole role;
    const char* key;
    const char* alias; ///< metafor's argument name, or nullptr
};

constexpr std::array<RoleName, 10> roleNames{{
    {ColumnRole::Study, "study", nullptr},
    {ColumnRole::MeanTreated, field::meanTreated, "m1i"},
    {ColumnRole::SdTreated, field::sdTreated, "sd1i"},
    {ColumnRole::NTreated, field::nTreated, "n1i"},
    {ColumnRole::MeanControl, field::meanControl, "m2i"},
    {ColumnRole::SdControl, field::sdControl, "sd2i"},
    {ColumnRole::NControl, field::nControl, "n2i"},
    {ColumnRole::Yi, field::yi, nullptr},
    {ColumnRole::Vi, field::vi, nullptr},
    {ColumnRole::Sei, field::sei, nullptr},
}};

constexpr std::array<ColumnRole, 6> twoGroupRoles{ColumnRole::MeanTreated, ColumnRole::SdTreated,
                                                  ColumnRole::NTreated,    ColumnRole::MeanControl,
                                                  ColumnRole::SdControl,   ColumnRole::NControl};

QString keyOf(ColumnRole role) {
    for (const auto& name : roleNames)
        if (name.role == role)
            return QString::fromLatin1(name.key);
    return {};
}

/// Sets one text field of an outcome row from the value of a column.
void assign(OutcomeRow& row, ColumnRole role, std::string value) {
    switch (role) {
    case ColumnRole::MeanTreated:
        row.treated.mean = std::move(value);
        break;
    case ColumnRole::SdTreated:
        row.treated.sd = std::move(value);
        break;
    case ColumnRole::NTreated:
        row.treated.n = std::move(value);
        break;
    case ColumnRole::MeanControl:
        row.control.mean = std::move(value);
        break;
    case ColumnRole::SdControl:
        row.control.sd = std::move(value);
        break;
    case ColumnRole::NControl:
        row.control.n = std::move(value);
        break;
    case ColumnRole::Yi:
        row.yi = std::move(value);
        break;
    case ColumnRole::Vi:
        row.vi = std::move(value);
        break;
    case ColumnRole::Sei:
        row.sei = std::move(value);
        break;
    default:
        break;
    }
}

} // namespace

QString fieldKey(ColumnRole role) {
    return role == ColumnRole::Study ? QString() : keyOf(role);
}

QList<ColumnRole> guessColumnRoles(const QStringList& header) {
    QList<ColumnRole> roles;
    for (const QString& column : header) {
        const QString name = column.trimmed();
        ColumnRole role = ColumnRole::Covariate;
        for (const auto& known : roleNames) {
            if (name.compare(QLatin1String(known.key), Qt::CaseInsensitive) == 0
                || (known.alias && name.compare(QLatin1String(known.alias), Qt::CaseInsensitive) == 0)) {
                role = known.role;
                break;
            }
        }
        roles.append(role);
    }
    return roles;
}

CsvImport importStudies(const CsvTable& table, const QList<ColumnRole>& roles, const QString& outcomeName) {
    CsvImport import;
    const QStringList& header = table.header;

    // Column names must be present and unique (case-insensitively).
    for (qsizetype c = 0; c < header.size(); ++c) {
        if (roles.value(c) == ColumnRole::Ignore)
            continue;
        if (header[c].trimmed().isEmpty())
            import.errors.append(QStringLiteral("Column %1 has no name in the header row.").arg(c + 1));
        for (qsizetype d = 0; d < c; ++d)
            if (roles.value(d) != ColumnRole::Ignore
                && header[d].trimmed().compare(header[c].trimmed(), Qt::CaseInsensitive) == 0)
                import.errors.append(
                    QStringLiteral("Column '%1' appears twice in the header (columns %2 and %3).")
                        .arg(header[c].trimmed())
                        .arg(d + 1)
                        .arg(c + 1));
    }

    QHash<ColumnRole, qsizetype> columnOf;
    for (qsizetype c = 0; c < roles.size() && c < header.size(); ++c) {
        const ColumnRole role = roles[c];
        if (role == ColumnRole::Ignore || role == ColumnRole::Covariate)
            continue;
        if (columnOf.contains(role))
            import.errors.append(
                QStringLiteral("Columns '%1' and '%2' both hold %3.")
                    .arg(header[columnOf[role]].trimmed(), header[c].trimmed(),
                         role == ColumnRole::Study ? QStringLiteral("the study label") : keyOf(role)));
        else
            columnOf.insert(role, c);
    }
    if (!columnOf.contains(ColumnRole::Study))
        import.errors.append(QStringLiteral("There is no 'study' column with the study labels."));

    QStringList missingTwoGroup;
    int presentTwoGroup = 0;
    for (ColumnRole role : twoGroupRoles) {
        if (columnOf.contains(role))
            ++presentTwoGroup;
        else
            missingTwoGroup.append(keyOf(role));
    }
    const bool hasYi = columnOf.contains(ColumnRole::Yi);
    const bool hasVariance = columnOf.contains(ColumnRole::Vi) || columnOf.contains(ColumnRole::Sei);
    Outcome outcome;
    outcome.name = outcomeName.toStdString();
    if (presentTwoGroup == 6) {
        outcome.layout = DataLayout::TwoGroupContinuous;
        if (hasYi || hasVariance)
            import.warnings.append(QStringLiteral("The yi/vi/sei columns are ignored: effect sizes are "
                                                  "computed from the group means, SDs and ns."));
    } else if (presentTwoGroup > 0) {
        import.errors.append(
            QStringLiteral("The two-group columns are incomplete: %1 %2 missing.")
                .arg(missingTwoGroup.join(QStringLiteral(", ")),
                     missingTwoGroup.size() == 1 ? QStringLiteral("is") : QStringLiteral("are")));
    } else if (hasYi && hasVariance) {
        outcome.layout = DataLayout::Precomputed;
        outcome.settings.measure = EffectMeasure::Generic;
    } else if (hasYi) {
        import.errors.append(QStringLiteral("A 'yi' column needs a 'vi' or 'sei' column beside it."));
    } else {
        import.errors.append(QStringLiteral("The data columns are missing: give mean_t, sd_t, n_t, mean_c, "
                                            "sd_c, n_c, or yi with vi or sei."));
    }
    if (!import.errors.isEmpty())
        return import;

    for (auto it = columnOf.cbegin(); it != columnOf.cend(); ++it)
        if (it.key() != ColumnRole::Study)
            import.headerOfField.insert(keyOf(it.key()), header[it.value()].trimmed());
    QList<qsizetype> covariateColumns;
    for (qsizetype c = 0; c < roles.size(); ++c)
        if (roles[c] == ColumnRole::Covariate) {
            covariateColumns.append(c);
            import.project.covariateNames.push_back(header[c].trimmed().toStdString());
        }

    for (qsizetype r = 0; r < table.records.size(); ++r) {
        const QStringList& record = table.records[r];
        Study study;
        study.id = static_cast<StudyId>(r + 1);
        study.label = record.value(columnOf[ColumnRole::Study]).toStdString();
        for (qsizetype c : covariateColumns)
            study.covariateValues.push_back(record.value(c).toStdString());
        OutcomeRow row;
        row.study = study.id;
        for (auto it = columnOf.cbegin(); it != columnOf.cend(); ++it)
            assign(row, it.key(), record.value(it.value()).toStdString());
        if (study.label.empty()) {
            study.label = "Study " + std::to_string(r + 1);
            import.warnings.append(
                QStringLiteral("Line %1: the study label is empty; the study is called '%2'.")
                    .arg(table.recordLines.value(r))
                    .arg(QString::fromStdString(study.label)));
        }
        import.project.studies.push_back(std::move(study));
        outcome.rows.push_back(std::move(row));
        import.rowLines.append(table.recordLines.value(r));
    }
    import.project.outcomes.push_back(std::move(outcome));
    return import;
}

CsvImport importCsvFile(const QString& path) {
    const CsvParseResult parsed = readCsvFile(path);
    if (!parsed.error.isEmpty()) {
        CsvImport import;
        import.errors.append(parsed.error);
        return import;
    }
    return importStudies(parsed.table, guessColumnRoles(parsed.table.header),
                         QFileInfo(path).completeBaseName());
}

QString describeIssue(const InputIssue& issue, const CsvImport& import) {
    QString where = QStringLiteral("line %1").arg(import.rowLines.value(static_cast<qsizetype>(issue.row)));
    const QString key = QString::fromStdString(issue.field);
    if (!key.isEmpty())
        where += QStringLiteral(", column '%1'").arg(import.headerOfField.value(key, key));
    return QStringLiteral("%1 (study '%2'): %3")
        .arg(where, QString::fromStdString(issue.study), QString::fromStdString(issue.message));
}

} // namespace evident::io
