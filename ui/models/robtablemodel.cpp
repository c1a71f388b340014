// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/robtablemodel.h"

#include "io/qtext.h"
#include "ui/commands/valuecommands.h"
#include "ui/document/document.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QUndoStack>

#include <array>

namespace evident::ui {
namespace {

/// The word shown in a cell beside the symbol.
QString judgementWord(RobJudgement judgement) {
    switch (judgement) {
    case RobJudgement::Low:
        return RobTableModel::tr("Low");
    case RobJudgement::High:
        return RobTableModel::tr("High");
    case RobJudgement::Unclear:
        return RobTableModel::tr("Unclear");
    case RobJudgement::NotAssessed:
        break;
    }
    return {};
}

QColor blend(const QColor& base, const QColor& tint, double share) {
    return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - share) + tint.redF() * share),
                            static_cast<float>(base.greenF() * (1 - share) + tint.greenF() * share),
                            static_cast<float>(base.blueF() * (1 - share) + tint.blueF() * share));
}

} // namespace

RobTableModel::RobTableModel(Document* document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document) {
    syncStudies();
    // Studies come and go with rows of outcomes, imports and undo: follow the project's list.
    connect(document, &Document::changed, this, &RobTableModel::syncStudies);
    connect(document, &Document::projectReset, this, &RobTableModel::syncStudies);
    connect(document, &Document::studyChanged, this, [this](StudyId study) {
        for (std::size_t r = 0; r < m_studies.size(); ++r)
            if (m_studies[r] == study)
                emit dataChanged(index(static_cast<int>(r), 0),
                                 index(static_cast<int>(r), columnCount() - 1));
    });
}

void RobTableModel::syncStudies() {
    std::vector<StudyId> ids;
    for (const Study& study : m_document->project().studies)
        ids.push_back(study.id);
    if (ids == m_studies)
        return;
    // Studies are added or removed as a block (rows, an import, an undo): keep the common head and
    // tail, and remove and insert only the middle, so a view keeps its selection and scroll position.
    std::size_t head = 0;
    while (head < ids.size() && head < m_studies.size() && ids[head] == m_studies[head])
        ++head;
    std::size_t tail = 0;
    while (tail < ids.size() - head && tail < m_studies.size() - head
           && ids[ids.size() - 1 - tail] == m_studies[m_studies.size() - 1 - tail])
        ++tail;
    const auto first = static_cast<int>(head);
    if (m_studies.size() > head + tail) {
        beginRemoveRows(QModelIndex(), first, static_cast<int>(m_studies.size() - tail) - 1);
        m_studies.erase(m_studies.begin() + static_cast<std::ptrdiff_t>(head),
                        m_studies.end() - static_cast<std::ptrdiff_t>(tail));
        endRemoveRows();
    }
    if (ids.size() > head + tail) {
        beginInsertRows(QModelIndex(), first, static_cast<int>(ids.size() - tail) - 1);
        m_studies.insert(m_studies.begin() + static_cast<std::ptrdiff_t>(head),
                         ids.begin() + static_cast<std::ptrdiff_t>(head),
                         ids.end() - static_cast<std::ptrdiff_t>(tail));
        endInsertRows();
    }
}

int RobTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_studies.size());
}

int RobTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(syrcleItemCount) + 1;
}

StudyId RobTableModel::studyAt(int row) const {
    return row >= 0 && row < static_cast<int>(m_studies.size()) ? m_studies[static_cast<std::size_t>(row)]
                                                                : 0;
}

const Study* RobTableModel::studyOf(int row) const {
    return m_document->project().study(studyAt(row));
}

QColor RobTableModel::judgementColor(RobJudgement judgement) {
    switch (judgement) {
    case RobJudgement::Low:
        return {26, 150, 65};
    case RobJudgement::High:
        return {215, 25, 28};
    case RobJudgement::Unclear:
        return {230, 185, 0};
    case RobJudgement::NotAssessed:
        break;
    }
    return {};
}

