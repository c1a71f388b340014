// SPDX-License-Identifier: GPL-3.0-or-later
// Every kind of edit is one undo step: undo gives back exactly the earlier project and redo exactly
// the edited one (whole Project values compared), with the grid model checked by
// QAbstractItemModelTester throughout.
#include "tests/support/sampleproject.h"
#include "tests/support/testsupport.h"
#include "ui/commands/covariatecommands.h"
#include "ui/commands/outcomecommands.h"
#include "ui/commands/valuecommands.h"
#include "ui/document/document.h"
#include "ui/models/robtablemodel.h"
#include "ui/models/studytablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>

#include <functional>

using namespace evident;
using namespace evident::ui;

using Edit = std::function<void(Document&, StudyTableModel&)>;
Q_DECLARE_METATYPE(Edit)

namespace {

/// The first column of a kind (for dispersion types: the treated arm's; for row text: the field's
/// first column, Mean before Median).
QModelIndex cell(const StudyTableModel& model, int row, CellAddress::Kind kind,
                 EntryField field = EntryField::MeanTreated, int covariate = 0) {
    for (int c = 0; c < model.columnCount(); ++c) {
        const GridColumn& column = model.columns()[static_cast<std::size_t>(c)];
        if (column.kind == kind && (kind != CellAddress::Kind::RowText || column.field == field)
            && (kind != CellAddress::Kind::Covariate || column.covariate == covariate))
            return model.index(row, c);
    }
    return {};
}

/// Pushes the command; a null command (no change) is caught by the tests' "changed nothing" check.
void push(Document& document, QUndoCommand* command) {
    if (command)
        document.undoStack()->push(command);
}

/// An analysis-settings edit of the current outcome.
Edit analysisEdit(const std::function<void(AnalysisSettings&)>& change) {
    return [change](Document& d, StudyTableModel&) {
        AnalysisSettings settings = d.currentOutcomeData()->settings;
        change(settings);
        push(d,
             makeAnalysisSettingsChange(&d, d.currentOutcome(), settings, QStringLiteral("Change setting")));
    };
}

Edit tsaEdit(const std::function<void(TsaSettings&)>& change) {
    return [change](Document& d, StudyTableModel&) {
        TsaSettings settings = d.currentOutcomeData()->tsa;
        change(settings);
        push(d,
             makeTsaSettingsChange(&d, d.currentOutcome(), settings, QStringLiteral("Change TSA setting")));
    };
}

/// The cell of the column with `key` ("sem_t"), after showing its column group when no row uses it yet
/// (a view setting, not an edit).
QModelIndex keyed(StudyTableModel& model, int row, const char* key, ColumnGroup group) {
    model.setGroupRevealed(group, true);
    return model.index(row, model.columnOfKey(QString::fromLatin1(key)));
}

QModelIndexList block(const StudyTableModel& model, int top, int left, int bottom, int right) {
    QModelIndexList indexes;
    for (int r = top; r <= bottom; ++r)
        for (int c = left; c <= right; ++c)
            indexes.append(model.index(r, c));
    return indexes;
}

} // namespace

class TestCommands : public QObject {
    Q_OBJECT
private slots:
    void undoRedoRestoresProject_data();
    void undoRedoRestoresProject();
    void everyEditInSequenceUndoesToTheStart();
    void settingChangesMerge();
    void switchingOutcomeIsNotAnEdit();
    void undoShowsTheEditedOutcome();
    void renamingCovariateFollowsSettings();
    void removingRowsKeepsSharedStudies();

private:
    static QList<QPair<QByteArray, Edit>> edits();
};

