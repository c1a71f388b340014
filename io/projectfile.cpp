// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/projectfile.h"

#include "core/common/text.h"
#include "core/plotdata/figureregistry.h"
#include "core/project/outcomeanalysis.h"
#include "core/schema/outcomekind.h"
#include "io/qtext.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <cmath>
#include <functional>

namespace evident::io {
namespace {

// Keys of enumerations the core has no key functions for.
constexpr const char* fixedModelKey = "fixed";
constexpr const char* randomModelKey = "random";

QJsonValue text(const std::string& value) {
    return QString::fromStdString(value);
}

/// A study id: a whole number from 1 to 2^53, which a JSON number (a double) holds exactly. Checked
/// before any cast, since casting a double out of an integer's range is undefined.
std::optional<StudyId> wholeId(const QJsonValue& value) {
    const double number = value.toDouble(-1);
    if (!value.isDouble() || !(number >= 1 && number <= 9007199254740992.0) || number != std::floor(number))
        return std::nullopt;
    return static_cast<StudyId>(number);
}

/// Removes NUL characters ("\u0000" in the file), which no cell or name can hold; true if any was.
bool stripNul(QString& text) {
    const qsizetype before = text.size();
    text.remove(QChar(0));
    return text.size() != before;
}

// --- Writing -------------------------------------------------------------------------------

/// The key of an entry field in the file: an arm field's key without its arm suffix, inside the arm's
/// object ("sd" in "treated"); the others by their key, in the row ("yi", "arm").
QString fileKey(const EntryFieldSpec& spec) {
    std::string_view key = spec.key;
    if (spec.side != ArmSide::None)
        key.remove_suffix(2); // "_t" or "_c"
    return qs(key);
}

const char* armObjectKey(ArmSide side) {
    return side == ArmSide::Treated ? "treated" : "control";
}

QJsonObject rowToJson(const OutcomeRow& row, OutcomeKind kind,
                      const std::vector<std::string>& covariateNames) {
    QJsonObject object{{QStringLiteral("study"), static_cast<double>(row.study)},
                       {QStringLiteral("included"), row.included}};
    // The basic fields of the outcome's kind are always written; every other field only when it holds
    // text, so nothing typed is lost when a kind or a dispersion type changes.
    const auto written = [&](const EntryFieldSpec& spec) {
        return (spec.basic && usedByKind(spec.id, kind)) || !row.text(spec.id).empty();
    };
    for (ArmSide side : {ArmSide::Treated, ArmSide::Control}) {
        QJsonObject arm;
        if (kind == OutcomeKind::Continuous || row.dispersion(side) != DispersionType::SD)
            arm.insert(QStringLiteral("dispersion"), qs(dispersionKey(row.dispersion(side))));
        for (const EntryFieldSpec& spec : entryFields())
            if (spec.side == side && written(spec))
                arm.insert(fileKey(spec), text(row.text(spec.id)));
        if (!arm.isEmpty())
            object.insert(QLatin1String(armObjectKey(side)), arm);
    }
    for (const EntryFieldSpec& spec : entryFields())
        if (spec.side == ArmSide::None && written(spec))
            object.insert(fileKey(spec), text(row.text(spec.id)));
    // The arm's own covariate values (a dose, a hydrogel); the others are the study's.
    QJsonObject covariates;
    for (std::size_t c = 0; c < covariateNames.size() && c < row.covariateValues.size(); ++c)
        if (!row.covariateValues[c].empty())
            covariates.insert(QString::fromStdString(covariateNames[c]), text(row.covariateValues[c]));
    if (!covariates.isEmpty())
        object.insert(QStringLiteral("covariates"), covariates);
    return object;
}

QJsonObject figureToJson(const FigureSettings& figure) {
    return {{QStringLiteral("width_mm"), figure.widthMm},
            {QStringLiteral("height_mm"), figure.heightMm},
            {QStringLiteral("dpi"), figure.dpi},
            {QStringLiteral("format"), text(figure.format)},
            {QStringLiteral("font_family"), text(figure.fontFamily)},
            {QStringLiteral("font_point_size"), figure.fontPointSize},
            {QStringLiteral("favours_left"), text(figure.favoursLeft)},
            {QStringLiteral("favours_right"), text(figure.favoursRight)},
            {QStringLiteral("contours"), figure.contours},
            {QStringLiteral("risk_of_bias"), figure.riskOfBias}};
}

QJsonObject outcomeToJson(const Outcome& outcome, const std::vector<std::string>& covariateNames) {
    const AnalysisSettings& s = outcome.settings;
    QJsonObject analysis{{QStringLiteral("measure"), qs(measureKey(s.measure))},
                         {QStringLiteral("tau2_estimator"), qs(estimatorKey(s.estimator))},
                         {QStringLiteral("ci_method"), qs(inferenceKey(s.inference))},
                         {QStringLiteral("prediction_interval"), s.showPredictionInterval},
                         {QStringLiteral("subgroup"), text(s.subgroup)},
                         {QStringLiteral("cumulative_order"), text(s.cumulativeOrder)}};
    if (outcome.kind == OutcomeKind::Dichotomous) {
        analysis.insert(QStringLiteral("pooling"), qs(poolingKey(s.pooling)));
        analysis.insert(QStringLiteral("keep_double_zero"), s.keepDoubleZero);
        analysis.insert(QStringLiteral("revman5_zero_cells"), s.revman5ZeroCells);
    }
    const TsaSettings& t = outcome.tsa;
    QJsonObject tsa{{QStringLiteral("model"),
                     QLatin1String(t.model == TsaModel::FixedEffect ? fixedModelKey : randomModelKey)},
                    {QStringLiteral("heterogeneity_adjustment"), qs(adjustmentKey(t.adjustment))},
                    {QStringLiteral("alpha"), t.alpha},
                    {QStringLiteral("beta"), t.beta},
                    {QStringLiteral("minimal_relevant_effect"), t.minimalRelevantEffect},
                    {QStringLiteral("sd"), t.standardDeviation},
                    {QStringLiteral("spending"), qs(spendingKey(t.spending))},
                    {QStringLiteral("futility"), t.futility},
                    {QStringLiteral("power_adjusted"), t.powerAdjusted},
                    {QStringLiteral("order_column"), text(t.orderColumn)}};
    if (outcome.kind == OutcomeKind::Dichotomous)
        tsa.insert(QStringLiteral("control_risk"), t.controlRisk);
    QJsonObject figures;
    for (const FigureType& type : figureTypes())
        figures.insert(qs(type.projectKey), figureToJson(figureSettings(outcome.figures, type.kind)));
    QJsonArray rows;
    for (const auto& row : outcome.rows)
        rows.append(rowToJson(row, outcome.kind, covariateNames));
    return {{QStringLiteral("name"), text(outcome.name)},
            {QStringLiteral("lower_is_better"), outcome.lowerIsBetter},
            {QStringLiteral("kind"), qs(outcomeKindSpec(outcome.kind).key)},
            {QStringLiteral("analysis"), analysis},
            {QStringLiteral("shared_control"), qs(sharedControlMethodKey(outcome.sharedControl))},
            {QStringLiteral("tsa"), tsa},
            {QStringLiteral("figures"), figures},
            {QStringLiteral("rows"), rows}};
}

// --- Reading -------------------------------------------------------------------------------

/// Reads the members of one JSON object, recording the first error with the place it occurred
/// ("outcome 'Fibrosis', row 3 (study 'Author C 2018')") and warning about keys it never asked for.
class ObjectReader {
public:
    ObjectReader(const QJsonObject& object, QString place, QString& error, QStringList& warnings)
        : m_object(object)
        , m_place(std::move(place))
        , m_error(error)
        , m_warnings(warnings) {}

