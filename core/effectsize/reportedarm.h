// SPDX-License-Identifier: GPL-3.0-or-later
// One group's outcome exactly as a paper reports it (mean ± SEM, a confidence interval, a median with
// its IQR or range, ...), and its conversion to the mean, SD and n the effect sizes need, with an
// explanation of how each number was obtained.
#pragma once

#include "core/effectsize/continuous.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evident {

/// How a paper reports a group's centre and spread.
enum class DispersionType {
    SD,             ///< mean ± SD
    SEM,            ///< mean ± standard error of the mean
    CI,             ///< mean with a confidence interval of the mean (lower, upper, level)
    MedianIQR,      ///< median with first and third quartiles
    MedianRange,    ///< median with minimum and maximum
    MedianIQRRange, ///< median with quartiles, minimum and maximum (five-number summary)
};

/// Every dispersion type, in the order lists offer them.
inline constexpr std::array<DispersionType, 6> allDispersionTypes{
    DispersionType::SD,        DispersionType::SEM,         DispersionType::CI,
    DispersionType::MedianIQR, DispersionType::MedianRange, DispersionType::MedianIQRRange};

/// The entries of a reported arm, so that a message or the grid can point at one of them.
enum class ReportedField { N, Centre, SD, SEM, CILower, CIUpper, CILevel, Q1, Q3, Minimum, Maximum };

/// Stable key for project files ("SD", "SEM", "CI", "MEDIAN_IQR", "MEDIAN_RANGE", "MEDIAN_IQR_RANGE").
std::string_view dispersionKey(DispersionType type);
/// Parses a key case-insensitively; nullopt when unknown.
std::optional<DispersionType> parseDispersionType(std::string_view key);
/// Label for menus ("Mean ± SEM", "Median (IQR)", ...).
std::string_view dispersionLabel(DispersionType type);
/// True for the median-based types, whose centre is a median.
bool isMedianBased(DispersionType type);
/// The fields a type reads, in entry order (n first); the others are ignored.
std::vector<ReportedField> fieldsUsedBy(DispersionType type);
/// The field's name in messages ("n", "mean" or "median", "SEM", "CI lower limit", "q1", ...).
std::string fieldName(ReportedField field, DispersionType type);

/// One group as reported. Only the fields of `type` are read (see fieldsUsedBy); store those, with the
/// type's key, to keep what the reviewer typed.
struct ReportedArm {
    DispersionType type = DispersionType::SD;
    double n = 0;
    double centre = 0; ///< The mean (SD, SEM, CI) or the median (median-based types)
    double sd = 0;
    double sem = 0;
    double ciLower = 0;
    double ciUpper = 0;
    double ciLevel = 0.95; ///< As a proportion: 0.95 for a 95 % interval
    double q1 = 0;
    double q3 = 0;
    double minimum = 0;
    double maximum = 0;
};

/// The group summary used in the analysis, or why there is none, with the provenance of its numbers.
struct ArmConversion {
    std::optional<GroupSummary> summary;
    /// One line: what was done and its source, e.g. "SD from SEM (Cochrane Handbook §6.5.2.2)".
    std::string method;
    /// The arithmetic with the reviewer's numbers, one line per derived number, e.g.
    /// "SD = SEM × √n = 2.1 × √8 = 5.94". Inputs are echoed as typed; results rounded to 4 digits.
    std::vector<std::string> steps;
    /// Cautions that do not stop the conversion (e.g. a median-based estimate from fewer than 5 animals).
    std::vector<std::string> warnings;
    /// Set when `summary` is empty: the reason, naming the field.
    std::string problem;
    std::optional<ReportedField> problemField;

    bool ok() const { return summary.has_value(); }
    /// Method, steps and warnings joined by newlines, for a tooltip. All text is UTF-8.
    std::string provenance() const;
};

/// Converts a reported arm to mean, SD and n:
/// - SD: as reported.
/// - SEM: SD = SEM·√n (Cochrane Handbook, version 6, §6.5.2.2).
/// - CI of the mean: SD = √n·(upper − lower)/(2·t), t the (1 + level)/2 quantile of Student's t with
///   n − 1 df (Handbook §6.5.2.2 recommends t for small samples; Evident uses it for every n, which
///   tends to 1.96 for large samples anyway).
/// - Median-based (assumes roughly normal data): mean by Luo, Wan, Liu & Tong (2018, Stat Methods Med
///   Res 27:1785) eq. (7) for the range, (11) for the IQR, (15) for both; SD by Wan, Wang, Liu & Tong
///   (2014, BMC Med Res Methodol 14:135) eq. (9) for the range, (16) for the IQR, (12) for both, with
///   ξ(n) = 2Φ⁻¹((n − 0.375)/(n + 0.25)) and η(n) = 2Φ⁻¹((0.75n − 0.125)/(n + 0.25)) throughout.
/// Invalid input (n < 2, non-finite entries, SD or SEM ≤ 0, limits out of order) gives a problem naming
/// the field, never NaN.
ArmConversion convertReportedArm(const ReportedArm& arm);

/// The number a field of the arm holds (its n, centre, SD, …).
double& fieldValue(ReportedArm& arm, ReportedField field);
double fieldValue(const ReportedArm& arm, ReportedField field);

} // namespace evident
