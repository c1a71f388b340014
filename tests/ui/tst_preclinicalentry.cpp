// SPDX-License-Identifier: GPL-3.0-or-later
// Preclinical data entry in the desktop app: arms typed as the paper reports them (SEM, a CI, a
// median), multi-arm studies with a shared control group, the NMD's sham mean, study characteristics,
// SYRCLE risk of bias and the sensitivity analysis by risk of bias. Every model is checked by
// QAbstractItemModelTester while it changes.
#include "core/project/outcomeanalysis.h"
#include "core/project/robsensitivity.h"
#include "io/csvtable.h"
#include "tests/support/sampleproject.h"
#include "tests/support/testsupport.h"
#include "ui/analysis/analysiscontroller.h"
#include "ui/analysis/rowdetails.h"
#include "ui/commands/covariatecommands.h"
#include "ui/commands/valuecommands.h"
#include "ui/document/document.h"
#include "ui/document/filecontroller.h"
#include "ui/mainwindow.h"
#include "ui/models/resulttablemodel.h"
#include "ui/models/robtablemodel.h"
#include "ui/models/studytablemodel.h"
#include "ui/widgets/analysissettingspanel.h"
#include "ui/widgets/griddelegate.h"
#include "ui/widgets/resultspanel.h"
#include "ui/widgets/riskofbiasview.h"
#include "ui/widgets/robjudgementdelegate.h"
#include "ui/widgets/robsensitivitypanel.h"
#include "ui/widgets/rowdetailspanel.h"
#include "ui/widgets/studygridview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QMenu>
#include <QPalette>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace evident;
using namespace evident::ui;

namespace {

// The converted numbers of tests/reference/make_entry_equivalence.R (R 4.2, printed with 17 digits).
const char* const sdFromSem = "3.1112698372208096";
const char* const sdFromCi = "2.5876291666216189";
const char* const meanFromMedianT = "6.36625";
const char* const sdFromIqrT = "2.5158002123212788";
const char* const meanFromMedianC = "4.1838636363636361";
const char* const sdFromIqrC = "2.1206000595121122";

/// Three studies with empty rows: the tests type their numbers into the grid.
Project emptyEntryProject() {
    Project project;
    project.covariateNames = {"Species", "Dose"};
    project.studies = {makeStudy(1, "Li 2019", {"rat", "50"}), makeStudy(2, "Wang 2020", {"mouse", "100"}),
                       makeStudy(3, "Zhou 2021", {"rat", "200"})};
    Outcome outcome;
    outcome.name = "Glands";
    for (StudyId id : {1, 2, 3}) {
        OutcomeRow row;
        row.study = id;
        outcome.rows.push_back(row);
    }
    project.outcomes.push_back(outcome);
    return project;
}

/// The same studies typed by hand as mean ± SD, with the converted numbers.
Project handConvertedProject() {
    Project project = emptyEntryProject();
    auto& rows = project.outcomes[0].rows;
    setArm(rows[0], ArmSide::Treated, meanSdEntry("12.4", sdFromSem, "8"));
    setArm(rows[0], ArmSide::Control, meanSdEntry("5.5", "2.0", "12"));
    setArm(rows[1], ArmSide::Treated, meanSdEntry("9.0", sdFromCi, "10"));
    setArm(rows[1], ArmSide::Control, meanSdEntry("4.1", "1.5", "9"));
    setArm(rows[2], ArmSide::Treated, meanSdEntry(meanFromMedianT, sdFromIqrT, "12"));
    setArm(rows[2], ArmSide::Control, meanSdEntry(meanFromMedianC, sdFromIqrC, "11"));
    return project;
}

/// Types `text` into the cell of `key` in `row`, as the grid's editor does (one undo step).
bool type(StudyTableModel& model, int row, const char* key, const QString& text) {
    const int column = model.columnOfKey(QString::fromLatin1(key));
    if (column < 0) {
        qWarning("no column %s", key);
        return false;
    }
    return model.setData(model.index(row, column), text);
}

/// Counts the popup windows (a combo box's list) shown while it lives.
class PopupWatcher : public QObject {
public:
    PopupWatcher() { qApp->installEventFilter(this); }
    int shown = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Show && watched->isWidgetType()
            && static_cast<QWidget*>(watched)->windowType() == Qt::Popup)
            ++shown;
        return false;
    }
};

/// Enters the three studies as their papers report them: an SEM, a 90% CI, medians with IQRs.
void typeAsReported(StudyTableModel& model) {
    QVERIFY(type(model, 0, "dispersion_t", QStringLiteral("SEM")));
    QVERIFY(type(model, 0, "mean_t", QStringLiteral("12.4")));
    QVERIFY(type(model, 0, "sem_t", QStringLiteral("1.1")));
    QVERIFY(type(model, 0, "n_t", QStringLiteral("8")));
    QVERIFY(type(model, 0, "mean_c", QStringLiteral("5.5")));
    QVERIFY(type(model, 0, "sd_c", QStringLiteral("2.0")));
    QVERIFY(type(model, 0, "n_c", QStringLiteral("12")));

    QVERIFY(type(model, 1, "dispersion_t", QStringLiteral("Mean (confidence interval)"))); // the label works
    QVERIFY(type(model, 1, "mean_t", QStringLiteral("9.0")));
    QVERIFY(type(model, 1, "ci_lower_t", QStringLiteral("7.5")));
    QVERIFY(type(model, 1, "ci_upper_t", QStringLiteral("10.5")));
    QVERIFY(type(model, 1, "ci_level_t", QStringLiteral("90")));
    QVERIFY(type(model, 1, "n_t", QStringLiteral("10")));
    QVERIFY(type(model, 1, "mean_c", QStringLiteral("4.1")));
    QVERIFY(type(model, 1, "sd_c", QStringLiteral("1.5")));
    QVERIFY(type(model, 1, "n_c", QStringLiteral("9")));

    QVERIFY(type(model, 2, "dispersion_t", QStringLiteral("MEDIAN_IQR")));
    QVERIFY(type(model, 2, "median_t", QStringLiteral("6")));
    QVERIFY(type(model, 2, "q1_t", QStringLiteral("5")));
    QVERIFY(type(model, 2, "q3_t", QStringLiteral("8")));
    QVERIFY(type(model, 2, "n_t", QStringLiteral("12")));
    QVERIFY(type(model, 2, "dispersion_c", QStringLiteral("iqr")));
    QVERIFY(type(model, 2, "median_c", QStringLiteral("4")));
    QVERIFY(type(model, 2, "q1_c", QStringLiteral("3")));
    QVERIFY(type(model, 2, "q3_c", QStringLiteral("5.5")));
    QVERIFY(type(model, 2, "n_c", QStringLiteral("11")));
}

QStringList keys(const StudyTableModel& model) {
    QStringList list;
    for (const GridColumn& column : model.columns())
        list << column.key;
    return list;
}

/// A study with three dose arms and one vehicle group (typed on the first row only), and a study of
/// its own, written directly as the project the "Add arm" command should give.
Project sharedControlProject(SharedControlMethod method) {
    Project project;
    project.studies = {makeStudy(1, "Li 2019"), makeStudy(2, "Wang 2020")};
    Outcome outcome;
    outcome.name = "Glands";
    outcome.sharedControl = method;
    OutcomeRow low = makeRow(1, true, meanSdEntry("10.2", "2.1", "8"), meanSdEntry("6.0", "1.8", "12"));
    low.text(EntryField::Arm) = "Arm 1";
    low.text(EntryField::ControlGroup) = "control";
    OutcomeRow high = makeRow(1, true, meanSdEntry("12.9", "2.4", "8"), ArmEntry{});
    high.text(EntryField::Arm) = "Arm 2";
    high.text(EntryField::ControlGroup) = "control";
    outcome.rows = {low, high,
                    makeRow(2, true, meanSdEntry("9.1", "1.7", "7"), meanSdEntry("6.3", "1.5", "7"))};
    project.outcomes.push_back(outcome);
    return project;
}