    ~ObjectReader() {
        if (!m_error.isEmpty())
            return;
        for (auto it = m_object.begin(); it != m_object.end(); ++it)
            if (!m_asked.contains(it.key()))
                m_warnings.append(QStringLiteral("%1: the entry '%2' is not known to this version of "
                                                 "Evident and was left out.")
                                      .arg(m_place, it.key()));
    }

    bool ok() const { return m_error.isEmpty(); }
    const QString& place() const { return m_place; }

    bool has(const char* key) {
        m_asked.insert(QString::fromUtf8(key));
        return m_object.contains(QString::fromUtf8(key));
    }

    /// A text cell. Numbers are accepted and written back as the shortest text that reads the same,
    /// because hand-written files often hold 12 where the app would write "12".
    void readText(const char* key, std::string& out, bool required = false) {
        const QJsonValue value = take(key, required);
        if (value.isUndefined() || value.isNull())
            return;
        if (value.isString()) {
            QString string = value.toString();
            if (stripNul(string))
                m_warnings.append(
                    QStringLiteral("%1: '%2' held NUL characters (\\u0000), which were removed.")
                        .arg(m_place, QString::fromUtf8(key)));
            out = string.toStdString();
        } else if (value.isDouble())
            out = formatShortest(value.toDouble());
        else
            fail(key, QStringLiteral("must be text"));
    }

