// SPDX-License-Identifier: GPL-3.0-or-later
// The .evident project file: every field round-trips, enumerations are stored by key, and broken or
// newer files give an error that names the problem and leave the file as it was.
#include "io/projectfile.h"
#include "tests/support/sampleproject.h"
#include "tests/support/testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <array>
#include <set>

using namespace evident;
using namespace evident::io;

Q_DECLARE_METATYPE(evident::Project)

namespace {

QByteArray sampleJson() {
    return projectToJson(test::sampleProject());
}

/// The sample file with one edit made on its parsed JSON.
QByteArray editedSample(const std::function<void(QJsonObject&)>& edit) {
    QJsonObject root = QJsonDocument::fromJson(sampleJson()).object();
    edit(root);
    return QJsonDocument(root).toJson();
}

QJsonObject editedMember(QJsonObject object, const QString& key, const QJsonValue& value) {
    object.insert(key, value);
    return object;
}

/// Replaces element `index` of array `arrayKey` of `object` with edit(element).
void editElement(QJsonObject& object, const QString& arrayKey, int index,
                 const std::function<void(QJsonObject&)>& edit) {
    QJsonArray array = object.value(arrayKey).toArray();
    QJsonObject element = array[index].toObject();
    edit(element);
    array[index] = element;
    object.insert(arrayKey, array);
}

struct FileState {
    QByteArray hash;
    QDateTime modified;
    qint64 size = 0;
};

FileState stateOf(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return {QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256),
            QFileInfo(path).lastModified(), QFileInfo(path).size()};
}

} // namespace

class TestProjectFile : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void fileRoundTrip();
    void enumerationsAreStoredByKey();
    void cellsAreKeptAsTyped();
    void riskOfBiasFigureSettings();
    void everyFigureOfTheRegistryIsSaved();
    void errors_data();
    void errors();
    void everyTruncationIsAnError();
    void unknownEntriesAreReported();
    void numbersInTextCellsAreAccepted();
    void nulCharactersAreRemovedWithANote();
    void readingNeverChangesTheFile_data();
    void readingNeverChangesTheFile();
    void failedWriteLeavesNoFile();
    void saveReplacesWholeFile();
    void bundledExampleReads();
};

void TestProjectFile::roundTrip_data() {
    QTest::addColumn<Project>("project");
    QTest::newRow("empty project") << Project{};
    QTest::newRow("sample with every setting changed") << test::sampleProject();
    QTest::newRow("synthetic 40 studies") << test::syntheticProject(40);
    Project dichotomous = test::sampleProject();
    dichotomous.outcomes.push_back(test::dichotomousOutcome());
    QTest::newRow("dichotomous: events, shared control, zero cells, every setting") << dichotomous;
    Project preclinical = test::preclinicalProject();
    preclinical.outcomes[0].settings.measure = EffectMeasure::NMD;
    preclinical.outcomes[0].sharedControl = SharedControlMethod::CombineTreatments;
    preclinical.outcomes[0].tsa.powerAdjusted = true;
    QTest::newRow("preclinical: reported arms, shared control, NMD, SYRCLE") << preclinical;
    Project awkward = test::sampleProject();
    awkward.outcomes[0].tsa.alpha = 1e-300;
    awkward.outcomes[0].tsa.beta = 0.123456789012345678;
    awkward.outcomes[0].figures.forest.widthMm = 1.0 / 3.0;
    awkward.studies[0].label = "  spaces kept  ";
    awkward.studies[1].label = "Tab\tand\nnewline";
    awkward.studies[2].id = 9007199254740992ULL; // 2^53: the largest id a JSON number holds exactly
    awkward.outcomes[0].rows[2].study = 9007199254740992ULL;
    awkward.outcomes[1].rows[1].study = 9007199254740992ULL;
    awkward.outcomes[1].rows[0].included = false;
    awkward.outcomes.push_back(Outcome{}); // default outcome, no rows
    QTest::newRow("awkward numbers and text") << awkward;
    Project noCovariates = test::syntheticProject(3);
    noCovariates.covariateNames.clear();
    for (auto& study : noCovariates.studies)
        study.covariateValues.clear();
    QTest::newRow("no covariates") << noCovariates;
}

