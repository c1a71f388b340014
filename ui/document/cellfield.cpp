// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/cellfield.h"

#include "core/common/text.h"

namespace evident::ui {
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
        return row.text(cell.field);
    case CellAddress::Kind::Dispersion:
        return row.dispersion(cell.treated ? ArmSide::Treated : ArmSide::Control);
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