    void readBool(const char* key, bool& out) {
        const QJsonValue value = take(key, false);
        if (value.isUndefined())
            return;
        if (value.isBool())
            out = value.toBool();
        else
            fail(key, QStringLiteral("must be true or false"));
    }

    void readNumber(const char* key, double& out) {
        const QJsonValue value = take(key, false);
        if (value.isUndefined())
            return;
        if (value.isDouble())
            out = value.toDouble();
        else
            fail(key, QStringLiteral("must be a number"));
    }

    /// An enumeration stored by its key; `parse` returns nullopt for unknown keys.
    template <typename Enum>
    void readKey(const char* key, Enum& out,
                 const std::function<std::optional<Enum>(std::string_view)>& parse, const QString& allowed) {
        const QJsonValue value = take(key, false);
        if (value.isUndefined())
            return;
        if (!value.isString()) {
            fail(key, QStringLiteral("must be one of %1").arg(allowed));
            return;
        }
        const std::string name = value.toString().toStdString();
        if (const auto parsed = parse(name))
            out = *parsed;
        else
            fail(key, QStringLiteral("'%1' is not one of %2").arg(value.toString(), allowed));
    }

    /// A member that must be an object (or absent when not required).
    std::optional<QJsonObject> object(const char* key, bool required = false) {
        const QJsonValue value = take(key, required);
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isObject()) {
            fail(key, QStringLiteral("must be an object ({ … })"));
            return std::nullopt;
        }
        return value.toObject();
    }

    std::optional<QJsonArray> array(const char* key, bool required = false) {
        const QJsonValue value = take(key, required);
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isArray()) {
            fail(key, QStringLiteral("must be a list ([ … ])"));
            return std::nullopt;
        }
        return value.toArray();
    }

    QJsonValue take(const char* key, bool required) {
        m_asked.insert(QString::fromUtf8(key));
        const QJsonValue value = m_object.value(QString::fromUtf8(key));
        if (value.isUndefined() && required)
            fail(key, QStringLiteral("is missing"));
        return value;
    }

    void fail(const char* key, const QString& problem) {
        failWith(QStringLiteral("'%1' %2").arg(QString::fromUtf8(key), problem));
    }

    void failWith(const QString& problem) {
        if (m_error.isEmpty())
            m_error = m_place.isEmpty() ? problem : QStringLiteral("%1: %2").arg(m_place, problem);
    }

private:
    QJsonObject m_object;
    QString m_place;
    QString& m_error;
    QStringList& m_warnings;
    QSet<QString> m_asked;
};

template <typename Enum>
std::function<std::optional<Enum>(std::string_view)>
parserOf(std::optional<Enum> (*parse)(std::string_view)) {
    return parse;
}

