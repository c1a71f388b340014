// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/robjudgementdelegate.h"

#include "core/project/riskofbias.h"
#include "ui/models/robtablemodel.h"

#include <QComboBox>

namespace evident::ui {

QWidget* RobJudgementDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                            const QModelIndex& index) const {
    if (RobTableModel::itemOfColumn(index.column()) < 0)
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto* box = new QComboBox(parent);
    for (RobJudgement judgement :
         {RobJudgement::Low, RobJudgement::High, RobJudgement::Unclear, RobJudgement::NotAssessed}) {
        const std::string_view label = judgementLabel(judgement);
        const std::string_view key = judgementKey(judgement);
        box->addItem(RobTableModel::judgementIcon(judgement),
                     QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size())),
                     QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size())));
    }
    connect(box, &QComboBox::activated, this, [this, box] {
        emit const_cast<RobJudgementDelegate*>(this)->commitData(box);
        emit const_cast<RobJudgementDelegate*>(this)->closeEditor(box);
    });
    return box;
}

void RobJudgementDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    if (auto* box = qobject_cast<QComboBox*>(editor)) {
        const int found = box->findData(index.data(Qt::EditRole).toString());
        box->setCurrentIndex(found >= 0 ? found : box->count() - 1);
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void RobJudgementDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                        const QModelIndex& index) const {
    if (auto* box = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, box->currentData().toString());
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace evident::ui
