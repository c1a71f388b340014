// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvimport.h"

#include "core/common/text.h"

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

constexpr std::array<RoleName, 38> roleNames{{
    {ColumnRole::Study, "study", nullptr},
    {ColumnRole::MeanTreated, "mean_t", "m1i"},
    {ColumnRole::SdTreated, "sd_t", "sd1i"},
    {ColumnRole::NTreated, "n_t", "n1i"},
    {ColumnRole::MeanControl, "mean_c", "m2i"},
    {ColumnRole::SdControl, "sd_c", "sd2i"},
    {ColumnRole::NControl, "n_c", "n2i"},
    {ColumnRole::Yi, "yi", nullptr},
    {ColumnRole::Vi, "vi", nullptr},
    {ColumnRole::Sei, "sei", nullptr},
    {ColumnRole::MedianTreated, "median_t", nullptr},
    {ColumnRole::SemTreated, "sem_t", nullptr},
    {ColumnRole::CiLowerTreated, "ci_lower_t", nullptr},
    {ColumnRole::CiUpperTreated, "ci_upper_t", nullptr},
    {ColumnRole::CiLevelTreated, "ci_level_t", nullptr},
    {ColumnRole::Q1Treated, "q1_t", nullptr},
    {ColumnRole::Q3Treated, "q3_t", nullptr},
    {ColumnRole::MinTreated, "min_t", nullptr},
    {ColumnRole::MaxTreated, "max_t", nullptr},
    {ColumnRole::DispersionTreated, "dispersion_t", nullptr},
    {ColumnRole::MedianControl, "median_c", nullptr},
    {ColumnRole::SemControl, "sem_c", nullptr},
    {ColumnRole::CiLowerControl, "ci_lower_c", nullptr},
    {ColumnRole::CiUpperControl, "ci_upper_c", nullptr},
    {ColumnRole::CiLevelControl, "ci_level_c", nullptr},
    {ColumnRole::Q1Control, "q1_c", nullptr},
    {ColumnRole::Q3Control, "q3_c", nullptr},
    {ColumnRole::MinControl, "min_c", nullptr},
    {ColumnRole::MaxControl, "max_c", nullptr},
    {ColumnRole::DispersionControl, "dispersion_c", nullptr},
    {ColumnRole::Arm, "arm", nullptr},
    {ColumnRole::ControlGroup, "control_group", nullptr},
    {ColumnRole::ShamMean, "sham_mean", nullptr},
    {ColumnRole::Include, "include", "included"},
    {ColumnRole::RiskOfBias, "rob_<item>", nullptr},
    {ColumnRole::RiskOfBiasSupport, "rob_<item>_support", nullptr},
    {ColumnRole::Covariate, "", nullptr},
    {ColumnRole::Ignore, "", nullptr},
}};

/// The columns of one arm; `dispersion` may be absent (then inferred per row).
struct ArmColumns {
    ColumnRole mean, median, sd, sem, ciLower, ciUpper, ciLevel, q1, q3, min, max, n, dispersion;
};

constexpr ArmColumns treatedColumns{
    ColumnRole::MeanTreated,      ColumnRole::MedianTreated,  ColumnRole::SdTreated,
    ColumnRole::SemTreated,       ColumnRole::CiLowerTreated, ColumnRole::CiUpperTreated,
    ColumnRole::CiLevelTreated,   ColumnRole::Q1Treated,      ColumnRole::Q3Treated,
    ColumnRole::MinTreated,       ColumnRole::MaxTreated,     ColumnRole::NTreated,
    ColumnRole::DispersionTreated};
constexpr ArmColumns controlColumns{
    ColumnRole::MeanControl,      ColumnRole::MedianControl,  ColumnRole::SdControl,
    ColumnRole::SemControl,       ColumnRole::CiLowerControl, ColumnRole::CiUpperControl,
    ColumnRole::CiLevelControl,   ColumnRole::Q1Control,      ColumnRole::Q3Control,
    ColumnRole::MinControl,       ColumnRole::MaxControl,     ColumnRole::NControl,
    ColumnRole::DispersionControl};