template <typename Enum>
std::function<std::optional<Enum>(std::string_view)>
exactKeys(std::initializer_list<std::pair<Enum, std::string_view>> keys) {
    std::vector<std::pair<Enum, std::string_view>> list(keys);
    return [list](std::string_view name) -> std::optional<Enum> {
        for (const auto& [value, key] : list)
            if (equalsIgnoringCase(name, key))
                return value;
        return std::nullopt;
    };
}

QString measureKeysList() {
    QStringList keys;
    for (const OutcomeKindSpec& kind : outcomeKinds())
        for (EffectMeasure m : kind.measures)
            keys.append(qs(measureKey(m)));
    return keys.join(QStringLiteral(", "));
}

class ProjectReader {
public:
    ProjectReadResult read(const QJsonObject& root) {
        ProjectReadResult result;
        Project project;
        {
            ObjectReader top(root, QString(), m_error, m_warnings);
            if (!checkHeader(top))
                return failed();
            top.readText("title", project.title);
            top.readText("notes", project.notes);
            if (const auto names = top.array("covariates"))
                readCovariateNames(*names, project);
            if (const auto studies = top.array("studies", true); studies && top.ok())
                readStudies(*studies, project);
            if (const auto outcomes = top.array("outcomes", true); outcomes && top.ok())
                readOutcomes(*outcomes, project);
            if (!top.ok())
                return failed();
        }
        if (!m_error.isEmpty())
            return failed();
        result.project = std::move(project);
        result.warnings = m_warnings;
        return result;
    }

private:
    ProjectReadResult failed() {
        ProjectReadResult result;
        result.error = m_error;
        return result;
    }

    bool checkHeader(ObjectReader& top) {
        const QJsonValue format = top.take("format", false);
        if (format.toString() != QLatin1String(projectFormatName)) {
            top.failWith(QStringLiteral("This is not an Evident project: the \"format\" entry should be "
                                        "\"%1\".")
                             .arg(QLatin1String(projectFormatName)));
            return false;
        }
        const QJsonValue version = top.take("schema_version", false);
        const double number = version.toDouble(-1);
        if (!version.isDouble() || number < 1 || number != std::floor(number)) {
            top.failWith(QStringLiteral("The \"schema_version\" entry is missing or not a whole number."));
            return false;
        }
        if (number > projectSchemaVersion) {
            top.failWith(QStringLiteral("The project was saved by a newer version of Evident (file schema "
                                        "version %1; this version reads up to %2). Please update Evident "
                                        "to open it.")
                             .arg(number, 0, 'g', 15) // a double: 1e300 would not fit an integer
                             .arg(projectSchemaVersion));
            return false;
        }
        top.has("generator"); // informational only
        return true;
    }

    void readCovariateNames(const QJsonArray& names, Project& project) {
        for (qsizetype i = 0; i < names.size(); ++i) {
            QString name = names[i].toString();
            if (stripNul(name))
                m_warnings.append(
                    QStringLiteral("covariate %1: the name held NUL characters (\\u0000), which "
                                   "were removed.")
                        .arg(i + 1));
            name = name.trimmed();
            if (!names[i].isString() || name.isEmpty()) {
                setError(QStringLiteral("covariate %1: the name must be non-empty text").arg(i + 1));
                return;
            }
            if (project.covariateIndex(name.toStdString())) {
                setError(QStringLiteral("covariate %1: the name '%2' appears twice (names are compared "
                                        "without regard to case)")
                             .arg(i + 1)
                             .arg(name));
                return;
            }
            project.covariateNames.push_back(name.toStdString());
        }
    }

