// SPDX-License-Identifier: GPL-3.0-or-later
// Entering data in the study grid as a reviewer does, through the view: typing a whole row with the
// keyboard (Tab walks the value cells, Return commits), Insert Row, and pasting spreadsheet blocks
// (the value columns in the usual order, the mapping preview when the columns cannot be matched, the
// plausibility notes). Run headless (QT_QPA_PLATFORM=offscreen).
#include "core/project/outcomeanalysis.h"
#include "core/schema/outcomekind.h"
#include "tests/support/testsupport.h"
#include "ui/dialogs/pastemappingdialog.h"
#include "ui/document/document.h"
#include "ui/models/studytablemodel.h"
#include "ui/models/tabseparated.h"
#include "ui/widgets/columnmappingtable.h"
#include "ui/widgets/resultspanel.h"
#include "ui/widgets/studygridview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
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
Project newProject() {
    Project project = entryProject();
    project.covariateNames.clear();
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
    void oneNumberPastedOnATypeCellGoesToTheNextValue();
    void aPastedSdMakesAnSemRowAnSdRow();
    void pastedSpreadTypes_data();
    void pastedSpreadTypes();
    void insertRowOpensAnEmptyStudyCell_data();
    void insertRowOpensAnEmptyStudyCell();
    void pasteInTheUsualOrder_data();
    void pasteInTheUsualOrder();
    void pasteAsksWhenTheColumnsCannotBeMatched_data();
    void pasteAsksWhenTheColumnsCannotBeMatched();
    void mappingPreviewPastesAsMapped_data();
    void mappingPreviewPastesAsMapped();
    void mappingPreviewChoosesTheCharacteristic();
    void copiedBlocksStillPasteAsColumns();
    void plausibilityNotesAreMarked();
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

void TestGridEntry::oneNumberPastedOnATypeCellGoesToTheNextValue() {
    // As one typed there: the Type cell keeps its type, the number goes to the row's next value cell
    // (the Mean of a mean-based row, the Median of a median-based one); text is not a number.
    Grid grid(entryProject());
    QVERIFY(QTest::qWaitForWindowActive(&grid.view));
    const auto pasteOn = [&](const char* key, const QString& text) {
        grid.view.setCurrentIndex(grid.cell(0, key));
        QApplication::clipboard()->setText(text);
        grid.view.pasteClipboard();
    };
    pasteOn("dispersion_c", QStringLiteral("9.5"));
    QCOMPARE(grid.text(0, "mean_c"), QStringLiteral("9.5"));
    QCOMPARE(grid.row(0).controlDispersion, DispersionType::SD);
    QCOMPARE(grid.view.currentIndex(), grid.cell(0, "mean_c"));
    QCOMPARE(grid.document.undoStack()->count(), 1);
    // A type pasted there is a type.
    pasteOn("dispersion_c", QStringLiteral("MEDIAN_IQR"));
    QCOMPARE(grid.row(0).controlDispersion, DispersionType::MedianIQR);
    // A median-based arm: its next value cell is the Median.
    pasteOn("dispersion_c", QStringLiteral("7"));
    QCOMPARE(grid.view.currentIndex().column(), grid.model.columnOfKey(QStringLiteral("median_c")));
    QCOMPARE(grid.text(0, "median_c"), QStringLiteral("7"));
}

void TestGridEntry::aPastedSdMakesAnSemRowAnSdRow() {
    // A row entered as mean ± SEM, pasted over with mean, SD and n in the usual order: the pasted SD
    // is analysed (not the old SEM, which the SD column would otherwise leave in force), and the
    // status says the type changed.
    Grid grid(entryProject());
    grid.model.paste({grid.cell(0, "dispersion_t")}, QStringLiteral("SEM"));
    grid.model.paste({grid.cell(0, "sem_t")}, QStringLiteral("0.5"));
    QCOMPARE(grid.row(0).treatedDispersion, DispersionType::SEM);
    const PasteResult result =
        grid.model.paste({grid.cell(0, "study")}, QStringLiteral("Zhao 2023\t12.0\t2.0\t8\t9.0\t2.1\t8"));
    QVERIFY(!result.needsMapping);
    QCOMPARE(grid.row(0).treatedDispersion, DispersionType::SD);
    QCOMPARE(grid.row(0).controlDispersion, DispersionType::SD);
    QVERIFY2(
        result.notes.contains(QStringLiteral("Row(s) 1: the treated group is now Mean ± SD, as pasted.")),
        qPrintable(result.notes.join(QLatin1Char('\n'))));
    QCOMPARE(result.notes.size(), 2); // The usual order, and the treated group's type
    const PreparedOutcome prepared =
        analyseOutcome(grid.document.project(), *grid.document.currentOutcomeData()).prepared;
    QCOMPARE(prepared.treated.at(0).sd, 2.0);
    // One undo takes the whole paste back, type included.
    grid.document.undoStack()->undo();
    QCOMPARE(grid.row(0).treatedDispersion, DispersionType::SEM);
}

void TestGridEntry::pastedSpreadTypes_data() {
    // The treated arm of a row pasted with the columns Mean T, SD T, SEM T (and Type T, in the last row).
    QTest::addColumn<QStringList>("row");
    QTest::addColumn<bool>("typeColumn");
    QTest::addColumn<int>("type"); // -1: none
    QTest::newRow("an SD") << QStringList{"12", "2.0", ""} << false << int(DispersionType::SD);
    QTest::newRow("an SEM") << QStringList{"12", "", "0.7"} << false << int(DispersionType::SEM);
    QTest::newRow("both: the SD") << QStringList{"12", "2.0", "0.7"} << false << int(DispersionType::SD);
    QTest::newRow("'NR' is no SD") << QStringList{"12", "NR", ""} << false << -1;
    QTest::newRow("no spread") << QStringList{"12", "", ""} << false << -1;
    QTest::newRow("a type column decides") << QStringList{"12", "2.0", "", "SEM"} << true << -1;
}

void TestGridEntry::pastedSpreadTypes() {
    QFETCH(QStringList, row);
    QFETCH(bool, typeColumn);
    QFETCH(int, type);
    PasteMapping mapping;
    mapping.roles = {io::ColumnRole::ofField(EntryField::MeanTreated),
                     io::ColumnRole::ofField(EntryField::SdTreated),
                     io::ColumnRole::ofField(EntryField::SemTreated)};
    if (typeColumn)
        mapping.roles << io::ColumnRole::dispersion(ArmSide::Treated);
    const auto pasted = pastedSpreadType(mapping, row, ArmSide::Treated);
    QCOMPARE(pasted ? int(*pasted) : -1, type);
    QVERIFY(!pastedSpreadType(mapping, row, ArmSide::Control)); // The control arm was not pasted
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

void TestGridEntry::pasteInTheUsualOrder_data() {
    QTest::addColumn<bool>("fresh");    // a new project's empty grid, else entryProject()
    QTest::addColumn<int>("kind");      // of entryProject()
    QTest::addColumn<QString>("start"); // the column key pasted on
    QTest::addColumn<QString>("block");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("readAs"); // the status note's list of columns ("": no note)
    const QStringList continuous{"mean_t", "sd_t", "n_t", "mean_c", "sd_c", "n_c"};
    const QStringList numbers{"12.0", "2.0", "8", "9.0", "2.1", "8"};
    const QString six = QStringLiteral("Mean T, SD T, n T, Mean C, SD C, n C");
    QTest::newRow("new project, study and six numbers")
        << true << 0 << "study"
        << "Zhao 2023\t12.0\t2.0\t8\t9.0\t2.1\t8" << continuous << numbers << "Study, " + six;
    QTest::newRow("existing outcome, with the two characteristics")
        << false << 0 << "study"
        << "Zhao 2023\t12.0\t2.0\t8\t9.0\t2.1\t8\t2023\t50" << continuous + QStringList{"Year", "Dose"}
        << numbers + QStringList{"2023", "50"} << "Study, " + six + ", Year, Dose";
    QTest::newRow("existing outcome, without the characteristics")
        << false << 0 << "study"
        << "Zhao 2023\t12.0\t2.0\t8\t9.0\t2.1\t8" << continuous << numbers << "Study, " + six;
    QTest::newRow("pasted on Mean T: the six numbers")
        << false << 0 << "mean_t"
        << "12.0\t2.0\t8\t9.0\t2.1\t8" << continuous << numbers << six;
    QTest::newRow("pasted on Type T: the numbers start at Mean T")
        << false << 0 << "dispersion_t"
        << "12.0\t2.0\t8\t9.0\t2.1\t8" << continuous << numbers << six;
    QTest::newRow("dichotomous, with the characteristics")
        << false << static_cast<int>(OutcomeKind::Dichotomous) << "study"
        << "Zhao 2023\t3\t8\t6\t10\t2023\t50"
        << QStringList{"events_t", "total_t", "events_c", "total_c", "Year", "Dose"}
        << QStringList{"3", "8", "6", "10", "2023", "50"} << ""; // The grid's own order: pasted as columns
}

void TestGridEntry::pasteInTheUsualOrder() {
    QFETCH(bool, fresh);
    QFETCH(int, kind);
    QFETCH(QString, start);
    QFETCH(QString, block);
    QFETCH(QStringList, keys);
    QFETCH(QStringList, values);
    QFETCH(QString, readAs);
    Grid grid(fresh ? newProject() : entryProject(static_cast<OutcomeKind>(kind)));
    const int row = fresh ? 0 : 1;
    QModelIndexList cells;
    if (!fresh)
        cells << grid.cell(row, start.toLatin1().constData());
    const PasteResult result = grid.model.paste(cells, block);
    QVERIFY(!result.needsMapping);
    QCOMPARE(grid.document.undoStack()->count(), 1);
    for (qsizetype i = 0; i < keys.size(); ++i)
        QCOMPARE(grid.text(row, keys[i].toLatin1().constData()), values[i]);
    if (start == QLatin1String("study"))
        QCOMPARE(grid.label(row), QStringLiteral("Zhao 2023"));
    // The Type cells took no number: both arms are still mean ± SD, and nothing was refused.
    QCOMPARE(grid.row(row).treatedDispersion, DispersionType::SD);
    QCOMPARE(grid.row(row).controlDispersion, DispersionType::SD);
    // The status says how the columns were read, and nothing else: nothing was refused.
    const QStringList expectedNotes =
        readAs.isEmpty() ? QStringList{}
                         : QStringList{QStringLiteral("Columns read in the usual order: %1.").arg(readAs)};
    QCOMPARE(result.notes, expectedNotes);
    // And the row is analysed as pasted.
    const PreparedOutcome prepared =
        analyseOutcome(grid.document.project(), *grid.document.currentOutcomeData()).prepared;
    QVERIFY(std::none_of(prepared.issues.begin(), prepared.issues.end(), [&](const InputIssue& issue) {
        return issue.row == static_cast<std::size_t>(row);
    }));
}

void TestGridEntry::pasteAsksWhenTheColumnsCannotBeMatched_data() {
    QTest::addColumn<bool>("fresh");
    QTest::addColumn<QString>("block");
    QTest::addColumn<bool>("header");
    QTest::addColumn<int>("covariatesGuessed");
    QTest::newRow("new project: two columns more than the value columns")
        << true << "Zhao 2023\t12.0\t2.0\t8\t9.0\t2.1\t8\t2023\t50" << false << 2;
    QTest::newRow("one column fewer") << false << "Zhao 2023\t12.0\t2.0\t8\t9.0\t2.1" << false << 0;
    QTest::newRow("a header row") << false
                                  << "Study\tmean_t\tSD T\tn T\tmean_c\tsd_c\tn_c\tYear\n"
                                     "Zhao 2023\t12.0\t2.0\t8\t9.0\t2.1\t8\t2023\n"
                                  << true << 1;
    QTest::newRow("a header row of unknown names") << false << "Name\tA\tB\nZhao 2023\t12.0\t2.0\n"
                                                   << true << 0;
}

void TestGridEntry::pasteAsksWhenTheColumnsCannotBeMatched() {
    QFETCH(bool, fresh);
    QFETCH(QString, block);
    QFETCH(bool, header);
    QFETCH(int, covariatesGuessed);
    Grid grid(fresh ? newProject() : entryProject());
    const Project before = grid.document.project();
    const PasteResult result =
        grid.model.paste(fresh ? QModelIndexList() : QModelIndexList{grid.model.index(0, 1)}, block);
    // Nothing is pasted, and never a shifted number: the reviewer is asked.
    QVERIFY(result.needsMapping);
    QCOMPARE(result.cellsChanged, 0);
    QVERIFY(grid.document.project() == before);
    QCOMPARE(grid.document.undoStack()->count(), 0);
    QVERIFY(!result.plan.reason.isEmpty());
    QCOMPARE(result.plan.mapping.headerRow, header);
    QCOMPARE(result.plan.mapping.roles.size(), parseTabSeparated(block).front().size());
    QCOMPARE(result.plan.mapping.roles.front(), io::ColumnRole::Study);
    QCOMPARE(result.plan.mapping.roles.count(io::ColumnRole::Covariate), covariatesGuessed);
}

void TestGridEntry::mappingPreviewPastesAsMapped_data() {
    QTest::addColumn<bool>("fresh");
    QTest::addColumn<QString>("block");
    QTest::addColumn<QStringList>("covariates"); // the project's characteristics after the paste
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QStringList>("values");
    QTest::newRow("new project: the two extra columns become characteristics")
        << true << "Zhao 2023\t12.0\t2.0\t8\t9.0\t2.1\t8\t2023\t50" << QStringList{"Column 8", "Column 9"}
        << QStringList{"mean_t", "sd_c", "n_c", "Column 8", "Column 9"}
        << QStringList{"12.0", "2.1", "8", "2023", "50"};
    QTest::newRow("header row: characteristics by name")
        << false
        << "Study\tmean_t\tsd_t\tn_t\tmean_c\tsd_c\tn_c\tDose\n"
           "Zhao 2023\t12.0\t2.0\t8\t9.0\t2.1\t8\t75\n"
        << QStringList{"Year", "Dose"} << QStringList{"mean_t", "sd_c", "Dose", "Year"}
        << QStringList{"12.0", "2.1", "75", "2019"};
}

void TestGridEntry::mappingPreviewPastesAsMapped() {
    QFETCH(bool, fresh);
    QFETCH(QString, block);
    QFETCH(QStringList, covariates);
    QFETCH(QStringList, keys);
    QFETCH(QStringList, values);
    Grid grid(fresh ? newProject() : entryProject());
    QVERIFY(QTest::qWaitForWindowActive(&grid.view));
    if (!fresh)
        grid.view.setCurrentIndex(grid.model.index(0, 1));
    QApplication::clipboard()->setText(block);
    // The preview shows the block with the guessed roles; the test accepts them.
    bool shown = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<PasteMappingDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        shown = true;
        const int columns = static_cast<int>(parseTabSeparated(block).front().size());
        QCOMPARE(dialog->table()->columnCount(), columns);
        QCOMPARE(dialog->table()->roleBox(0)->currentText(), io::columnRoleTitle(io::ColumnRole::Study));
        QCOMPARE(dialog->table()->item(1, 0)->text(), QStringLiteral("Zhao 2023"));
        QCOMPARE(dialog->headerBox()->isChecked(), !fresh);
        dialog->accept();
    });
    grid.view.pasteClipboard();
    QVERIFY(shown);
    QStringList names;
    for (const std::string& name : grid.document.project().covariateNames)
        names << QString::fromStdString(name);
    QCOMPARE(names, covariates);
    for (qsizetype i = 0; i < keys.size(); ++i)
        QCOMPARE(grid.text(0, keys[i].toLatin1().constData()), values[i]);
    QCOMPARE(grid.label(0), QStringLiteral("Zhao 2023"));
    QCOMPARE(grid.document.undoStack()->count(), 1); // one undo step, characteristics included
    grid.document.undoStack()->undo();
    QCOMPARE(static_cast<int>(grid.document.project().covariateNames.size()), fresh ? 0 : 2);
}