QList<QPair<QByteArray, Edit>> TestCommands::edits() {
    using K = CellAddress::Kind;
    QList<QPair<QByteArray, Edit>> list;
    list.append({"edit a number cell", [](Document&, StudyTableModel& m) {
                     QVERIFY(
                         m.setData(cell(m, 1, K::RowText, EntryField::SdTreated), QStringLiteral("1.75")));
                 }});
    list.append({"type a bad value", [](Document&, StudyTableModel& m) {
                     QVERIFY(
                         m.setData(cell(m, 0, K::RowText, EntryField::NControl), QStringLiteral("eight")));
                 }});
    list.append({"untick include", [](Document&, StudyTableModel& m) {
                     QVERIFY(m.setData(cell(m, 0, K::Included), Qt::Unchecked, Qt::CheckStateRole));
                 }});
    list.append({"tick include", [](Document&, StudyTableModel& m) {
                     QVERIFY(m.setData(cell(m, 2, K::Included), Qt::Checked, Qt::CheckStateRole));
                 }});
    list.append({"rename a study", [](Document&, StudyTableModel& m) {
                     QVERIFY(m.setData(cell(m, 1, K::StudyLabel), QStringLiteral("Bo & Li 2020")));
                 }});
    list.append({"edit a covariate value", [](Document&, StudyTableModel& m) {
                     QVERIFY(m.setData(cell(m, 4, K::Covariate, EntryField::MeanTreated, 0),
                                       QStringLiteral("intravenous")));
                 }});
    list.append(
        {"insert rows in the middle", [](Document&, StudyTableModel& m) { QVERIFY(m.insertRows(1, 2)); }});
    list.append({"insert a row at the end",
                 [](Document&, StudyTableModel& m) { QVERIFY(m.insertRows(m.rowCount(), 1)); }});
    list.append({"delete scattered rows", [](Document&, StudyTableModel& m) { m.removeRowList({3, 0, 2}); }});
    list.append(
        {"delete every row", [](Document&, StudyTableModel& m) { QVERIFY(m.removeRows(0, m.rowCount())); }});
    list.append({"add a study of another outcome", [](Document& d, StudyTableModel& m) {
                     d.setCurrentOutcome(1);
                     m.addStudies({11, 14});
                 }});
    list.append({"paste a block inside the table", [](Document&, StudyTableModel& m) {
                     const auto result = m.paste({cell(m, 1, K::RowText, EntryField::MeanTreated)},
                                                 QStringLiteral("1\t2\t3\n4\t5\t6\n"));
                     QCOMPARE(result.cellsChanged, 6);
                 }});
    list.append({"paste past the last row", [](Document&, StudyTableModel& m) {
                     const auto result = m.paste(
                         {cell(m, 3, K::StudyLabel)},
                         QStringLiteral("New A\tSD\t1\t1\t5\nNew B\tSD\t2\tbad\t6\nNew C\tSD\t3\t-1\t7\n"));
                     QCOMPARE(result.rowsAdded, 1);
                 }});
    list.append({"fill a selection with one value", [](Document&, StudyTableModel& m) {
                     const QModelIndex first = cell(m, 0, K::RowText, EntryField::NTreated);
                     m.paste(block(m, 0, first.column(), 4, first.column() + 3), QStringLiteral("9"));
                 }});
    list.append({"clear cells", [](Document&, StudyTableModel& m) {
                     const QModelIndex first = cell(m, 1, K::Included);
                     m.clearCells(block(m, 1, first.column(), 2, m.columnCount() - 1));
                 }});
    list.append({"add a covariate", [](Document& d, StudyTableModel&) {
                     d.undoStack()->push(new AddCovariateCommand(&d, "Dose (ug)"));
                 }});
    list.append({"rename a covariate used by settings", [](Document& d, StudyTableModel&) {
                     d.undoStack()->push(new RenameCovariateCommand(&d, 1, "Publication year"));
                 }});
    list.append({"remove a covariate used by settings", [](Document& d, StudyTableModel&) {
                     d.undoStack()->push(new RemoveCovariateCommand(&d, 0));
                 }});
    list.append(
        {"change the measure", analysisEdit([](AnalysisSettings& s) { s.measure = EffectMeasure::MD; })});
    list.append({"change the tau2 estimator",
                 analysisEdit([](AnalysisSettings& s) { s.estimator = Tau2Estimator::PauleMandel; })});
    list.append({"change the CI method",
                 analysisEdit([](AnalysisSettings& s) { s.inference = InferenceMethod::Wald; })});
    list.append({"show the prediction interval",
                 analysisEdit([](AnalysisSettings& s) { s.showPredictionInterval = true; })});
    list.append({"choose no subgroup", analysisEdit([](AnalysisSettings& s) { s.subgroup.clear(); })});
    list.append({"change the subgroup", analysisEdit([](AnalysisSettings& s) { s.subgroup = "Species"; })});
    list.append({"change the cumulative order",
                 analysisEdit([](AnalysisSettings& s) { s.cumulativeOrder.clear(); })});
    list.append({"change TSA alpha", tsaEdit([](TsaSettings& s) { s.alpha = 0.05; })});
    list.append({"change TSA beta", tsaEdit([](TsaSettings& s) { s.beta = 0.2; })});
    list.append(
        {"change minimal relevant effect", tsaEdit([](TsaSettings& s) { s.minimalRelevantEffect = 0.8; })});
    list.append({"change TSA SD", tsaEdit([](TsaSettings& s) { s.standardDeviation = 12; })});
    list.append({"change TSA model", tsaEdit([](TsaSettings& s) { s.model = TsaModel::RandomEffects; })});
    list.append({"change heterogeneity adjustment",
                 tsaEdit([](TsaSettings& s) { s.adjustment = HeterogeneityAdjustment::Diversity; })});
    list.append({"change spending function",
                 tsaEdit([](TsaSettings& s) { s.spending = SpendingFunction::OBrienFleming; })});
    list.append({"turn futility off", tsaEdit([](TsaSettings& s) { s.futility = false; })});
    list.append({"change TSA order column", tsaEdit([](TsaSettings& s) { s.orderColumn.clear(); })});
    // Preclinical entry (before the outcome edits, which leave a precomputed outcome first).
    list.append({"choose how an arm is reported", [](Document&, StudyTableModel& m) {
                     QVERIFY(m.setData(cell(m, 1, K::Dispersion), QStringLiteral("SEM")));
                 }});
    list.append({"type a reported SEM", [](Document&, StudyTableModel& m) {
                     QVERIFY(m.setData(keyed(m, 1, "sem_c", ColumnGroup::SEM), QStringLiteral("0.4")));
                 }});
    list.append({"type a CI level", [](Document&, StudyTableModel& m) {
                     QVERIFY(m.setData(keyed(m, 0, "ci_level_t", ColumnGroup::CI), QStringLiteral("90")));
                 }});
    list.append({"type a median's quartile", [](Document&, StudyTableModel& m) {
                     QVERIFY(m.setData(keyed(m, 2, "q3_c", ColumnGroup::IQR), QStringLiteral("7.5")));
                 }});
    list.append({"type a range", [](Document&, StudyTableModel& m) {
                     QVERIFY(m.setData(keyed(m, 3, "min_t", ColumnGroup::Range), QStringLiteral("1")));
                 }});
    list.append({"paste types with their numbers", [](Document&, StudyTableModel& m) {
                     m.setGroupRevealed(ColumnGroup::Median, true);
                     const QModelIndex type = cell(m, 3, K::Dispersion);
                     // Type T, Mean T, Median T: each centre goes to the column of its row's type.
                     const auto result = m.paste({type}, QStringLiteral("MEDIAN_IQR\t\t6\nSEM\t5.5\t\n"));
                     QVERIFY(result.cellsChanged >= 3);
                 }});
    list.append({"name an arm", [](Document&, StudyTableModel& m) {
                     QVERIFY(
                         m.setData(keyed(m, 1, "arm", ColumnGroup::Arms), QStringLiteral("EV 50 \u00b5g")));
                 }});
    list.append(
        {"link a control group", [](Document&, StudyTableModel& m) {
             QVERIFY(m.setData(keyed(m, 1, "control_group", ColumnGroup::Arms), QStringLiteral("vehicle")));
         }});
    list.append({"add an arm to a study", [](Document&, StudyTableModel& m) { QVERIFY(m.addArm(1) >= 2); }});
    list.append({"type a sham mean", [](Document&, StudyTableModel& m) {
                     QVERIFY(m.setData(keyed(m, 4, "sham_mean", ColumnGroup::Sham), QStringLiteral("12")));
                 }});
    list.append(
        {"choose the NMD", analysisEdit([](AnalysisSettings& s) { s.measure = EffectMeasure::NMD; })});
    list.append({"combine arms sharing a control", [](Document& d, StudyTableModel&) {
                     push(d, makeSharedControlChange(&d, 0, SharedControlMethod::CombineTreatments));
                 }});
    list.append({"judge a SYRCLE item", [](Document& d, StudyTableModel&) {
                     push(d, makeRobJudgementChange(&d, 10, 6, RobJudgement::High));
                 }});
    list.append({"write the support of a judgement", [](Document& d, StudyTableModel&) {
                     push(d, makeRobSupportChange(&d, 13, 0, "\"Randomly allocated\", no method given"));
                 }});
    list.append(
        {"judge several cells by key", [](Document& d, StudyTableModel&) {
             RobTableModel rob(&d);
             rob.setJudgements({rob.index(0, 1), rob.index(1, 1), rob.index(3, 8)}, RobJudgement::Unclear);
         }});
    list.append({"add a standard characteristic", [](Document& d, StudyTableModel&) {
                     d.undoStack()->push(new AddCovariateCommand(&d, "Follow-up"));
                 }});
    list.append({"add an outcome", [](Document& d, StudyTableModel&) {
                     Outcome outcome;
                     outcome.name = "Embryos";
                     d.undoStack()->push(new AddOutcomeCommand(&d, outcome));
                     QCOMPARE(d.currentOutcome(), 2);
                 }});
    list.append({"rename an outcome", [](Document& d, StudyTableModel&) {
                     push(d, makeOutcomeRename(&d, 0, "Endometrial glands"));
                 }});
    list.append({"remove the current outcome", [](Document& d, StudyTableModel&) {
                     d.undoStack()->push(new RemoveOutcomeCommand(&d, 0));
                 }});
    list.append({"remove the other outcome", [](Document& d, StudyTableModel&) {
                     d.undoStack()->push(new RemoveOutcomeCommand(&d, 1));
                 }});
    list.append({"mark lower is better",
                 [](Document& d, StudyTableModel&) { push(d, makeLowerIsBetterChange(&d, 0, true)); }});
    list.append({"change the project title", [](Document& d, StudyTableModel&) {
                     push(d, makeProjectTitleChange(&d, "Another title"));
                 }});
    list.append({"change the project notes", [](Document& d, StudyTableModel&) {
                     push(d, makeProjectNotesChange(&d, "Illustrative data, not from real studies."));
                 }});
    list.append({"edit the precomputed outcome", [](Document& d, StudyTableModel& m) {
                     d.setCurrentOutcome(1);
                     QVERIFY(m.setData(cell(m, 1, K::RowText, EntryField::Sei), QStringLiteral("0.45")));
                 }});
    return list;
}

