// SPDX-License-Identifier: GPL-3.0-or-later
// From a CSV table to a project: column roles, layouts and the file-level errors.
#include "io/csvimport.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>

using namespace evident;
using namespace evident::io;

namespace {

CsvImport importText(const QString& text) {
    const CsvParseResult parsed = parseCsv(text);
    return importStudies(parsed.table, guessColumnRoles(parsed.table.header), QStringLiteral("outcome"));
}

} // namespace

class TestCsvImport : public QObject {
    Q_OBJECT
private slots:
    void fileLevelErrors_data();
    void fileLevelErrors();
    void twoGroupLayoutWithCovariates();
    void armsKeepTheirOwnCovariateValues();
    void metaforColumnNamesAreAccepted();
    void precomputedLayout();
    void cellProblemsNameLineAndColumn();
    void misspeltRiskOfBiasColumnIsNamed_data();
    void misspeltRiskOfBiasColumnIsNamed();
    void manyColumnsAreCheckedForDuplicates();
};

void TestCsvImport::fileLevelErrors_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("duplicate header")
        << "study,mean_t,sd_t,n_t,mean_c,sd_c,n_c,Route,route\nA,1,1,5,1,1,5,iv,iv\n"
        << "Column 'route' appears twice in the header (columns 8 and 9).";
    QTest::newRow("third copy names the first")
        << "study,mean_t,sd_t,n_t,mean_c,sd_c,n_c,Route,route,ROUTE\nA,1,1,5,1,1,5,iv,iv,iv\n"
        << "Column 'ROUTE' appears twice in the header (columns 8 and 10).";
    QTest::newRow("no study column") << "mean_t,sd_t,n_t,mean_c,sd_c,n_c\n1,1,5,1,1,5\n"
                                     << "There is no 'study' column with the study labels.";
    QTest::newRow("incomplete two-group set")
        << "study,mean_t,sd_t,n_t,mean_c\nA,1,1,5,1\n"
        << "The two-group columns are incomplete: sd_c, n_c are missing.";
    QTest::newRow("yi without variance") << "study,yi\nA,0.5\n"
                                         << "A 'yi' column needs a 'vi' or 'sei' column beside it.";
    QTest::newRow("no data columns")
        << "study,year\nA,2001\n"
        << "The data columns are missing: give mean_t, sd_t, n_t, mean_c, sd_c, n_c; events_t, "
           "total_t, events_c, total_c; or yi with vi or sei.";
    QTest::newRow("two columns for one role")
        << "study,m1i,mean_t,sd_t,n_t,mean_c,sd_c,n_c\nA,1,1,1,5,1,1,5\n"
        << "Columns 'm1i' and 'mean_t' both hold mean_t.";
}

void TestCsvImport::fileLevelErrors() {
    QFETCH(QString, text);
    QFETCH(QString, error);
    const CsvImport import = importText(text);
    QVERIFY(import.errors.contains(error));
}

void TestCsvImport::twoGroupLayoutWithCovariates() {
    const CsvImport import = importText(QStringLiteral("Study,MEAN_T,sd_t,n_t,mean_c,sd_c,n_c,route,year\n"
                                                       "Ali 2019,5.1,1.2,8,3.0,1.1,8,intrauterine,2019\n"
                                                       "Bo 2020,4.4,0.9,6,2.9,1.0,6,intravenous,2020\n"));
    QVERIFY(import.errors.isEmpty());
    const Project& project = import.project;
    QCOMPARE(project.covariateNames, (std::vector<std::string>{"route", "year"}));
    QCOMPARE(project.studies.size(), std::size_t(2));
    QCOMPARE(project.studies[1].label, std::string("Bo 2020"));
    QCOMPARE(project.studies[1].covariateValues[0], std::string("intravenous"));
    const Outcome& outcome = project.outcomes.front();
    QCOMPARE(outcome.kind, OutcomeKind::Continuous);
    QCOMPARE(outcome.rows[0].text(EntryField::MeanTreated), std::string("5.1"));
    QCOMPARE(outcome.rows[1].text(EntryField::NControl), std::string("6"));
    QCOMPARE(import.rowLines, (QList<int>{2, 3}));
}

void TestCsvImport::armsKeepTheirOwnCovariateValues() {
    // Two arms of Li 2019 against one control: the second arm's dose and hydrogel are its own; its
    // risk-of-bias judgement, which is the study's, differs and is reported rather than lost silently.
    const CsvImport import = importText(QStringLiteral("study,arm,control_group,mean_t,sd_t,n_t,mean_c,sd_c,"
                                                       "n_c,dose,hydrogel,species,rob_blinding_assessor\n"
                                                       "Li 2019,low,vehicle,12,2,8,5,2,12,50,no,rat,low\n"
                                                       "Li 2019,high,vehicle,14,2,8,,,,100,yes,,high\n"
                                                       "Wang 2020,,,9,2,10,4,1.5,9,100,no,mouse,\n"));
    QVERIFY2(import.errors.isEmpty(), qPrintable(import.errors.join(u'\n')));
    const Project& project = import.project;
    QCOMPARE(project.studies.size(), std::size_t(2));
    QCOMPARE(project.studies[0].covariateValues, (std::vector<std::string>{"50", "no", "rat"}));
    const auto& rows = project.outcomes[0].rows;
    QVERIFY(rows[0].covariateValues.empty());
    QCOMPARE(rows[1].covariateValues, (std::vector<std::string>{"100", "yes"}));
    QCOMPARE(project.covariateValue(rows[1], 2), std::string("rat")); // an empty cell: the study's
    QVERIFY(rows[2].covariateValues.empty());
    QCOMPARE(import.warnings.size(), qsizetype(1));
    QCOMPARE(import.warnings[0], QStringLiteral("Line 3, column 'rob_blinding_assessor' (study 'Li 2019'): "
                                                "risk of bias is judged per study; line 2's is kept."));
}

