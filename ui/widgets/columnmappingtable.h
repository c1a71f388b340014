// SPDX-License-Identifier: GPL-3.0-or-later
// A preview of tabular data with a role for each column (io::ColumnRole), chosen in a list above the
// column: the mapping step of the CSV import and of a spreadsheet paste the grid cannot match alone.
#pragma once

#include "io/csvimport.h"

#include <QTableWidget>

class QComboBox;

namespace evident::ui {

class ColumnMappingTable : public QTableWidget {
    Q_OBJECT
public:
    explicit ColumnMappingTable(QWidget* parent = nullptr);

    /// Shows `records` (the first `maxRows` of them) under the column names `header`, each record
    /// labelled by its entry of `rowLabels`, with a list of `offered` roles above each column set to
    /// its entry of `guessed` (Ignore when missing).
    void setData(const QStringList& header, const QList<QStringList>& records, const QStringList& rowLabels,
                 const QList<io::ColumnRole>& offered, const QList<io::ColumnRole>& guessed, int maxRows);
    QList<io::ColumnRole> roles() const;
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
