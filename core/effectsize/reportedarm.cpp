// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/effectsize/reportedarm.h"

#include "core/common/distributions.h"
#include "core/common/text.h"

#include <array>
#include <cmath>

namespace evident {
namespace {

struct TypeNames {
    DispersionType type;
    std::string_view key;
    std::string_view label;
};

constexpr std::array<TypeNames, 6> typeNames{{
    {DispersionType::SD, "SD", "Mean ± SD"},
    {DispersionType::SEM, "SEM", "Mean ± SEM"},
    {DispersionType::CI, "CI", "Mean (confidence interval)"},
    {DispersionType::MedianIQR, "MEDIAN_IQR", "Median (IQR)"},
    {DispersionType::MedianRange, "MEDIAN_RANGE", "Median (range)"},
    {DispersionType::MedianIQRRange, "MEDIAN_IQR_RANGE", "Median (IQR and range)"},
}};

const TypeNames& namesOf(DispersionType type) {
    for (const auto& names : typeNames)
        if (names.type == type)
            return names;
    return typeNames.front();
}

/// A number the reviewer typed, echoed as typed; negative ones in parentheses inside formulas.
std::string typed(double value) {
    const std::string text = formatShortest(value);
    return value < 0 ? "(" + text + ")" : text;
}

/// A derived number, rounded for reading.
std::string derived(double value) {
    return formatSignificant(value, 4);
}

class Conversion {
public:
    explicit Conversion(const ReportedArm& arm)
        : m_arm(arm) {}

    ArmConversion run() {
        if (!checkEntries())
            return m_result;
        switch (m_arm.type) {
        case DispersionType::SD:
            fromSd();
            break;
        case DispersionType::SEM:
            fromSem();
            break;
        case DispersionType::CI:
            fromConfidenceInterval();
            break;
        case DispersionType::MedianIQR:
        case DispersionType::MedianRange:
        case DispersionType::MedianIQRRange:
            fromMedian();
            break;
        }
        return m_result;
    }

private:
    std::string name(ReportedField field) const { return fieldName(field, m_arm.type); }
    std::string named(ReportedField field) const {
        return name(field) + " (" + formatShortest(fieldValue(m_arm, field)) + ")";
    }

    bool refuse(ReportedField field, std::string problem) {
        m_result.summary.reset();
        m_result.problem = std::move(problem);
        m_result.problemField = field;
        return false;
    }

    /// `lower` must not exceed `upper` (equal is allowed).
    bool requireOrdered(ReportedField lower, ReportedField upper) {
        if (fieldValue(m_arm, lower) > fieldValue(m_arm, upper))
            return refuse(lower, named(lower) + " must not be greater than " + named(upper));
        return true;
    }

    /// `upper` must be strictly greater than `lower`: the spread they define must not be zero.
    bool requireSpread(ReportedField lower, ReportedField upper, std::string_view spreadName) {
        if (!(fieldValue(m_arm, upper) > fieldValue(m_arm, lower)))
            return refuse(upper, named(upper) + " must be greater than " + named(lower) + ": the "
                                     + std::string(spreadName) + " is zero or negative");
        return true;
    }

    bool requirePositive(ReportedField field) {
        if (!(fieldValue(m_arm, field) > 0))
            return refuse(field, named(field) + " must be greater than 0");
        return true;
    }