void TestGridEntry::mappingPreviewChoosesTheCharacteristic() {
    // One characteristic more than the data: the preview guesses the first (Year); the reviewer picks
    // Dose, and Year is left as it was.
    Grid grid(entryProject());
    QVERIFY(QTest::qWaitForWindowActive(&grid.view));
    grid.view.setCurrentIndex(grid.model.index(0, 1));
    QApplication::clipboard()->setText(QStringLiteral("Li 2019\t12\t2\t8\t9\t2.1\t8\t75"));
    bool shown = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<PasteMappingDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        shown = true;
        QComboBox* last = dialog->table()->roleBox(7);
        QCOMPARE(last->currentText(), QStringLiteral("Characteristic: Year"));
        last->setCurrentIndex(last->findText(QStringLiteral("Characteristic: Dose")));
        dialog->accept();
    });
    grid.view.pasteClipboard();
    QVERIFY(shown);
    QCOMPARE(grid.text(0, "Dose"), QStringLiteral("75"));
    QCOMPARE(grid.text(0, "Year"), QStringLiteral("2019"));
    QCOMPARE(grid.text(0, "n_c"), QStringLiteral("8"));
    QCOMPARE(grid.document.project().covariateNames.size(), std::size_t(2));
}

void TestGridEntry::copiedBlocksStillPasteAsColumns() {
    // A block copied from the grid (Type cells holding types) pastes back column for column.
    Grid grid(entryProject());
    grid.model.setGroupRevealed(ColumnGroup::SEM, true);
    const int first = grid.model.columnOfKey(QStringLiteral("dispersion_t"));
    const QString block = QStringLiteral("SEM\t12\t\t1.5\t8\n");
    const PasteResult result = grid.model.paste({grid.model.index(0, first)}, block);
    QVERIFY(!result.needsMapping);
    QCOMPARE(grid.row(0).treatedDispersion, DispersionType::SEM);
    QCOMPARE(grid.text(0, "mean_t"), QStringLiteral("12"));
    QCOMPARE(grid.text(0, "sem_t"), QStringLiteral("1.5"));
    QCOMPARE(grid.text(0, "n_t"), QStringLiteral("8"));
}

