// SPDX-License-Identifier: GPL-3.0-or-later
// SYRCLE risk-of-bias entry: one row per study of the project, one column per item of the tool. A view
// over the document: edits push undo commands (ui/commands/valuecommands.h), and the model changes when
// the document says so. Judgements show a symbol and a word as well as a colour, never colour alone.
#pragma once

#include "core/project/project.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <vector>

namespace evident::ui {

class Document;

class RobTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        JudgementRole = Qt::UserRole + 1, ///< The judgement (int of RobJudgement)
        SupportRole,                      ///< The support text (QString); setData() edits it
        StudyIdRole,                      ///< The row's study id (qulonglong)
    };

    explicit RobTableModel(Document* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    /// EditRole: a judgement as text ("low", "high", "unclear", "+", "-", "?", "" for not assessed, or
    /// the labels "Low risk"...); SupportRole: the support text. Each is one undo step.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    /// Gives every judgement cell of `cells` the same judgement, in one undo step (keyboard entry).
    void setJudgements(const QModelIndexList& cells, RobJudgement judgement);

    /// The SYRCLE item of a column (columns 1 to 10), or -1 for the study column.
    static int itemOfColumn(int column) { return column - 1; }
    StudyId studyAt(int row) const;

    /// The symbol of a judgement: a coloured disc with +, −, ? (empty icon when not assessed).
    static QIcon judgementIcon(RobJudgement judgement);
    /// Short column headers on two lines ("Sequence\ngeneration").
    static QString itemHeader(std::size_t item);
    /// The judgement's colour (green, red, amber).
    static QColor judgementColor(RobJudgement judgement);

private:
    void syncStudies();
    const Study* studyOf(int row) const;

    Document* m_document;
    std::vector<StudyId> m_studies; ///< The rows, in project order
};

} // namespace evident::ui