    bool checkEntries() {
        for (ReportedField field : fieldsUsedBy(m_arm.type))
            if (!std::isfinite(fieldValue(m_arm, field)))
                return refuse(field, name(field) + " is not a finite number");
        if (!(m_arm.n >= 2))
            return refuse(ReportedField::N, "n must be at least 2 (got " + formatShortest(m_arm.n)
                                                + "): one animal has no spread");
        if (m_arm.n != std::floor(m_arm.n))
            m_result.warnings.push_back("n (" + formatShortest(m_arm.n)
                                        + ") is not a whole number of animals");
        switch (m_arm.type) {
        case DispersionType::SD:
            return requirePositive(ReportedField::SD);
        case DispersionType::SEM:
            return requirePositive(ReportedField::SEM);
        case DispersionType::CI:
            if (!(m_arm.ciLevel > 0 && m_arm.ciLevel < 1))
                return refuse(ReportedField::CILevel,
                              "CI level must be between 0 and 1, e.g. 0.95 for a 95% interval (got "
                                  + formatShortest(m_arm.ciLevel) + ")");
            if (!requireSpread(ReportedField::CILower, ReportedField::CIUpper, "interval's width"))
                return false;
            if (m_arm.centre < m_arm.ciLower || m_arm.centre > m_arm.ciUpper)
                return refuse(ReportedField::Centre, named(ReportedField::Centre)
                                                         + " must lie within its confidence interval ("
                                                         + formatShortest(m_arm.ciLower) + " to "
                                                         + formatShortest(m_arm.ciUpper) + ")");
            return true;
        case DispersionType::MedianIQR:
            return requireSpread(ReportedField::Q1, ReportedField::Q3, "IQR")
                   && requireOrdered(ReportedField::Q1, ReportedField::Centre)
                   && requireOrdered(ReportedField::Centre, ReportedField::Q3);
        case DispersionType::MedianRange:
            return requireSpread(ReportedField::Minimum, ReportedField::Maximum, "range")
                   && requireOrdered(ReportedField::Minimum, ReportedField::Centre)
                   && requireOrdered(ReportedField::Centre, ReportedField::Maximum);
        case DispersionType::MedianIQRRange:
            return requireSpread(ReportedField::Q1, ReportedField::Q3, "IQR")
                   && requireOrdered(ReportedField::Minimum, ReportedField::Q1)
                   && requireOrdered(ReportedField::Q1, ReportedField::Centre)
                   && requireOrdered(ReportedField::Centre, ReportedField::Q3)
                   && requireOrdered(ReportedField::Q3, ReportedField::Maximum);
        }
        return true;
    }

    /// The field that carries the spread for this type, blamed when the arithmetic itself fails.
    ReportedField spreadField() const {
        switch (m_arm.type) {
        case DispersionType::SD:
            return ReportedField::SD;
        case DispersionType::SEM:
            return ReportedField::SEM;
        case DispersionType::CI:
            return ReportedField::CIUpper;
        case DispersionType::MedianIQR:
            return ReportedField::Q3;
        case DispersionType::MedianRange:
        case DispersionType::MedianIQRRange:
            return ReportedField::Maximum;
        }
        return ReportedField::N;
    }

    void accept(double mean, double sd) {
        // Only reachable with numbers near the limits of double precision (e.g. an SEM of 1e308).
        if (!std::isfinite(mean) || !std::isfinite(sd) || !(sd > 0)) {
            m_result.steps.clear();
            refuse(spreadField(), "the numbers are too large or too small to convert to a mean and SD");
            return;
        }
        m_result.summary = GroupSummary{mean, sd, m_arm.n};
    }

    void fromSd() {
        m_result.method = "mean and SD as reported";
        accept(m_arm.centre, m_arm.sd);
    }

    // Cochrane Handbook (version 6) §6.5.2.2: SD = SE·√N.
    void fromSem() {
        const double sd = m_arm.sem * std::sqrt(m_arm.n);
        m_result.method =
            "SD from the standard error of the mean (Cochrane Handbook §6.5.2.2); mean as reported";
        m_result.steps.push_back("SD = SEM × √n = " + typed(m_arm.sem) + " × √" + typed(m_arm.n) + " = "
                                 + derived(sd));
        accept(m_arm.centre, sd);
    }

    // Cochrane Handbook (version 6) §6.5.2.2: SD = √N·(upper − lower)/3.92 for a large-sample 95 % CI, the
    // 3.92 replaced by 2·t(n − 1) for small samples. Evident uses t for every n: animal groups are small,
    // and for large n the t quantile tends to the normal one.
    void fromConfidenceInterval() {
        const double probability = (1 + m_arm.ciLevel) / 2;
        const double df = m_arm.n - 1;
        const double t = studentTQuantile(probability, df);
        const double sd = std::sqrt(m_arm.n) * (m_arm.ciUpper - m_arm.ciLower) / (2 * t);
        m_result.method =
            "SD from the " + formatShortest(100 * m_arm.ciLevel)
            + "% confidence interval of the mean with Student's t (Cochrane Handbook §6.5.2.2); "
              "mean as reported";
        m_result.steps.push_back("t = " + derived(t) + " (Student's t, " + formatShortest(probability)
                                 + " quantile, " + formatShortest(df) + " df)");
        m_result.steps.push_back("SD = √n × (upper − lower) / (2 × t) = √" + typed(m_arm.n) + " × ("
                                 + typed(m_arm.ciUpper) + " − " + typed(m_arm.ciLower) + ") / (2 × "
                                 + derived(t) + ") = " + derived(sd));
        accept(m_arm.centre, sd);
    }

