// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/griddelegate.h"

#include "core/project/characteristics.h"
#include "io/qtext.h"
#include "ui/document/cellfield.h"
#include "ui/models/studytablemodel.h"

#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QTimer>

#include <memory>

namespace evident::ui {
namespace {

const GridColumn* columnOf(const QModelIndex& index) {
    const auto* model = qobject_cast<const StudyTableModel*>(index.model());
    if (!model || index.column() < 0 || index.column() >= static_cast<int>(model->columns().size()))
        return nullptr;
    return &model->columns()[static_cast<std::size_t>(index.column())];
}

/// A categorical standard characteristic: offered as a list one can still type into.
bool offersList(const GridColumn& column) {
    if (column.kind != CellAddress::Kind::Covariate)
        return false;
    const StudyCharacteristic* characteristic = findCharacteristic(column.title.toStdString());
    return characteristic && !characteristic->numeric;
}

} // namespace

QWidget* GridDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                    const QModelIndex& index) const {
    const GridColumn* column = columnOf(index);
    if (column && column->kind == CellAddress::Kind::Dispersion) {
        auto* box = new QComboBox(parent);
        for (DispersionType type : allDispersionTypes) {
            // The items read as the cell does, so typing a type's first letter ("c", "s", "m") finds
            // it, in the closed box as in its list; the long label is the item's tooltip.
            box->addItem(QString::fromLatin1(dispersionShortLabel(type)), qs(dispersionKey(type)));
            box->setItemData(box->count() - 1, qs(dispersionLabel(type)), Qt::ToolTipRole);
        }
        box->setToolTip(column->toolTip);
        // A choice is a complete edit: commit it at once, which brings the type's columns. The key
        // that opened the editor may already have chosen; then the list must not open (the commit
        // can deliver the queued call below before the editor is closed).
        auto chosen = std::make_shared<bool>(false);
        connect(box, &QComboBox::activated, this, [this, box, chosen] {
            *chosen = true;
            emit const_cast<GridDelegate*>(this)->commitData(box);
            emit const_cast<GridDelegate*>(this)->closeEditor(box);
        });
        QTimer::singleShot(0, box, [box, chosen] {
            if (!*chosen)
                box->showPopup();
        });
        return box;
    }
    const QStringList suggestions = index.data(StudyTableModel::SuggestionsRole).toStringList();
    if (column && offersList(*column)) {
        auto* box = new QComboBox(parent);
        box->setEditable(true);
        box->setInsertPolicy(QComboBox::NoInsert);
        box->addItems(suggestions);
        box->completer()->setCaseSensitivity(Qt::CaseInsensitive);
        box->completer()->setCompletionMode(QCompleter::PopupCompletion);
        return box;
    }
    QWidget* editor = QStyledItemDelegate::createEditor(parent, option, index);
    if (auto* line = qobject_cast<QLineEdit*>(editor); line && !suggestions.isEmpty()) {
        auto* completer = new QCompleter(suggestions, line);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        line->setCompleter(completer);
    }
    return editor;
}

void GridDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    if (auto* box = qobject_cast<QComboBox*>(editor)) {
        const QString value = index.data(Qt::EditRole).toString();
        if (box->isEditable()) {
            box->setEditText(value);
        } else {
            const int found = box->findData(value);
            box->setCurrentIndex(found >= 0 ? found : 0);
        }
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void GridDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const {
    if (auto* box = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, box->isEditable() ? box->currentText() : box->currentData().toString());
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace evident::ui