void TestCommands::undoRedoRestoresProject_data() {
    QTest::addColumn<Edit>("edit");
    for (const auto& [name, edit] : edits())
        QTest::newRow(name.constData()) << edit;
}

void TestCommands::undoRedoRestoresProject() {
    QFETCH(Edit, edit);
    Document document;
    StudyTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.resetProject(test::sampleProject());
    const Project before = document.project();
    QVERIFY(!document.isModified());

    edit(document, model);
    if (QTest::currentTestFailed())
        return;
    const Project after = document.project();
    QVERIFY2(!(after == before), "the edit changed nothing");
    QCOMPARE(document.undoStack()->count(), 1); // one edit, one undo step
    QVERIFY(document.isModified());

    document.undoStack()->undo();
    QVERIFY(document.project() == before);
    QVERIFY(!document.isModified());
    document.undoStack()->redo();
    QVERIFY(document.project() == after);
    document.undoStack()->undo();
    QVERIFY(document.project() == before);
}

void TestCommands::everyEditInSequenceUndoesToTheStart() {
    Document document;
    StudyTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.resetProject(test::sampleProject());
    const Project start = document.project();
    std::vector<Project> states{start};
    for (const auto& [name, edit] : edits()) {
        // Each edit assumes the sample's shape: restore it with more edits where earlier ones
        // removed what the next needs.
        while (document.project().outcomes.size() < 2) {
            document.undoStack()->push(new AddOutcomeCommand(&document, test::sampleProject().outcomes[1]));
            states.push_back(document.project());
        }
        while (document.project().covariateNames.size() < 2) {
            document.undoStack()->push(new AddCovariateCommand(&document, "Extra"));
            states.push_back(document.project());
        }
        document.setCurrentOutcome(0);
        if (model.rowCount() < 5) {
            QVERIFY(model.insertRows(model.rowCount(), 5 - model.rowCount()));
            states.push_back(document.project());
        }
        const int steps = document.undoStack()->count();
        edit(document, model);
        QVERIFY2(!QTest::currentTestFailed(), name.constData());
        if (document.undoStack()->count() != steps)
            states.push_back(document.project());
    }
    QVERIFY(states.size() > static_cast<std::size_t>(edits().size()));
    for (auto it = states.rbegin() + 1; it != states.rend(); ++it) {
        document.undoStack()->undo();
        QVERIFY(document.project() == *it);
    }
    for (std::size_t i = 1; i < states.size(); ++i) {
        document.undoStack()->redo();
        QVERIFY(document.project() == states[i]);
    }
}