    void fromMedian() {
        const double n = m_arm.n;
        const double median = m_arm.centre;
        // Wan et al. (2014): expected range ξ(n) and interquartile range η(n) of n standard normal
        // values, in the normal-quantile approximations of their eqs. (9) and (16).
        const double xi = 2 * normalQuantile((n - 0.375) / (n + 0.25));
        const double eta = 2 * normalQuantile((0.75 * n - 0.125) / (n + 0.25));
        const std::string nText = typed(n);
        double mean = 0;
        double sd = 0;
        switch (m_arm.type) {
        case DispersionType::MedianIQR: {
            // Luo et al. (2018), eq. (11); Wan et al. (2014), eq. (16).
            const double w = 0.7 + 0.39 / n;
            mean = w * (m_arm.q1 + m_arm.q3) / 2 + (1 - w) * median;
            sd = (m_arm.q3 - m_arm.q1) / eta;
            m_result.method = "mean and SD from the median and IQR, assuming roughly normal data "
                              "(mean: Luo et al. 2018, eq. 11; SD: Wan et al. 2014, eq. 16)";
            m_result.steps.push_back("w = 0.7 + 0.39 / n = 0.7 + 0.39 / " + nText + " = " + derived(w));
            m_result.steps.push_back("mean = w × (q1 + q3) / 2 + (1 − w) × median = " + derived(w) + " × ("
                                     + typed(m_arm.q1) + " + " + typed(m_arm.q3) + ") / 2 + " + derived(1 - w)
                                     + " × " + typed(median) + " = " + derived(mean));
            m_result.steps.push_back(etaStep(eta));
            m_result.steps.push_back("SD = (q3 − q1) / η = (" + typed(m_arm.q3) + " − " + typed(m_arm.q1)
                                     + ") / " + derived(eta) + " = " + derived(sd));
            break;
        }
        case DispersionType::MedianRange: {
            // Luo et al. (2018), eq. (7); Wan et al. (2014), eq. (9).
            const double w = 4 / (4 + std::pow(n, 0.75));
            mean = w * (m_arm.minimum + m_arm.maximum) / 2 + (1 - w) * median;
            sd = (m_arm.maximum - m_arm.minimum) / xi;
            m_result.method = "mean and SD from the median and range, assuming roughly normal data "
                              "(mean: Luo et al. 2018, eq. 7; SD: Wan et al. 2014, eq. 9)";
            m_result.steps.push_back("w = 4 / (4 + n^0.75) = 4 / (4 + " + nText + "^0.75) = " + derived(w));
            m_result.steps.push_back("mean = w × (min + max) / 2 + (1 − w) × median = " + derived(w) + " × ("
                                     + typed(m_arm.minimum) + " + " + typed(m_arm.maximum) + ") / 2 + "
                                     + derived(1 - w) + " × " + typed(median) + " = " + derived(mean));
            m_result.steps.push_back(xiStep(xi));
            m_result.steps.push_back("SD = (max − min) / ξ = (" + typed(m_arm.maximum) + " − "
                                     + typed(m_arm.minimum) + ") / " + derived(xi) + " = " + derived(sd));
            break;
        }
        case DispersionType::MedianIQRRange: {
            // Luo et al. (2018), eq. (15); Wan et al. (2014), eq. (12) with ξ and η as above.
            const double w1 = 2.2 / (2.2 + std::pow(n, 0.75));
            const double w2 = 0.7 - 0.72 / std::pow(n, 0.55);
            mean = w1 * (m_arm.minimum + m_arm.maximum) / 2 + w2 * (m_arm.q1 + m_arm.q3) / 2
                   + (1 - w1 - w2) * median;
            sd = ((m_arm.maximum - m_arm.minimum) / xi + (m_arm.q3 - m_arm.q1) / eta) / 2;
            m_result.method = "mean and SD from the median, IQR and range, assuming roughly normal data "
                              "(mean: Luo et al. 2018, eq. 15; SD: Wan et al. 2014, eq. 12)";
            m_result.steps.push_back("w1 = 2.2 / (2.2 + n^0.75) = " + derived(w1)
                                     + ", w2 = 0.7 − 0.72 / n^0.55 = " + derived(w2) + " (n = " + nText
                                     + ")");
            m_result.steps.push_back(
                "mean = w1 × (min + max) / 2 + w2 × (q1 + q3) / 2 + (1 − w1 − w2) × median = " + derived(w1)
                + " × (" + typed(m_arm.minimum) + " + " + typed(m_arm.maximum) + ") / 2 + " + derived(w2)
                + " × (" + typed(m_arm.q1) + " + " + typed(m_arm.q3) + ") / 2 + " + derived(1 - w1 - w2)
                + " × " + typed(median) + " = " + derived(mean));
            m_result.steps.push_back(xiStep(xi));
            m_result.steps.push_back(etaStep(eta));
            m_result.steps.push_back("SD = ((max − min) / ξ + (q3 − q1) / η) / 2 = ((" + typed(m_arm.maximum)
                                     + " − " + typed(m_arm.minimum) + ") / " + derived(xi) + " + ("
                                     + typed(m_arm.q3) + " − " + typed(m_arm.q1) + ") / " + derived(eta)
                                     + ") / 2 = " + derived(sd));
            break;
        }
        default:
            break;
        }
        // metafor's conv.fivenum does not convert groups this small; Evident does, but says so.
        if (n < 5)
            m_result.warnings.push_back(
                "median-based estimates from fewer than 5 animals are very uncertain");
        accept(mean, sd);
    }