void TestProjectFile::roundTrip() {
    QFETCH(Project, project);
    const ProjectReadResult read = projectFromJson(projectToJson(project));
    QVERIFY2(read.project, qPrintable(read.error));
    QVERIFY2(read.warnings.isEmpty(), qPrintable(read.warnings.join(QLatin1Char('\n'))));
    QVERIFY(*read.project == project);
    // A second save writes the same bytes: nothing drifts from save to save.
    QCOMPARE(projectToJson(*read.project), projectToJson(project));
}

void TestProjectFile::fileRoundTrip() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("review.evident"));
    const Project project = test::sampleProject();
    QCOMPARE(writeProjectFile(project, path), QString());
    const ProjectReadResult read = readProjectFile(path);
    QVERIFY2(read.project, qPrintable(read.error));
    QVERIFY(*read.project == project);
}

void TestProjectFile::enumerationsAreStoredByKey() {
    const QJsonObject root = QJsonDocument::fromJson(sampleJson()).object();
    QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("evident-project"));
    QCOMPARE(root.value(QStringLiteral("schema_version")).toInt(), 3);
    const QJsonObject glands = root.value(QStringLiteral("outcomes")).toArray()[0].toObject();
    const QJsonObject analysis = glands.value(QStringLiteral("analysis")).toObject();
    QCOMPARE(analysis.value(QStringLiteral("measure")).toString(), QStringLiteral("SMD_REVMAN"));
    QCOMPARE(analysis.value(QStringLiteral("tau2_estimator")).toString(), QStringLiteral("DL"));
    QCOMPARE(analysis.value(QStringLiteral("ci_method")).toString(), QStringLiteral("hksj"));
    const QJsonObject tsa = glands.value(QStringLiteral("tsa")).toObject();
    QCOMPARE(tsa.value(QStringLiteral("model")).toString(), QStringLiteral("fixed"));
    QCOMPARE(tsa.value(QStringLiteral("heterogeneity_adjustment")).toString(), QStringLiteral("I2"));
    QCOMPARE(tsa.value(QStringLiteral("spending")).toString(), QStringLiteral("Pocock"));
    QCOMPARE(glands.value(QStringLiteral("kind")).toString(), QStringLiteral("continuous"));
    const QJsonObject fibrosis = root.value(QStringLiteral("outcomes")).toArray()[1].toObject();
    QCOMPARE(fibrosis.value(QStringLiteral("kind")).toString(), QStringLiteral("generic"));
    QCOMPARE(fibrosis.value(QStringLiteral("lower_is_better")).toBool(), true);
}

void TestProjectFile::cellsAreKeptAsTyped() {
    const QJsonObject root = QJsonDocument::fromJson(sampleJson()).object();
    const QJsonObject row = root.value(QStringLiteral("outcomes"))
                                .toArray()[0]
                                .toObject()
                                .value(QStringLiteral("rows"))
                                .toArray()[3]
                                .toObject();
    QCOMPARE(row.value(QStringLiteral("treated")).toObject().value(QStringLiteral("mean")).toString(),
             QStringLiteral("7,2"));
    const QJsonObject study = root.value(QStringLiteral("studies")).toArray()[4].toObject();
    QCOMPARE(study.value(QStringLiteral("covariates")).toObject().value(QStringLiteral("Route")).toString(),
             QString());
}