void TestCommands::settingChangesMerge() {
    Document document;
    document.resetProject(test::sampleProject());
    const Project before = document.project();
    for (double alpha : {0.02, 0.03, 0.04}) {
        TsaSettings settings = document.project().outcomes[0].tsa;
        settings.alpha = alpha;
        push(document, makeTsaSettingsChange(&document, 0, settings, QStringLiteral("Change alpha"),
                                             QStringLiteral("alpha")));
    }
    QCOMPARE(document.undoStack()->count(), 1);
    document.undoStack()->undo();
    QVERIFY(document.project() == before);
    // Stepping back to where it began drops the step altogether.
    document.undoStack()->redo();
    TsaSettings settings = document.project().outcomes[0].tsa;
    settings.alpha = before.outcomes[0].tsa.alpha;
    push(document, makeTsaSettingsChange(&document, 0, settings, QStringLiteral("Change alpha"),
                                         QStringLiteral("alpha")));
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.isModified());
    QVERIFY(document.project() == before);
    // A change of another setting is a step of its own.
    settings.beta = 0.3;
    push(document, makeTsaSettingsChange(&document, 0, settings, QStringLiteral("Change beta"),
                                         QStringLiteral("beta")));
    settings.alpha = 0.2;
    push(document, makeTsaSettingsChange(&document, 0, settings, QStringLiteral("Change alpha"),
                                         QStringLiteral("alpha")));
    QCOMPARE(document.undoStack()->count(), 2);
}