    std::string xiStep(double xi) const {
        return "ξ = 2 × Φ⁻¹((n − 0.375) / (n + 0.25)) = " + derived(xi) + " (expected range of "
               + typed(m_arm.n) + " standard normal values)";
    }

    std::string etaStep(double eta) const {
        return "η = 2 × Φ⁻¹((0.75 × n − 0.125) / (n + 0.25)) = " + derived(eta) + " (expected IQR of "
               + typed(m_arm.n) + " standard normal values)";
    }

    const ReportedArm& m_arm;
    ArmConversion m_result;
};

} // namespace

std::string_view dispersionKey(DispersionType type) {
    return namesOf(type).key;
}
std::string_view dispersionLabel(DispersionType type) {
    return namesOf(type).label;
}

std::optional<DispersionType> parseDispersionType(std::string_view key) {
    key = trimmed(key);
    for (const auto& names : typeNames)
        if (equalsIgnoringCase(names.key, key))
            return names.type;
    return std::nullopt;
}

bool isMedianBased(DispersionType type) {
    return type == DispersionType::MedianIQR || type == DispersionType::MedianRange
           || type == DispersionType::MedianIQRRange;
}

std::vector<ReportedField> fieldsUsedBy(DispersionType type) {
    using F = ReportedField;
    switch (type) {
    case DispersionType::SD:
        return {F::N, F::Centre, F::SD};
    case DispersionType::SEM:
        return {F::N, F::Centre, F::SEM};
    case DispersionType::CI:
        return {F::N, F::Centre, F::CILower, F::CIUpper, F::CILevel};
    case DispersionType::MedianIQR:
        return {F::N, F::Centre, F::Q1, F::Q3};
    case DispersionType::MedianRange:
        return {F::N, F::Centre, F::Minimum, F::Maximum};
    case DispersionType::MedianIQRRange:
        return {F::N, F::Centre, F::Q1, F::Q3, F::Minimum, F::Maximum};
    }
    return {};
}

std::string fieldName(ReportedField field, DispersionType type) {
    switch (field) {
    case ReportedField::N:
        return "n";
    case ReportedField::Centre:
        return isMedianBased(type) ? "median" : "mean";
    case ReportedField::SD:
        return "SD";
    case ReportedField::SEM:
        return "SEM";
    case ReportedField::CILower:
        return "CI lower limit";
    case ReportedField::CIUpper:
        return "CI upper limit";
    case ReportedField::CILevel:
        return "CI level";
    case ReportedField::Q1:
        return "q1";
    case ReportedField::Q3:
        return "q3";
    case ReportedField::Minimum:
        return "minimum";
    case ReportedField::Maximum:
        return "maximum";
    }
    return {};
}

std::string ArmConversion::provenance() const {
    std::string text = ok() ? method : problem;
    for (const auto& step : steps)
        text += "\n" + step;
    for (const auto& warning : warnings)
        text += "\nNote: " + warning;
    return text;
}

ArmConversion convertReportedArm(const ReportedArm& arm) {
    return Conversion(arm).run();
}

double& fieldValue(ReportedArm& arm, ReportedField field) {
    switch (field) {
    case ReportedField::N:
        return arm.n;
    case ReportedField::Centre:
        return arm.centre;
    case ReportedField::SD:
        return arm.sd;
    case ReportedField::SEM:
        return arm.sem;
    case ReportedField::CILower:
        return arm.ciLower;
    case ReportedField::CIUpper:
        return arm.ciUpper;
    case ReportedField::CILevel:
        return arm.ciLevel;
    case ReportedField::Q1:
        return arm.q1;
    case ReportedField::Q3:
        return arm.q3;
    case ReportedField::Minimum:
        return arm.minimum;
    case ReportedField::Maximum:
        break;
    }
    return arm.maximum;
}

double fieldValue(const ReportedArm& arm, ReportedField field) {
    return fieldValue(const_cast<ReportedArm&>(arm), field);
}

} // namespace evident