void TestProjectFile::riskOfBiasFigureSettings() {
    const QJsonObject root = QJsonDocument::fromJson(sampleJson()).object();
    const QJsonObject figures = root.value(QStringLiteral("outcomes"))
                                    .toArray()[0]
                                    .toObject()
                                    .value(QStringLiteral("figures"))
                                    .toObject();
    QCOMPARE(
        figures.value(QStringLiteral("forest")).toObject().value(QStringLiteral("risk_of_bias")).toBool(),
        true);
    QCOMPARE(
        figures.value(QStringLiteral("funnel")).toObject().value(QStringLiteral("risk_of_bias")).toBool(true),
        false);
    const QJsonObject summary = figures.value(QStringLiteral("rob_summary")).toObject();
    QCOMPARE(summary.value(QStringLiteral("width_mm")).toDouble(), 85.0);
    QCOMPARE(summary.value(QStringLiteral("font_point_size")).toDouble(), 7.0);

    // A file written before the risk-of-bias figures reads with their defaults, without warnings.
    QJsonObject older = root;
    editElement(older, QStringLiteral("outcomes"), 0, [](QJsonObject& outcome) {
        QJsonObject figures = outcome.value(QStringLiteral("figures")).toObject();
        figures.remove(QStringLiteral("rob_summary"));
        QJsonObject forest = figures.value(QStringLiteral("forest")).toObject();
        forest.remove(QStringLiteral("risk_of_bias"));
        figures.insert(QStringLiteral("forest"), forest);
        outcome.insert(QStringLiteral("figures"), figures);
    });
    const ProjectReadResult read = projectFromJson(QJsonDocument(older).toJson());
    QVERIFY2(read.project, qPrintable(read.error));
    QVERIFY(read.warnings.isEmpty());
    QCOMPARE(read.project->outcomes[0].figures.forest.riskOfBias, false);
    QVERIFY(read.project->outcomes[0].figures.robSummary == FigureSettings{});
}

void TestProjectFile::everyFigureOfTheRegistryIsSaved() {
    // The figures added with the registry are saved under their project keys and read back.
    Project project = test::sampleProject();
    Outcome& outcome = project.outcomes[0];
    outcome.figures.cumulative.widthMm = 85;
    outcome.figures.leaveOneOut.fontPointSize = 9;
    outcome.figures.robTrafficLight.heightMm = 120;
    const QByteArray json = projectToJson(project);
    const QJsonObject figures = QJsonDocument::fromJson(json)
                                    .object()
                                    .value(QStringLiteral("outcomes"))
                                    .toArray()[0]
                                    .toObject()
                                    .value(QStringLiteral("figures"))
                                    .toObject();
    QCOMPARE(
        figures.value(QStringLiteral("cumulative")).toObject().value(QStringLiteral("width_mm")).toDouble(),
        85.0);
    QCOMPARE(figures.value(QStringLiteral("leave_one_out"))
                 .toObject()
                 .value(QStringLiteral("font_point_size"))
                 .toDouble(),
             9.0);
    QCOMPARE(figures.value(QStringLiteral("rob_traffic_light"))
                 .toObject()
                 .value(QStringLiteral("height_mm"))
                 .toDouble(),
             120.0);
    const ProjectReadResult read = projectFromJson(json);
    QVERIFY2(read.project, qPrintable(read.error));
    QVERIFY(*read.project == project);

    // A schema 2 file has only forest, funnel, tsa and rob_summary; one spelling the summary as the
    // command line does ("rob-summary") reads too, without warnings.
    QJsonObject older = QJsonDocument::fromJson(sampleJson()).object();
    editElement(older, QStringLiteral("outcomes"), 0, [](QJsonObject& outcome) {
        QJsonObject figures = outcome.value(QStringLiteral("figures")).toObject();
        for (const char* key : {"cumulative", "leave_one_out", "rob_traffic_light"})
            figures.remove(QString::fromLatin1(key));
        figures.insert(QStringLiteral("rob-summary"), figures.take(QStringLiteral("rob_summary")));
        outcome.insert(QStringLiteral("figures"), figures);
    });
    const ProjectReadResult schema2 = projectFromJson(QJsonDocument(older).toJson());
    QVERIFY2(schema2.project, qPrintable(schema2.error));
    QVERIFY2(schema2.warnings.isEmpty(), qPrintable(schema2.warnings.join(QLatin1Char('\n'))));
    QCOMPARE(schema2.project->outcomes[0].figures.robSummary.widthMm, 85.0);
    QVERIFY(schema2.project->outcomes[0].figures.cumulative == FigureSettings{});
}