void TestGridEntry::plausibilityNotesAreMarked() {
    // An SD 40 times the mean and half an animal: pasted, analysed, and marked as cautions (not as
    // problems) on their cells, with the reason in the tooltip and in the Results notes.
    Grid grid(entryProject());
    grid.model.paste({grid.model.index(1, 1)}, QStringLiteral("Zhao 2023\t2.0\t80\t8.5\t9.0\t2.1\t8"));
    const OutcomeAnalysis analysis =
        analyseOutcome(grid.document.project(), *grid.document.currentOutcomeData());
    grid.model.setIssues(analysis.prepared.issues);
    grid.model.setNotes(analysis.prepared.notes);
    QCOMPARE(analysis.prepared.rows, std::vector<std::size_t>{1}); // analysed (row 1 is empty)
    const QModelIndex sd = grid.cell(1, "sd_t");
    const QModelIndex n = grid.cell(1, "n_t");
    QVERIFY(sd.data(StudyTableModel::NoteRole)
                .toString()
                .contains(QStringLiteral("more than 10 times its mean")));
    QVERIFY(n.data(StudyTableModel::NoteRole).toString().contains(QStringLiteral("not a whole number")));
    for (const QModelIndex& cell : {sd, n}) {
        QVERIFY(cell.data(StudyTableModel::IssueRole).toString().isEmpty());
        QVERIFY(!cell.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(cell.data(Qt::BackgroundRole).isValid());
        QVERIFY(
            cell.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Note (the row is analysed)")));
    }
    QVERIFY(grid.cell(1, "mean_t").data(StudyTableModel::NoteRole).toString().isEmpty());
    QVERIFY(!grid.cell(1, "mean_t").data(Qt::BackgroundRole).isValid());
    // The marks move with the rows.
    QVERIFY(grid.model.insertRows(0, 1));
    QVERIFY(!grid.cell(2, "sd_t").data(StudyTableModel::NoteRole).toString().isEmpty());
    QVERIFY(grid.cell(1, "sd_t").data(StudyTableModel::NoteRole).toString().isEmpty());
    grid.document.undoStack()->undo();
    // The Results panel lists them under Notes, with the row and the study.
    ResultsPanel results(&grid.document);
    results.showAnalysis(analysis, *grid.document.currentOutcomeData());
    const QList<QLabel*> labels = results.findChildren<QLabel*>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel* label) {
        return label->text().contains(QStringLiteral("Row 2 (Zhao 2023): The SD of the treated group"));
    }));
}

QTEST_MAIN(TestGridEntry)
#include "tst_gridentry.moc"