QString keyOf(ColumnRole role) {
    for (const auto& name : roleNames)
        if (name.role == role)
            return QString::fromLatin1(name.key);
    return {};
}

/// The SYRCLE item a "rob_<key>" or "rob_<key>_support" header names.
std::optional<std::size_t> robItemOf(const QString& header) {
    QString name = header.trimmed().toLower();
    if (!name.startsWith(QLatin1String("rob_")))
        return std::nullopt;
    name.remove(0, 4);
    if (name.endsWith(QLatin1String("_support")))
        name.chop(8);
    return syrcleItemIndex(name.toStdString());
}

/// Reads the cells of one record by role.
class RecordReader {
public:
    RecordReader(const QStringList& record, const QHash<ColumnRole, qsizetype>& columnOf)
        : m_record(record)
        , m_columnOf(columnOf) {}

    bool has(ColumnRole role) const { return m_columnOf.contains(role); }
    std::string text(ColumnRole role) const {
        return has(role) ? m_record.value(m_columnOf.value(role)).trimmed().toStdString() : std::string();
    }
    bool filled(ColumnRole role) const { return !text(role).empty(); }

private:
    const QStringList& m_record;
    const QHash<ColumnRole, qsizetype>& m_columnOf;
};

/// Fills one arm. The dispersion type is the `dispersion` cell when given, else inferred from the filled
/// cells: a median goes with quartiles and/or a range; a mean with SD, SEM or a CI (in that order).
std::optional<QString> readArm(const RecordReader& reader, const ArmColumns& columns, ArmEntry& arm) {
    arm.n = reader.text(columns.n);
    arm.sd = reader.text(columns.sd);
    arm.sem = reader.text(columns.sem);
    arm.ciLower = reader.text(columns.ciLower);
    arm.ciUpper = reader.text(columns.ciUpper);
    arm.ciLevel = reader.text(columns.ciLevel);
    arm.q1 = reader.text(columns.q1);
    arm.q3 = reader.text(columns.q3);
    arm.minimum = reader.text(columns.min);
    arm.maximum = reader.text(columns.max);
    const bool median = reader.filled(columns.median) && !reader.filled(columns.mean);
    arm.mean = median ? reader.text(columns.median) : reader.text(columns.mean);
    if (reader.filled(columns.dispersion)) {
        const auto type = parseDispersionType(reader.text(columns.dispersion));
        if (!type)
            return QStringLiteral(
                       "'%1' is not a dispersion type (use SD, SEM, CI, MEDIAN_IQR, MEDIAN_RANGE or "
                       "MEDIAN_IQR_RANGE)")
                .arg(QString::fromStdString(reader.text(columns.dispersion)));
        arm.dispersion = *type;
        return std::nullopt;
    }
    const bool quartiles = !arm.q1.empty() || !arm.q3.empty();
    const bool range = !arm.minimum.empty() || !arm.maximum.empty();
    if (median)
        arm.dispersion = quartiles && range ? DispersionType::MedianIQRRange
                         : range            ? DispersionType::MedianRange
                                            : DispersionType::MedianIQR;
    else if (!arm.sd.empty())
        arm.dispersion = DispersionType::SD;
    else if (!arm.sem.empty())
        arm.dispersion = DispersionType::SEM;
    else if (!arm.ciLower.empty() || !arm.ciUpper.empty())
        arm.dispersion = DispersionType::CI;
    else
        arm.dispersion = DispersionType::SD;
    return std::nullopt;
}

/// True when the columns can describe this arm: a centre, n and at least one kind of dispersion.
bool armColumnsComplete(const QHash<ColumnRole, qsizetype>& columnOf, const ArmColumns& columns) {
    const auto has = [&](ColumnRole role) { return columnOf.contains(role); };
    const bool centre = has(columns.mean) || has(columns.median);
    const bool dispersion = has(columns.sd) || has(columns.sem)
                            || (has(columns.ciLower) && has(columns.ciUpper))
                            || (has(columns.q1) && has(columns.q3)) || (has(columns.min) && has(columns.max));
    return centre && has(columns.n) && dispersion;
}

