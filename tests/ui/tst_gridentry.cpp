// SPDX-License-Identifier: GPL-3.0-or-later
// Entering data in the study grid as a reviewer does, through the view: typing a whole row with the
// keyboard (Tab walks the value cells, Return commits), Insert Row, and pasting spreadsheet blocks
// (the value columns in the usual order, the mapping preview when the columns cannot be matched, the
// plausibility notes). Run headless (QT_QPA_PLATFORM=offscreen).
#include "core/project/outcomeanalysis.h"
#include "core/schema/outcomekind.h"
#include "tests/support/testsupport.h"
#include "ui/document/document.h"
#include "ui/models/studytablemodel.h"
#include "ui/widgets/studygridview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QTableWidget>
#include <QTimer>
#include <QUndoStack>

using namespace evident;
using namespace evident::ui;

namespace {

/// Two studies with empty rows and two study characteristics (Year, Dose).
Project entryProject(OutcomeKind kind = OutcomeKind::Continuous) {
    Project project;
    project.covariateNames = {"Year", "Dose"};
    project.studies = {makeStudy(1, "Li 2019", {"2019", "50"}), makeStudy(2, "Wang 2020", {"2020", "100"})};
    Outcome outcome;
    outcome.name = "Glands";
    outcome.kind = kind;
    if (kind == OutcomeKind::Dichotomous)
        outcome.settings.measure = outcomeKindSpec(kind).measures.front();
    for (StudyId id : {1, 2}) {
        OutcomeRow row;
        row.study = id;
        outcome.rows.push_back(row);
    }
    project.outcomes.push_back(outcome);
    return project;
}

/// A project as File > New makes it: one empty continuous outcome, no studies.
[[maybe_unused]] Project newProject() {
    Project project = entryProject();
    project.studies.clear();
    project.outcomes[0].rows.clear();
    return project;
}

/// The view over a document, shown and focused, as in the main window.
struct Grid {
    Document document;
    StudyTableModel model{&document};
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    StudyGridView view;

    explicit Grid(const Project& project) {
        document.resetProject(project);
        view.setStudyModel(&model);
        view.resize(1200, 400);
        view.show();
        view.activateWindow();
        view.setFocus();
    }
    QModelIndex cell(int row, const char* key) const {
        return model.index(row, model.columnOfKey(QString::fromLatin1(key)));
    }
    QString text(int row, const char* key) const { return cell(row, key).data(Qt::EditRole).toString(); }
    const OutcomeRow& row(int r) const {
        return document.project().outcomes[0].rows[static_cast<std::size_t>(r)];
    }
    QString label(int r) const {
        return QString::fromStdString(document.project().study(row(r).study)->label);
    }
};

/// Types `keys` as a keyboard does: each key where the focus is then (the view, or the editor the
/// first key opened).
void typeKeys(const QString& keys) {
    for (QChar key : keys)
        QTest::keyClicks(QApplication::focusWidget(), QString(key));
}

void press(Qt::Key key) {
    QTest::keyClick(QApplication::focusWidget(), key);
}

} // namespace

class TestGridEntry : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void typingARowWithTab_data();
    void typingARowWithTab();
    void digitsOnATypeCellGoToTheNextValue();
    void insertRowOpensAnEmptyStudyCell_data();
    void insertRowOpensAnEmptyStudyCell();
};

void TestGridEntry::initTestCase() {
    QApplication::setEffectEnabled(Qt::UI_AnimateCombo, false);
}

void TestGridEntry::typingARowWithTab_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QStringList>("typed");
    QTest::addColumn<QStringList>("keys");
    // Study, then the value cells in order: Tab never stops at a Type cell.
    QTest::newRow("continuous") << static_cast<int>(OutcomeKind::Continuous)
                                << QStringList{"Zhao 2023", "12", "2", "8", "9", "2.1", "10"}
                                << QStringList{"study", "mean_t", "sd_t", "n_t", "mean_c", "sd_c", "n_c"};
    QTest::newRow("dichotomous") << static_cast<int>(OutcomeKind::Dichotomous)
                                 << QStringList{"Zhao 2023", "3", "8", "6", "10"}
                                 << QStringList{"study", "events_t", "total_t", "events_c", "total_c"};
}

