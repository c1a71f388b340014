// SPDX-License-Identifier: GPL-3.0-or-later
// The tables of the Results panel, built from an OutcomeAnalysis. Every number comes from the core;
// these functions only choose what goes in which cell and how it is written.
#pragma once

#include "core/project/outcomeanalysis.h"
#include "core/project/robsensitivity.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace evident::ui {

enum class CellFormat {
    Text,
    Estimate, ///< on the reporting scale (ratios back-transformed), with the table's decimals
    Number,   ///< tau², test statistics: at least two decimals
    PValue,   ///< as journals print it ("< 0.00001", "0.049")
    Percent,  ///< whole percent
    Count,
};

struct ResultTable {
    QString name; ///< For file names and headings ("leave-one-out")
    QStringList header;
    QList<CellFormat> formats;   ///< One per column
    QList<QList<QVariant>> rows; ///< QString for text, double for numbers; an empty QVariant is blank
    int decimals = 2;            ///< For Estimate columns

    /// The cell as shown on screen (true minus sign, rounded).
    QString displayText(int row, int column) const;
    /// The cell as written to CSV: numbers with every digit and an ASCII minus, so a spreadsheet
    /// reads them as numbers.
    QString exportText(int row, int column) const;
};

/// Studies that are not in the analysis: unticked rows and rows with bad input, with the reason.
ResultTable leftOutTable(const OutcomeAnalysis& analysis, const Project& project, const Outcome& outcome);
ResultTable leaveOneOutTable(const OutcomeAnalysis& analysis);
/// Empty (no rows) when no subgroup variable is chosen.
ResultTable subgroupTable(const OutcomeAnalysis& analysis);
ResultTable smallStudyTable(const OutcomeAnalysis& analysis);
/// The main analysis and the analysis without the studies at high risk of bias on the chosen SYRCLE
/// items, side by side: k, the pooled estimate, its CI, P, tau² and I².
ResultTable robSensitivityTable(const OutcomeAnalysis& analysis, const RobSensitivity& sensitivity);

/// "Export Results as CSV": every analysed comparison (its effect size, SE, CI and weight) with, below
/// them, the pooled result, the prediction interval and the subgroups, in the columns of the other tables.
/// The first column says what a row is: "study", "pooled", "prediction interval", "subgroup", or
/// "risk-of-bias sensitivity" (the analysis without the studies at high risk, when `sensitivity` leaves
/// any out).
ResultTable resultsExportTable(const OutcomeAnalysis& analysis, const RobSensitivity* sensitivity = nullptr);

} // namespace evident::ui