void TestProjectFile::errors_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty file") << QByteArray("  \n") << QStringLiteral("The file is empty.");
    QTest::newRow("not JSON") << QByteArray("study,mean_t\nA,1\n")
                              << QStringLiteral("not valid JSON at line 1, column ");
    QTest::newRow("stray comma on line 3")
        << QByteArray("{\n  \"format\": \"evident-project\",\n  \"schema_version\": 1,,\n}\n")
        << QStringLiteral("not valid JSON at line 3, column ");
    QTest::newRow("truncated") << sampleJson().left(sampleJson().size() / 2)
                               << QStringLiteral("It ends too early: it may have been cut off (truncated).");
    QTest::newRow("JSON array") << QByteArray("[1, 2]")
                                << QStringLiteral("the file does not hold a JSON object");
    QTest::newRow("another format")
        << editedSample([](QJsonObject& r) { r.insert(QStringLiteral("format"), QStringLiteral("revman")); })
        << QStringLiteral(
               "This is not an Evident project: the \"format\" entry should be \"evident-project\".");
    QTest::newRow("newer schema")
        << editedSample([](QJsonObject& r) { r.insert(QStringLiteral("schema_version"), 7); })
        << QStringLiteral(
               "saved by a newer version of Evident (file schema version 7; this version reads up to 3)");
    // Out of any integer's range: checked before a cast, and the message shows the number as written.
    QTest::newRow("schema version 1e300")
        << editedSample([](QJsonObject& r) { r.insert(QStringLiteral("schema_version"), 1e300); })
        << QStringLiteral("(file schema version 1e+300; this version reads up to 3)");
    for (const double id : {-1.0, 1e300, 9007199254740994.0})
        QTest::newRow(qPrintable(QStringLiteral("row study id %1").arg(id)))
            << editedSample([id](QJsonObject& r) {
                   editElement(r, QStringLiteral("outcomes"), 0, [id](QJsonObject& o) {
                       editElement(o, QStringLiteral("rows"), 1,
                                   [id](QJsonObject& row) { row.insert(QStringLiteral("study"), id); });
                   });
               })
            << QStringLiteral("outcome 'Glands', row 2: 'study' must be a whole number of at least 1");
    QTest::newRow("study id 1e300") << editedSample([](QJsonObject& r) {
        editElement(r, QStringLiteral("studies"), 0,
                    [](QJsonObject& s) { s.insert(QStringLiteral("id"), 1e300); });
    }) << QStringLiteral("study 1 ('Ali 2019'): 'id' must be a whole number of at least 1");
    QTest::newRow("schema version as text") << editedSample([](QJsonObject& r) {
        r.insert(QStringLiteral("schema_version"), QStringLiteral("1"));
    }) << QStringLiteral("The \"schema_version\" entry is missing or not a whole number.");
    QTest::newRow("no studies") << editedSample([](QJsonObject& r) { r.remove(QStringLiteral("studies")); })
                                << QStringLiteral("'studies' is missing");
    QTest::newRow("label is a list") << editedSample([](QJsonObject& r) {
        editElement(r, QStringLiteral("studies"), 2,
                    [](QJsonObject& s) { s.insert(QStringLiteral("label"), QJsonArray{1}); });
    }) << QStringLiteral("study 3: 'label' must be text");
    QTest::newRow("duplicate study id") << editedSample([](QJsonObject& r) {
        editElement(r, QStringLiteral("studies"), 1,
                    [](QJsonObject& s) { s.insert(QStringLiteral("id"), 10); });
    }) << QStringLiteral("study 2 ('Bo 2020'): 'id' 10 is used by another study");
    QTest::newRow("fractional id") << editedSample([](QJsonObject& r) {
        editElement(r, QStringLiteral("studies"), 0,
                    [](QJsonObject& s) { s.insert(QStringLiteral("id"), 1.5); });
    }) << QStringLiteral("study 1 ('Ali 2019'): 'id' must be a whole number of at least 1");
    QTest::newRow("covariate value is a list") << editedSample([](QJsonObject& r) {
        editElement(r, QStringLiteral("studies"), 1, [](QJsonObject& s) {
            s.insert(QStringLiteral("covariates"),
                     editedMember(s.value(QStringLiteral("covariates")).toObject(), QStringLiteral("Year"),
                                  QJsonArray{}));
        });
    }) << QStringLiteral("study 2 ('Bo 2020'), covariates: 'Year' must be text");
    QTest::newRow("duplicate covariate name") << editedSample([](QJsonObject& r) {
        r.insert(QStringLiteral("covariates"), QJsonArray{QStringLiteral("Route"), QStringLiteral("route")});
    }) << QStringLiteral("covariate 2: the name 'route' appears twice");
    QTest::newRow("unknown measure")
        << editedSample([](QJsonObject& r) {
               editElement(r, QStringLiteral("outcomes"), 0, [](QJsonObject& o) {
                   o.insert(QStringLiteral("analysis"),
                            editedMember(o.value(QStringLiteral("analysis")).toObject(),
                                         QStringLiteral("measure"), QStringLiteral("Cohen")));
               });
           })
        << QStringLiteral(
               "outcome 'Glands', analysis: 'measure' 'Cohen' is not one of SMD, SMD_REVMAN, MD, ROM");
    QTest::newRow("measure stored as a number") << editedSample([](QJsonObject& r) {
        editElement(r, QStringLiteral("outcomes"), 0, [](QJsonObject& o) {
            o.insert(QStringLiteral("analysis"), editedMember(o.value(QStringLiteral("analysis")).toObject(),
                                                              QStringLiteral("measure"), 0));
        });
    }) << QStringLiteral("outcome 'Glands', analysis: 'measure' must be one of");
    QTest::newRow("alpha as text") << editedSample([](QJsonObject& r) {
        editElement(r, QStringLiteral("outcomes"), 0, [](QJsonObject& o) {
            o.insert(QStringLiteral("tsa"), editedMember(o.value(QStringLiteral("tsa")).toObject(),
                                                         QStringLiteral("alpha"), QStringLiteral("0.05")));
        });
    }) << QStringLiteral("outcome 'Glands', tsa: 'alpha' must be a number");
    QTest::newRow("risk of bias figure option as text") << editedSample([](QJsonObject& r) {
        editElement(r, QStringLiteral("outcomes"), 0, [](QJsonObject& o) {
            QJsonObject figures = o.value(QStringLiteral("figures")).toObject();
            figures.insert(QStringLiteral("forest"),
                           editedMember(figures.value(QStringLiteral("forest")).toObject(),
                                        QStringLiteral("risk_of_bias"), QStringLiteral("yes")));
            o.insert(QStringLiteral("figures"), figures);
        });
    }) << QStringLiteral("outcome 'Glands', figures, forest: 'risk_of_bias' must be true or false");
    QTest::newRow("unknown kind")
        << editedSample([](QJsonObject& r) {
               editElement(r, QStringLiteral("outcomes"), 1, [](QJsonObject& o) {
                   o.insert(QStringLiteral("kind"), QStringLiteral("binary"));
               });
           })
        << QStringLiteral(
               "outcome 'Fibrosis': 'kind' 'binary' is not one of continuous, dichotomous, generic");
    QTest::newRow("row of an unknown study") << editedSample([](QJsonObject& r) {
        editElement(r, QStringLiteral("outcomes"), 0, [](QJsonObject& o) {
            editElement(o, QStringLiteral("rows"), 1,
                        [](QJsonObject& row) { row.insert(QStringLiteral("study"), 99); });
        });
    }) << QStringLiteral("outcome 'Glands', row 2: 'study' 99 is not the id of any study in the file");
    QTest::newRow("cell is a list") << editedSample([](QJsonObject& r) {
        editElement(r, QStringLiteral("outcomes"), 0, [](QJsonObject& o) {
            editElement(o, QStringLiteral("rows"), 1, [](QJsonObject& row) {
                row.insert(QStringLiteral("treated"),
                           editedMember(row.value(QStringLiteral("treated")).toObject(), QStringLiteral("sd"),
                                        QJsonArray{}));
            });
        });
    }) << QStringLiteral("outcome 'Glands', row 2 (study 'Bo 2020'), treated: 'sd' must be text");
    QTest::newRow("included as text") << editedSample([](QJsonObject& r) {
        editElement(r, QStringLiteral("outcomes"), 0, [](QJsonObject& o) {
            editElement(o, QStringLiteral("rows"), 0, [](QJsonObject& row) {
                row.insert(QStringLiteral("included"), QStringLiteral("yes"));
            });
        });
    }) << QStringLiteral("outcome 'Glands', row 1 (study 'Ali 2019'): 'included' must be true or false");
}