    void readStudies(const QJsonArray& studies, Project& project) {
        QSet<StudyId> ids;
        for (qsizetype i = 0; i < studies.size() && m_error.isEmpty(); ++i) {
            const QString place = QStringLiteral("study %1").arg(i + 1);
            if (!studies[i].isObject()) {
                setError(QStringLiteral("%1: must be an object ({ … })").arg(place));
                return;
            }
            const QJsonObject object = studies[i].toObject();
            Study study;
            const QString label = object.value(QLatin1String("label")).toString().remove(QChar(0));
            ObjectReader reader(object,
                                label.isEmpty() ? place : QStringLiteral("%1 ('%2')").arg(place, label),
                                m_error, m_warnings);
            study.id = readId(reader, "id");
            reader.readText("label", study.label, true);
            if (reader.ok() && ids.contains(study.id))
                reader.fail("id", QStringLiteral("%1 is used by another study").arg(study.id));
            ids.insert(study.id);
            study.covariateValues.assign(project.covariateNames.size(), std::string());
            if (const auto values = reader.object("covariates"); values && reader.ok()) {
                ObjectReader valueReader(*values, reader.place() + QStringLiteral(", covariates"), m_error,
                                         m_warnings);
                for (std::size_t c = 0; c < project.covariateNames.size(); ++c)
                    valueReader.readText(project.covariateNames[c].c_str(), study.covariateValues[c]);
            }
            if (const auto assessment = reader.object("risk_of_bias"); assessment && reader.ok())
                readRiskOfBias(*assessment, reader.place() + QStringLiteral(", risk of bias"),
                               study.riskOfBias);
            project.studies.push_back(std::move(study));
        }
    }

    void readRiskOfBias(const QJsonObject& object, const QString& place, RiskOfBias& assessment) {
        ObjectReader reader(object, place, m_error, m_warnings);
        for (std::size_t i = 0; i < syrcleItemCount; ++i) {
            const std::string key(syrcleItems()[i].key);
            if (const auto item = reader.object(key.c_str()); item && reader.ok()) {
                ObjectReader itemReader(*item, place + QStringLiteral(", ") + qs(key), m_error, m_warnings);
                itemReader.readKey<RobJudgement>("judgement", assessment.items[i].judgement,
                                                 parserOf(&parseJudgement),
                                                 QStringLiteral("low, high, unclear"));
                itemReader.readText("support", assessment.items[i].support);
            }
        }
    }

    StudyId readId(ObjectReader& reader, const char* key) {
        const QJsonValue value = reader.take(key, true);
        if (!reader.ok())
            return 0;
        const auto id = wholeId(value);
        if (!id)
            reader.fail(key, QStringLiteral("must be a whole number of at least 1"));
        return id.value_or(0);
    }

