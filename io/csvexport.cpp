// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvexport.h"

#include <QStringList>

#include <algorithm>
#include <functional>

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

QStringList armValues(const ArmEntry& arm, bool reported) {
    QStringList values{text(arm.mean), text(arm.sd), text(arm.n)};
    if (reported)
        values << text(std::string(dispersionKey(arm.dispersion))) << text(arm.sem) << text(arm.ciLower)
               << text(arm.ciUpper) << text(arm.ciLevel) << text(arm.q1) << text(arm.q3) << text(arm.minimum)
               << text(arm.maximum);
    return values;
}

bool isReported(const ArmEntry& arm) {
    return arm.dispersion != DispersionType::SD;
}

} // namespace

CsvContent outcomeTable(const Project& project, const Outcome& outcome) {
    const bool twoGroup = outcome.layout == DataLayout::TwoGroupContinuous;
    std::vector<ColumnGroup> groups;
    groups.push_back(
        {{QStringLiteral("study")},
         [](const OutcomeRow&, const Study*) { return true; },
         [](const OutcomeRow&, const Study* s) { return QStringList{s ? text(s->label) : QString()}; }});
    groups.push_back(
        {{QStringLiteral("arm"), QStringLiteral("control_group")},
         [](const OutcomeRow& r, const Study*) { return !r.arm.empty() || !r.controlGroup.empty(); },
         [](const OutcomeRow& r, const Study*) {
             return QStringList{text(r.arm), text(r.controlGroup)};
         }});
    groups.push_back({{QStringLiteral("include")},
                      [](const OutcomeRow& r, const Study*) { return !r.included; },
                      [](const OutcomeRow& r, const Study*) {
                          return QStringList{r.included ? QStringLiteral("yes") : QStringLiteral("no")};
                      }});
    if (twoGroup) {
        const auto reportedUsed = [](const OutcomeRow& r, const Study*) {
            return isReported(r.treated) || isReported(r.control);
        };
        bool anyReported = false;
        for (const OutcomeRow& row : outcome.rows)
            anyReported = anyReported || reportedUsed(row, nullptr);
        for (const char* suffix : {"_t", "_c"}) {
            QStringList headers;
            for (const char* name : {"mean", "sd", "n"})
                headers << QLatin1String(name) + QLatin1String(suffix);
            if (anyReported)
                for (const char* name :
                     {"dispersion", "sem", "ci_lower", "ci_upper", "ci_level", "q1", "q3", "min", "max"})
                    headers << QLatin1String(name) + QLatin1String(suffix);
            const bool treated = QLatin1String(suffix) == QLatin1String("_t");
            groups.push_back({headers, [](const OutcomeRow&, const Study*) { return true; },
                              [treated, anyReported](const OutcomeRow& r, const Study*) {
                                  return armValues(treated ? r.treated : r.control, anyReported);
                              }});
        }
        groups.push_back({{QStringLiteral("sham_mean")},
                          [](const OutcomeRow& r, const Study*) { return !r.shamMean.empty(); },
                          [](const OutcomeRow& r, const Study*) { return QStringList{text(r.shamMean)}; }});
    } else {
        groups.push_back({{QStringLiteral("yi"), QStringLiteral("vi"), QStringLiteral("sei")},
                          [](const OutcomeRow&, const Study*) { return true; },
                          [](const OutcomeRow& r, const Study*) {
                              return QStringList{text(r.yi), text(r.vi), text(r.sei)};
                          }});
    }
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
/// their values in order, "50; 100".
QString studyCharacteristic(const Project& project, const Study& study, std::size_t covariate) {
    QStringList values;
    for (const Outcome& outcome : project.outcomes)
        for (const OutcomeRow& row : outcome.rows)
            if (row.study == study.id) {
                const QString value = text(project.covariateValue(row, covariate)).trimmed();
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
    for (const Study& study : project.studies) {
        QStringList fields{text(study.label)};
        for (std::size_t c = 0; c < project.covariateNames.size(); ++c)
            fields << studyCharacteristic(project, study, c);
        if (assessed)
            for (const RobItemAssessment& item : study.riskOfBias.items)
                fields << text(std::string(judgementKey(item.judgement)));
        table.rows << fields;
    }
    return table;
}

} // namespace evident::io
