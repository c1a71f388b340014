// SPDX-License-Identifier: GPL-3.0-or-later
// A read-only table model over one ResultTable of the Results panel.
#pragma once

#include "ui/analysis/resulttables.h"

#include <QAbstractTableModel>

namespace evident::ui {

class ResultTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ResultTableModel(QObject* parent = nullptr);

    void setTable(ResultTable table);
    const ResultTable& table() const { return m_table; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ResultTable m_table;
};

} // namespace evident::ui
