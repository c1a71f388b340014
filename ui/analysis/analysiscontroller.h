// SPDX-License-Identifier: GPL-3.0-or-later
// Live analysis: recomputes the current outcome whenever the document changes and hands the result
// to the views (results panel, grid marks, and the plots).
#pragma once

#include "core/project/outcomeanalysis.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace evident::ui {

class Document;

class AnalysisController : public QObject {
    Q_OBJECT
public:
    explicit AnalysisController(Document* document, QObject* parent = nullptr);

    /// The last analysis, or nullptr when there is no outcome.
    const OutcomeAnalysis* analysis() const { return m_analysis.get(); }
    /// The outcome as it was when `analysis()` was computed.
    const Outcome* outcome() const { return m_outcome.get(); }
    /// Wall time of the last analyseOutcome() call, in milliseconds.
    double lastDurationMs() const { return m_lastDurationMs; }
    /// Recomputes now instead of at the next turn of the event loop.
    void recomputeNow();

signals:
    /// A new analysis of the current outcome. References stay valid until the next emission.
    void analysisChanged(const evident::OutcomeAnalysis& analysis, const evident::Outcome& outcome);
    /// The project has no outcome to analyse.
    void analysisCleared();

private:
    void schedule();

    Document* m_document;
    QTimer m_timer; ///< Zero-delay and single-shot: a burst of edits (a paste) gives one analysis
    std::unique_ptr<OutcomeAnalysis> m_analysis;
    std::unique_ptr<Outcome> m_outcome;
    double m_lastDurationMs = 0;
};

} // namespace evident::ui