bool anyArmColumn(const QHash<ColumnRole, qsizetype>& columnOf, const ArmColumns& columns) {
    for (ColumnRole role : {columns.mean, columns.median, columns.sd, columns.sem, columns.ciLower,
                            columns.ciUpper, columns.q1, columns.q3, columns.min, columns.max, columns.n})
        if (columnOf.contains(role))
            return true;
    return false;
}

} // namespace

QString fieldKey(ColumnRole role) {
    switch (role) {
    case ColumnRole::Study:
    case ColumnRole::Covariate:
    case ColumnRole::Ignore:
    case ColumnRole::RiskOfBias:
    case ColumnRole::RiskOfBiasSupport:
        return {};
    case ColumnRole::MedianTreated:
        return QString::fromLatin1(field::meanTreated); // the centre of the arm
    case ColumnRole::MedianControl:
        return QString::fromLatin1(field::meanControl);
    default:
        return keyOf(role);
    }
}

QList<ColumnRole> guessColumnRoles(const QStringList& header) {
    QList<ColumnRole> roles;
    for (const QString& column : header) {
        const QString name = column.trimmed();
        ColumnRole role = ColumnRole::Covariate;
        for (const auto& known : roleNames) {
            if (*known.key == '\0' || known.role == ColumnRole::RiskOfBias
                || known.role == ColumnRole::RiskOfBiasSupport)
                continue;
            if (name.compare(QLatin1String(known.key), Qt::CaseInsensitive) == 0
                || (known.alias && name.compare(QLatin1String(known.alias), Qt::CaseInsensitive) == 0)) {
                role = known.role;
                break;
            }
        }
        if (role == ColumnRole::Covariate && robItemOf(name))
            role = name.endsWith(QLatin1String("_support"), Qt::CaseInsensitive)
                       ? ColumnRole::RiskOfBiasSupport
                       : ColumnRole::RiskOfBias;
        roles.append(role);
    }
    return roles;
}

