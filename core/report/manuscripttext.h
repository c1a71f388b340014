// SPDX-License-Identifier: GPL-3.0-or-later
// Results as sentences a reviewer can paste into a manuscript, in the style of RevMan/Cochrane.
#pragma once

#include "core/analysis/pipeline.h"
#include "core/effectsize/effectmeasure.h"

#include <optional>
#include <string>

namespace evident {

struct TextStyle {
    int decimals = 2;
    double level = 0.95;
};

/// "SMD = −0.54 (95% CI −1.14 to 0.07), P = 0.08; I² = 95%". Ratio measures are back-transformed:
/// "ROM = 1.29 (95% CI 1.24 to 1.35)".
std::string pooledSentence(const MetaAnalysisFit& fit, EffectMeasure measure, const TextStyle& style);

/// "Heterogeneity: Tau² = 0.79; Chi² = 123.73, df = 22 (P < 0.00001); I² = 95%" (RevMan's line;
/// the Tau² part is left out for the fixed-effect model).
std::string heterogeneityLine(const MetaAnalysisFit& fit, const TextStyle& style);

/// "Test for overall effect: Z = 1.74 (P = 0.08)", or "t = …, df = 22" under Hartung-Knapp.
std::string overallEffectLine(const MetaAnalysisFit& fit);

/// "Test for subgroup differences: Chi² = 0.36, df = 2 (P = 0.83), I² = 0%".
std::string subgroupDifferenceLine(const SubgroupDifferenceTest& test);

/// An estimate with its interval on the reporting scale: "−0.54 [−1.14, 0.07]" (forest-plot style).
std::string estimateWithInterval(double estimate, double lower, double upper, EffectMeasure measure,
                                 int decimals);

/// How to read the sign of the effect for this outcome, e.g. "Lower values are better for this outcome:
/// a negative SMD favours the treatment." NMD is oriented to benefit whatever the direction.
std::string directionSentence(EffectMeasure measure, bool lowerIsBetter);

/// The model in words, to go before "meta-analysis": "Random-effects (REML)", "Fixed-effect
/// (Mantel-Haenszel)", "Random-effects (Mantel-Haenszel, DerSimonian-Laird tau², as RevMan's M-H, Random)".
std::string modelDescription(const FitOptions& fit);

/// How zero cells and tables without events were handled, for a dichotomous outcome's report (empty
/// for other outcomes): the 0.5 correction of the study effects (metafor escalc), whether the
/// Mantel-Haenszel sums used the raw counts or the corrected ones (RevMan 5), and the double-zero rule.
std::string zeroCellStatement(const AnalysisData& data, const FitOptions& fit, EffectMeasure measure);

/// "Events: 30/120 (treatment), 18/118 (control)" over the analysed tables; empty without tables.
std::string totalEventsLine(const AnalysisData& data);

/// "Cochran-Mantel-Haenszel test: Chi² = 5.12, df = 1 (P = 0.02); Tarone's test of homogeneity: Chi² =
/// 3.10, df = 4 (P = 0.54)", leaving out what could not be computed.
std::string mantelHaenszelTestsLine(const MantelHaenszelOddsRatioTests& tests);

/// The whole analysis as a plain-text report (the CLI's default output and the Results panel). With
/// `lowerIsBetter` known, the report says how to read the sign of the effect.
std::string textReport(const AnalysisData& data, const AnalysisOptions& options, EffectMeasure measure,
                       const AnalysisResult& result, const std::vector<std::string>& notes = {},
                       std::optional<bool> lowerIsBetter = std::nullopt);

} // namespace evident