QIcon RobTableModel::judgementIcon(RobJudgement judgement) {
    if (judgement == RobJudgement::NotAssessed)
        return {};
    static std::array<QIcon, 4> cache;
    QIcon& icon = cache[static_cast<std::size_t>(judgement)];
    if (!icon.isNull())
        return icon;
    for (int size : {16, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(judgementColor(judgement));
        painter.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0));
        // The glyph: white on green and red, black on amber, drawn as strokes so no font is needed.
        QPen pen(judgement == RobJudgement::Unclear ? Qt::black : Qt::white, size / 8.0);
        pen.setCapStyle(Qt::RoundCap);
        painter.setPen(pen);
        const double c = size / 2.0, r = size * 0.26;
        if (judgement == RobJudgement::Low) {
            painter.drawLine(QPointF(c - r, c), QPointF(c + r, c));
            painter.drawLine(QPointF(c, c - r), QPointF(c, c + r));
        } else if (judgement == RobJudgement::High) {
            painter.drawLine(QPointF(c - r, c), QPointF(c + r, c));
        } else {
            QFont font = QApplication::font();
            font.setBold(true);
            font.setPixelSize(static_cast<int>(size * 0.75));
            painter.setFont(font);
            painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, QStringLiteral("?"));
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QString RobTableModel::itemHeader(std::size_t item) {
    static const std::array<const char*, syrcleItemCount> headers{
        QT_TR_NOOP("Sequence\ngeneration"),    QT_TR_NOOP("Baseline\ncharacteristics"),
        QT_TR_NOOP("Allocation\nconcealment"), QT_TR_NOOP("Random\nhousing"),
        QT_TR_NOOP("Blinding\n(caregivers)"),  QT_TR_NOOP("Random outcome\nassessment"),
        QT_TR_NOOP("Blinding\n(assessor)"),    QT_TR_NOOP("Incomplete\noutcome data"),
        QT_TR_NOOP("Selective\nreporting"),    QT_TR_NOOP("Other\nbias")};
    return item < syrcleItemCount ? tr(headers[item]) : QString();
}

QVariant RobTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Study* study = studyOf(index.row());
    if (!study)
        return {};
    if (role == StudyIdRole)
        return QVariant::fromValue<qulonglong>(study->id);
    const int item = itemOfColumn(index.column());
    if (item < 0) {
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return QString::fromStdString(study->label);
        if (role == Qt::ToolTipRole)
            return tr("Study label; edit it in the outcome grid");
        return {};
    }
    const RobItemAssessment& assessment = study->riskOfBias.items[static_cast<std::size_t>(item)];
    const SyrcleItem& syrcle = syrcleItems()[static_cast<std::size_t>(item)];
    switch (role) {
    case Qt::DisplayRole:
        return judgementWord(assessment.judgement);
    case Qt::EditRole:
        return qs(judgementKey(assessment.judgement));
    case Qt::DecorationRole:
        return judgementIcon(assessment.judgement);
    case Qt::BackgroundRole:
        if (assessment.judgement == RobJudgement::NotAssessed)
            return {};
        return blend(QApplication::palette().color(QPalette::Base), judgementColor(assessment.judgement),
                     0.22);
    case Qt::ToolTipRole: {
        QString text = QStringLiteral("%1 (%2)\n%3\n\n%4")
                           .arg(qs(syrcle.label), qs(syrcle.domain), qs(syrcle.question),
                                qs(judgementLabel(assessment.judgement)));
        if (!assessment.support.empty())
            text += tr("\nSupport: %1").arg(QString::fromStdString(assessment.support));
        return text;
    }
    case JudgementRole:
        return static_cast<int>(assessment.judgement);
    case SupportRole:
        return QString::fromStdString(assessment.support);
    default:
        return {};
    }
}

QVariant RobTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole && section >= 0 && section < rowCount() ? QVariant(section + 1)
                                                                               : QVariant();
    if (section < 0 || section >= columnCount())
        return {};
    const int item = itemOfColumn(section);
    if (role == Qt::DisplayRole)
        return item < 0 ? tr("Study") : itemHeader(static_cast<std::size_t>(item));
    if (role == Qt::ToolTipRole && item >= 0) {
        const SyrcleItem& syrcle = syrcleItems()[static_cast<std::size_t>(item)];
        return tr("%1. %2 (%3)\n%4")
            .arg(item + 1)
            .arg(qs(syrcle.label), qs(syrcle.domain), qs(syrcle.question));
    }
    return {};
}

Qt::ItemFlags RobTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    const Qt::ItemFlags common = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return itemOfColumn(index.column()) < 0 ? common : common | Qt::ItemIsEditable;
}

bool RobTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid) || !studyOf(index.row()))
        return false;
    const int item = itemOfColumn(index.column());
    if (item < 0)
        return false;
    const StudyId study = studyAt(index.row());
    QUndoCommand* command = nullptr;
    if (role == Qt::EditRole) {
        const auto judgement = parseJudgement(value.toString().toStdString());
        if (!judgement)
            return false;
        command = makeRobJudgementChange(m_document, study, static_cast<std::size_t>(item), *judgement);
    } else if (role == SupportRole) {
        command = makeRobSupportChange(m_document, study, static_cast<std::size_t>(item),
                                       value.toString().toStdString());
    } else {
        return false;
    }
    if (command)
        m_document->undoStack()->push(command);
    return true;
}

void RobTableModel::setJudgements(const QModelIndexList& cells, RobJudgement judgement) {
    std::vector<QUndoCommand*> commands;
    for (const QModelIndex& cell : cells) {
        const int item = itemOfColumn(cell.column());
        if (cell.isValid() && item >= 0 && studyOf(cell.row()))
            if (QUndoCommand* command = makeRobJudgementChange(m_document, studyAt(cell.row()),
                                                               static_cast<std::size_t>(item), judgement))
                commands.push_back(command);
    }
    if (commands.empty())
        return;
    QUndoStack* stack = m_document->undoStack();
    stack->beginMacro(tr("Judge %n item(s) as %1", nullptr, static_cast<int>(commands.size()))
                          .arg(qs(judgementLabel(judgement)).toLower()));
    for (QUndoCommand* command : commands)
        stack->push(command);
    stack->endMacro();
}

} // namespace evident::ui
