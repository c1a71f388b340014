// SPDX-License-Identifier: GPL-3.0-or-later
// The mapping preview of a pasted block whose columns the grid cannot match alone (more or fewer
// columns than the value columns, a header row): the block with a role above each column, as in the
// CSV import, and whether its first row names the columns. Nothing is pasted until it is accepted.
#pragma once

#include "ui/models/pastemapping.h"
#include "ui/widgets/columnmappingtable.h"

#include <QDialog>

class QCheckBox;
class QLabel;

namespace evident::ui {

class ColumnMappingTable;
struct MappingChoice;

class PasteMappingDialog : public QDialog {
    Q_OBJECT
public:
    /// `block`: the pasted rows; `plan`: the grid's guess and why it asks; `kind`: the outcome's kind
    /// (the roles offered are its fields).
    /// `covariates`: the project's study characteristics, each offered as a target.
    PasteMappingDialog(const QList<QStringList>& block, const PastePlan& plan, OutcomeKind kind,
                       const QStringList& covariates, QWidget* parent = nullptr);

    PasteMapping mapping() const;
    ColumnMappingTable* table() const { return m_table; }
    QCheckBox* headerBox() const { return m_header; }

private:
    void showBlock();
    void updateSummary();

    QList<QStringList> m_block;
    QList<MappingChoice> m_choices;
    QList<int> m_guess; ///< Choice codes
    QCheckBox* m_header;
    ColumnMappingTable* m_table;
    QLabel* m_summary;
};

} // namespace evident::ui
