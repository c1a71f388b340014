// SPDX-License-Identifier: GPL-3.0-or-later
// The manuscript-style text of the Results panel, written with core/report/manuscripttext.h.
#pragma once

#include "core/project/outcomeanalysis.h"

#include <QString>

namespace evident::ui {

/// Paragraphs a reviewer can paste: the model, the pooled effect, heterogeneity, the test for the
/// overall effect, the prediction interval (when the outcome's settings show it), subgroups and the
/// TSA conclusion. Plain text, one statement per line.
QString manuscriptText(const OutcomeAnalysis& analysis, const Outcome& outcome);

} // namespace evident::ui
