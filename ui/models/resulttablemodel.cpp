// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/resulttablemodel.h"

namespace evident::ui {

ResultTableModel::ResultTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ResultTableModel::setTable(ResultTable table) {
    const bool sameShape = table.header == m_table.header && table.rows.size() == m_table.rows.size();
    if (sameShape) {
        // Keeps the views' selection and scroll position while the numbers change under them.
        m_table = std::move(table);
        if (rowCount() > 0 && columnCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int ResultTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows.size());
}

int ResultTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_table.header.size());
}

QVariant ResultTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return m_table.displayText(index.row(), index.column());
    case Qt::TextAlignmentRole: {
        const bool text = m_table.formats.value(index.column(), CellFormat::Text) == CellFormat::Text;
        return QVariant::fromValue(
            Qt::Alignment(text ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter));
    }
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return {};
    return m_table.header[section];
}

} // namespace evident::ui
