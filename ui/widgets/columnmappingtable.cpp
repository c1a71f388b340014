// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/columnmappingtable.h"

#include <QComboBox>
#include <QHeaderView>

#include <algorithm>

namespace evident::ui {

using io::ColumnRole;

ColumnMappingTable::ColumnMappingTable(QWidget* parent)
    : QTableWidget(parent) {
    setEditTriggers(QAbstractItemView::NoEditTriggers);
}

QList<MappingChoice> ColumnMappingTable::choicesOf(const QList<ColumnRole>& roles) {
    QList<MappingChoice> choices;
    for (const ColumnRole& role : roles)
        choices.append({io::columnRoleTitle(role), role.code()});
    return choices;
}

void ColumnMappingTable::setData(const QStringList& header, const QList<QStringList>& records,
                                 const QStringList& rowLabels, const QList<MappingChoice>& choices,
                                 const QList<int>& guessed, int maxRows) {
    // Row 0 holds the role of each column; the records follow.
    clear();
    m_roleBoxes.clear();
    setColumnCount(static_cast<int>(header.size()));
    setRowCount(1 + static_cast<int>(std::min<qsizetype>(records.size(), maxRows)));
    setHorizontalHeaderLabels(header);
    QStringList labels{tr("Role")};
    for (int r = 0; r < rowCount() - 1; ++r)
        labels.append(rowLabels.value(r));
    setVerticalHeaderLabels(labels);
    for (int c = 0; c < header.size(); ++c) {
        auto* box = new QComboBox(this);
        // Narrow columns, so that a row of data fits the dialog; the list shows the names in full.
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(13);
        for (const MappingChoice& choice : choices)
            box->addItem(choice.title, choice.code);
        box->setCurrentIndex(std::max(0, box->findData(guessed.value(c, ColumnRole::Ignore.code()))));
        connect(box, &QComboBox::activated, this, &ColumnMappingTable::rolesChanged);
        setCellWidget(0, c, box);
        m_roleBoxes.append(box);
        for (int r = 0; r < rowCount() - 1; ++r) {
            auto* item = new QTableWidgetItem(records[r].value(c));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            setItem(r + 1, c, item);
        }
    }
    resizeColumnsToContents();
}

QList<ColumnRole> ColumnMappingTable::roles() const {
    QList<ColumnRole> list;
    for (int code : codes())
        list.append(code < 0 ? ColumnRole::Covariate : ColumnRole::fromCode(code));
    return list;
}

QList<int> ColumnMappingTable::codes() const {
    QList<int> list;
    for (QComboBox* box : m_roleBoxes)
        list.append(box->currentData().toInt());
    return list;
}

void ColumnMappingTable::setRole(int column, ColumnRole role) {
    if (QComboBox* box = m_roleBoxes.value(column))
        box->setCurrentIndex(box->findData(role.code()));
}

} // namespace evident::ui