    void readOutcomes(const QJsonArray& outcomes, Project& project) {
        for (qsizetype i = 0; i < outcomes.size() && m_error.isEmpty(); ++i) {
            if (!outcomes[i].isObject()) {
                setError(QStringLiteral("outcome %1: must be an object ({ … })").arg(i + 1));
                return;
            }
            const QJsonObject object = outcomes[i].toObject();
            const QString name = object.value(QLatin1String("name")).toString().remove(QChar(0));
            const QString place = name.isEmpty() ? QStringLiteral("outcome %1").arg(i + 1)
                                                 : QStringLiteral("outcome '%1'").arg(name);
            Outcome outcome;
            ObjectReader reader(object, place, m_error, m_warnings);
            reader.readText("name", outcome.name, true);
            reader.readBool("lower_is_better", outcome.lowerIsBetter);
            // Schema 3 names the kind; schemas 1 and 2 had "layout" with the kinds' legacy keys.
            QStringList kindKeys;
            for (const OutcomeKindSpec& spec : outcomeKinds())
                kindKeys << qs(spec.key);
            reader.readKey<OutcomeKind>(reader.has("kind") ? "kind" : "layout", outcome.kind,
                                        parserOf(&parseOutcomeKind), kindKeys.join(QStringLiteral(", ")));
            outcome.settings = defaultAnalysisSettings(outcome.kind);
            if (const auto analysis = reader.object("analysis"); analysis && reader.ok())
                readAnalysis(*analysis, place + QStringLiteral(", analysis"), outcome.settings);
            if (reader.ok() && !kindOffers(outcome.kind, outcome.settings.measure))
                reader.fail("analysis", QStringLiteral("the measure %1 does not fit a %2 outcome")
                                            .arg(qs(measureKey(outcome.settings.measure)),
                                                 qs(outcomeKindSpec(outcome.kind).key)));
            reader.readKey<SharedControlMethod>("shared_control", outcome.sharedControl,
                                                parserOf(&parseSharedControlMethod),
                                                QStringLiteral("SPLIT_CONTROL, COMBINE_TREATMENTS"));
            if (const auto tsa = reader.object("tsa"); tsa && reader.ok())
                readTsa(*tsa, place + QStringLiteral(", tsa"), outcome.tsa);
            if (const auto figures = reader.object("figures"); figures && reader.ok()) {
                ObjectReader figureReader(*figures, place + QStringLiteral(", figures"), m_error, m_warnings);
                // Schema 2 files have forest, funnel, tsa and rob_summary; a file without the
                // others gets their defaults. The command line's spelling ("rob-summary") is read too.
                for (const FigureType& type : figureTypes())
                    for (const std::string_view spelling : {type.projectKey, type.key}) {
                        const std::string key(spelling);
                        const auto settings = figureReader.object(key.c_str());
                        if (settings && figureReader.ok()) {
                            readFigure(*settings, figureReader.place() + QStringLiteral(", ") + qs(spelling),
                                       figureSettings(outcome.figures, type.kind));
                            break;
                        }
                    }
            }
            if (const auto rows = reader.array("rows"); rows && reader.ok())
                readRows(*rows, place, project, outcome);
            project.outcomes.push_back(std::move(outcome));
        }
    }

    void readAnalysis(const QJsonObject& object, const QString& place, AnalysisSettings& settings) {
        ObjectReader reader(object, place, m_error, m_warnings);
        reader.readKey<EffectMeasure>("measure", settings.measure, parserOf(&parseMeasure),
                                      measureKeysList());
        reader.readKey<Tau2Estimator>("tau2_estimator", settings.estimator, parserOf(&parseEstimator),
                                      QStringLiteral("FE, DL, REML, ML, PM, EB, HE, SJ"));
        reader.readKey<InferenceMethod>("ci_method", settings.inference, parserOf(&parseInference),
                                        QStringLiteral("z, hksj"));
        reader.readBool("prediction_interval", settings.showPredictionInterval);
        reader.readText("subgroup", settings.subgroup);
        reader.readText("cumulative_order", settings.cumulativeOrder);
        reader.readKey<PoolingMethod>("pooling", settings.pooling, parserOf(&parsePooling),
                                      QStringLiteral("IV, MH, PETO"));
        reader.readBool("keep_double_zero", settings.keepDoubleZero);
        reader.readBool("revman5_zero_cells", settings.revman5ZeroCells);
    }

    void readTsa(const QJsonObject& object, const QString& place, TsaSettings& settings) {
        ObjectReader reader(object, place, m_error, m_warnings);
        reader.readKey<TsaModel>("model", settings.model,
                                 exactKeys<TsaModel>({{TsaModel::FixedEffect, fixedModelKey},
                                                      {TsaModel::RandomEffects, randomModelKey}}),
                                 QStringLiteral("fixed, random"));
        reader.readKey<HeterogeneityAdjustment>(
            "heterogeneity_adjustment", settings.adjustment,
            exactKeys<HeterogeneityAdjustment>(
                {{HeterogeneityAdjustment::None, adjustmentKey(HeterogeneityAdjustment::None)},
                 {HeterogeneityAdjustment::Diversity, adjustmentKey(HeterogeneityAdjustment::Diversity)},
                 {HeterogeneityAdjustment::Inconsistency,
                  adjustmentKey(HeterogeneityAdjustment::Inconsistency)}}),
            QStringLiteral("none, D2, I2"));
        reader.readNumber("alpha", settings.alpha);
        reader.readNumber("beta", settings.beta);
        reader.readNumber("minimal_relevant_effect", settings.minimalRelevantEffect);
        reader.readNumber("sd", settings.standardDeviation);
        reader.readNumber("control_risk", settings.controlRisk);
        reader.readKey<SpendingFunction>("spending", settings.spending, parserOf(&parseSpending),
                                         QStringLiteral("OBF, Pocock"));
        reader.readBool("futility", settings.futility);
        reader.readBool("power_adjusted", settings.powerAdjusted);
        reader.readText("order_column", settings.orderColumn);
    }