void TestGridEntry::typingARowWithTab() {
    QFETCH(int, kind);
    QFETCH(QStringList, typed);
    QFETCH(QStringList, keys);
    Grid grid(entryProject(static_cast<OutcomeKind>(kind)));
    QVERIFY(QTest::qWaitForWindowActive(&grid.view));
    grid.view.setCurrentIndex(grid.model.index(1, 1)); // the Study cell of row 2
    for (int i = 0; i < typed.size(); ++i) {
        typeKeys(typed[i]);
        press(i + 1 < typed.size() ? Qt::Key_Tab : Qt::Key_Return);
    }
    // Return commits (the item delegate does it from the event loop).
    QTRY_COMPARE(grid.text(1, keys.last().toLatin1().constData()), typed.last());
    for (int i = 1; i < keys.size(); ++i)
        QCOMPARE(grid.text(1, keys[i].toLatin1().constData()), typed[i]);
    QCOMPARE(grid.label(1), typed[0]);
    // Return committed the last cell and closed its editor.
    QVERIFY(!grid.view.indexWidget(grid.view.currentIndex()));
    QCOMPARE(grid.view.currentIndex(), grid.cell(1, keys.last().toLatin1().constData()));
    // Shift+Tab walks back over the same cells.
    QTest::keyClick(&grid.view, Qt::Key_Backtab);
    QCOMPARE(grid.view.currentIndex(), grid.cell(1, keys[keys.size() - 2].toLatin1().constData()));
}

void TestGridEntry::digitsOnATypeCellGoToTheNextValue() {
    Grid grid(entryProject());
    QVERIFY(QTest::qWaitForWindowActive(&grid.view));
    // The arrows still reach a Type cell; there a digit is the start of the next number, not a choice.
    grid.view.setCurrentIndex(grid.cell(0, "dispersion_c"));
    typeKeys(QStringLiteral("10"));
    press(Qt::Key_Return);
    QTRY_COMPARE(grid.text(0, "mean_c"), QStringLiteral("10"));
    QCOMPARE(grid.row(0).controlDispersion, DispersionType::SD);
    // And a letter still chooses the type.
    grid.view.setCurrentIndex(grid.cell(0, "dispersion_c"));
    typeKeys(QStringLiteral("s")); // from SD on to SEM
    QTRY_COMPARE(grid.row(0).controlDispersion, DispersionType::SEM);
}

void TestGridEntry::insertRowOpensAnEmptyStudyCell_data() {
    QTest::addColumn<bool>("below");
    QTest::addColumn<bool>("shortcut");
    QTest::addColumn<int>("newRow");
    QTest::newRow("below, from the menu") << true << false << 1;
    QTest::newRow("above, from the menu") << false << false << 0;
    QTest::newRow("below, Ctrl+Return") << true << true << 1;
    QTest::newRow("above, Ctrl+Shift+Return") << false << true << 0;
}

void TestGridEntry::insertRowOpensAnEmptyStudyCell() {
    QFETCH(bool, below);
    QFETCH(bool, shortcut);
    QFETCH(int, newRow);
    Grid grid(entryProject());
    QVERIFY(QTest::qWaitForWindowActive(&grid.view));
    grid.view.setCurrentIndex(grid.cell(0, "mean_t"));
    if (!shortcut)
        (below ? grid.view.insertRowBelowAction() : grid.view.insertRowAboveAction())->trigger();
    else
        QTest::keyClick(&grid.view, Qt::Key_Return,
                        below ? Qt::ControlModifier : Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(grid.model.rowCount(), 3);
    // The highlight and the current cell are on the new row's Study cell.
    QCOMPARE(grid.view.currentIndex(), grid.model.index(newRow, 1));
    const QModelIndexList selected = grid.view.selectionModel()->selectedIndexes();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.front(), grid.model.index(newRow, 1));
    // Typing replaces the suggested label, whatever it is.
    typeKeys(QStringLiteral("Smith 2020"));
    press(Qt::Key_Return);
    QTRY_COMPARE(grid.label(newRow), QStringLiteral("Smith 2020"));
}

QTEST_MAIN(TestGridEntry)
#include "tst_gridentry.moc"