void TestProjectFile::errors() {
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const ProjectReadResult read = projectFromJson(json);
    QVERIFY(!read.project);
    QVERIFY2(read.error.contains(expected), qPrintable(read.error));
}

void TestProjectFile::everyTruncationIsAnError() {
    // Cut the file anywhere (as a full disk or a crash might): never a project, always a reason.
    const QByteArray json = sampleJson();
    for (qsizetype length = 0; length < json.trimmed().size(); length += 7) {
        const ProjectReadResult read = projectFromJson(json.left(length));
        QVERIFY2(!read.project, qPrintable(QStringLiteral("cut at %1 bytes").arg(length)));
        QVERIFY(!read.error.isEmpty());
    }
}

void TestProjectFile::unknownEntriesAreReported() {
    const QByteArray json = editedSample([](QJsonObject& r) {
        r.insert(QStringLiteral("reviewers"), QJsonArray{QStringLiteral("A. N. Other")});
        editElement(r, QStringLiteral("studies"), 0,
                    [](QJsonObject& s) { s.insert(QStringLiteral("doi"), QStringLiteral("10.1/x")); });
        editElement(r, QStringLiteral("outcomes"), 1, [](QJsonObject& o) {
            o.insert(QStringLiteral("tsa"), editedMember(o.value(QStringLiteral("tsa")).toObject(),
                                                         QStringLiteral("iterated_logarithm_penalty"), true));
        });
    });
    const ProjectReadResult read = projectFromJson(json);
    QVERIFY2(read.project, qPrintable(read.error));
    QVERIFY(*read.project == test::sampleProject());
    QCOMPARE(read.warnings.size(), 3);
    const QString all = read.warnings.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral(": the entry 'reviewers' is not known")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("study 1 ('Ali 2019'): the entry 'doi' is not known")),
             qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral(
                 "outcome 'Fibrosis', tsa: the entry 'iterated_logarithm_penalty' is not known")),
             qPrintable(all));
}

