// SPDX-License-Identifier: GPL-3.0-or-later
// The editor of a SYRCLE judgement cell: a list of Low, High, Unclear risk and Not assessed, each with
// its symbol (typing its first letter picks it).
#pragma once

#include <QStyledItemDelegate>

namespace evident::ui {

class RobJudgementDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

} // namespace evident::ui