void TestCommands::switchingOutcomeIsNotAnEdit() {
    Document document;
    document.resetProject(test::sampleProject());
    QSignalSpy switched(&document, &Document::currentOutcomeChanged);
    document.setCurrentOutcome(1);
    QCOMPARE(switched.count(), 1);
    QCOMPARE(document.currentOutcome(), 1);
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.isModified());
}

void TestCommands::undoShowsTheEditedOutcome() {
    Document document;
    StudyTableModel model(&document);
    document.resetProject(test::sampleProject());
    QVERIFY(model.setData(model.index(0, 1), QStringLiteral("Renamed")));
    document.setCurrentOutcome(1);
    document.undoStack()->undo();
    QCOMPARE(document.currentOutcome(), 0);
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("Ali 2019"));
}

void TestCommands::renamingCovariateFollowsSettings() {
    Document document;
    document.resetProject(test::sampleProject());
    document.undoStack()->push(new RenameCovariateCommand(&document, 1, "Publication year"));
    const Outcome& glands = document.project().outcomes[0];
    QCOMPARE(glands.settings.cumulativeOrder, std::string("Publication year"));
    QCOMPARE(glands.tsa.orderColumn, std::string("Publication year"));
    QCOMPARE(glands.settings.subgroup, std::string("Route"));
    document.undoStack()->push(new RemoveCovariateCommand(&document, 0));
    QCOMPARE(document.project().outcomes[0].settings.subgroup, std::string());
    QCOMPARE(document.project().studies[0].covariateValues.size(), std::size_t(3));
}

void TestCommands::removingRowsKeepsSharedStudies() {
    Document document;
    StudyTableModel model(&document);
    document.resetProject(test::sampleProject());
    // Ali 2019 (row 0) is also in Fibrosis; Bo 2020 (row 1) only here.
    model.removeRowList({0, 1});
    QVERIFY(document.project().study(10));
    QVERIFY(!document.project().study(11));
    QCOMPARE(document.project().studies.size(), std::size_t(4));
}

QTEST_MAIN(TestCommands)
#include "tst_commands.moc"
