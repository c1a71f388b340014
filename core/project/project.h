// SPDX-License-Identifier: GPL-3.0-or-later
// A review project as plain data: studies with their characteristics, and outcomes with the numbers
// extracted for each comparison. Everything the user typed is kept verbatim as text, so nothing is
// lost when a cell does not parse; prepareOutcome() turns it into numbers and explains what it cannot.
#pragma once

#include "core/effectsize/effectmeasure.h"
#include "core/effectsize/reportedarm.h"
#include "core/effectsize/sharedcontrol.h"
#include "core/model/fitoptions.h"
#include "core/project/riskofbias.h"
#include "core/schema/entryfield.h"
#include "core/tsa/cumulativemeta.h"
#include "core/tsa/ris.h"
#include "core/tsa/spending.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace evident {

using StudyId = std::uint64_t;

/// One continuous group as the paper reports it: a centre (mean or median) and a dispersion of the
/// chosen type. A builder for rows (makeRow, setArm) and a view of one (armEntry); rows themselves keep
/// every field in OutcomeRow::text, so switching the type loses nothing typed.
/// convertReportedArm() turns it into the mean and SD the analysis uses (docs/preclinical-conversions.md).
struct ArmEntry {
    std::string mean; ///< The mean, or the median for median-based types
    std::string sd;
    std::string n;
    DispersionType dispersion = DispersionType::SD;
    std::string sem;
    std::string ciLower;
    std::string ciUpper;
    std::string ciLevel; ///< Percent, e.g. "95"; empty means 95
    std::string q1;
    std::string q3;
    std::string minimum;
    std::string maximum;

    bool operator==(const ArmEntry&) const = default;
};

/// A group reported as mean, SD and n (the most common case).
ArmEntry meanSdEntry(std::string mean, std::string sd, std::string n);

/// The typed text of one reported field of an arm entry.
std::string& reportedText(ArmEntry& arm, ReportedField field);
const std::string& reportedText(const ArmEntry& arm, ReportedField field);

/// One comparison (one row of the outcome grid). A study with several treatment arms has one row per
/// arm; rows of one study with the same non-empty control group share one control group (the same
/// animals), which prepareOutcome() splits or combines by Outcome::sharedControl.
///
/// The row keeps the text of every entry field of every outcome kind (core/schema/entryfield.h), so a
/// kind's fields are one table entry each and never a member here.
struct OutcomeRow {
    StudyId study = 0;
    bool included = true;
    std::array<std::string, entryFieldCount> values;
    DispersionType treatedDispersion = DispersionType::SD; ///< How the treated arm is reported
    DispersionType controlDispersion = DispersionType::SD;
    /// This arm's own value of each covariate, aligned with Project::covariateNames (may be shorter); an
    /// empty value means the study's. Arms of one study can differ in dose, hydrogel or route. Never ends
    /// in an empty value (dropTrailingEmptyValues), so equal values compare equal.
    std::vector<std::string> covariateValues;

    std::string& text(EntryField field) { return values[static_cast<std::size_t>(field)]; }
    const std::string& text(EntryField field) const { return values[static_cast<std::size_t>(field)]; }
    DispersionType& dispersion(ArmSide side) {
        return side == ArmSide::Control ? controlDispersion : treatedDispersion;
    }
    DispersionType dispersion(ArmSide side) const {
        return side == ArmSide::Control ? controlDispersion : treatedDispersion;
    }
    /// True when none of the fields of `side`'s arm (for `kind`) holds text.
    bool armIsBlank(ArmSide side, OutcomeKind kind) const;

    bool operator==(const OutcomeRow&) const = default;
};

/// Removes the empty values at the end of an arm's covariate list: they only repeat "the study's".
void dropTrailingEmptyValues(std::vector<std::string>& values);
/// Sets an arm's own value of covariate `covariate` in its list (OutcomeRow::covariateValues); "" means
/// the study's. Grows the list as needed and keeps it without trailing empty values.
void setArmCovariateValue(std::vector<std::string>& values, std::size_t covariate, std::string value);

/// A row with the given continuous arms, or (generic kind) effect size.
OutcomeRow makeRow(StudyId study, bool included, ArmEntry treated, ArmEntry control, std::string yi = {},
                   std::string vi = {}, std::string sei = {});
/// A dichotomous row: events out of total in each group.
OutcomeRow makeBinaryRow(StudyId study, std::string eventsTreated, std::string totalTreated,
                         std::string eventsControl, std::string totalControl, bool included = true);
/// Writes a continuous arm into a row / reads it back.
void setArm(OutcomeRow& row, ArmSide side, const ArmEntry& arm);
ArmEntry armEntry(const OutcomeRow& row, ArmSide side);

