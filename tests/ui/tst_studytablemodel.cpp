// SPDX-License-Identifier: GPL-3.0-or-later
// The study grid model: its columns, excluded rows, marked input problems, and copy and paste.
#include "core/project/outcomeanalysis.h"
#include "tests/support/sampleproject.h"
#include "tests/support/testsupport.h"
#include "ui/commands/covariatecommands.h"
#include "ui/document/document.h"
#include "ui/models/studytablemodel.h"
#include "ui/models/tabseparated.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QPalette>
#include <QUndoStack>

using namespace evident;
using namespace evident::ui;

namespace {

QModelIndexList cells(const QAbstractItemModel& model, int top, int left, int bottom, int right) {
    QModelIndexList list;
    for (int r = top; r <= bottom; ++r)
        for (int c = left; c <= right; ++c)
            list.append(model.index(r, c));
    return list;
}

int columnOf(const StudyTableModel& model, const QString& key) {
    for (int c = 0; c < model.columnCount(); ++c)
        if (model.columns()[static_cast<std::size_t>(c)].key == key)
            return c;
    return -1;
}

/// The grid's issue marks as the app sets them: from the analysis of the current outcome.
void analyse(Document& document, StudyTableModel& model) {
    model.setIssues(analyseOutcome(document.project(), *document.currentOutcomeData()).prepared.issues);
}

} // namespace

class TestStudyTableModel : public QObject {
    Q_OBJECT
private slots:
    void modelTesterThroughEdits();
    void columnsFollowTheLayout_data();
    void columnsFollowTheLayout();
    void excludedRowsAreGreyedAndExplained();
    void badCellsAreMarkedWithTheIssue();
    void marksMoveWithInsertedRows();
    void tabSeparatedRoundTrip_data();
    void tabSeparatedRoundTrip();
    void copyPasteRoundTrip_data();
    void copyPasteRoundTrip();
    void pastePastTheLastRowGrowsTheTable();
    void pastedBadCellsAreKeptAndMarked();
    void pasteReportsWhatItCouldNotPaste();
    void pasteIsOneUndoStep();
    void pasteIntoAnEmptyOutcome();
    void singleValueFillsSelection();
    void setDataPushesCommands();
};

