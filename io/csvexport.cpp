// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvexport.h"

#include <QStringList>

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace evident::io {
namespace {

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

/// A group of columns written when `used` holds for any row.
struct ColumnGroup {
    QStringList headers;
    std::function<bool(const OutcomeRow&, const Study*)> used;
    std::function<QStringList(const OutcomeRow&, const Study*)> values;
};

QString key(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// One column per entry field of the outcome's kind: the basic fields always, the others when a row
/// holds text in them; an arm's dispersion type after its n when any arm is not reported as mean ± SD.
void addEntryColumns(std::vector<ColumnGroup>& groups, const Outcome& outcome) {
    const bool anyReported = std::any_of(outcome.rows.begin(), outcome.rows.end(), [](const OutcomeRow& r) {
        return r.treatedDispersion != DispersionType::SD || r.controlDispersion != DispersionType::SD;
    });
    const auto always = [](const OutcomeRow&, const Study*) { return true; };
    for (const EntryFieldSpec& spec : entryFields()) {
        if (!usedByKind(spec.id, outcome.kind) || spec.id == EntryField::Arm
            || spec.id == EntryField::ControlGroup)
            continue;
        const EntryField field = spec.id;
        const bool written = spec.basic
                             || (outcome.kind == OutcomeKind::Continuous && anyReported && spec.reported)
                             || std::any_of(outcome.rows.begin(), outcome.rows.end(),
                                            [field](const OutcomeRow& r) { return !r.text(field).empty(); });
        if (!written)
            continue;
        groups.push_back({{key(spec.key)}, always, [field](const OutcomeRow& r, const Study*) {
                              return QStringList{text(r.text(field))};
                          }});
        if (spec.reported == ReportedField::N && outcome.kind == OutcomeKind::Continuous && anyReported) {
            const ArmSide side = spec.side;
            groups.push_back(
                {{key(dispersionColumnKey(side))}, always, [side](const OutcomeRow& r, const Study*) {
                     return QStringList{key(dispersionKey(r.dispersion(side)))};
                 }});
        }
    }
}

} // namespace

CsvContent outcomeTable(const Project& project, const Outcome& outcome) {
    std::vector<ColumnGroup> groups;
    groups.push_back(
        {{QStringLiteral("study")},
         [](const OutcomeRow&, const Study*) { return true; },
         [](const OutcomeRow&, const Study* s) { return QStringList{s ? text(s->label) : QString()}; }});
    groups.push_back(
        {{key(entryFieldSpec(EntryField::Arm).key), key(entryFieldSpec(EntryField::ControlGroup).key)},
         [](const OutcomeRow& r, const Study*) {
             return !r.text(EntryField::Arm).empty() || !r.text(EntryField::ControlGroup).empty();
         },
         [](const OutcomeRow& r, const Study*) {
             return QStringList{text(r.text(EntryField::Arm)), text(r.text(EntryField::ControlGroup))};
         }});
    groups.push_back({{QStringLiteral("include")},
                      [](const OutcomeRow& r, const Study*) { return !r.included; },
                      [](const OutcomeRow& r, const Study*) {
                          return QStringList{r.included ? QStringLiteral("yes") : QStringLiteral("no")};
                      }});
    addEntryColumns(groups, outcome);
    for (std::size_t c = 0; c < project.covariateNames.size(); ++c)
        groups.push_back({{text(project.covariateNames[c])},
                          [](const OutcomeRow&, const Study*) { return true; },
                          [c, &project](const OutcomeRow& r, const Study*) {
                              return QStringList{text(project.covariateValue(r, c))};
                          }});
    QStringList robHeaders;
    for (const SyrcleItem& item : syrcleItems())
        robHeaders << QStringLiteral("rob_%1").arg(text(std::string(item.key)))
                   << QStringLiteral("rob_%1_support").arg(text(std::string(item.key)));
    groups.push_back({robHeaders,
                      [](const OutcomeRow&, const Study* s) { return s && s->riskOfBias != RiskOfBias{}; },
                      [](const OutcomeRow&, const Study* s) {
                          QStringList values;
                          for (const RobItemAssessment& item : s ? s->riskOfBias.items : RiskOfBias{}.items)
                              values << text(std::string(judgementKey(item.judgement))) << text(item.support);
                          return values;
                      }});

    std::vector<const ColumnGroup*> written;
    for (const ColumnGroup& group : groups) {
        bool used = false;
        for (const OutcomeRow& row : outcome.rows)
            used = used || group.used(row, project.study(row.study));
        if (used)
            written.push_back(&group);
    }
    CsvContent table;
    for (const ColumnGroup* group : written)
        table.header << group->headers;
    for (const OutcomeRow& row : outcome.rows) {
        QStringList fields;
        for (const ColumnGroup* group : written)
            fields << group->values(row, project.study(row.study));
        table.rows << fields;
    }
    return table;
}

namespace {

/// A characteristic as a study table gives it: the study's value, or when its arms differ (two doses)
/// their values in order, "50; 100". `rows` are the study's rows in every outcome.
QString studyCharacteristic(const Project& project, const Study& study,
                            const std::vector<const OutcomeRow*>& rows, std::size_t covariate) {
    QStringList values;
    for (const OutcomeRow* row : rows) {
        const QString value = text(project.covariateValue(*row, covariate)).trimmed();
        if (!value.isEmpty() && !values.contains(value))
            values << value;
    }
    if (values.isEmpty() && covariate < study.covariateValues.size())
        return text(study.covariateValues[covariate]);
    return values.join(QStringLiteral("; "));
}

} // namespace

CsvContent characteristicsTable(const Project& project) {
    const bool assessed = std::any_of(project.studies.begin(), project.studies.end(),
                                      [](const Study& s) { return s.riskOfBias != RiskOfBias{}; });
    CsvContent table;
    table.header << QStringLiteral("study");
    for (const std::string& name : project.covariateNames)
        table.header << text(name);
    if (assessed)
        for (const SyrcleItem& item : syrcleItems())
            table.header << text(std::string(item.label));
    // Each study's rows, found in one pass rather than a pass per study.
    std::unordered_map<StudyId, std::vector<const OutcomeRow*>> rowsOf;
    for (const Outcome& outcome : project.outcomes)
        for (const OutcomeRow& row : outcome.rows)
            rowsOf[row.study].push_back(&row);
    const std::vector<const OutcomeRow*> none;
    for (const Study& study : project.studies) {
        QStringList fields{text(study.label)};
        const auto found = rowsOf.find(study.id);
        const std::vector<const OutcomeRow*>& rows = found == rowsOf.end() ? none : found->second;
        for (std::size_t c = 0; c < project.covariateNames.size(); ++c)
            fields << studyCharacteristic(project, study, rows, c);
        if (assessed)
            for (const RobItemAssessment& item : study.riskOfBias.items)
                fields << text(std::string(judgementKey(item.judgement)));
        table.rows << fields;
    }
    return table;
}

} // namespace evident::io