void TestProjectFile::nulCharactersAreRemovedWithANote() {
    const QString nul(QChar(0));
    const QByteArray json = editedSample([&nul](QJsonObject& r) {
        editElement(r, QStringLiteral("studies"), 0, [&nul](QJsonObject& s) {
            s.insert(QStringLiteral("label"), QStringLiteral("Ali") + nul + QStringLiteral(" 2019"));
        });
        QJsonArray names = r.value(QStringLiteral("covariates")).toArray();
        names[0] = names[0].toString() + nul;
        r.insert(QStringLiteral("covariates"), names);
    });
    QVERIFY(json.contains("\\u0000")); // the file holds the escaped NUL
    const ProjectReadResult read = projectFromJson(json);
    QVERIFY2(read.project, qPrintable(read.error));
    QCOMPARE(read.project->studies[0].label, std::string("Ali 2019"));
    QVERIFY(*read.project == test::sampleProject());
    QCOMPARE(read.warnings.size(), 2);
    QVERIFY2(read.warnings[0].contains(QStringLiteral("covariate 1: the name held NUL characters")),
             qPrintable(read.warnings[0]));
    QVERIFY2(read.warnings[1].contains(QStringLiteral("study 1 ('Ali 2019'): 'label' held NUL characters")),
             qPrintable(read.warnings[1]));
}

void TestProjectFile::numbersInTextCellsAreAccepted() {
    const QByteArray json = editedSample([](QJsonObject& r) {
        editElement(r, QStringLiteral("outcomes"), 0, [](QJsonObject& o) {
            editElement(o, QStringLiteral("rows"), 0, [](QJsonObject& row) {
                row.insert(QStringLiteral("treated"), QJsonObject{{QStringLiteral("mean"), 5.25},
                                                                  {QStringLiteral("sd"), 1.2},
                                                                  {QStringLiteral("n"), 8}});
            });
        });
    });
    const ProjectReadResult read = projectFromJson(json);
    QVERIFY2(read.project, qPrintable(read.error));
    const ArmEntry arm = armEntry(read.project->outcomes[0].rows[0], ArmSide::Treated);
    QCOMPARE(arm.mean, std::string("5.25"));
    QCOMPARE(arm.sd, std::string("1.2"));
    QCOMPARE(arm.n, std::string("8"));
}

