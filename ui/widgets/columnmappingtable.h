// SPDX-License-Identifier: GPL-3.0-or-later
// A preview of tabular data with a role for each column (io::ColumnRole), chosen in a list above the
// column: the mapping step of the CSV import and of a spreadsheet paste the grid cannot match alone.
#pragma once

#include "io/csvimport.h"

#include <QTableWidget>

class QComboBox;

namespace evident::ui {

/// One entry of a column's list: a role (its ColumnRole::code()), or one of the project's study
/// characteristics (code -1 - its index, read as ColumnRole::Covariate).
struct MappingChoice {
    QString title;
    int code = 0;
    static int ofCovariate(int index) { return -1 - index; }
    /// The characteristic a code names, or -1.
    static int covariateOf(int code) { return code < 0 ? -1 - code : -1; }
};

class ColumnMappingTable : public QTableWidget {
    Q_OBJECT
public:
    explicit ColumnMappingTable(QWidget* parent = nullptr);

    /// The choices of these roles, with their names (io::columnRoleTitle).
    static QList<MappingChoice> choicesOf(const QList<io::ColumnRole>& roles);

    /// Shows `records` (the first `maxRows` of them) under the column names `header`, each record
    /// labelled by its entry of `rowLabels`, with a list of the `choices` above each column set to the
    /// code of its entry of `guessed` (the first choice when missing).
    void setData(const QStringList& header, const QList<QStringList>& records, const QStringList& rowLabels,
                 const QList<MappingChoice>& choices, const QList<int>& guessed, int maxRows);
    /// The role of each column (a characteristic's choice: Covariate), and the raw codes.
    QList<io::ColumnRole> roles() const;
    QList<int> codes() const;
    void setRole(int column, io::ColumnRole role);
    /// The list of roles above a column (for tests and screenshots).
    QComboBox* roleBox(int column) const { return m_roleBoxes.value(column); }

signals:
    /// The user chose another role for a column.
    void rolesChanged();

private:
    QList<QComboBox*> m_roleBoxes;
};

} // namespace evident::ui
