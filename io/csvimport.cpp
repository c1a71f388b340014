// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvimport.h"

#include "core/common/text.h"
#include "core/project/outcomeanalysis.h"
#include "core/schema/outcomekind.h"
#include "io/qtext.h"

#include <QFileInfo>

#include <algorithm>
#include <array>
#include <utility>

namespace evident::io {
namespace {

constexpr std::array<ArmSide, 2> bothArms{ArmSide::Treated, ArmSide::Control};

/// The header names of the roles outside the entry fields.
struct NamedRole {
    ColumnRole role;
    const char* key;
    const char* alias; ///< Another accepted name, or nullptr
};

const std::array<NamedRole, 6> namedRoles{{
    {ColumnRole::Study, "study", nullptr},
    {ColumnRole::median(ArmSide::Treated), "median_t", nullptr},
    {ColumnRole::median(ArmSide::Control), "median_c", nullptr},
    {ColumnRole::dispersion(ArmSide::Treated), "dispersion_t", nullptr},
    {ColumnRole::dispersion(ArmSide::Control), "dispersion_c", nullptr},
    {ColumnRole::Include, "include", "included"},
}};

/// The header key of a role ("sd_t", "median_c", "study"), or empty.
QString keyOf(const ColumnRole& role) {
    if (role.kind == ColumnRole::Kind::Field)
        return qs(entryFieldSpec(role.field).key);
    for (const NamedRole& named : namedRoles)
        if (named.role == role)
            return QLatin1String(named.key);
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
    RecordReader(const QStringList& record, const QHash<int, qsizetype>& columnOf)
        : m_record(record)
        , m_columnOf(columnOf) {}

    bool has(const ColumnRole& role) const { return m_columnOf.contains(role.code()); }
    std::string text(const ColumnRole& role) const {
        return has(role) ? m_record.value(m_columnOf.value(role.code())).trimmed().toStdString()
                         : std::string();
    }
    bool filled(const ColumnRole& role) const { return !text(role).empty(); }

private:
    const QStringList& m_record;
    const QHash<int, qsizetype>& m_columnOf;
};

/// Sets the dispersion type of a continuous arm: the `dispersion` cell when given, else inferred from the
/// filled cells: a median goes with quartiles and/or a range; a mean with SD, SEM or a CI (in that order).
std::optional<QString> readDispersion(const RecordReader& reader, ArmSide side, bool median,
                                      OutcomeRow& row) {
    const ColumnRole typeColumn = ColumnRole::dispersion(side);
    if (reader.filled(typeColumn)) {
        const auto type = parseDispersionType(reader.text(typeColumn));
        if (!type)
            return QStringLiteral(
                       "'%1' is not a dispersion type (use SD, SEM, CI, MEDIAN_IQR, MEDIAN_RANGE or "
                       "MEDIAN_IQR_RANGE)")
                .arg(QString::fromStdString(reader.text(typeColumn)));
        row.dispersion(side) = *type;
        return std::nullopt;
    }
    const auto filled = [&](ReportedField reported) { return !row.text(armField(reported, side)).empty(); };
    const bool quartiles = filled(ReportedField::Q1) || filled(ReportedField::Q3);
    const bool range = filled(ReportedField::Minimum) || filled(ReportedField::Maximum);
    DispersionType& type = row.dispersion(side);
    if (median)
        type = quartiles && range ? DispersionType::MedianIQRRange
               : range            ? DispersionType::MedianRange
                                  : DispersionType::MedianIQR;
    else if (filled(ReportedField::SD))
        type = DispersionType::SD;
    else if (filled(ReportedField::SEM))
        type = DispersionType::SEM;
    else if (filled(ReportedField::CILower) || filled(ReportedField::CIUpper))
        type = DispersionType::CI;
    else
        type = DispersionType::SD;
    return std::nullopt;
}

bool hasField(const QHash<int, qsizetype>& columnOf, EntryField field) {
    return columnOf.contains(ColumnRole::ofField(field).code());
}

/// True when the columns can describe this continuous arm: a centre, n and a kind of dispersion.
bool continuousArmComplete(const QHash<int, qsizetype>& columnOf, ArmSide side) {
    const auto has = [&](ReportedField reported) { return hasField(columnOf, armField(reported, side)); };
    const bool centre = has(ReportedField::Centre) || columnOf.contains(ColumnRole::median(side).code());
    const bool dispersion = has(ReportedField::SD) || has(ReportedField::SEM)
                            || (has(ReportedField::CILower) && has(ReportedField::CIUpper))
                            || (has(ReportedField::Q1) && has(ReportedField::Q3))
                            || (has(ReportedField::Minimum) && has(ReportedField::Maximum));
    return centre && has(ReportedField::N) && dispersion;
}

/// True when some column holds an arm field of `kind` (a median counts for the continuous kind).
bool anyArmColumn(const QHash<int, qsizetype>& columnOf, OutcomeKind kind) {
    for (const EntryFieldSpec& spec : entryFields())
        if (spec.side != ArmSide::None && usedByKind(spec.id, kind) && spec.rule != ValueRule::Percent
            && hasField(columnOf, spec.id))
            return true;
    return kind == OutcomeKind::Continuous
           && (columnOf.contains(ColumnRole::median(ArmSide::Treated).code())
               || columnOf.contains(ColumnRole::median(ArmSide::Control).code()));
}

/// The outcome kind the columns describe, or an error.
struct KindChoice {
    std::optional<OutcomeKind> kind;
    QString error;
    QString warning;
};

KindChoice chooseKind(const QHash<int, qsizetype>& columnOf) {
    KindChoice choice;
    const bool continuous = anyArmColumn(columnOf, OutcomeKind::Continuous);
    const bool dichotomous = anyArmColumn(columnOf, OutcomeKind::Dichotomous);
    const bool hasYi = hasField(columnOf, EntryField::Yi);
    const bool hasVariance = hasField(columnOf, EntryField::Vi) || hasField(columnOf, EntryField::Sei);
    if (continuous && dichotomous) {
        choice.error =
            QStringLiteral("The file mixes continuous columns (mean, SD, n) and dichotomous columns "
                           "(events, total): import one outcome kind at a time.");
        return choice;
    }
    if (dichotomous) {
        QStringList missing;
        for (ArmSide side : bothArms)
            for (bool events : {true, false})
                if (!hasField(columnOf, binaryArmField(events, side)))
                    missing << qs(entryFieldSpec(binaryArmField(events, side)).key);
        if (!missing.isEmpty()) {
            choice.error = QStringLiteral("The dichotomous columns are incomplete: %1 %2 missing.")
                               .arg(missing.join(QStringLiteral(", ")),
                                    missing.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"));
            return choice;
        }
        choice.kind = OutcomeKind::Dichotomous;
    } else if (continuous) {
        if (!continuousArmComplete(columnOf, ArmSide::Treated)
            || !continuousArmComplete(columnOf, ArmSide::Control)) {
            QStringList missing;
            for (ArmSide side : bothArms)
                for (ReportedField reported : {ReportedField::Centre, ReportedField::SD, ReportedField::N}) {
                    const EntryField field = armField(reported, side);
                    const bool present =
                        hasField(columnOf, field)
                        || (reported == ReportedField::Centre
                            && columnOf.contains(ColumnRole::median(side).code()))
                        || (reported == ReportedField::SD && continuousArmComplete(columnOf, side));
                    if (!present)
                        missing << qs(entryFieldSpec(field).key);
                }
            if (missing.isEmpty())
                missing << QStringLiteral("a dispersion (sd, sem, ci_lower/ci_upper, q1/q3 or min/max)");
            choice.error = QStringLiteral("The two-group columns are incomplete: %1 %2 missing.")
                               .arg(missing.join(QStringLiteral(", ")),
                                    missing.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"));
            return choice;
        }
        choice.kind = OutcomeKind::Continuous;
    } else if (hasYi && hasVariance) {
        choice.kind = OutcomeKind::Generic;
    } else if (hasYi) {
        choice.error = QStringLiteral("A 'yi' column needs a 'vi' or 'sei' column beside it.");
        return choice;
    } else {
        choice.error =
            QStringLiteral("The data columns are missing: give mean_t, sd_t, n_t, mean_c, sd_c, n_c; "
                           "events_t, total_t, events_c, total_c; or yi with vi or sei.");
        return choice;
    }
    if (*choice.kind != OutcomeKind::Generic && (hasYi || hasVariance))
        choice.warning =
            QStringLiteral("The yi/vi/sei columns are ignored: effect sizes are computed from the "
                           "groups' numbers.");
    return choice;
}

} // namespace

ColumnRole ColumnRole::fromCode(int code) {
    const int kind = code / 256;
    const int field = code % 256;
    if (kind < 0 || kind > static_cast<int>(Kind::RiskOfBiasSupport) || field < 0
        || field >= static_cast<int>(entryFieldCount))
        return Ignore;
    return {static_cast<Kind>(kind), static_cast<EntryField>(field)};
}

QList<ColumnRole> allColumnRoles() {
    QList<ColumnRole> roles{ColumnRole::Study};
    for (const OutcomeKindSpec& kind : outcomeKinds())
        for (const EntryFieldSpec& spec : entryFields()) {
            const bool first = std::find_if(outcomeKinds().begin(), outcomeKinds().end(),
                                            [&](const auto& k) { return usedByKind(spec.id, k.kind); })
                                   ->kind
                               == kind.kind;
            if (!usedByKind(spec.id, kind.kind) || !first)
                continue;
            roles << ColumnRole::ofField(spec.id);
            if (spec.reported == ReportedField::Centre)
                roles << ColumnRole::median(spec.side);
            if (spec.reported == ReportedField::N)
                roles << ColumnRole::dispersion(spec.side);
        }
    roles << ColumnRole::Include << ColumnRole::RiskOfBias << ColumnRole::RiskOfBiasSupport
          << ColumnRole::Covariate << ColumnRole::Ignore;
    return roles;
}

QString columnRoleTitle(const ColumnRole& role) {
    switch (role.kind) {
    case ColumnRole::Kind::Ignore:
        return QStringLiteral("Ignore");
    case ColumnRole::Kind::Study:
        return QStringLiteral("Study label");
    case ColumnRole::Kind::Field:
        return qs(entryFieldSpec(role.field).title);
    case ColumnRole::Kind::Median:
        return QStringLiteral("Median") + qs(armSuffix(role.side()));
    case ColumnRole::Kind::Dispersion:
        return QStringLiteral("Dispersion type") + qs(armSuffix(role.side()));
    case ColumnRole::Kind::Include:
        return QStringLiteral("Include (yes/no)");
    case ColumnRole::Kind::Covariate:
        return QStringLiteral("Study characteristic");
    case ColumnRole::Kind::RiskOfBias:
        return QStringLiteral("SYRCLE judgement");
    case ColumnRole::Kind::RiskOfBiasSupport:
        break;
    }
    return QStringLiteral("SYRCLE support");
}

QString fieldKey(const ColumnRole& role) {
    if (role.kind == ColumnRole::Kind::Field || role.kind == ColumnRole::Kind::Median)
        return qs(entryFieldSpec(role.field).key); // a median is its arm's centre
    if (role.kind == ColumnRole::Kind::Dispersion)
        return keyOf(role);
    return {};
}

QList<ColumnRole> guessColumnRoles(const QStringList& header) {
    QList<ColumnRole> roles;
    for (const QString& column : header) {
        const QString name = column.trimmed();
        ColumnRole role = ColumnRole::Covariate;
        if (const auto field = entryFieldByKey(name.toStdString()))
            role = ColumnRole::ofField(*field);
        for (const NamedRole& named : namedRoles)
            if (name.compare(QLatin1String(named.key), Qt::CaseInsensitive) == 0
                || (named.alias && name.compare(QLatin1String(named.alias), Qt::CaseInsensitive) == 0))
                role = named.role;
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

    QHash<int, qsizetype> columnOf;
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
        if (columnOf.contains(role.code()))
            import.errors.append(
                QStringLiteral("Columns '%1' and '%2' both hold %3.")
                    .arg(header[columnOf[role.code()]].trimmed(), header[c].trimmed(),
                         role == ColumnRole::Study ? QStringLiteral("the study label") : keyOf(role)));
        else
            columnOf.insert(role.code(), c);
    }
    if (!columnOf.contains(ColumnRole::Study.code()))
        import.errors.append(QStringLiteral("There is no 'study' column with the study labels."));

    const KindChoice choice = chooseKind(columnOf);
    if (!choice.error.isEmpty())
        import.errors.append(choice.error);
    if (!choice.warning.isEmpty())
        import.warnings.append(choice.warning);
    Outcome outcome;
    outcome.name = outcomeName.toStdString();
    if (choice.kind) {
        outcome.kind = *choice.kind;
        outcome.settings = defaultAnalysisSettings(outcome.kind);
    }
    if (!import.errors.isEmpty())
        return import;

    for (auto it = columnOf.cbegin(); it != columnOf.cend(); ++it) {
        const QString key = fieldKey(ColumnRole::fromCode(it.key()));
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
        const ColumnRole armColumn = ColumnRole::ofField(EntryField::Arm);
        const bool multiArm = reader.has(armColumn) && !reader.text(armColumn).empty();
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
        for (const EntryFieldSpec& spec : entryFields())
            if (usedByKind(spec.id, outcome.kind))
                row.text(spec.id) = reader.text(ColumnRole::ofField(spec.id));
        if (reader.filled(ColumnRole::Include)) {
            const std::string include = toLowerAscii(reader.text(ColumnRole::Include));
            row.included =
                !(include == "no" || include == "false" || include == "0" || include == "excluded");
        }
        if (outcome.kind == OutcomeKind::Continuous)
            for (ArmSide side : bothArms) {
                // A median column fills the centre when the mean is empty.
                const EntryField centre = armField(ReportedField::Centre, side);
                const bool median = row.text(centre).empty() && reader.filled(ColumnRole::median(side));
                if (median)
                    row.text(centre) = reader.text(ColumnRole::median(side));
                if (const auto problem = readDispersion(reader, side, median, row))
                    import.errors.append(
                        QStringLiteral("line %1, column '%2' (study '%3'): %4")
                            .arg(line)
                            .arg(header[columnOf.value(ColumnRole::dispersion(side).code())].trimmed(), label,
                                 *problem));
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
