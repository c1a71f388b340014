// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/cellfield.h"

#include "core/common/text.h"
#include "core/project/preparation.h"

#include <array>

namespace evident::ui {
namespace {

/// Every arm field: (row field, reported field, treated).
struct ArmFieldEntry {
    RowField field;
    ReportedField reported;
    bool treated;
};

constexpr std::array<ArmFieldEntry, 22> armFields{{
    {RowField::NTreated, ReportedField::N, true},
    {RowField::MeanTreated, ReportedField::Centre, true},
    {RowField::SdTreated, ReportedField::SD, true},
    {RowField::SemTreated, ReportedField::SEM, true},
    {RowField::CiLowerTreated, ReportedField::CILower, true},
    {RowField::CiUpperTreated, ReportedField::CIUpper, true},
    {RowField::CiLevelTreated, ReportedField::CILevel, true},
    {RowField::Q1Treated, ReportedField::Q1, true},
    {RowField::Q3Treated, ReportedField::Q3, true},
    {RowField::MinTreated, ReportedField::Minimum, true},
    {RowField::MaxTreated, ReportedField::Maximum, true},
    {RowField::NControl, ReportedField::N, false},
    {RowField::MeanControl, ReportedField::Centre, false},
    {RowField::SdControl, ReportedField::SD, false},
    {RowField::SemControl, ReportedField::SEM, false},
    {RowField::CiLowerControl, ReportedField::CILower, false},
    {RowField::CiUpperControl, ReportedField::CIUpper, false},
    {RowField::CiLevelControl, ReportedField::CILevel, false},
    {RowField::Q1Control, ReportedField::Q1, false},
    {RowField::Q3Control, ReportedField::Q3, false},
    {RowField::MinControl, ReportedField::Minimum, false},
    {RowField::MaxControl, ReportedField::Maximum, false},
}};

/// "SEM (treated)": the name prepareOutcome() gives the field in its messages, capitalised.
std::string armFieldTitle(ReportedField reported, bool treated) {
    static const std::array<const char*, 11> names{
        "n",  "Mean", "SD",      "SEM",    "CI lower limit", "CI upper limit", "CI level (%)",
        "Q1", "Q3",   "Minimum", "Maximum"};
    return std::string(names[static_cast<std::size_t>(reported)]) + (treated ? " (treated)" : " (control)");
}

} // namespace

RowField armRowField(ReportedField reported, bool treated) {
    for (const ArmFieldEntry& entry : armFields)
        if (entry.reported == reported && entry.treated == treated)
            return entry.field;
    return RowField::MeanTreated;
}

std::optional<std::pair<ReportedField, bool>> reportedFieldOf(RowField field) {
    for (const ArmFieldEntry& entry : armFields)
        if (entry.field == field)
            return std::pair{entry.reported, entry.treated};
    return std::nullopt;
}

const char* rowFieldKey(RowField field) {
    if (const auto arm = reportedFieldOf(field)) {
        // The keys of preparation.h, as static strings.
        static const auto keys = [] {
            std::array<std::string, armFields.size()> all;
            for (std::size_t i = 0; i < armFields.size(); ++i)
                all[i] = armFieldKey(armFields[i].reported, armFields[i].treated);
            return all;
        }();
        for (std::size_t i = 0; i < armFields.size(); ++i)
            if (armFields[i].field == field)
                return keys[i].c_str();
    }
    switch (field) {
    case RowField::Yi:
        return field::yi;
    case RowField::Vi:
        return field::vi;
    case RowField::Sei:
        return field::sei;
    case RowField::Arm:
        return "arm";
    case RowField::ControlGroup:
        return field::controlGroup;
    case RowField::ShamMean:
        return field::shamMean;
    default:
        break;
    }
    return "";
}

const char* rowFieldTitle(RowField field) {
    if (const auto arm = reportedFieldOf(field)) {
        static const auto titles = [] {
            std::array<std::string, armFields.size()> all;
            for (std::size_t i = 0; i < armFields.size(); ++i)
                all[i] = armFieldTitle(armFields[i].reported, armFields[i].treated);
            return all;
        }();
        for (std::size_t i = 0; i < armFields.size(); ++i)
            if (armFields[i].field == field)
                return titles[i].c_str();
    }
    switch (field) {
    case RowField::Yi:
        return "Effect size (yi)";
    case RowField::Vi:
        return "Variance (vi)";
    case RowField::Sei:
        return "Standard error (sei)";
    case RowField::Arm:
        return "Arm";
    case RowField::ControlGroup:
        return "Control group";
    case RowField::ShamMean:
        return "Sham mean";
    default:
        break;
    }
    return "";
}

std::string& rowFieldText(OutcomeRow& row, RowField field) {
    if (const auto arm = reportedFieldOf(field))
        return reportedText(arm->second ? row.treated : row.control, arm->first);
    switch (field) {
    case RowField::Vi:
        return row.vi;
    case RowField::Sei:
        return row.sei;
    case RowField::Arm:
        return row.arm;
    case RowField::ControlGroup:
        return row.controlGroup;
    case RowField::ShamMean:
        return row.shamMean;
    default:
        break;
    }
    return row.yi;
}

const std::string& rowFieldText(const OutcomeRow& row, RowField field) {
    return rowFieldText(const_cast<OutcomeRow&>(row), field);
}

const char* dispersionShortLabel(DispersionType type) {
    switch (type) {
    case DispersionType::SD:
        return "SD";
    case DispersionType::SEM:
        return "SEM";
    case DispersionType::CI:
        return "CI";
    case DispersionType::MedianIQR:
        return "Median, IQR";
    case DispersionType::MedianRange:
        return "Median, range";
    case DispersionType::MedianIQRRange:
        break;
    }
    return "Median, IQR, range";
}

std::optional<DispersionType> parseDispersionText(std::string_view text) {
    const std::string_view value = trimmed(text);
    if (const auto type = parseDispersionType(value))
        return type;
    for (DispersionType type : allDispersionTypes)
        if (equalsIgnoringCase(value, dispersionLabel(type))
            || equalsIgnoringCase(value, dispersionShortLabel(type)))
            return type;
    // Spellings seen in spreadsheets; the ASCII "+-" for "±".
    const std::string lower = toLowerAscii(value);
    const auto is = [&lower](std::initializer_list<const char*> names) {
        for (const char* name : names)
            if (lower == name)
                return true;
        return false;
    };
    if (is({"mean+-sd", "mean +- sd", "mean sd", "sd (mean)"}))
        return DispersionType::SD;
    if (is({"se", "s.e.m.", "sem (mean)", "mean+-sem", "mean +- sem", "mean sem", "standard error"}))
        return DispersionType::SEM;
    if (is({"95% ci", "ci95", "confidence interval", "mean (ci)", "mean ci"}))
        return DispersionType::CI;
    if (is({"iqr", "median iqr", "median (iqr)", "quartiles"}))
        return DispersionType::MedianIQR;
    if (is({"range", "median range", "median (range)", "min-max"}))
        return DispersionType::MedianRange;
    if (is({"five-number summary", "five number summary", "5-number summary", "median iqr range",
            "median (iqr, range)", "iqr and range", "iqr+range"}))
        return DispersionType::MedianIQRRange;
    return std::nullopt;
}

std::optional<CellValue> cellValue(const Project& project, const CellAddress& cell) {
    if (cell.outcome < 0 || cell.outcome >= static_cast<int>(project.outcomes.size()))
        return std::nullopt;
    const auto& rows = project.outcomes[static_cast<std::size_t>(cell.outcome)].rows;
    if (cell.row < 0 || cell.row >= static_cast<int>(rows.size()))
        return std::nullopt;
    const OutcomeRow& row = rows[static_cast<std::size_t>(cell.row)];
    const Study* study = project.study(row.study);
    switch (cell.kind) {
    case CellAddress::Kind::Included:
        return row.included;
    case CellAddress::Kind::RowText:
        return rowFieldText(row, cell.field);
    case CellAddress::Kind::Dispersion:
        return (cell.treated ? row.treated : row.control).dispersion;
    case CellAddress::Kind::StudyLabel:
        return study ? study->label : std::string();
    case CellAddress::Kind::Covariate:
        return cell.covariate < static_cast<int>(project.covariateNames.size())
                   ? project.covariateValue(row, static_cast<std::size_t>(cell.covariate))
                   : std::string();
    }
    return std::nullopt;
}

} // namespace evident::ui