void TestProjectFile::readingNeverChangesTheFile_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("valid") << sampleJson();
    QTest::newRow("truncated") << sampleJson().left(300);
    QTest::newRow("corrupt") << QByteArray(
        "{\"format\": \"evident-project\", \"schema_version\": 1, \x01\x02 }");
    QTest::newRow("newer schema") << editedSample(
        [](QJsonObject& r) { r.insert(QStringLiteral("schema_version"), 3); });
}

void TestProjectFile::readingNeverChangesTheFile() {
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("review.evident"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    const FileState before = stateOf(path);
    const QStringList entriesBefore =
        QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    (void)readProjectFile(path);
    const FileState after = stateOf(path);
    QCOMPARE(after.hash, before.hash);
    QCOMPARE(after.size, before.size);
    QCOMPARE(after.modified, before.modified);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             entriesBefore);
}

void TestProjectFile::failedWriteLeavesNoFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing-folder/review.evident"));
    const QString error = writeProjectFile(test::sampleProject(), path);
    QVERIFY(error.startsWith(QStringLiteral("Cannot write ")));
    QVERIFY(!QFileInfo::exists(path));
}

void TestProjectFile::saveReplacesWholeFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("review.evident"));
    QCOMPARE(writeProjectFile(test::syntheticProject(200), path), QString());
    QCOMPARE(writeProjectFile(test::sampleProject(), path), QString());
    const ProjectReadResult read = readProjectFile(path);
    QVERIFY2(read.project, qPrintable(read.error));
    QVERIFY(*read.project == test::sampleProject());
    // No temporary file is left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("review.evident")});
}

void TestProjectFile::bundledExampleReads() {
    const ProjectReadResult read = readProjectFile(
        test::testDataPath(QStringLiteral("../resources/examples/ev-intrauterine-adhesions.evident")));
    QVERIFY2(read.project, qPrintable(read.error));
    QVERIFY2(read.warnings.isEmpty(), qPrintable(read.warnings.join(QLatin1Char('\n'))));
    const Project& project = *read.project;
    QCOMPARE(project.studies.size(), std::size_t(26));
    QCOMPARE(project.outcomes.size(), std::size_t(5));
    QCOMPARE(project.outcomes[4].kind, OutcomeKind::Dichotomous);
    QCOMPARE(project.outcomes[4].settings.pooling, PoolingMethod::MantelHaenszel);
    QVERIFY(QString::fromStdString(project.notes)
                .startsWith(QStringLiteral("Illustrative data, not from real studies")));
    QVERIFY(project.outcomes[3].lowerIsBetter);
    for (const Outcome& outcome : project.outcomes) {
        std::set<StudyId> reporting; // not every study reports every outcome (some have several arms)
        for (const OutcomeRow& row : outcome.rows)
            reporting.insert(row.study);
        QVERIFY(reporting.size() < project.studies.size());
        QCOMPARE(outcome.tsa.orderColumn, std::string("Year"));
        QVERIFY(outcome.tsa.minimalRelevantEffect > 0);
        const bool dichotomous = outcome.kind == OutcomeKind::Dichotomous;
        for (const OutcomeRow& row : outcome.rows) {
            const std::array<EntryField, 2> sizes =
                dichotomous ? std::array{EntryField::TotalTreated, EntryField::TotalControl}
                            : std::array{EntryField::NTreated, EntryField::NControl};
            if (dichotomous) // events out of the animals mated
                QVERIFY(std::stoi(row.text(EntryField::EventsTreated)) <= std::stoi(row.text(sizes[0])));
            for (const std::string* n : {&row.text(sizes[0]), &row.text(sizes[1])}) {
                if (n->empty() && n == &row.text(sizes[1]) && !row.text(EntryField::ControlGroup).empty())
                    continue; // another arm of the study: it uses the shared control group's numbers
                const int animals = std::stoi(*n);
                QVERIFY(animals >= 5 && animals <= 12);
            }
        }
    }
    // Saving it again writes the same project (the generator follows the format).
    const ProjectReadResult again = projectFromJson(projectToJson(project));
    QVERIFY(again.project && *again.project == project);
}

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