/// Settings of the main analysis of one outcome.
struct AnalysisSettings {
    EffectMeasure measure = EffectMeasure::SMD;
    /// Dichotomous outcomes: M-H, Peto or inverse variance (others always pool by inverse variance).
    PoolingMethod pooling = PoolingMethod::MantelHaenszel;
    /// Dichotomous outcomes: keep tables with no events in either group (with the 0.5 correction) in
    /// OR and RR, as metafor's escalc(drop00 = FALSE); by default they are dropped, as RevMan does.
    bool keepDoubleZero = false;
    /// Dichotomous outcomes: add 0.5 to the cells of zero-cell tables inside the Mantel-Haenszel sums
    /// too, as RevMan 5 and Stata's metan do; by default the M-H estimate uses the raw counts.
    bool revman5ZeroCells = false;
    Tau2Estimator estimator = Tau2Estimator::RestrictedML;
    InferenceMethod inference = InferenceMethod::Wald;
    bool showPredictionInterval = true;
    std::string subgroup;        ///< Covariate name, or empty for none
    std::string cumulativeOrder; ///< Numeric covariate name, or empty for data order

    bool operator==(const AnalysisSettings&) const = default;
};

/// Settings of the trial sequential analysis of one outcome (docs/tsa.md). The outcome type (MD, SMD
/// or binary) follows the outcome's effect measure.
struct TsaSettings {
    TsaModel model = TsaModel::RandomEffects;
    HeterogeneityAdjustment adjustment = HeterogeneityAdjustment::Diversity;
    double alpha = 0.05; ///< Two-sided
    double beta = 0.20;
    /// MD units or SMD; for OR, RR and RD the relative risk reduction (0.2 for 20 %); 0 = not set yet.
    double minimalRelevantEffect = 0;
    double standardDeviation = 0; ///< MD only: SD of the outcome
    double controlRisk = 0;       ///< OR, RR, RD: anticipated control-group risk; 0 = the pooled observed
    SpendingFunction spending = SpendingFunction::OBrienFleming;
    bool futility = false;
    bool powerAdjusted = false; ///< Inflate the RIS by RTSA's design factor (off, as the TSA program)
    /// Numeric covariate giving the order of the looks (usually year); empty = data order.
    std::string orderColumn;

    bool operator==(const TsaSettings&) const = default;
};

/// How one figure is laid out and exported. Saved with the project, per outcome and figure.
struct FigureSettings {
    double widthMm = 175; ///< Double journal column; 85 mm is a single column
    double heightMm = 0;  ///< 0 = chosen from the content (e.g. the number of forest-plot rows)
    double dpi = 300;     ///< Raster formats only
    std::string format = "pdf";
    std::string fontFamily = "Liberation Sans";
    double fontPointSize = 8;
    std::string favoursLeft; ///< Forest plot axis labels; empty = from the outcome's direction
    std::string favoursRight;
    bool contours = true;    ///< Funnel plot: shade the p = 0.10, 0.05 and 0.01 regions
    bool riskOfBias = false; ///< Forest plot: SYRCLE traffic lights beside the plot, one column per item

    bool operator==(const FigureSettings&) const = default;
};

struct OutcomeFigures {
    FigureSettings forest;
    FigureSettings funnel;
    FigureSettings tsa;
    FigureSettings robSummary;      ///< The SYRCLE risk-of-bias summary (stacked bars per item)
    FigureSettings cumulative;      ///< Cumulative meta-analysis as a forest plot
    FigureSettings leaveOneOut;     ///< Leave-one-out analysis as a forest plot
    FigureSettings robTrafficLight; ///< SYRCLE judgements per study and item (traffic lights)

    bool operator==(const OutcomeFigures&) const = default;
};

struct Outcome {
    std::string name;
    bool lowerIsBetter = false; ///< E.g. fibrosis: a lower value in the treated group is a benefit
    OutcomeKind kind = OutcomeKind::Continuous;
    AnalysisSettings settings;
    SharedControlMethod sharedControl = SharedControlMethod::SplitControl;
    TsaSettings tsa;
    OutcomeFigures figures;
    std::vector<OutcomeRow> rows;

    bool operator==(const Outcome&) const = default;
};

struct Study {
    StudyId id = 0;
    std::string label;
    std::vector<std::string> covariateValues; ///< Aligned with Project::covariateNames
    RiskOfBias riskOfBias;                    ///< SYRCLE, one judgement per item

    bool operator==(const Study&) const = default;
};

Study makeStudy(StudyId id, std::string label, std::vector<std::string> covariateValues = {});

struct Project {
    std::string title;
    std::string notes; ///< Shown with the project, e.g. "Illustrative data, not from real studies"
    std::vector<std::string> covariateNames;
    std::vector<Study> studies;
    std::vector<Outcome> outcomes;

    const Study* study(StudyId id) const;
    Study* study(StudyId id);
    /// A fresh id, larger than any in use.
    StudyId nextStudyId() const;
    /// Index of a covariate by name (case-insensitive), or nullopt.
    std::optional<std::size_t> covariateIndex(std::string_view name) const;
    /// The value of covariate `index` for `row`: the arm's own value, else its study's, else "".
    const std::string& covariateValue(const OutcomeRow& row, std::size_t index) const;

    bool operator==(const Project&) const = default;
};

} // namespace evident