void TestStudyTableModel::modelTesterThroughEdits() {
    Document document;
    StudyTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.resetProject(test::sampleProject());
    analyse(document, model);
    document.setCurrentOutcome(1); // precomputed layout: other columns
    document.setCurrentOutcome(0);
    document.undoStack()->push(new AddCovariateCommand(&document, "Strain"));
    document.undoStack()->push(new RemoveCovariateCommand(&document, 0));
    document.undoStack()->push(new RenameCovariateCommand(&document, 0, "Publication year"));
    QVERIFY(model.insertRows(0, 3));
    model.removeRowList({1, 4, 5});
    model.paste({model.index(model.rowCount() - 1, 1)}, QStringLiteral("A\tSD\t1\nB\tSEM\t2\nC\tSD\t3\n"));
    analyse(document, model);
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    document.resetProject(Project{});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

void TestStudyTableModel::columnsFollowTheLayout_data() {
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QStringList>("keys");
    const QStringList covariates{QStringLiteral("Route"), QStringLiteral("Year"), QStringLiteral("Species"),
                                 QStringLiteral("Dose (\u00b5g)")};
    QTest::newRow("two groups") << 0
                                << QStringList{QStringLiteral("included"),     QStringLiteral("study"),
                                               QStringLiteral("dispersion_t"), QStringLiteral("mean_t"),
                                               QStringLiteral("sd_t"),         QStringLiteral("n_t"),
                                               QStringLiteral("dispersion_c"), QStringLiteral("mean_c"),
                                               QStringLiteral("sd_c"),         QStringLiteral("n_c")}
                                       + covariates;
    QTest::newRow("precomputed") << 1
                                 << QStringList{QStringLiteral("included"), QStringLiteral("study"),
                                                QStringLiteral("yi"), QStringLiteral("vi"),
                                                QStringLiteral("sei")}
                                        + covariates;
}

void TestStudyTableModel::columnsFollowTheLayout() {
    QFETCH(int, outcome);
    QFETCH(QStringList, keys);
    Document document;
    StudyTableModel model(&document);
    document.resetProject(test::sampleProject());
    document.setCurrentOutcome(outcome);
    QStringList actual;
    for (const GridColumn& column : model.columns())
        actual.append(column.key);
    QCOMPARE(actual, keys);
    QCOMPARE(model.columnCount(), keys.size());
    QVERIFY(model.flags(model.index(0, 0)).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(!model.flags(model.index(0, 0)).testFlag(Qt::ItemIsEditable));
    QVERIFY(model.flags(model.index(0, 1)).testFlag(Qt::ItemIsEditable));
}

void TestStudyTableModel::excludedRowsAreGreyedAndExplained() {
    Document document;
    StudyTableModel model(&document);
    document.resetProject(test::sampleProject());
    const QModelIndex excluded =
        model.index(2, columnOf(model, QStringLiteral("mean_t"))); // Chen 2021 is unticked
    QCOMPARE(model.index(2, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(excluded.data(Qt::DisplayRole).toString(), QStringLiteral("4.9")); // still shown
    QCOMPARE(excluded.data(Qt::ForegroundRole).value<QColor>(),
             QApplication::palette().color(QPalette::Disabled, QPalette::Text));
    QVERIFY(excluded.data(Qt::ToolTipRole).toString().contains(QStringLiteral("unticked")));
    QVERIFY(!model.index(0, columnOf(model, QStringLiteral("mean_t"))).data(Qt::ForegroundRole).isValid());
    // And it is out of the analysis.
    const OutcomeAnalysis analysis = analyseOutcome(document.project(), *document.currentOutcomeData());
    QCOMPARE(analysis.prepared.excludedByUser, std::size_t(1));
    QVERIFY(std::find(analysis.prepared.rows.begin(), analysis.prepared.rows.end(), std::size_t(2))
            == analysis.prepared.rows.end());
}

void TestStudyTableModel::badCellsAreMarkedWithTheIssue() {
    Document document;
    StudyTableModel model(&document);
    document.resetProject(test::sampleProject());
    analyse(document, model);
    const QModelIndex comma = model.index(3, columnOf(model, QStringLiteral("mean_t")));
    QCOMPARE(comma.data().toString(), QStringLiteral("7,2"));
    QCOMPARE(comma.data(StudyTableModel::IssueRole).toString(),
             QStringLiteral("Mean (treated): '7,2' is not a number (use a point as the decimal separator)"));
    QCOMPARE(comma.data(Qt::ToolTipRole).toString(), comma.data(StudyTableModel::IssueRole).toString());
    QVERIFY(comma.data(Qt::BackgroundRole).isValid());
    QVERIFY(comma.data(Qt::DecorationRole).isValid());
    const QModelIndex negative = model.index(4, columnOf(model, QStringLiteral("sd_c")));
    QCOMPARE(negative.data(StudyTableModel::IssueRole).toString(),
             QStringLiteral("SD (control) must be greater than 0 (got -1)"));
    // Good cells carry no mark.
    const QModelIndex fine = model.index(0, columnOf(model, QStringLiteral("mean_t")));
    QVERIFY(fine.data(StudyTableModel::IssueRole).toString().isEmpty());
    QVERIFY(!fine.data(Qt::BackgroundRole).isValid());
    // Correcting the cell removes the mark at the next analysis.
    QVERIFY(model.setData(comma, QStringLiteral("7.2")));
    analyse(document, model);
    QVERIFY(comma.data(StudyTableModel::IssueRole).toString().isEmpty());
}

void TestStudyTableModel::marksMoveWithInsertedRows() {
    Document document;
    StudyTableModel model(&document);
    document.resetProject(test::sampleProject());
    analyse(document, model);
    const int column = columnOf(model, QStringLiteral("mean_t"));
    QVERIFY(model.insertRows(0, 2));
    QVERIFY(!model.index(5, column).data(StudyTableModel::IssueRole).toString().isEmpty()); // 7,2 moved down
    QVERIFY(model.index(3, column).data(StudyTableModel::IssueRole).toString().isEmpty());
    model.removeRowList({5});
    QVERIFY(model.index(5, column).data(StudyTableModel::IssueRole).toString().isEmpty());
}

void TestStudyTableModel::tabSeparatedRoundTrip_data() {
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::newRow("plain") << QList<QStringList>{{QStringLiteral("a"), QStringLiteral("1")},
                                                 {QStringLiteral("b"), QStringLiteral("2")}};
    QTest::newRow("empty cells") << QList<QStringList>{{QString(), QStringLiteral("x"), QString()}};
    QTest::newRow("tab, line break and quotes") << QList<QStringList>{
        {QStringLiteral("a\tb"), QStringLiteral("two\nlines"), QStringLiteral("say \"hi\"")}};
    QTest::newRow("unicode") << QList<QStringList>{
        {QStringLiteral("Dose (\u00b5g)"), QStringLiteral("\u2212 1.5")}};
}

void TestStudyTableModel::tabSeparatedRoundTrip() {
    QFETCH(QList<QStringList>, rows);
    QCOMPARE(parseTabSeparated(toTabSeparated(rows)), rows);
}

void TestStudyTableModel::copyPasteRoundTrip_data() {
    QTest::addColumn<int>("top");
    QTest::addColumn<int>("left");
    QTest::addColumn<int>("bottom");
    QTest::addColumn<int>("right");
    QTest::newRow("one cell") << 1 << 3 << 1 << 3;
    QTest::newRow("data block") << 0 << 2 << 4 << 7;
    QTest::newRow("whole table with include and covariates") << 0 << 0 << 4 << 13;
    QTest::newRow("labels and covariates") << 1 << 1 << 3 << 13;
}

void TestStudyTableModel::copyPasteRoundTrip() {
    QFETCH(int, top);
    QFETCH(int, left);
    QFETCH(int, bottom);
    QFETCH(int, right);
    Document source;
    StudyTableModel sourceModel(&source);
    source.resetProject(test::sampleProject());
    const QString text = sourceModel.copyText(cells(sourceModel, top, left, bottom, right));

    // Paste into an empty copy of the table: the same cells come back.
    Project blank = test::sampleProject();
    for (auto& row : blank.outcomes[0].rows)
        row = makeRow(row.study, true, {}, {});
    for (auto& study : blank.studies)
        study = makeStudy(study.id, {}, std::vector<std::string>(study.covariateValues.size()));
    Document target;
    StudyTableModel targetModel(&target);
    QAbstractItemModelTester tester(&targetModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
    target.resetProject(blank);
    targetModel.paste({targetModel.index(top, left)}, text);
    for (int r = top; r <= bottom; ++r)
        for (int c = left; c <= right; ++c) {
            QCOMPARE(targetModel.index(r, c).data().toString(), sourceModel.index(r, c).data().toString());
            QCOMPARE(targetModel.index(r, c).data(Qt::CheckStateRole),
                     sourceModel.index(r, c).data(Qt::CheckStateRole));
        }
    QCOMPARE(targetModel.copyText(cells(targetModel, top, left, bottom, right)), text);
}

void TestStudyTableModel::pastePastTheLastRowGrowsTheTable() {
    Document document;
    StudyTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.resetProject(test::sampleProject());
    const std::size_t studiesBefore = document.project().studies.size();
    // From a spreadsheet: label, and type and numbers of each arm, three rows starting at the last row.
    const QString block = QStringLiteral("Diaz 2018b\tSD\t7.0\t1.1\t7\tSD\t3.1\t1.0\t7\r\n"
                                         "Fox 2023\tSD\t6.1\t1.3\t8\tSD\t3.3\t1.2\t8\r\n"
                                         "Gray 2024\tmean \u00b1 SD\t5.5\t0.9\t6\t\t2.8\t1.1\t6\r\n");
    const PasteResult result = model.paste({model.index(4, 1)}, block);
    QCOMPARE(result.rowsAdded, 2);
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(document.project().studies.size(), studiesBefore + 2);
    QCOMPARE(model.index(5, 1).data().toString(), QStringLiteral("Fox 2023"));
    QCOMPARE(model.index(6, columnOf(model, QStringLiteral("n_c"))).data().toString(), QStringLiteral("6"));
    QCOMPARE(model.index(6, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    // The new studies are in the analysis.
    const OutcomeAnalysis analysis = analyseOutcome(document.project(), *document.currentOutcomeData());
    // Rows 0, 1, 4 (its bad SD was pasted over), 5 and 6; row 2 is unticked and row 3 still bad.
    QCOMPARE(analysis.prepared.data.size(), std::size_t(5));
}

void TestStudyTableModel::pastedBadCellsAreKeptAndMarked() {
    Document document;
    StudyTableModel model(&document);
    document.resetProject(test::sampleProject());
    const int meanColumn = columnOf(model, QStringLiteral("mean_t"));
    model.paste({model.index(0, meanColumn)}, QStringLiteral("n/a\t1.2\t8\n6.0\t0\t6\n"));
    QCOMPARE(model.index(0, meanColumn).data().toString(), QStringLiteral("n/a"));
    analyse(document, model);
    QCOMPARE(model.index(0, meanColumn).data(StudyTableModel::IssueRole).toString(),
             QStringLiteral("Mean (treated): 'n/a' is not a number"));
    QCOMPARE(model.index(1, meanColumn + 1).data(StudyTableModel::IssueRole).toString(),
             QStringLiteral("SD (treated) must be greater than 0 (got 0)"));
}

void TestStudyTableModel::pasteReportsWhatItCouldNotPaste() {
    Document document;
    StudyTableModel model(&document);
    document.resetProject(test::sampleProject());
    const int last = model.columnCount() - 1;
    // Columns past the last one: the block's columns are not the grid's, so nothing is dropped
    // silently: the reviewer is asked to map them (tst_gridentry).
    const PasteResult tooWide = model.paste({model.index(0, last)}, QStringLiteral("x\ty\tz\n"));
    QCOMPARE(tooWide.cellsChanged, 0);
    QVERIFY(tooWide.needsMapping);
    QCOMPARE(tooWide.plan.mapping.roles.size(), 3);
    const PasteResult include = model.paste({model.index(0, 0)}, QStringLiteral("maybe\nno\n"));
    QCOMPARE(include.cellsChanged, 1);
    QCOMPARE(model.index(1, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(include.notes.size(), 1);
    QVERIFY(include.notes.front().startsWith(QStringLiteral("Row 1: 'maybe' is not yes or no")));
}

void TestStudyTableModel::pasteIsOneUndoStep() {
    Document document;
    StudyTableModel model(&document);
    document.resetProject(test::sampleProject());
    const Project before = document.project();
    model.paste({model.index(3, 1)}, QStringLiteral("A\tSD\t1\nB\tSD\t2\nC\tSD\t3\nD\tSD\t4\n"));
    QCOMPARE(document.undoStack()->count(), 1);
    QVERIFY(document.undoStack()->undoText().startsWith(QStringLiteral("Paste")));
    document.undoStack()->undo();
    QVERIFY(document.project() == before);
    QCOMPARE(model.rowCount(), 5);
}

void TestStudyTableModel::pasteIntoAnEmptyOutcome() {
    // A new project's outcome has no rows, so no cell to select: the view passes an invalid index
    // (this used to index the column list at -1).
    Document document;
    StudyTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Project project;
    project.outcomes.emplace_back();
    project.outcomes[0].name = "New";
    document.resetProject(project);
    QVERIFY(!model.index(0, 1).isValid());
    const PasteResult result =
        model.paste({model.index(0, 1)}, QStringLiteral("Ali 2019\tSD\t5.1\t1.2\t8\nBo 2020\tSEM\t6.3\n"));
    QCOMPARE(result.rowsAdded, 2);
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("Ali 2019"));
    QCOMPARE(document.project().outcomes[0].rows[1].treatedDispersion, DispersionType::SEM);
    QCOMPARE(document.project().outcomes[0].rows[1].text(EntryField::MeanTreated), std::string("6.3"));
    QCOMPARE(document.undoStack()->count(), 1);
    // Nothing selected in a table with rows: nothing pasted.
    QCOMPARE(model.paste({}, QStringLiteral("x\n")).cellsChanged, 0);
}

void TestStudyTableModel::singleValueFillsSelection() {
    Document document;
    StudyTableModel model(&document);
    document.resetProject(test::sampleProject());
    const int n = columnOf(model, QStringLiteral("n_t"));
    const PasteResult result = model.paste(cells(model, 0, n, 4, n), QStringLiteral("10\n"));
    QCOMPARE(result.cellsChanged, 4); // Chen 2021 already has 10
    for (int r = 0; r < 5; ++r)
        QCOMPARE(model.index(r, n).data().toString(), QStringLiteral("10"));
}

void TestStudyTableModel::setDataPushesCommands() {
    Document document;
    StudyTableModel model(&document);
    document.resetProject(test::sampleProject());
    QVERIFY(model.setData(model.index(0, 1), QStringLiteral("Ali 2019"))); // unchanged: no step
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(model.setData(model.index(0, 1), QStringLiteral("Ali et al. 2019")));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.project().studies[0].label, std::string("Ali et al. 2019"));
    // The label is the study's: the other outcome shows it too.
    document.setCurrentOutcome(1);
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("Ali et al. 2019"));
    QVERIFY(!model.setData(model.index(0, 0), QStringLiteral("text"),
                           Qt::EditRole)); // include takes a check state
}

QTEST_MAIN(TestStudyTableModel)
#include "tst_studytablemodel.moc"
