// SPDX-License-Identifier: GPL-3.0-or-later
// The machine-readable result of `evident-cli analyze --json`. Its keys are a public interface,
// documented in docs/json-output.md; change them only with a documented version bump.
#pragma once

#include "core/analysis/pipeline.h"
#include "core/common/json.h"
#include "core/effectsize/effectmeasure.h"

#include <string>
#include <vector>

namespace evident {

/// Version of the analysis JSON layout, written as "format_version".
inline constexpr int analysisJsonVersion = 1;

/// Builds the JSON object. `notes` are added to "warnings" first (e.g. rows excluded for bad input).
JsonValue analysisToJson(const AnalysisData& data, const AnalysisOptions& options, EffectMeasure measure,
                         const AnalysisResult& result, const std::vector<std::string>& notes = {});

} // namespace evident
