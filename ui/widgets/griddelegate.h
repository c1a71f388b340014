// SPDX-License-Identifier: GPL-3.0-or-later
// Cell editors of the study grid: a list of the ways of reporting an arm for the Type columns, and for
// study characteristics an editable list of suggested values (species, EV source, ...) that still takes
// any text; every other cell is a line edit.
#pragma once

#include <QStyledItemDelegate>

namespace evident::ui {

class GridDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

} // namespace evident::ui