CsvImport importStudies(const CsvTable& table, const QList<ColumnRole>& roles, const QString& outcomeName) {
    CsvImport import;
    const QStringList& header = table.header;

    // Column names must be present and unique (case-insensitively): one hash look-up per column,
    // so files of many thousands of columns are checked in linear time.
    QHash<QString, qsizetype> firstColumnNamed;
    for (qsizetype c = 0; c < header.size(); ++c) {
        if (roles.value(c) == ColumnRole::Ignore)
            continue;
        const QString name = header[c].trimmed();
        if (name.isEmpty())
            import.errors.append(QStringLiteral("Column %1 has no name in the header row.").arg(c + 1));
        const QString key = name.toCaseFolded();
        if (const auto first = firstColumnNamed.constFind(key); first != firstColumnNamed.cend())
            import.errors.append(
                QStringLiteral("Column '%1' appears twice in the header (columns %2 and %3).")
                    .arg(name)
                    .arg(*first + 1)
                    .arg(c + 1));
        else
            firstColumnNamed.insert(key, c);
    }
    // A misspelt SYRCLE column would otherwise become a study characteristic without a word.
    for (qsizetype c = 0; c < header.size() && c < roles.size(); ++c)
        if (roles[c] == ColumnRole::Covariate && header[c].trimmed().startsWith(u"rob_", Qt::CaseInsensitive)
            && !robItemOf(header[c])) {
            QStringList keys;
            for (const SyrcleItem& item : syrcleItems())
                keys.append(QStringLiteral("rob_") + QString::fromUtf8(item.key.data(), item.key.size()));
            import.warnings.append(
                QStringLiteral("Column '%1' starts with 'rob_' but names no SYRCLE item, so "
                               "it is read as a study characteristic. The SYRCLE columns "
                               "are %2 (each may have a '_support' column).")
                    .arg(header[c].trimmed(), keys.join(QStringLiteral(", "))));
        }

    QHash<ColumnRole, qsizetype> columnOf;
    QList<qsizetype> robColumns;
    for (qsizetype c = 0; c < roles.size() && c < header.size(); ++c) {
        const ColumnRole role = roles[c];
        if (role == ColumnRole::RiskOfBias || role == ColumnRole::RiskOfBiasSupport) {
            if (robItemOf(header[c]))
                robColumns.append(c);
            else
                import.errors.append(
                    QStringLiteral("Column '%1' does not name a SYRCLE item (e.g. rob_sequence_generation).")
                        .arg(header[c].trimmed()));
            continue;
        }
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

    const bool hasYi = columnOf.contains(ColumnRole::Yi);
    const bool hasVariance = columnOf.contains(ColumnRole::Vi) || columnOf.contains(ColumnRole::Sei);
    const bool anyTwoGroup = anyArmColumn(columnOf, treatedColumns) || anyArmColumn(columnOf, controlColumns);
    const bool twoGroup =
        armColumnsComplete(columnOf, treatedColumns) && armColumnsComplete(columnOf, controlColumns);
    Outcome outcome;
    outcome.name = outcomeName.toStdString();
    if (twoGroup) {
        outcome.layout = DataLayout::TwoGroupContinuous;
        if (hasYi || hasVariance)
            import.warnings.append(QStringLiteral("The yi/vi/sei columns are ignored: effect sizes are "
                                                  "computed from the group means, SDs and ns."));
    } else if (anyTwoGroup) {
        QStringList missing;
        for (const auto* columns : {&treatedColumns, &controlColumns}) {
            for (ColumnRole role : {columns->mean, columns->sd, columns->n})
                if (!columnOf.contains(role) && !(role == columns->mean && columnOf.contains(columns->median))
                    && !(role == columns->sd && armColumnsComplete(columnOf, *columns)))
                    missing.append(keyOf(role));
        }
        if (missing.isEmpty())
            missing.append(QStringLiteral("a dispersion (sd, sem, ci_lower/ci_upper, q1/q3 or min/max)"));
        import.errors.append(QStringLiteral("The two-group columns are incomplete: %1 %2 missing.")
                                 .arg(missing.join(QStringLiteral(", ")),
                                      missing.size() == 1 ? QStringLiteral("is") : QStringLiteral("are")));
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

    for (auto it = columnOf.cbegin(); it != columnOf.cend(); ++it) {
        const QString key = fieldKey(it.key());
        if (!key.isEmpty())
            import.headerOfField.insert(key, header[it.value()].trimmed());
    }
    QList<qsizetype> covariateColumns;
    for (qsizetype c = 0; c < roles.size(); ++c)
        if (roles[c] == ColumnRole::Covariate) {
            covariateColumns.append(c);
            import.project.covariateNames.push_back(header[c].trimmed().toStdString());
        }

    // Rows with the same label belong to one study (its arms). The label's first row holds the study's
    // covariate values and risk of bias; a later arm's covariate value that differs is that arm's own
    // (doses, hydrogel), and a risk of bias that differs is reported, since it belongs to the study.
    QHash<QString, StudyId> studyOfLabel;
    QHash<StudyId, std::size_t> indexOfStudy; // a hash, not Project::study(): linear in the rows
    QHash<StudyId, int> firstLineOfStudy;
    for (qsizetype r = 0; r < table.records.size(); ++r) {
        const QStringList& record = table.records[r];
        const RecordReader reader(record, columnOf);
        const int line = table.recordLines.value(r);
        QString label = QString::fromStdString(reader.text(ColumnRole::Study));
        if (label.isEmpty()) {
            label = QStringLiteral("Study %1").arg(r + 1);
            import.warnings.append(
                QStringLiteral("Line %1: the study label is empty; the study is called '%2'.")
                    .arg(line)
                    .arg(label));
        }
        const bool multiArm = reader.has(ColumnRole::Arm) && !reader.text(ColumnRole::Arm).empty();
        StudyId id = multiArm ? studyOfLabel.value(label, 0) : 0;
        if (id == 0) {
            Study study =
                makeStudy(static_cast<StudyId>(import.project.studies.size() + 1), label.toStdString());
            for (qsizetype c : covariateColumns)
                study.covariateValues.push_back(record.value(c).trimmed().toStdString());
            for (qsizetype c : robColumns) {
                const std::size_t item = *robItemOf(header[c]);
                const QString value = record.value(c).trimmed();
                if (roles[c] == ColumnRole::RiskOfBiasSupport) {
                    study.riskOfBias.items[item].support = value.toStdString();
                } else if (const auto judgement = parseJudgement(value.toStdString())) {
                    study.riskOfBias.items[item].judgement = *judgement;
                } else {
                    import.errors.append(
                        QStringLiteral("line %1, column '%2' (study '%3'): '%4' is not a judgement "
                                       "(use low, high or unclear)")
                            .arg(line)
                            .arg(header[c].trimmed(), label, value));
                }
            }
            id = study.id;
            indexOfStudy.insert(id, import.project.studies.size());
            import.project.studies.push_back(std::move(study));
            studyOfLabel.insert(label, id);
            firstLineOfStudy.insert(id, line);
        } else {
            const Study& study = import.project.studies[indexOfStudy.value(id)];
            for (qsizetype c : robColumns) {
                const RobItemAssessment& first = study.riskOfBias.items[*robItemOf(header[c])];
                const std::string value = record.value(c).trimmed().toStdString();
                const bool differs =
                    !value.empty()
                    && (roles[c] == ColumnRole::RiskOfBiasSupport
                            ? value != first.support
                            : parseJudgement(value).value_or(first.judgement) != first.judgement);
                if (differs)
                    import.warnings.append(QStringLiteral("Line %1, column '%2' (study '%3'): risk of bias "
                                                          "is judged per study; line %4's is kept.")
                                               .arg(line)
                                               .arg(header[c].trimmed(), label)
                                               .arg(firstLineOfStudy.value(id)));
            }
        }

        OutcomeRow row;
        row.study = id;
        const Study& study = import.project.studies[indexOfStudy.value(id)];
        for (qsizetype i = 0; i < covariateColumns.size(); ++i) {
            const std::string value = record.value(covariateColumns[i]).trimmed().toStdString();
            if (value != study.covariateValues[static_cast<std::size_t>(i)])
                setArmCovariateValue(row.covariateValues, static_cast<std::size_t>(i), value);
        }
        row.arm = reader.text(ColumnRole::Arm);
        row.controlGroup = reader.text(ColumnRole::ControlGroup);
        row.shamMean = reader.text(ColumnRole::ShamMean);
        row.yi = reader.text(ColumnRole::Yi);
        row.vi = reader.text(ColumnRole::Vi);
        row.sei = reader.text(ColumnRole::Sei);
        if (reader.filled(ColumnRole::Include)) {
            const std::string include = toLowerAscii(reader.text(ColumnRole::Include));
            row.included =
                !(include == "no" || include == "false" || include == "0" || include == "excluded");
        }
        if (outcome.layout == DataLayout::TwoGroupContinuous) {
            for (const auto& [columns, arm] :
                 {std::pair{&treatedColumns, &row.treated}, {&controlColumns, &row.control}})
                if (const auto problem = readArm(reader, *columns, *arm))
                    import.errors.append(
                        QStringLiteral("line %1, column '%2' (study '%3'): %4")
                            .arg(line)
                            .arg(header[columnOf.value(columns->dispersion)].trimmed(), label, *problem));
        }
        outcome.rows.push_back(std::move(row));
        import.rowLines.append(line);
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
    CsvImport import = importStudies(parsed.table, guessColumnRoles(parsed.table.header),
                                     QFileInfo(path).completeBaseName());
    import.warnings = parsed.notes + import.warnings;
    return import;
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