void TestCsvImport::metaforColumnNamesAreAccepted() {
    const CsvImport import = importText(QStringLiteral("study,m1i,sd1i,n1i,m2i,sd2i,n2i\nA,1,1,5,2,1,5\n"));
    QVERIFY(import.errors.isEmpty());
    QCOMPARE(import.project.outcomes.front().rows[0].text(EntryField::MeanControl), std::string("2"));
    QCOMPARE(import.headerOfField.value(QStringLiteral("mean_c")), QStringLiteral("m2i"));
}

void TestCsvImport::precomputedLayout() {
    const CsvImport import = importText(QStringLiteral("study\tyi\tsei\nA\t0.5\t0.2\nB\t-0.1\t0.3\n"));
    QVERIFY(import.errors.isEmpty());
    const Outcome& outcome = import.project.outcomes.front();
    QCOMPARE(outcome.kind, OutcomeKind::Generic);
    QCOMPARE(outcome.rows[1].text(EntryField::Sei), std::string("0.3"));
    const PreparedOutcome prepared = prepareOutcome(import.project, outcome);
    QCOMPARE(prepared.data.vi[0], 0.2 * 0.2);
}

void TestCsvImport::cellProblemsNameLineAndColumn() {
    const CsvImport import = importText(QStringLiteral("study,mean_t,SD_T,n_t,mean_c,sd_c,n_c\n"
                                                       "Ali 2019,5.1,1.2,8,3.0,1.1,8\n"
                                                       "Bo 2020,4.4,-0.9,6,2.9,1.0,6\n"));
    const PreparedOutcome prepared = prepareOutcome(import.project, import.project.outcomes.front());
    QCOMPARE(prepared.issues.size(), std::size_t(1));
    QCOMPARE(describeIssue(prepared.issues.front(), import),
             QStringLiteral(
                 "line 3, column 'SD_T' (study 'Bo 2020'): SD (treated) must be greater than 0 (got -0.9)"));
}

void TestCsvImport::misspeltRiskOfBiasColumnIsNamed_data() {
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("warned");
    QTest::newRow("misspelt item") << "rob_sequence_generaton" << true;
    QTest::newRow("misspelt support column") << "rob_blinding_caregiver_suport" << true;
    QTest::newRow("upper case prefix") << "ROB_randomisation" << true;
    QTest::newRow("a real item") << "rob_sequence_generation" << false;
    QTest::newRow("a real support column") << "rob_sequence_generation_support" << false;
    QTest::newRow("an ordinary characteristic") << "robustness" << false;
}

void TestCsvImport::misspeltRiskOfBiasColumnIsNamed() {
    QFETCH(QString, column);
    QFETCH(bool, warned);
    const CsvImport import = importText(
        QStringLiteral("study,mean_t,sd_t,n_t,mean_c,sd_c,n_c,%1\nA,1,1,5,1,1,5,low\n").arg(column));
    QVERIFY2(import.errors.isEmpty(), qPrintable(import.errors.join(u'\n')));
    QString warning;
    for (const QString& w : import.warnings)
        if (w.contains(column))
            warning = w;
    QCOMPARE(!warning.isEmpty(), warned);
    if (warned) {
        // The warning lists the valid keys, so the user can correct the header.
        QVERIFY2(warning.contains(QStringLiteral("rob_sequence_generation")), qPrintable(warning));
        QVERIFY2(warning.contains(QStringLiteral("rob_other_bias")), qPrintable(warning));
        QVERIFY(warning.contains(QStringLiteral("study characteristic")));
    }
}

void TestCsvImport::manyColumnsAreCheckedForDuplicates() {
    // 50,000 columns: the duplicate check is one hash look-up per column (it used to compare every
    // pair, which took over a minute).
    QStringList header{QStringLiteral("study"), QStringLiteral("yi"), QStringLiteral("vi")};
    QStringList record{QStringLiteral("A"), QStringLiteral("0.5"), QStringLiteral("0.1")};
    for (int c = 0; c < 50000; ++c) {
        header.append(QStringLiteral("c%1").arg(c));
        record.append(QString());
    }
    header.append(QStringLiteral("C17"));
    record.append(QString());
    CsvTable table;
    table.header = header;
    table.records.append(record);
    table.recordLines.append(2);
    QElapsedTimer timer;
    timer.start();
    const CsvImport import = importStudies(table, guessColumnRoles(header), QStringLiteral("outcome"));
    QCOMPARE(import.errors,
             QStringList{QStringLiteral("Column 'C17' appears twice in the header (columns 21 and 50004).")});
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestCsvImport)
#include "tst_csvimport.moc"