    void readFigure(const QJsonObject& object, const QString& place, FigureSettings& figure) {
        ObjectReader reader(object, place, m_error, m_warnings);
        reader.readNumber("width_mm", figure.widthMm);
        reader.readNumber("height_mm", figure.heightMm);
        reader.readNumber("dpi", figure.dpi);
        reader.readText("format", figure.format);
        reader.readText("font_family", figure.fontFamily);
        reader.readNumber("font_point_size", figure.fontPointSize);
        reader.readText("favours_left", figure.favoursLeft);
        reader.readText("favours_right", figure.favoursRight);
        reader.readBool("contours", figure.contours);
        reader.readBool("risk_of_bias", figure.riskOfBias);
    }

    void readRows(const QJsonArray& rows, const QString& outcomePlace, const Project& project,
                  Outcome& outcome) {
        // A hash, not Project::study() (a linear search): reading stays linear in the rows.
        QHash<StudyId, const Study*> studyOfId;
        for (const Study& study : project.studies)
            studyOfId.insert(study.id, &study);
        for (qsizetype i = 0; i < rows.size() && m_error.isEmpty(); ++i) {
            QString place = QStringLiteral("%1, row %2").arg(outcomePlace).arg(i + 1);
            if (!rows[i].isObject()) {
                setError(QStringLiteral("%1: must be an object ({ … })").arg(place));
                return;
            }
            const QJsonObject object = rows[i].toObject();
            // Only a valid id names the study in messages; readId() below reports a bad one.
            if (const auto studyId = wholeId(object.value(QLatin1String("study"))))
                if (const Study* study = studyOfId.value(*studyId))
                    place += QStringLiteral(" (study '%1')").arg(QString::fromStdString(study->label));
            ObjectReader reader(object, place, m_error, m_warnings);
            OutcomeRow row;
            row.study = readId(reader, "study");
            if (reader.ok() && !studyOfId.contains(row.study))
                reader.fail("study",
                            QStringLiteral("%1 is not the id of any study in the file").arg(row.study));
            reader.readBool("included", row.included);
            for (ArmSide side : {ArmSide::Treated, ArmSide::Control})
                if (const auto entry = reader.object(armObjectKey(side)); entry && reader.ok()) {
                    ObjectReader armReader(*entry,
                                           place + QStringLiteral(", ") + QLatin1String(armObjectKey(side)),
                                           m_error, m_warnings);
                    armReader.readKey<DispersionType>("dispersion", row.dispersion(side),
                                                      parserOf(&parseDispersionType),
                                                      QStringLiteral("SD, SEM, CI, MEDIAN_IQR, MEDIAN_RANGE, "
                                                                     "MEDIAN_IQR_RANGE"));
                    for (const EntryFieldSpec& spec : entryFields())
                        if (spec.side == side)
                            armReader.readText(fileKey(spec).toUtf8().constData(), row.text(spec.id));
                }
            for (const EntryFieldSpec& spec : entryFields())
                if (spec.side == ArmSide::None)
                    reader.readText(fileKey(spec).toUtf8().constData(), row.text(spec.id));
            if (const auto values = reader.object("covariates"); values && reader.ok()) {
                ObjectReader valueReader(*values, place + QStringLiteral(", covariates"), m_error,
                                         m_warnings);
                for (std::size_t c = 0; c < project.covariateNames.size(); ++c) {
                    std::string value;
                    valueReader.readText(project.covariateNames[c].c_str(), value);
                    setArmCovariateValue(row.covariateValues, c, std::move(value));
                }
            }
            outcome.rows.push_back(std::move(row));
        }
    }

