// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/riskofbiasview.h"

#include "core/project/riskofbias.h"
#include "io/qtext.h"
#include "ui/document/document.h"
#include "ui/models/robtablemodel.h"
#include "ui/widgets/robjudgementdelegate.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace evident::ui {
RiskOfBiasView::RiskOfBiasView(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new RobTableModel(document, this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_question(new QLabel(this))
    , m_judgements(new QButtonGroup(this))
    , m_support(new QPlainTextEdit(this)) {
    auto* intro = new QLabel(
        tr("SYRCLE's risk of bias tool for animal studies (Hooijmans et al. 2014). Select cells and press "
           "<b>L</b> (low), <b>H</b> (high) or <b>U</b> (unclear), or double-click a cell; write the support "
           "for a judgement below."),
        this);
    intro->setWordWrap(true);

    m_table->setModel(m_model);
    m_table->setItemDelegate(new RobJudgementDelegate(m_table));
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->installEventFilter(this);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RiskOfBiasView::resizeColumns);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RiskOfBiasView::resizeColumns);
    resizeColumns();

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_question->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    for (RobJudgement judgement :
         {RobJudgement::Low, RobJudgement::High, RobJudgement::Unclear, RobJudgement::NotAssessed}) {
        auto* button = new QRadioButton(qs(judgementLabel(judgement)), detail);
        button->setIcon(RobTableModel::judgementIcon(judgement));
        m_judgements->addButton(button, static_cast<int>(judgement));
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    m_support->setPlaceholderText(
        tr("Support for the judgement, e.g. a quote from the paper and where it is"));
    m_support->setTabChangesFocus(true);
    // A few lines: a quote and where it is. The table of studies gets the rest of the height.
    m_support->setMaximumHeight(m_support->fontMetrics().lineSpacing() * 5 + 12);
    detailLayout->addWidget(m_summary);
    detailLayout->addWidget(m_question);
    detailLayout->addLayout(buttons);
    detailLayout->addWidget(m_support);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(intro);
    layout->addWidget(splitter, 1);

    connect(m_judgements, &QButtonGroup::idClicked, this, [this](int id) {
        if (m_updating || !m_table->currentIndex().isValid())
            return;
        m_model->setJudgements({m_table->currentIndex()}, static_cast<RobJudgement>(id));
    });
    connect(m_support, &QPlainTextEdit::textChanged, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (m_updating || !current.isValid() || RobTableModel::itemOfColumn(current.column()) < 0)
            return;
        m_model->setData(current, m_support->toPlainText(), RobTableModel::SupportRole);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RiskOfBiasView::refreshDetail);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RiskOfBiasView::refreshDetail);
    // The hint below the table depends on whether there are studies at all.
    connect(m_model, &QAbstractItemModel::modelReset, this, &RiskOfBiasView::refreshDetail);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RiskOfBiasView::refreshDetail);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RiskOfBiasView::refreshDetail);
    refreshDetail();
}

void RiskOfBiasView::resizeColumns() {
    m_table->resizeColumnToContents(0);
    m_table->horizontalHeader()->resizeSection(0, std::min(m_table->horizontalHeader()->sectionSize(0), 220));
    // Judgement columns as wide as their two-line header or "Unclear" with its symbol.
    const int word = fontMetrics().horizontalAdvance(tr("Unclear")) + 40;
    for (int c = 1; c < m_model->columnCount(); ++c) {
        int header = 0;
        for (const QString& line : m_model->headerData(c, Qt::Horizontal).toString().split(QLatin1Char('\n')))
            header = std::max(header, fontMetrics().horizontalAdvance(line) + 16);
        m_table->horizontalHeader()->resizeSection(c, std::max(word, header));
    }
}

void RiskOfBiasView::setCurrentCell(int row, int column) {
    m_table->setCurrentIndex(m_model->index(row, column));
}

void RiskOfBiasView::refreshDetail() {
    const QModelIndex current = m_table->currentIndex();
    const int item = current.isValid() ? RobTableModel::itemOfColumn(current.column()) : -1;
    m_updating = true;
    const bool editable = item >= 0;
    for (QAbstractButton* button : m_judgements->buttons())
        button->setEnabled(editable);
    m_support->setEnabled(editable);
    if (!editable) {
        m_summary->setText(m_model->rowCount() == 0 ? tr("No studies yet: add them in the outcome grid.")
                                                    : tr("Select a judgement cell."));
        m_question->clear();
        m_judgements->setExclusive(false);
        for (QAbstractButton* button : m_judgements->buttons())
            button->setChecked(false);
        m_judgements->setExclusive(true);
        if (!m_support->toPlainText().isEmpty())
            m_support->clear();
        m_updating = false;
        return;
    }
    const SyrcleItem& syrcle = syrcleItems()[static_cast<std::size_t>(item)];
    const QString study = m_model->index(current.row(), 0).data().toString();
    m_summary->setText(tr("%1 \u2014 %2. %3").arg(study).arg(item + 1).arg(qs(syrcle.label)));
    m_question->setText(tr("%1: %2").arg(qs(syrcle.domain), qs(syrcle.question)));
    if (QAbstractButton* button = m_judgements->button(current.data(RobTableModel::JudgementRole).toInt()))
        button->setChecked(true);
    const QString support = current.data(RobTableModel::SupportRole).toString();
    if (support != m_support->toPlainText())
        m_support->setPlainText(support); // only when it differs, so typing keeps the cursor
    m_updating = false;
}

bool RiskOfBiasView::eventFilter(QObject* watched, QEvent* event) {
    // Keys typed into an open editor go to the editor, not to the table: only the table's own keys
    // arrive here.
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier))
            return false;
        std::optional<RobJudgement> judgement;
        const QString text = key->text().toLower();
        if (text == QLatin1String("l") || text == QLatin1String("+"))
            judgement = RobJudgement::Low;
        else if (text == QLatin1String("h") || text == QLatin1String("-"))
            judgement = RobJudgement::High;
        else if (text == QLatin1String("u") || text == QLatin1String("?"))
            judgement = RobJudgement::Unclear;
        else if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace)
            judgement = RobJudgement::NotAssessed;
        if (!judgement)
            return false;
        QModelIndexList cells = m_table->selectionModel()->selectedIndexes();
        if (cells.isEmpty() && m_table->currentIndex().isValid())
            cells.append(m_table->currentIndex());
        m_model->setJudgements(cells, *judgement);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace evident::ui