void compareAnalyses(const PreparedOutcome& actual, const PreparedOutcome& expected) {
    QCOMPARE(actual.data.yi.size(), expected.data.yi.size());
    QVERIFY(actual.issues.empty());
    for (std::size_t i = 0; i < expected.data.yi.size(); ++i) {
        QCOMPARE(actual.data.labels[i], expected.data.labels[i]);
        EVIDENT_COMPARE_REL(actual.data.yi[i], expected.data.yi[i], 1e-12);
        EVIDENT_COMPARE_REL(actual.data.vi[i], expected.data.vi[i], 1e-12);
    }
}

} // namespace

class TestPreclinicalEntry : public QObject {
    Q_OBJECT
private slots:
    void reportedEntryGivesTheSameEffects_data();
    void reportedEntryGivesTheSameEffects();
    void tooltipAndDetailsShowTheMethod();
    void choosingATypeBringsItsColumns();
    void cellsOfAnotherTypeAreGreyedNotHidden();
    void undoTextNamesTheNumberAsReported_data();
    void undoTextNamesTheNumberAsReported();
    void pastedTypesDecideMeanOrMedian();
    void revealingColumnGroups();
    void columnsFollowEveryKindOfChange();
    void addArmGivesTheSplitControlAnalysis();
    void sharedControlMethodIsAnUndoableSetting();
    void sharedControlCellsShowTheGroup();
    void nmdBringsTheShamMean();
    void characteristicsAreOfferedAndChecked();
    void characteristicsTableIsExported();
    void armsOfAStudyCanHaveTheirOwnValues();
    void cellEditorsOfferTheChoices();
    void typingInATypeCellChoosesTheType_data();
    void typingInATypeCellChoosesTheType();
    void riskOfBiasModel();
    void riskOfBiasViewEditsSupport();
    void sensitivityEqualsUntickingByHand();
    void sensitivityFollowsEdits();
    void bundledExampleShowsReportedData();

private:
    QTemporaryDir m_dir;
};

void TestPreclinicalEntry::reportedEntryGivesTheSameEffects_data() {
    QTest::addColumn<int>("measure");
    for (EffectMeasure measure : {EffectMeasure::SMD, EffectMeasure::MD, EffectMeasure::ROM})
        QTest::newRow(measureKey(measure).data()) << static_cast<int>(measure);
}

void TestPreclinicalEntry::reportedEntryGivesTheSameEffects() {
    QFETCH(int, measure);
    Document document;
    StudyTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Project start = emptyEntryProject();
    start.outcomes[0].settings.measure = static_cast<EffectMeasure>(measure);
    document.resetProject(start);
    typeAsReported(model);
    if (QTest::currentTestFailed())
        return;

    Project byHand = handConvertedProject();
    byHand.outcomes[0].settings.measure = static_cast<EffectMeasure>(measure);
    const PreparedOutcome reported = prepareOutcome(document.project(), document.project().outcomes[0]);
    const PreparedOutcome converted = prepareOutcome(byHand, byHand.outcomes[0]);
    QCOMPARE(reported.data.yi.size(), std::size_t(3));
    compareAnalyses(reported, converted);

    // What was typed is kept as typed: the SEM, not a computed SD.
    const OutcomeRow& sem = document.project().outcomes[0].rows[0];
    QCOMPARE(sem.treatedDispersion, DispersionType::SEM);
    QCOMPARE(sem.text(EntryField::SemTreated), std::string("1.1"));
    QCOMPARE(sem.text(EntryField::SdTreated), std::string());
    QCOMPARE(document.project().outcomes[0].rows[2].text(EntryField::MeanControl),
             std::string("4")); // the median
    // Every cell was one undo step, and undoing them all gives back the empty rows.
    QCOMPARE(document.undoStack()->count(), 26);
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    QVERIFY(document.project() == start);
}

void TestPreclinicalEntry::tooltipAndDetailsShowTheMethod() {
    MainWindow window(m_dir.filePath(QStringLiteral("recovery")));
    window.document()->resetProject(emptyEntryProject());
    StudyTableModel& model = *window.studyModel();
    typeAsReported(model);
    window.analysisController()->recomputeNow();

    const QString sem =
        model.index(0, model.columnOfKey(QStringLiteral("sem_t"))).data(Qt::ToolTipRole).toString();
    QVERIFY2(sem.contains(QStringLiteral("Treated group as analysed: mean 12.4, SD 3.111, n 8")),
             qPrintable(sem));
    QVERIFY2(sem.contains(QStringLiteral("SD from the standard error of the mean")), qPrintable(sem));
    QVERIFY2(sem.contains(QStringLiteral("SD = SEM \u00d7 \u221an = 1.1 \u00d7 \u221a8 = 3.111")),
             qPrintable(sem));
    // Any cell of the arm tells it, the n as well as the type.
    QVERIFY(model.index(0, model.columnOfKey(QStringLiteral("n_t")))
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("standard error of the mean")));
    const QString ci =
        model.index(1, model.columnOfKey(QStringLiteral("ci_level_t"))).data(Qt::ToolTipRole).toString();
    QVERIFY2(ci.contains(QStringLiteral("90% confidence interval of the mean with Student's t")),
             qPrintable(ci));
    const QString median =
        model.index(2, model.columnOfKey(QStringLiteral("median_c"))).data(Qt::ToolTipRole).toString();
    QVERIFY2(median.contains(QStringLiteral("Control group as analysed: mean 4.184, SD 2.121, n 11")),
             qPrintable(median));
    QVERIFY(median.contains(QStringLiteral("Luo et al. 2018")));

    // The detail pane below the grid follows the current row.
    window.grid()->setCurrentIndex(model.index(1, model.columnOfKey(QStringLiteral("mean_t"))));
    const QString details = window.rowDetailsPanel()->text();
    QVERIFY2(details.startsWith(QStringLiteral("Row 2: Wang 2020")), qPrintable(details));
    QVERIFY(details.contains(QStringLiteral("Treated group as analysed: mean 9, SD 2.588, n 10")));
    QVERIFY(details.contains(QStringLiteral("t = 1.833 (Student's t, 0.95 quantile, 9 df)")));
    QVERIFY(details.contains(QStringLiteral("Control group as analysed: mean 4.1, SD 1.5, n 9")));
    QVERIFY(details.contains(QStringLiteral("Effect size (SMD) of \u201cWang 2020\u201d:")));

    // A bad cell keeps its mark and message, with the field key of the reported value.
    QVERIFY(type(model, 0, "sem_t", QStringLiteral("-1")));
    window.analysisController()->recomputeNow();
    const QModelIndex bad = model.index(0, model.columnOfKey(QStringLiteral("sem_t")));
    QCOMPARE(bad.data(StudyTableModel::IssueRole).toString(),
             QStringLiteral("SEM (treated) must be greater than 0 (got -1)"));
    QVERIFY(bad.data(Qt::DecorationRole).isValid());
    QVERIFY(window.rowDetailsPanel()->text().isEmpty() == false);
    window.grid()->setCurrentIndex(model.index(0, 1));
    QVERIFY2(window.rowDetailsPanel()->text().contains(
                 QStringLiteral("Left out of the analysis:\n\u2022 SEM (treated)")),
             qPrintable(window.rowDetailsPanel()->text()));
}