    void setError(const QString& error) {
        if (m_error.isEmpty())
            m_error = error;
    }

    QString m_error;
    QStringList m_warnings;
};

/// "line 12, column 5" for a byte offset into the file.
QString lineAndColumn(const QByteArray& bytes, qsizetype offset) {
    offset = std::clamp<qsizetype>(offset, 0, bytes.size());
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i)
        if (bytes[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    return QStringLiteral("line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

} // namespace

QByteArray projectToJson(const Project& project) {
    QJsonArray covariates;
    for (const auto& name : project.covariateNames)
        covariates.append(text(name));
    QJsonArray studies;
    for (const auto& study : project.studies) {
        QJsonObject values;
        for (std::size_t c = 0; c < project.covariateNames.size(); ++c)
            values.insert(QString::fromStdString(project.covariateNames[c]),
                          text(c < study.covariateValues.size() ? study.covariateValues[c] : std::string()));
        QJsonObject object{{QStringLiteral("id"), static_cast<double>(study.id)},
                           {QStringLiteral("label"), text(study.label)},
                           {QStringLiteral("covariates"), values}};
        QJsonObject riskOfBias;
        for (std::size_t i = 0; i < syrcleItemCount; ++i) {
            const RobItemAssessment& item = study.riskOfBias.items[i];
            if (item != RobItemAssessment{})
                riskOfBias.insert(qs(syrcleItems()[i].key),
                                  QJsonObject{{QStringLiteral("judgement"), qs(judgementKey(item.judgement))},
                                              {QStringLiteral("support"), text(item.support)}});
        }
        if (!riskOfBias.isEmpty())
            object.insert(QStringLiteral("risk_of_bias"), riskOfBias);
        studies.append(object);
    }
    QJsonArray outcomes;
    for (const auto& outcome : project.outcomes)
        outcomes.append(outcomeToJson(outcome, project.covariateNames));
    const QJsonObject root{{QStringLiteral("format"), QLatin1String(projectFormatName)},
                           {QStringLiteral("schema_version"), projectSchemaVersion},
                           {QStringLiteral("generator"), QStringLiteral("Evident")},
                           {QStringLiteral("title"), text(project.title)},
                           {QStringLiteral("notes"), text(project.notes)},
                           {QStringLiteral("covariates"), covariates},
                           {QStringLiteral("studies"), studies},
                           {QStringLiteral("outcomes"), outcomes}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

ProjectReadResult projectFromJson(const QByteArray& json) {
    ProjectReadResult result;
    if (json.trimmed().isEmpty()) {
        result.error = QStringLiteral("The file is empty.");
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const bool atEnd = parseError.offset >= json.trimmed().size() - 1;
        result.error =
            QStringLiteral("The file is not valid JSON at %1: %2.%3")
                .arg(lineAndColumn(json, parseError.offset), parseError.errorString(),
                     atEnd ? QStringLiteral(" It ends too early: it may have been cut off (truncated).")
                           : QString());
        return result;
    }
    if (!document.isObject()) {
        result.error =
            QStringLiteral("This is not an Evident project: the file does not hold a JSON object.");
        return result;
    }
    return ProjectReader().read(document.object());
}

ProjectReadResult readProjectFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ProjectReadResult result;
        result.error = QStringLiteral("Cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    return projectFromJson(file.readAll());
}

QString writeProjectFile(const Project& project, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
    const QByteArray bytes = projectToJson(project);
    if (file.write(bytes) != bytes.size()) {
        const QString error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return error;
    }
    if (!file.commit())
        return QStringLiteral("Cannot save %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace evident::io