void TestPreclinicalEntry::choosingATypeBringsItsColumns() {
    Document document;
    StudyTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.resetProject(emptyEntryProject());
    QCOMPARE(keys(model), (QStringList{"included", "study", "dispersion_t", "mean_t", "sd_t", "n_t",
                                       "dispersion_c", "mean_c", "sd_c", "n_c", "Species", "Dose"}));
    QCOMPARE(model.headerData(model.columnOfKey(QStringLiteral("dispersion_t")), Qt::Horizontal).toString(),
             QStringLiteral("Type T"));

    QVERIFY(type(model, 1, "dispersion_c", QStringLiteral("SEM")));
    QVERIFY(model.columnOfKey(QStringLiteral("sem_t")) >= 0);
    QCOMPARE(model.headerData(model.columnOfKey(QStringLiteral("sem_c")), Qt::Horizontal).toString(),
             QStringLiteral("SEM C"));
    QVERIFY(type(model, 0, "dispersion_t", QStringLiteral("MEDIAN_IQR_RANGE")));
    QCOMPARE(keys(model),
             (QStringList{"included",     "study",  "dispersion_t", "mean_t", "median_t", "sd_t",
                          "sem_t",        "q1_t",   "q3_t",         "min_t",  "max_t",    "n_t",
                          "dispersion_c", "mean_c", "median_c",     "sd_c",   "sem_c",    "q1_c",
                          "q3_c",         "min_c",  "max_c",        "n_c",    "Species",  "Dose"}));
    QCOMPARE(model.headerData(model.columnOfKey(QStringLiteral("q1_t")), Qt::Horizontal).toString(),
             QStringLiteral("Q1 T"));
    QCOMPARE(model.headerData(model.columnOfKey(QStringLiteral("min_c")), Qt::Horizontal).toString(),
             QStringLiteral("Min C"));
    QCOMPARE(model.index(0, model.columnOfKey(QStringLiteral("dispersion_t"))).data().toString(),
             QStringLiteral("Median, IQR, range"));
    // Back to SD: the columns go again (nothing was typed in them), by undo as by a new choice.
    document.undoStack()->undo();
    QCOMPARE(model.columnOfKey(QStringLiteral("q1_t")), -1);
    QVERIFY(model.columnOfKey(QStringLiteral("sem_t")) >= 0);
    QVERIFY(type(model, 1, "dispersion_c", QStringLiteral("SD")));
    QCOMPARE(model.columnOfKey(QStringLiteral("sem_c")), -1);
    // A type that is not one is refused.
    QVERIFY(!type(model, 1, "dispersion_c", QStringLiteral("geometric mean")));
}

void TestPreclinicalEntry::undoTextNamesTheNumberAsReported_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("undoText");
    QTest::newRow("mean") << "SD"
                          << "mean_t"
                          << "Edit Mean (treated) of Li 2019";
    QTest::newRow("SEM") << "SEM"
                         << "sem_t"
                         << "Edit SEM (treated) of Li 2019";
    QTest::newRow("median, treated") << "MEDIAN_IQR"
                                     << "median_t"
                                     << "Edit Median (treated) of Li 2019";
    QTest::newRow("median, control") << "MEDIAN_RANGE"
                                     << "median_c"
                                     << "Edit Median (control) of Li 2019";
}

void TestPreclinicalEntry::undoTextNamesTheNumberAsReported() {
    QFETCH(QString, type);
    QFETCH(QString, key);
    QFETCH(QString, undoText);
    Document document;
    StudyTableModel model(&document);
    document.resetProject(emptyEntryProject());
    const QByteArray typeKey = key.endsWith(QLatin1String("_t")) ? "dispersion_t" : "dispersion_c";
    QVERIFY(::type(model, 0, typeKey.constData(), type));
    QVERIFY(::type(model, 0, key.toLatin1().constData(), QStringLiteral("4.5")));
    QCOMPARE(document.undoStack()->undoText(), undoText);
}

void TestPreclinicalEntry::cellsOfAnotherTypeAreGreyedNotHidden() {
    Document document;
    StudyTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.resetProject(emptyEntryProject());
    QVERIFY(type(model, 0, "dispersion_t", QStringLiteral("SEM")));
    QVERIFY(type(model, 0, "sem_t", QStringLiteral("1.1")));
    QVERIFY(type(model, 0, "dispersion_t", QStringLiteral("SD"))); // the reviewer changes their mind
    // The SEM stays in the project and on screen, greyed and explained; its column stays while it
    // holds text.
    const QModelIndex sem = model.index(0, model.columnOfKey(QStringLiteral("sem_t")));
    QVERIFY(sem.isValid());
    QCOMPARE(sem.data().toString(), QStringLiteral("1.1"));
    QVERIFY(!sem.data(StudyTableModel::UsedRole).toBool());
    QCOMPARE(sem.data(Qt::ForegroundRole).value<QColor>(),
             QApplication::palette().color(QPalette::Disabled, QPalette::Text));
    QVERIFY(sem.data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Not used: this arm is reported as Mean \u00b1 SD")));
    QVERIFY(model.flags(sem).testFlag(Qt::ItemIsEditable));
    // The SD cell of the row is used; the SEM of row 1 (an SD row) is greyed too.
    QVERIFY(
        model.index(0, model.columnOfKey(QStringLiteral("sd_t"))).data(StudyTableModel::UsedRole).toBool());
    QVERIFY(
        !model.index(1, model.columnOfKey(QStringLiteral("sem_t"))).data(StudyTableModel::UsedRole).toBool());

    // Mean and Median show one field: a median row has no mean of its own to edit.
    QVERIFY(type(model, 1, "dispersion_t", QStringLiteral("MEDIAN_RANGE")));
    QVERIFY(type(model, 1, "median_t", QStringLiteral("7")));
    const QModelIndex mean = model.index(1, model.columnOfKey(QStringLiteral("mean_t")));
    QCOMPARE(mean.data().toString(), QString());
    QVERIFY(!model.flags(mean).testFlag(Qt::ItemIsEditable));
    QVERIFY(!model.setData(mean, QStringLiteral("8")));
    QCOMPARE(document.project().outcomes[0].rows[1].text(EntryField::MeanTreated), std::string("7"));
    QVERIFY(mean.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Median (range)")));
}

void TestPreclinicalEntry::pastedTypesDecideMeanOrMedian() {
    Document document;
    StudyTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.resetProject(emptyEntryProject());
    QVERIFY(type(model, 0, "dispersion_t", QStringLiteral("MEDIAN_IQR")));
    document.undoStack()->clear();
    // Type T, Mean T, Median T, SD T: a median row and a mean row pasted at once (one undo step).
    const int first = model.columnOfKey(QStringLiteral("dispersion_t"));
    const PasteResult result =
        model.paste({model.index(1, first)}, QStringLiteral("MEDIAN_IQR\t99\t6.5\t\nSD\t8.1\t77\t1.9\n"));
    QCOMPARE(document.undoStack()->count(), 1);
    const auto& rows = document.project().outcomes[0].rows;
    QCOMPARE(rows[1].treatedDispersion, DispersionType::MedianIQR);
    QCOMPARE(rows[1].text(EntryField::MeanTreated), std::string("6.5"));
    QCOMPARE(rows[2].treatedDispersion, DispersionType::SD);
    QCOMPARE(rows[2].text(EntryField::MeanTreated), std::string("8.1"));
    QCOMPARE(rows[2].text(EntryField::SdTreated), std::string("1.9"));
    QCOMPARE(result.notes.size(), 1); // the 99 and the 77 went nowhere, and the reviewer is told
    QVERIFY(result.notes.front().contains(QStringLiteral("2 value(s)")));
    // Copying gives back the block (the unused centre cells are empty).
    QCOMPARE(model.copyText({model.index(2, first), model.index(2, first + 1), model.index(2, first + 2)}),
             QStringLiteral("SD\t8.1\t\n"));
    // Clearing a row's cells leaves the other centre alone.
    model.clearCells({model.index(1, model.columnOfKey(QStringLiteral("mean_t")))});
    QCOMPARE(document.project().outcomes[0].rows[1].text(EntryField::MeanTreated), std::string("6.5"));
}

void TestPreclinicalEntry::revealingColumnGroups() {
    Document document;
    StudyTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.resetProject(emptyEntryProject());
    model.setGroupRevealed(ColumnGroup::CI, true);
    QVERIFY(model.columnOfKey(QStringLiteral("ci_level_c")) >= 0);
    QCOMPARE(model.headerData(model.columnOfKey(QStringLiteral("ci_lower_c")), Qt::Horizontal).toString(),
             QStringLiteral("CI low C"));
    model.setGroupRevealed(ColumnGroup::Arms, true);
    QCOMPARE(model.columnOfKey(QStringLiteral("arm")), 2);
    QCOMPARE(model.columnOfKey(QStringLiteral("control_group")), 3);
    QCOMPARE(document.undoStack()->count(), 0); // a view setting, not an edit
    QVERIFY(type(model, 0, "ci_upper_t", QStringLiteral("4")));
    model.setRevealedGroups({});
    // The CI columns stay while a cell holds text; the arm columns go.
    QVERIFY(model.columnOfKey(QStringLiteral("ci_upper_t")) >= 0);
    QCOMPARE(model.columnOfKey(QStringLiteral("arm")), -1);
    model.setRevealedGroups({ColumnGroup::Arms, ColumnGroup::SEM, ColumnGroup::IQR, ColumnGroup::Range,
                             ColumnGroup::Median, ColumnGroup::Sham});
    QVERIFY(model.columnOfKey(QStringLiteral("sham_mean")) >= 0);
    document.resetProject(Project{});
    QCOMPARE(model.columnCount(), 0);
}

void TestPreclinicalEntry::columnsFollowEveryKindOfChange() {
    // The grid keeps per-row counts of the column groups in use; after every change its columns must
    // be those a model built afresh on the same project shows.
    Document document;
    StudyTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.resetProject(test::preclinicalProject());
    const auto check = [&](const char* step) {
        StudyTableModel fresh(&document);
        QVERIFY2(keys(model) == keys(fresh), step);
    };
    check("open");
    QVERIFY(type(model, 2, "dispersion_t", QStringLiteral("SD")));
    check("type changed");
    QVERIFY(type(model, 2, "sd_t", QStringLiteral("1.5")));
    check("SD typed");
    model.removeRowList({0, 1});
    check("multi-arm rows removed");
    QVERIFY(model.insertRows(1, 2));
    check("rows inserted");
    model.paste({model.index(1, model.columnOfKey(QStringLiteral("dispersion_t")))},
                QStringLiteral("CI\t4\nMEDIAN_RANGE\t3\n"));
    check("types pasted");
    QVERIFY(model.addArm(0) > 0);
    check("arm added");
    while (document.undoStack()->canUndo()) {
        document.undoStack()->undo();
        check("undo");
    }
    while (document.undoStack()->canRedo()) {
        document.undoStack()->redo();
        check("redo");
    }
    document.setCurrentOutcome(-1);
    document.resetProject(test::sampleProject());
    check("another project");
}

void TestPreclinicalEntry::addArmGivesTheSplitControlAnalysis() {
    Document document;
    StudyTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The study as first entered: one arm against its vehicle group.
    Project start = sharedControlProject(SharedControlMethod::SplitControl);
    start.outcomes[0].rows.erase(start.outcomes[0].rows.begin() + 1);
    start.outcomes[0].rows[0].text(EntryField::Arm).clear();
    start.outcomes[0].rows[0].text(EntryField::ControlGroup).clear();
    document.resetProject(start);
    QCOMPARE(model.columnOfKey(QStringLiteral("arm")), -1);

    const int added = model.addArm(0);
    QCOMPARE(added, 1);
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(model.columnOfKey(QStringLiteral("arm")), 2); // the link columns appear
    const OutcomeRow& arm = document.project().outcomes[0].rows[1];
    QCOMPARE(arm.study, StudyId(1));
    QCOMPARE(arm.text(EntryField::Arm), std::string("Arm 2"));
    QCOMPARE(arm.text(EntryField::ControlGroup), std::string("control"));
    QVERIFY(armEntry(arm, ArmSide::Control) == ArmEntry{});
    QCOMPARE(document.project().outcomes[0].rows[0].text(EntryField::Arm), std::string("Arm 1"));
    QVERIFY(type(model, 1, "mean_t", QStringLiteral("12.9")));
    QVERIFY(type(model, 1, "sd_t", QStringLiteral("2.4")));
    QVERIFY(type(model, 1, "n_t", QStringLiteral("8")));

    const Project expected = sharedControlProject(SharedControlMethod::SplitControl);
    QVERIFY(document.project() == expected);
    const PreparedOutcome actual = prepareOutcome(document.project(), document.project().outcomes[0]);
    compareAnalyses(actual, prepareOutcome(expected, expected.outcomes[0]));
    // Split: two comparisons of Li 2019 with 12 / 2 = 6 control animals each.
    QCOMPARE(actual.data.labels,
             (std::vector<std::string>{"Li 2019 (Arm 1)", "Li 2019 (Arm 2)", "Wang 2020"}));
    QCOMPARE(actual.control[0].n, 6.0);
    QCOMPARE(actual.control[1].n, 6.0);
    QCOMPARE(actual.control[1].mean, 6.0);

    // A third arm gets the next label; undo takes it away whole.
    const Project twoArms = document.project();
    QCOMPARE(model.addArm(1), 2);
    QCOMPARE(document.project().outcomes[0].rows[2].text(EntryField::Arm), std::string("Arm 3"));
    QCOMPARE(document.project().outcomes[0].rows[3].study, StudyId(2));
    document.undoStack()->undo();
    QVERIFY(document.project() == twoArms);
    // Precomputed outcomes have no arms to add.
    Project precomputed = start;
    precomputed.outcomes[0].kind = OutcomeKind::Generic;
    document.resetProject(precomputed);
    QCOMPARE(model.addArm(0), -1);
}

void TestPreclinicalEntry::sharedControlMethodIsAnUndoableSetting() {
    MainWindow window(m_dir.filePath(QStringLiteral("recovery")));
    window.document()->resetProject(sharedControlProject(SharedControlMethod::SplitControl));
    const Project before = window.document()->project();
    QComboBox* box = window.analysisSettingsPanel()->sharedControlBox();
    QCOMPARE(box->currentData().toInt(), static_cast<int>(SharedControlMethod::SplitControl));
    box->setCurrentIndex(box->findData(static_cast<int>(SharedControlMethod::CombineTreatments)));
    emit box->activated(box->currentIndex());
    QCOMPARE(window.document()->project().outcomes[0].sharedControl, SharedControlMethod::CombineTreatments);
    window.analysisController()->recomputeNow();
    const Project combined = sharedControlProject(SharedControlMethod::CombineTreatments);
    compareAnalyses(window.analysisController()->analysis()->prepared,
                    prepareOutcome(combined, combined.outcomes[0]));
    QCOMPARE(window.analysisController()->analysis()->prepared.data.labels.front(),
             std::string("Li 2019 (Arm 1 + Arm 2)"));
    window.document()->undoStack()->undo();
    QVERIFY(window.document()->project() == before);
    QCOMPARE(box->currentData().toInt(), static_cast<int>(SharedControlMethod::SplitControl));
    // The split is explained on the control cells of both arms.
    window.analysisController()->recomputeNow();
    const QString tip = window.studyModel()
                            ->index(1, window.studyModel()->columnOfKey(QStringLiteral("n_c")))
                            .data(Qt::ToolTipRole)
                            .toString();
    QVERIFY2(tip.contains(QStringLiteral("Shared control group: control group \u201ccontrol\u201d (n = 12)")),
             qPrintable(tip));
}

void TestPreclinicalEntry::sharedControlCellsShowTheGroup() {
    Document document;
    StudyTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.resetProject(sharedControlProject(SharedControlMethod::SplitControl));
    // Row 2 left its control cells empty: they show the group's numbers, greyed and in italics, but
    // hold nothing (copy and edit see the row's own empty cells).
    const QModelIndex shared = model.index(1, model.columnOfKey(QStringLiteral("mean_c")));
    QCOMPARE(shared.data().toString(), QStringLiteral("6.0"));
    QCOMPARE(shared.data(Qt::EditRole).toString(), QString());
    QVERIFY(shared.data(StudyTableModel::SharedRole).toBool());
    QVERIFY(shared.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(shared.data(Qt::ToolTipRole).toString().contains(QStringLiteral("typed on row 1")));
    QCOMPARE(model.copyText({shared}), QStringLiteral("\n"));
    QVERIFY(!model.index(0, model.columnOfKey(QStringLiteral("mean_c")))
                 .data(StudyTableModel::SharedRole)
                 .toBool());
    // A change of the group's numbers shows on every arm.
    QVERIFY(type(model, 0, "mean_c", QStringLiteral("6.5")));
    QCOMPARE(shared.data().toString(), QStringLiteral("6.5"));
}

void TestPreclinicalEntry::nmdBringsTheShamMean() {
    MainWindow window(m_dir.filePath(QStringLiteral("recovery")));
    window.document()->resetProject(sharedControlProject(SharedControlMethod::SplitControl));
    StudyTableModel& model = *window.studyModel();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnOfKey(QStringLiteral("sham_mean")), -1);
    QComboBox* measure = window.analysisSettingsPanel()->measureBox();
    const int nmd = measure->findData(static_cast<int>(EffectMeasure::NMD));
    QVERIFY(nmd >= 0);
    QVERIFY(measure->itemData(nmd, Qt::ToolTipRole).toString().contains(QStringLiteral("sham")));
    measure->setCurrentIndex(nmd);
    emit measure->activated(nmd);
    QCOMPARE(window.document()->project().outcomes[0].settings.measure, EffectMeasure::NMD);
    const int sham = model.columnOfKey(QStringLiteral("sham_mean"));
    QVERIFY(sham >= 0);
    QCOMPARE(model.headerData(sham, Qt::Horizontal).toString(), QStringLiteral("Sham mean"));
    QVERIFY(
        model.headerData(sham, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QStringLiteral("sham")));
    // Without sham means the rows are marked; with them the NMD is computed.
    window.analysisController()->recomputeNow();
    QCOMPARE(model.index(0, sham).data(StudyTableModel::IssueRole).toString(),
             QStringLiteral("Sham mean (for the NMD) is missing"));
    for (int row = 0; row < 3; ++row)
        QVERIFY(model.setData(model.index(row, sham), QStringLiteral("15")));
    window.analysisController()->recomputeNow();
    QCOMPARE(window.analysisController()->analysis()->prepared.data.yi.size(), std::size_t(3));
    // Back to the SMD: the typed sham means stay visible, greyed as not used.
    window.document()->undoStack()->undo();
    window.document()->undoStack()->undo();
    window.document()->undoStack()->undo();
    window.document()->undoStack()->undo();
    QCOMPARE(model.columnOfKey(QStringLiteral("sham_mean")), -1);
    window.document()->undoStack()->redo();
    window.document()->undoStack()->redo();
    QVERIFY(model.columnOfKey(QStringLiteral("sham_mean")) >= 0);
    std::vector<std::pair<AnalysisSettings, TsaSettings>> settings = window.document()->allSettings();
    AnalysisSettings smd = settings[0].first;
    smd.measure = EffectMeasure::SMD;
    window.document()->undoStack()->push(
        makeAnalysisSettingsChange(window.document(), 0, smd, QStringLiteral("Change effect measure")));
    const QModelIndex kept = model.index(0, model.columnOfKey(QStringLiteral("sham_mean")));
    QCOMPARE(kept.data().toString(), QStringLiteral("15"));
    QVERIFY(!kept.data(StudyTableModel::UsedRole).toBool());
}

void TestPreclinicalEntry::characteristicsAreOfferedAndChecked() {
    MainWindow window(m_dir.filePath(QStringLiteral("recovery")));
    window.document()->resetProject(emptyEntryProject());
    QMenu* menu = window.addCharacteristicMenu();
    emit menu->aboutToShow();
    QStringList names;
    for (QAction* action : menu->actions())
        if (!action->isSeparator())
            names << action->text();
    QCOMPARE(names.front(), QStringLiteral("Species"));
    QVERIFY(names.contains(QStringLiteral("Follow-up (days)")));
    QVERIFY(names.last().contains(QStringLiteral("Other Characteristic")));
    // Species is there already; Strain is offered.
    QVERIFY(!menu->actions().front()->isEnabled());
    QVERIFY(!window.addStandardCharacteristic(QStringLiteral("species")));
    QAction* followUp = nullptr;
    for (QAction* action : menu->actions())
        if (action->text().startsWith(QStringLiteral("Follow-up")))
            followUp = action;
    QVERIFY(followUp && followUp->isEnabled());
    followUp->trigger();
    QVERIFY(window.addStandardCharacteristic(QStringLiteral("EV source")));
    QCOMPARE(window.document()->project().covariateNames,
             (std::vector<std::string>{"Species", "Dose", "Follow-up", "EV source"}));
    QCOMPARE(window.document()->undoStack()->count(), 2);

    StudyTableModel& model = *window.studyModel();
    // Suggested values plus those already typed, for the editor's list and completer.
    const QStringList species = model.index(0, model.columnOfKey(QStringLiteral("Species")))
                                    .data(StudyTableModel::SuggestionsRole)
                                    .toStringList();
    QCOMPARE(species.mid(0, 2), (QStringList{"rat", "mouse"}));
    QVERIFY(species.contains(QStringLiteral("non-human primate")));
    QVERIFY(type(model, 0, "EV source", QStringLiteral("Wharton's jelly MSC"))); // free text is fine
    QVERIFY(model.index(1, model.columnOfKey(QStringLiteral("EV source")))
                .data(StudyTableModel::SuggestionsRole)
                .toStringList()
                .contains(QStringLiteral("Wharton's jelly MSC")));
    // Numeric characteristics are marked when they hold text.
    QVERIFY(type(model, 0, "Follow-up", QStringLiteral("two weeks")));
    QVERIFY(type(model, 1, "Follow-up", QStringLiteral("14")));
    const QModelIndex text = model.index(0, model.columnOfKey(QStringLiteral("Follow-up")));
    QCOMPARE(text.data(StudyTableModel::IssueRole).toString(),
             QStringLiteral("Follow-up is a number of days: 'two weeks' is not a number"));
    QVERIFY(text.data(Qt::BackgroundRole).isValid());
    QVERIFY(text.data(Qt::ToolTipRole).toString().contains(QStringLiteral("is not a number")));
    QVERIFY(model.index(1, model.columnOfKey(QStringLiteral("Follow-up")))
                .data(StudyTableModel::IssueRole)
                .toString()
                .isEmpty());
    // Categorical characteristics appear in the subgroup chooser.
    window.analysisController()->recomputeNow();
    QVERIFY(window.analysisSettingsPanel()->subgroupBox()->findData(QStringLiteral("EV source")) >= 0);
    QVERIFY(window.analysisSettingsPanel()->subgroupBox()->findData(QStringLiteral("Species")) >= 0);
}

void TestPreclinicalEntry::characteristicsTableIsExported() {
    MainWindow window(m_dir.filePath(QStringLiteral("recovery")));
    window.document()->resetProject(test::preclinicalProject());
    QVERIFY(window.files()->exportCharacteristicsAction()->isEnabled());
    const QString path = m_dir.filePath(QStringLiteral("characteristics.csv"));
    QCOMPARE(window.files()->exportCharacteristics(path), QString());
    const io::CsvParseResult read = io::readCsvFile(path);
    QCOMPARE(read.error, QString());
    QCOMPARE(read.table.header.mid(0, 4),
             (QStringList{"study", "EV source", "dose (\u00b5g)", "Sequence generation"}));
    QCOMPARE(read.table.records.size(), qsizetype(3));
    QCOMPARE(read.table.records[0].value(0), QStringLiteral("Li 2019"));
    QCOMPARE(read.table.records[0].value(1), QStringLiteral("BMSC"));
    QCOMPARE(read.table.records[0].value(2), QStringLiteral("50; 100")); // its arms' doses
    QCOMPARE(read.table.records[0].value(3), QStringLiteral("low"));
    QCOMPARE(read.table.records[1].value(0), QStringLiteral("Wang, 2020"));
    window.document()->resetProject(Project{});
    QVERIFY(!window.files()->exportCharacteristics(path).isEmpty());
}

void TestPreclinicalEntry::armsOfAStudyCanHaveTheirOwnValues() {
    Document document;
    StudyTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.resetProject(test::preclinicalProject());
    const Project start = document.project();
    const int dose = model.columnOfKey(QStringLiteral("dose (\u00b5g)"));
    QVERIFY(dose >= 0);
    // Li 2019's two arms: the high dose is the arm's own value, the low dose the study's.
    QCOMPARE(model.index(0, dose).data().toString(), QStringLiteral("50"));
    QCOMPARE(model.index(1, dose).data().toString(), QStringLiteral("100"));
    QVERIFY(
        model.index(1, dose).data(Qt::ToolTipRole).toString().contains(QStringLiteral("arm's own value")));
    QVERIFY(model.index(0, dose).data(Qt::ToolTipRole).toString().contains(QStringLiteral("study's value")));
    QVERIFY(model.index(2, dose).data(Qt::ToolTipRole).toString().isEmpty()); // a one-arm study
    // The detail pane says how the arm differs from its study.
    const Outcome& glands = start.outcomes[0];
    const QString details = rowDetailsText(analyseOutcome(start, glands), start, glands, 1);
    QVERIFY2(details.contains(QStringLiteral("This arm's own characteristics: dose (\u00b5g) 100 (the "
                                             "study's: 50).")),
             qPrintable(details));
    QVERIFY(!rowDetailsText(analyseOutcome(start, glands), start, glands, 0)
                 .contains(QStringLiteral("own characteristics")));

    // Typing on an arm changes that arm only, as one undoable step.
    QVERIFY(model.setData(model.index(0, dose), QStringLiteral("25")));
    QCOMPARE(model.index(0, dose).data().toString(), QStringLiteral("25"));
    QCOMPARE(model.index(1, dose).data().toString(), QStringLiteral("100"));
    const PreparedOutcome prepared = prepareOutcome(document.project(), document.project().outcomes[0]);
    QCOMPARE(prepared.data.covariates[1].levels[0], std::string("25"));
    QCOMPARE(prepared.data.covariates[1].levels[1], std::string("100"));
    document.undoStack()->undo();
    QVERIFY(document.project() == start);
    // The same value on both arms is the study's again.
    QVERIFY(model.setData(model.index(1, dose), QStringLiteral("50")));
    QCOMPARE(document.project().studies[0].covariateValues[1], std::string("50"));
    QVERIFY(document.project().outcomes[0].rows[1].covariateValues.empty());
    document.undoStack()->undo();
    QVERIFY(document.project() == start);
    // Deleting the column takes the arms' values with it, and undo brings them back.
    document.undoStack()->push(new RemoveCovariateCommand(&document, 1));
    QVERIFY(document.project().outcomes[0].rows[1].covariateValues.empty());
    document.undoStack()->undo();
    QVERIFY(document.project() == start);
    document.undoStack()->push(new RemoveCovariateCommand(&document, 0));
    QCOMPARE(document.project().outcomes[0].rows[1].covariateValues, (std::vector<std::string>{"100"}));
    document.undoStack()->undo();
    QVERIFY(document.project() == start);
}

void TestPreclinicalEntry::cellEditorsOfferTheChoices() {
    Document document;
    StudyTableModel model(&document);
    Project project = emptyEntryProject();
    project.covariateNames.push_back("Follow-up");
    for (Study& study : project.studies)
        study.covariateValues.push_back("28");
    document.resetProject(project);
    GridDelegate delegate;
    QWidget parent;
    // Type: the six ways of reporting, read as the cell shows them, with the long label as tooltip;
    // choosing one writes its key.
    const QModelIndex typeCell = model.index(0, model.columnOfKey(QStringLiteral("dispersion_c")));
    auto* type = qobject_cast<QComboBox*>(delegate.createEditor(&parent, {}, typeCell));
    QVERIFY(type && !type->isEditable());
    QCOMPARE(type->count(), 6);
    QCOMPARE(type->itemText(1), QStringLiteral("SEM"));
    QCOMPARE(type->itemData(1, Qt::ToolTipRole).toString(), QStringLiteral("Mean \u00b1 SEM"));
    delegate.setEditorData(type, typeCell);
    QCOMPARE(type->currentData().toString(), QStringLiteral("SD"));
    type->setCurrentIndex(type->findData(QStringLiteral("MEDIAN_RANGE")));
    delegate.setModelData(type, &model, typeCell);
    QCOMPARE(document.project().outcomes[0].rows[0].controlDispersion, DispersionType::MedianRange);
    // Species: the suggestions, and free text accepted.
    const QModelIndex speciesCell = model.index(1, model.columnOfKey(QStringLiteral("Species")));
    auto* species = qobject_cast<QComboBox*>(delegate.createEditor(&parent, {}, speciesCell));
    QVERIFY(species && species->isEditable());
    QVERIFY(species->findText(QStringLiteral("rabbit")) >= 0);
    delegate.setEditorData(species, speciesCell);
    QCOMPARE(species->currentText(), QStringLiteral("mouse"));
    species->setEditText(QStringLiteral("hamster"));
    delegate.setModelData(species, &model, speciesCell);
    QCOMPARE(document.project().studies[1].covariateValues[0], std::string("hamster"));
    // A numeric characteristic: a line edit completing the values typed before.
    const QModelIndex followUp = model.index(0, model.columnOfKey(QStringLiteral("Follow-up")));
    auto* line = qobject_cast<QLineEdit*>(delegate.createEditor(&parent, {}, followUp));
    QVERIFY(line && line->completer());
    // Risk of bias: low, high, unclear, not assessed, each with its symbol.
    RobTableModel rob(&document);
    RobJudgementDelegate robDelegate;
    auto* judgement = qobject_cast<QComboBox*>(robDelegate.createEditor(&parent, {}, rob.index(0, 3)));
    QVERIFY(judgement);
    QCOMPARE(judgement->count(), 4);
    QCOMPARE(judgement->itemText(0), QStringLiteral("Low risk"));
    QVERIFY(!judgement->itemIcon(1).isNull());
    judgement->setCurrentIndex(2);
    robDelegate.setModelData(judgement, &rob, rob.index(0, 3));
    QCOMPARE(document.project().studies[0].riskOfBias.items[2].judgement, RobJudgement::Unclear);
}

void TestPreclinicalEntry::typingInATypeCellChoosesTheType_data() {
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("keys");
    QTest::addColumn<QString>("after");
    QTest::newRow("c chooses CI") << "SD"
                                  << "c"
                                  << "CI";
    QTest::newRow("s goes on from SD to SEM") << "SD"
                                              << "s"
                                              << "SEM";
    QTest::newRow("s goes on from SEM to SD") << "SEM"
                                              << "s"
                                              << "SD";
    QTest::newRow("m chooses the first median") << "SD"
                                                << "m"
                                                << "MEDIAN_IQR";
    QTest::newRow("capitals too") << "CI"
                                  << "S"
                                  << "SD";
}

void TestPreclinicalEntry::typingInATypeCellChoosesTheType() {
    QFETCH(QString, before);
    QFETCH(QString, keys);
    QFETCH(QString, after);
    Document document;
    StudyTableModel model(&document);
    document.resetProject(emptyEntryProject());
    QVERIFY(type(model, 1, "dispersion_t", before));
    StudyGridView view;
    view.setModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QModelIndex cell = model.index(1, model.columnOfKey(QStringLiteral("dispersion_t")));
    view.setCurrentIndex(cell);
    view.setFocus();
    // The key that opens the editor is the choice, as in a spreadsheet's list cell: one undo step,
    // and the list never opens.
    PopupWatcher popups;
    const int undoSteps = document.undoStack()->count();
    if (keys.isEmpty())
        view.edit(cell);
    QTest::keyClicks(&view, keys);
    QCOMPARE(model.index(1, model.columnOfKey(QStringLiteral("dispersion_t"))).data(Qt::EditRole).toString(),
             after);
    QTest::qWait(20);
    if (keys.isEmpty()) {
        QCOMPARE(document.undoStack()->count(), undoSteps);
        QCOMPARE(popups.shown, 1);
        return;
    }
    QCOMPARE(document.undoStack()->count(), undoSteps + 1);
    QCOMPARE(popups.shown, 0);
    QVERIFY(!view.indexWidget(cell));
}

void TestPreclinicalEntry::riskOfBiasModel() {
    Document document;
    RobTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    StudyTableModel grid(&document);
    document.resetProject(test::preclinicalProject());
    const Project start = document.project();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 11);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Sequence\ngeneration"));
    QVERIFY(
        model.headerData(7, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QStringLiteral("assessor")));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Li 2019"));
    // Never colour alone: a word and a symbol with every judgement.
    const QModelIndex low = model.index(0, 1);
    QCOMPARE(low.data().toString(), QStringLiteral("Low"));
    QVERIFY(!low.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(low.data(Qt::BackgroundRole).isValid());
    QVERIFY(low.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Random number table")));
    QCOMPARE(model.index(0, 7).data().toString(), QStringLiteral("High"));
    QCOMPARE(model.index(0, 10).data().toString(), QStringLiteral("Unclear"));
    QCOMPARE(model.index(1, 1).data().toString(), QString()); // not assessed
    QVERIFY(model.index(1, 1).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Not assessed")));
    QVERIFY(!model.flags(model.index(0, 0)).testFlag(Qt::ItemIsEditable));
    QVERIFY(model.flags(low).testFlag(Qt::ItemIsEditable));

    // Edits are undoable commands on the studies.
    QVERIFY(model.setData(model.index(1, 7), QStringLiteral("-")));
    QCOMPARE(document.project().studies[1].riskOfBias.items[6].judgement, RobJudgement::High);
    QVERIFY(!model.setData(model.index(1, 7), QStringLiteral("probably")));
    QVERIFY(model.setData(model.index(1, 7), QStringLiteral("Outcome assessor \"not blinded\""),
                          RobTableModel::SupportRole));
    QVERIFY(model.setData(model.index(1, 7), QStringLiteral("Outcome assessor \"not blinded\", p. 4"),
                          RobTableModel::SupportRole));
    QCOMPARE(document.undoStack()->count(), 2); // typing the support is one step
    model.setJudgements({model.index(2, 1), model.index(2, 2), model.index(2, 0)}, RobJudgement::Unclear);
    QCOMPARE(document.undoStack()->count(), 3);
    QCOMPARE(document.project().studies[2].riskOfBias.items[1].judgement, RobJudgement::Unclear);
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    QVERIFY(document.project() == start);

    // Studies come and go with the grid's rows, as inserted and removed rows: what a view has
    // selected stays selected (a reset would clear it).
    const QPersistentModelIndex selected = model.index(2, 5);
    QVERIFY(grid.insertRows(0, 2));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(3, 0).data().toString(), QStringLiteral("Study 4"));
    QCOMPARE(selected.row(), 2);
    document.undoStack()->undo();
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(grid.removeRows(2, 1)); // Wang's only row: the study goes
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(selected.row(), 1);
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Zhou 2021"));
    document.undoStack()->undo();
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Wang, 2020"));
    QCOMPARE(selected.row(), 2);
    document.resetProject(Project{});
    QCOMPARE(model.rowCount(), 0);
}

void TestPreclinicalEntry::riskOfBiasViewEditsSupport() {
    MainWindow window(m_dir.filePath(QStringLiteral("recovery")));
    window.document()->resetProject(test::preclinicalProject());
    QCOMPARE(window.dataTabs()->count(), 2);
    QCOMPARE(window.dataTabs()->widget(1), static_cast<QWidget*>(window.riskOfBiasView()));
    RiskOfBiasView* view = window.riskOfBiasView();
    view->setCurrentCell(0, 7);
    QCOMPARE(view->supportEditor()->toPlainText(), QStringLiteral("Assessor not blinded"));
    view->supportEditor()->setPlainText(QStringLiteral("Assessor not blinded (methods, p. 3)"));
    QCOMPARE(window.document()->project().studies[0].riskOfBias.items[6].support,
             std::string("Assessor not blinded (methods, p. 3)"));
    // Keys judge the selected cells.
    view->table()->setFocus();
    view->table()->selectionModel()->select(view->model()->index(2, 2), QItemSelectionModel::ClearAndSelect);
    QTest::keyClick(view->table(), Qt::Key_H);
    QCOMPARE(window.document()->project().studies[2].riskOfBias.items[1].judgement, RobJudgement::High);
    QTest::keyClick(view->table(), Qt::Key_Delete);
    QCOMPARE(window.document()->project().studies[2].riskOfBias.items[1].judgement,
             RobJudgement::NotAssessed);
    window.document()->undoStack()->undo();
    window.document()->undoStack()->undo();
    window.document()->undoStack()->undo();
    QVERIFY(window.document()->project() == test::preclinicalProject());
    view->setCurrentCell(0, 7);
    QCOMPARE(view->supportEditor()->toPlainText(), QStringLiteral("Assessor not blinded"));
}

void TestPreclinicalEntry::sensitivityEqualsUntickingByHand() {
    // The bundled example: 26 judged studies, two of them with two arms.
    MainWindow window(m_dir.filePath(QStringLiteral("recovery")));
    QCOMPARE(window.files()->load(FileController::examplePath()), QString());
    window.analysisController()->recomputeNow();
    const Project before = window.document()->project();
    RobSensitivityPanel* panel = window.resultsPanel()->robSensitivityPanel();
    const std::vector<std::size_t> items{0, 6, 7}; // sequence generation, assessor, incomplete data
    QCOMPARE(panel->items(), items);
    QVERIFY(panel->sensitivity());

    // By hand: untick every row of a study judged "high" on one of the items.
    Project byHand = before;
    std::vector<std::string> highRisk;
    for (OutcomeRow& row : byHand.outcomes[0].rows) {
        const Study& study = *byHand.study(row.study);
        bool high = false;
        for (std::size_t item : items)
            high = high || study.riskOfBias.items[item].judgement == RobJudgement::High;
        if (!high || !row.included)
            continue;
        row.included = false;
        if (std::find(highRisk.begin(), highRisk.end(), study.label) == highRisk.end())
            highRisk.push_back(study.label);
    }
    QVERIFY(highRisk.size() >= 3); // the example leaves some out, but not all
    const OutcomeAnalysis unticked = analyseOutcome(byHand, byHand.outcomes[0]);
    const OutcomeAnalysis& sensitivity = panel->sensitivity()->analysis;
    QCOMPARE(panel->sensitivity()->excludedStudies, highRisk);
    QCOMPARE(sensitivity.prepared.data.labels, unticked.prepared.data.labels);
    QCOMPARE(sensitivity.result.overall.k, unticked.result.overall.k);
    QCOMPARE(sensitivity.result.overall.estimate, unticked.result.overall.estimate);
    QCOMPARE(sensitivity.result.overall.ci.lower, unticked.result.overall.ci.lower);
    QCOMPARE(sensitivity.result.overall.ci.upper, unticked.result.overall.ci.upper);
    QCOMPARE(sensitivity.result.overall.tau2, unticked.result.overall.tau2);
    const QString count = QString::number(highRisk.size());
    QVERIFY2(
        panel->sentence().startsWith(QStringLiteral("Without the %1 studies at high risk of bias on sequence "
                                                    "generation, blinding of outcome assessor or incomplete "
                                                    "outcome data: SMD = ")
                                         .arg(count)),
        qPrintable(panel->sentence()));
    // The pooled estimate beside the main one.
    const ResultTable& table = panel->tableModel()->table();
    QCOMPARE(table.rows.size(), qsizetype(2));
    const MetaAnalysisFit& main = window.analysisController()->analysis()->result.overall;
    QCOMPARE(table.rows[0][1].toDouble(), static_cast<double>(main.k));
    QCOMPARE(table.rows[0][2].toDouble(), main.estimate);
    QCOMPARE(table.rows[1][1].toDouble(), static_cast<double>(unticked.result.overall.k));
    QCOMPARE(table.rows[1][2].toDouble(), unticked.result.overall.estimate);

    // Fewer items, fewer studies left out.
    panel->itemBox(0)->setChecked(false);
    panel->itemBox(7)->setChecked(false);
    QVERIFY(panel->sensitivity()->excludedStudies.size() < highRisk.size());
    // A view: nothing was edited.
    QVERIFY(window.document()->project() == before);
    QCOMPARE(window.document()->undoStack()->count(), 0);
    QVERIFY(!window.document()->isModified());
}

void TestPreclinicalEntry::sensitivityFollowsEdits() {
    MainWindow window(m_dir.filePath(QStringLiteral("recovery")));
    window.document()->resetProject(test::preclinicalProject());
    window.analysisController()->recomputeNow();
    RobSensitivityPanel* panel = window.resultsPanel()->robSensitivityPanel();
    QCOMPARE(panel->sensitivity()->excludedStudies, std::vector<std::string>{"Li 2019"});
    // Judging Wang 2020 at high risk on sequence generation takes it out at the next analysis.
    window.document()->undoStack()->push(makeRobJudgementChange(window.document(), 2, 0, RobJudgement::High));
    window.analysisController()->recomputeNow();
    QCOMPARE(panel->sensitivity()->excludedStudies, (std::vector<std::string>{"Li 2019", "Wang, 2020"}));
    QCOMPARE(panel->sensitivity()->analysis.result.overall.k, 0); // Zhou 2021 is unticked
    window.document()->undoStack()->undo();
    window.analysisController()->recomputeNow();
    QCOMPARE(panel->sensitivity()->excludedStudies, std::vector<std::string>{"Li 2019"});
    // No item ticked: nothing to show.
    panel->setItems({});
    QVERIFY(!panel->sensitivity());
    QVERIFY(panel->sentence().contains(QStringLiteral("Tick at least one item")));
}

void TestPreclinicalEntry::bundledExampleShowsReportedData() {
    MainWindow window(m_dir.filePath(QStringLiteral("recovery")));
    QCOMPARE(window.files()->load(FileController::examplePath()), QString());
    window.analysisController()->recomputeNow();
    const StudyTableModel& model = *window.studyModel();
    // Glands: SEM and a multi-arm study; the rows are all analysed.
    for (const char* key : {"arm", "control_group", "sem_t", "sem_c"})
        QVERIFY2(model.columnOfKey(QString::fromLatin1(key)) >= 0, key);
    QCOMPARE(model.columnOfKey(QStringLiteral("ci_lower_t")), -1);
    QCOMPARE(model.columnOfKey(QStringLiteral("median_t")), -1);
    const OutcomeAnalysis& analysis = *window.analysisController()->analysis();
    QCOMPARE(analysis.prepared.issues.size(), std::size_t(2)); // the study without SDs, as before
    QCOMPARE(analysis.prepared.issues[0].row, analysis.prepared.issues[1].row);
    int shared = 0;
    for (const RowDerivation& derivation : analysis.prepared.derivations)
        shared += derivation.sharedControlNote.empty() ? 0 : 1;
    QCOMPARE(shared, 4);
    // Every study is judged; thickness has CIs, embryos medians.
    for (const Study& study : window.document()->project().studies)
        QVERIFY(study.riskOfBias != RiskOfBias{});
    window.document()->setCurrentOutcome(1);
    QVERIFY(model.columnOfKey(QStringLiteral("ci_level_t")) >= 0);
    window.document()->setCurrentOutcome(2);
    QVERIFY(model.columnOfKey(QStringLiteral("q1_c")) >= 0);
    QVERIFY(model.columnOfKey(QStringLiteral("max_c")) >= 0);
    window.analysisController()->recomputeNow();
    QVERIFY(window.analysisController()->analysis()->prepared.issues.empty());
}

QTEST_MAIN(TestPreclinicalEntry)
#include "tst_preclinicalentry.moc"
