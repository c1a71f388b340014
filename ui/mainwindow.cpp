// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "core/project/characteristics.h"
#include "ui/analysis/analysiscontroller.h"
#include "ui/analysisviews.h"
#include "ui/commands/covariatecommands.h"
#include "ui/commands/outcomecommands.h"
#include "ui/commands/valuecommands.h"
#include "ui/dialogs/helpdialogs.h"
#include "ui/dialogs/newoutcomedialog.h"
#include "ui/dialogs/projectdetailsdialog.h"
#include "ui/document/document.h"
#include "ui/document/filecontroller.h"
#include "ui/models/studytablemodel.h"
#include "ui/widgets/analysissettingspanel.h"
#include "ui/widgets/outcomebar.h"
#include "ui/widgets/resultspanel.h"
#include "ui/widgets/riskofbiasview.h"
#include "ui/widgets/robsensitivitypanel.h"
#include "ui/widgets/rowdetailspanel.h"
#include "ui/widgets/startpage.h"
#include "ui/widgets/studygridview.h"
#include "ui/widgets/tsasettingspanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCommandLinkButton>
#include <QDockWidget>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace evident::ui {
namespace {

const QString illustrativeNote = QStringLiteral("Illustrative data, not from real studies");

QDockWidget* dockFor(QWidget* panel, const QString& title, const QString& objectName, QWidget* parent) {
    auto* scroll = new QScrollArea(parent);
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Wide enough for the panel's fields (it puts labels above them), no wider: it scrolls when short.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(panel->minimumSizeHint().width()
                            + scroll->verticalScrollBar()->sizeHint().width());
    auto* dock = new QDockWidget(title, parent);
    dock->setObjectName(objectName);
    dock->setWidget(scroll);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                      | QDockWidget::DockWidgetClosable);
    return dock;
}

/// The Analysis panel's content: the meta-analysis settings, then those of the trial sequential analysis,
/// each under a heading, in one column that scrolls.
QWidget* settingsColumn(QWidget* analysis, QWidget* tsa, QWidget* parent) {
    auto* column = new QWidget(parent);
    auto* layout = new QVBoxLayout(column);
    const auto heading = [column](const QString& text) {
        auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(text), column);
        label->setContentsMargins(6, 6, 0, 0);
        return label;
    };
    layout->addWidget(heading(MainWindow::tr("Meta-analysis")));
    layout->addWidget(analysis);
    layout->addWidget(heading(MainWindow::tr("Trial sequential analysis")));
    layout->addWidget(tsa);
    layout->addStretch(1);
    return column;
}

} // namespace

MainWindow::MainWindow(const QString& recoveryDirectory, QWidget* parent)
    : QMainWindow(parent)
    , m_document(new Document(this))
    , m_analysis(new AnalysisController(m_document, this))
    , m_files(new FileController(
          m_document, this, recoveryDirectory.isEmpty() ? Autosaver::defaultDirectory() : recoveryDirectory,
          this))
    , m_model(new StudyTableModel(m_document, this))
    , m_grid(new StudyGridView(this))
    , m_outcomeBar(new OutcomeBar(m_document, this))
    , m_dataTabs(new QTabWidget(this))
    , m_rowDetails(new RowDetailsPanel(m_document, m_analysis, this))
    , m_riskOfBias(new RiskOfBiasView(m_document, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_startPage(new StartPage(m_files, this))
    , m_pages(new QStackedWidget(this))
    , m_analysisTabs(new QTabWidget(this))
    , m_results(new ResultsPanel(m_document, this))
    , m_analysisSettings(new AnalysisSettingsPanel(m_document, this))
    , m_tsaSettings(new TsaSettingsPanel(m_document, this))
    , m_settingsDock(dockFor(settingsColumn(m_analysisSettings, m_tsaSettings, this), tr("Analysis"),
                             QStringLiteral("analysisSettings"), this))
    , m_views(new AnalysisViews(m_document, m_analysis, m_grid, this))
    , m_illustrative(new QLabel(this))
    , m_timing(new QLabel(this)) {
    m_grid->setStudyModel(m_model);

    // The grid with, below it, how the current row's numbers are used; beside it, risk of bias.
    auto* gridSplitter = new QSplitter(Qt::Vertical, this);
    gridSplitter->setObjectName(QStringLiteral("gridSplitter")); // named: its sizes are remembered
    gridSplitter->addWidget(m_grid);
    gridSplitter->addWidget(m_rowDetails);
    gridSplitter->setStretchFactor(0, 3);
    gridSplitter->setStretchFactor(1, 1);
    gridSplitter->setChildrenCollapsible(false);
    auto* gridPage = new QWidget(this);
    auto* gridLayout = new QVBoxLayout(gridPage);
    gridLayout->setContentsMargins(0, 4, 0, 0);
    gridLayout->addWidget(m_outcomeBar);
    gridLayout->addWidget(gridSplitter, 1);
    m_dataTabs->addTab(gridPage, tr("Outcome data"));
    m_dataTabs->addTab(m_riskOfBias, tr("Risk of bias (SYRCLE)"));
    m_dataTabs->setTabToolTip(0, tr("The numbers of the current outcome, as the papers report them"));
    m_dataTabs->setTabToolTip(1, tr("SYRCLE risk-of-bias judgements of every study, shared by all outcomes"));
    m_dataTabs->setDocumentMode(true);
    auto* dataPane = new QWidget(this);
    auto* dataLayout = new QVBoxLayout(dataPane);
    dataLayout->setContentsMargins(6, 6, 0, 0);
    dataLayout->addWidget(m_dataTabs, 1);
    connect(m_grid, &StudyGridView::currentRowChanged, m_rowDetails, &RowDetailsPanel::setRow);

    m_analysisTabs->addTab(m_results, tr("Results"));
    m_analysisTabs->addTab(m_views->forestPage(), tr("Forest plot"));
    m_analysisTabs->addTab(m_views->funnelPage(), tr("Funnel plot"));
    m_analysisTabs->addTab(m_views->tsaPage(), tr("Trial sequential analysis"));
    m_analysisTabs->addTab(m_views->riskOfBiasPage(), tr("Risk of bias"));
    for (const auto& [page, title] : m_views->sensitivityPages())
        m_analysisTabs->addTab(page, title);
    m_analysisTabs->setDocumentMode(true);
    m_splitter->addWidget(dataPane);
    m_splitter->addWidget(m_analysisTabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_pages->addWidget(m_startPage);
    m_pages->addWidget(m_splitter);
    m_pages->setCurrentWidget(m_splitter);
    setCentralWidget(m_pages);

    addDockWidget(Qt::RightDockWidgetArea, m_settingsDock);
    // The TSA tab brings its settings into view.
    connect(m_analysisTabs, &QTabWidget::currentChanged, this, [this] {
        if (m_analysisTabs->currentWidget() == m_views->tsaPage())
            if (auto* scroll = qobject_cast<QScrollArea*>(m_settingsDock->widget()))
                scroll->ensureWidgetVisible(m_tsaSettings);
    });

    m_illustrative->setText(QStringLiteral("\u26a0 ") + illustrativeNote);
    m_illustrative->setToolTip(tr("The project's notes say its numbers are made up"));
    statusBar()->addPermanentWidget(m_illustrative);
    statusBar()->addPermanentWidget(m_timing);

    createOutcomeActions();
    createCovariateActions();
    createMenus();

    connect(m_analysis, &AnalysisController::analysisChanged, this,
            [this](const OutcomeAnalysis& analysis, const Outcome& outcome) {
                m_model->setIssues(analysis.prepared.issues);
                m_model->setNotes(analysis.prepared.notes);
                m_model->setDerivations(analysis.prepared.derivations);
                m_analysisSettings->showAnalysis(analysis);
                m_tsaSettings->showAnalysis(analysis);
                m_results->showAnalysis(analysis, outcome);
                m_timing->setText(tr("Analysis: %1 ms").arg(m_analysis->lastDurationMs(), 0, 'f', 1));
            });
    connect(m_analysis, &AnalysisController::analysisCleared, this, [this] {
        m_model->setIssues({});
        m_model->setNotes({});
        m_model->setDerivations({});
        m_results->clear();
        m_timing->clear();
    });
    m_files->setResultsSource([this]() -> std::optional<ResultTable> {
        const OutcomeAnalysis* analysis = m_analysis->analysis();
        if (!analysis)
            return std::nullopt;
        return resultsExportTable(*analysis, m_results->robSensitivityPanel()->sensitivity());
    });
    connect(m_files, &FileController::message, this, &MainWindow::showStatus);
    connect(m_grid, &StudyGridView::message, this, &MainWindow::showStatus);
    connect(m_views, &AnalysisViews::message, this, &MainWindow::showStatus);

    connect(m_document, &Document::modifiedChanged, this, &QWidget::setWindowModified);
    for (auto signal :
         {&Document::projectReset, &Document::projectInfoChanged, &Document::outcomeListChanged})
        connect(m_document, signal, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    // A project opened, created or imported from anywhere (the start page, the menus) replaces the page.
    connect(m_document, &Document::projectReset, this, &MainWindow::showWorkspace);
    connect(m_document, &Document::currentOutcomeChanged, this, &MainWindow::updateActions);
    connect(m_document, &Document::outcomeListChanged, this, &MainWindow::updateActions);
    connect(m_document, &Document::covariateInserted, this, &MainWindow::updateActions);
    connect(m_document, &Document::covariateRemoved, this, &MainWindow::updateActions);
    // Studies come with rows of any outcome: the characteristics table has something to export then.
    connect(m_document, &Document::changed, this, [this] {
        m_files->exportCharacteristicsAction()->setEnabled(!m_document->project().studies.empty());
    });

    resize(initialSize(screen() ? screen()->availableGeometry().size() : QSize(1500, 900)));
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow() = default;

QSize MainWindow::initialSize(const QSize& available) {
    // Leave room for the window frame and the desktop's panels.
    return {std::min(1500, available.width() * 19 / 20), std::min(900, available.height() * 9 / 10)};
}

void MainWindow::showStartPage() {
    if (isStartPageShown())
        return;
    m_dockWasVisible = !m_settingsDock->isHidden();
    m_settingsDock->hide();
    statusBar()->hide(); // its notes are about a project
    m_pages->setCurrentWidget(m_startPage);
    m_startPage->newButton()->setFocus();
}

bool MainWindow::isStartPageShown() const {
    return m_pages->currentWidget() == m_startPage;
}

void MainWindow::showWorkspace() {
    if (!isStartPageShown())
        return;
    m_pages->setCurrentWidget(m_splitter);
    m_settingsDock->setVisible(m_dockWasVisible);
    statusBar()->show();
    m_dataTabs->setCurrentIndex(0);
    m_grid->setFocus();
}

namespace {
const QString geometryKey = QStringLiteral("window/geometry");
const QString stateKey = QStringLiteral("window/state");
QString splitterKey(const QSplitter* splitter) {
    return QStringLiteral("window/splitters/") + splitter->objectName();
}
} // namespace

void MainWindow::saveLayout() const {
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    // The dock's visibility as the user left it, not as the start page hides it.
    if (isStartPageShown())
        m_settingsDock->setVisible(m_dockWasVisible);
    settings.setValue(stateKey, saveState());
    if (isStartPageShown())
        m_settingsDock->hide();
    for (const QSplitter* splitter : findChildren<QSplitter*>())
        if (!splitter->objectName().isEmpty() && splitter->width() > 0)
            settings.setValue(splitterKey(splitter), splitter->saveState());
}

bool MainWindow::restoreLayout() {
    const QSettings settings;
    if (!settings.contains(geometryKey))
        return false;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    restoreState(settings.value(stateKey).toByteArray());
    for (QSplitter* splitter : findChildren<QSplitter*>())
        if (!splitter->objectName().isEmpty() && settings.contains(splitterKey(splitter)))
            splitter->restoreState(settings.value(splitterKey(splitter)).toByteArray());
    m_layoutRestored = true;
    return true;
}

int MainWindow::addAnalysisView(QWidget* view, const QString& title) {
    return m_analysisTabs->addTab(view, title);
}

QString MainWindow::titleFor(const QString& projectTitle, const QString& filePath, const QString& notes) {
    // The file first, so that after Save As the title names the file written; then the project's title.
    const QString label = projectTitle.trimmed();
    const QString file = filePath.isEmpty() ? QString() : QFileInfo(filePath).fileName();
    QString title =
        (file.isEmpty() ? (label.isEmpty() ? tr("Untitled") : label) : file) + QStringLiteral("[*]");
    if (!file.isEmpty() && !label.isEmpty() && label != QFileInfo(file).completeBaseName())
        title += QStringLiteral(" \u2014 ") + label;
    if (notes.contains(QStringLiteral("illustrative"), Qt::CaseInsensitive))
        title += QStringLiteral(" \u2014 ") + illustrativeNote;
    return title + QStringLiteral(" \u2014 Evident");
}

void MainWindow::updateTitle() {
    const Project& project = m_document->project();
    const QString notes = QString::fromStdString(project.notes);
    setWindowTitle(titleFor(QString::fromStdString(project.title), m_document->filePath(), notes));
    setWindowModified(m_document->isModified());
    m_illustrative->setVisible(notes.contains(QStringLiteral("illustrative"), Qt::CaseInsensitive));
}

void MainWindow::updateActions() {
    const bool hasOutcome = m_document->currentOutcome() >= 0;
    for (QAction* action :
         {m_renameOutcome, m_removeOutcome, m_grid->insertRowAboveAction(), m_grid->insertRowBelowAction(),
          m_grid->deleteRowsAction(), m_grid->pasteAction(), m_files->exportGridAction(),
          m_files->exportResultsAction(), m_grid->addArmAction()})
        action->setEnabled(hasOutcome);
    const bool hasCovariates = !m_document->project().covariateNames.empty();
    m_renameCovariate->setEnabled(hasCovariates);
    m_removeCovariate->setEnabled(hasCovariates);
}

void MainWindow::showStatus(const QString& text) {
    statusBar()->showMessage(text, 8000);
}

void MainWindow::createOutcomeActions() {
    m_addOutcome = new QAction(tr("&Add Outcome\u2026"), this);
    m_addOutcome->setToolTip(tr("Add an outcome"));
    m_addOutcome->setIconText(QStringLiteral("+"));
    m_renameOutcome = new QAction(tr("&Rename Outcome\u2026"), this);
    m_renameOutcome->setIconText(tr("Rename"));
    m_removeOutcome = new QAction(tr("Re&move Outcome"), this);
    m_removeOutcome->setIconText(QStringLiteral("\u2212"));
    m_removeOutcome->setToolTip(tr("Remove this outcome"));
    connect(m_addOutcome, &QAction::triggered, this, [this] {
        NewOutcomeDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            m_document->undoStack()->push(new AddOutcomeCommand(m_document, dialog.outcome()));
    });
    connect(m_renameOutcome, &QAction::triggered, this, [this] {
        const Outcome* outcome = m_document->currentOutcomeData();
        if (!outcome)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename Outcome"), tr("Name"), QLineEdit::Normal,
                                                   QString::fromStdString(outcome->name), &ok)
                                 .trimmed();
        if (ok && !name.isEmpty())
            if (QUndoCommand* command =
                    makeOutcomeRename(m_document, m_document->currentOutcome(), name.toStdString()))
                m_document->undoStack()->push(command);
    });
    connect(m_removeOutcome, &QAction::triggered, this, [this] {
        const Outcome* outcome = m_document->currentOutcomeData();
        if (!outcome)
            return;
        const auto answer = QMessageBox::question(
            this, tr("Remove Outcome"),
            tr("Remove the outcome \u201c%1\u201d with its %2 rows? (Edit \u25b8 Undo brings it back.)")
                .arg(QString::fromStdString(outcome->name))
                .arg(outcome->rows.size()));
        if (answer == QMessageBox::Yes)
            m_document->undoStack()->push(new RemoveOutcomeCommand(m_document, m_document->currentOutcome()));
    });
    m_outcomeBar->addButton(m_addOutcome);
    m_outcomeBar->addButton(m_renameOutcome);
    m_outcomeBar->addButton(m_removeOutcome);
}

void MainWindow::createCovariateActions() {
    m_addCovariate = new QAction(tr("&Other Characteristic\u2026"), this);
    m_renameCovariate = new QAction(tr("Rena&me Characteristic Column\u2026"), this);
    m_removeCovariate = new QAction(tr("Remo&ve Characteristic Column\u2026"), this);
    m_projectDetails = new QAction(tr("Project &Details\u2026"), this);
    // The column to rename or remove: the selected one when it is a characteristic, else ask.
    const auto chooseCovariate = [this](const QString& title) -> int {
        const QModelIndex current = m_grid->currentIndex();
        if (current.isValid()) {
            const GridColumn& column = m_model->columns()[static_cast<std::size_t>(current.column())];
            if (column.kind == CellAddress::Kind::Covariate)
                return column.covariate;
        }
        QStringList names;
        for (const auto& name : m_document->project().covariateNames)
            names.append(QString::fromStdString(name));
        bool ok = false;
        const QString name = QInputDialog::getItem(this, title, tr("Column"), names, 0, false, &ok);
        return ok ? static_cast<int>(names.indexOf(name)) : -1;
    };
    const auto nameIsFree = [this](const QString& name) {
        if (m_document->project().covariateIndex(name.toStdString())) {
            QMessageBox::warning(this, tr("Characteristic Column"),
                                 tr("There is already a column named \u201c%1\u201d.").arg(name));
            return false;
        }
        return true;
    };
    connect(m_addCovariate, &QAction::triggered, this, [this, nameIsFree] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("Add Characteristic Column"),
                                  tr("Name of the study characteristic (shared by every outcome)"),
                                  QLineEdit::Normal, QString(), &ok)
                .trimmed();
        if (ok && !name.isEmpty() && nameIsFree(name))
            m_document->undoStack()->push(new AddCovariateCommand(m_document, name.toStdString()));
    });
    connect(m_renameCovariate, &QAction::triggered, this, [this, chooseCovariate, nameIsFree] {
        const int index = chooseCovariate(tr("Rename Characteristic Column"));
        if (index < 0)
            return;
        const QString old =
            QString::fromStdString(m_document->project().covariateNames[static_cast<std::size_t>(index)]);
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename Characteristic Column"), tr("New name"),
                                                   QLineEdit::Normal, old, &ok)
                                 .trimmed();
        if (!ok || name.isEmpty() || name == old)
            return;
        if (name.compare(old, Qt::CaseInsensitive) != 0 && !nameIsFree(name))
            return;
        m_document->undoStack()->push(new RenameCovariateCommand(m_document, index, name.toStdString()));
    });
    connect(m_removeCovariate, &QAction::triggered, this, [this, chooseCovariate] {
        const int index = chooseCovariate(tr("Remove Characteristic Column"));
        if (index >= 0)
            m_document->undoStack()->push(new RemoveCovariateCommand(m_document, index));
    });
    connect(m_projectDetails, &QAction::triggered, this, &MainWindow::editProjectDetails);
}

void MainWindow::editProjectDetails() {
    const Project& project = m_document->project();
    ProjectDetailsDialog dialog(QString::fromStdString(project.title), QString::fromStdString(project.notes),
                                this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QUndoStack* stack = m_document->undoStack();
    stack->beginMacro(tr("Change project details"));
    if (QUndoCommand* command = makeProjectTitleChange(m_document, dialog.title().toStdString()))
        stack->push(command);
    if (QUndoCommand* command = makeProjectNotesChange(m_document, dialog.notes().toStdString()))
        stack->push(command);
    stack->endMacro();
}

void MainWindow::populateAddStudiesMenu() {
    m_addStudiesMenu->clear();
    const Outcome* outcome = m_document->currentOutcomeData();
    if (!outcome)
        return;
    std::set<StudyId> present;
    for (const auto& row : outcome->rows)
        present.insert(row.study);
    std::vector<StudyId> missing;
    for (const auto& study : m_document->project().studies)
        if (!present.count(study.id)) {
            missing.push_back(study.id);
            QAction* action = m_addStudiesMenu->addAction(QString::fromStdString(study.label));
            const StudyId id = study.id;
            connect(action, &QAction::triggered, this, [this, id] { m_model->addStudies({id}); });
        }
    if (missing.empty()) {
        m_addStudiesMenu->addAction(tr("Every study of the project is in this outcome"))->setEnabled(false);
        return;
    }
    m_addStudiesMenu->addSeparator();
    connect(m_addStudiesMenu->addAction(tr("All %n Studies", nullptr, static_cast<int>(missing.size()))),
            &QAction::triggered, this, [this, missing] { m_model->addStudies(missing); });
}

bool MainWindow::addStandardCharacteristic(const QString& name) {
    if (m_document->project().covariateIndex(name.toStdString()))
        return false;
    m_document->undoStack()->push(new AddCovariateCommand(m_document, name.toStdString()));
    return true;
}

void MainWindow::populateAddCharacteristicMenu() {
    m_addCharacteristicMenu->clear();
    for (const StudyCharacteristic& characteristic : standardCharacteristics()) {
        const QString name =
            QString::fromUtf8(characteristic.name.data(), static_cast<qsizetype>(characteristic.name.size()));
        QString text = name;
        if (characteristic.numeric)
            text += characteristic.unit.empty()
                        ? tr(" (number)")
                        : tr(" (%1)").arg(QString::fromUtf8(
                            characteristic.unit.data(), static_cast<qsizetype>(characteristic.unit.size())));
        QAction* action = m_addCharacteristicMenu->addAction(text);
        const bool present = m_document->project().covariateIndex(characteristic.name).has_value();
        action->setEnabled(!present);
        if (present)
            action->setToolTip(tr("The project has this column already"));
        connect(action, &QAction::triggered, this, [this, name] { addStandardCharacteristic(name); });
    }
    m_addCharacteristicMenu->addSeparator();
    m_addCharacteristicMenu->addAction(m_addCovariate);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_files->newAction());
    file->addAction(m_files->openAction());
    file->addMenu(m_files->recentMenu());
    file->addAction(m_files->openExampleAction());
    file->addSeparator();
    file->addAction(m_files->saveAction());
    file->addAction(m_files->saveAsAction());
    file->addSeparator();
    file->addAction(m_files->importCsvAction());
    file->addAction(m_files->exportGridAction());
    file->addAction(m_files->exportResultsAction());
    file->addAction(m_files->exportCharacteristicsAction());
    file->addActions(m_views->exportActions());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    m_undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    // Ctrl+Y as well: what Windows and most spreadsheets use.
    m_redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    edit->addSeparator();
    edit->addActions(
        {m_grid->cutAction(), m_grid->copyAction(), m_grid->pasteAction(), m_grid->clearAction()});
    edit->addSeparator();
    edit->addActions(
        {m_grid->insertRowAboveAction(), m_grid->insertRowBelowAction(), m_grid->deleteRowsAction()});
    edit->addAction(m_grid->addArmAction());
    m_addStudiesMenu = edit->addMenu(tr("Add Studies of Other &Outcomes"));
    connect(m_addStudiesMenu, &QMenu::aboutToShow, this, &MainWindow::populateAddStudiesMenu);
    edit->addSeparator();
    m_addCharacteristicMenu = edit->addMenu(tr("Add &Characteristic"));
    connect(m_addCharacteristicMenu, &QMenu::aboutToShow, this, &MainWindow::populateAddCharacteristicMenu);
    populateAddCharacteristicMenu();
    edit->addActions({m_renameCovariate, m_removeCovariate});
    edit->addSeparator();
    edit->addAction(m_projectDetails);

    QMenu* outcome = menuBar()->addMenu(tr("&Outcome"));
    outcome->addActions({m_addOutcome, m_renameOutcome, m_removeOutcome});

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_settingsDock->toggleViewAction());
    view->addMenu(m_grid->columnsMenu());

    createHelpMenu();
}

void MainWindow::createHelpMenu() {
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* guide = help->addAction(tr("&User Guide"), this, [this] {
        auto* dialog = findChild<UserGuideDialog*>();
        if (!dialog) {
            dialog = new UserGuideDialog(this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
        }
        dialog->show();
        dialog->raise();
    });
    guide->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] { showShortcutsDialog(menuBar(), this); });
    help->addAction(tr("How to &Cite Evident"), this,
                    [this] { showCitationDialog(QApplication::applicationVersion(), this); });
    help->addSeparator();
    help->addAction(tr("&About Evident"), this, [this] {
        QMessageBox::about(this, tr("About Evident"),
                           tr("<b>Evident</b> %1<br>Meta-analysis of preclinical studies.<br>"
                              "Licensed under the GNU GPL, version 3 or later.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (m_shown)
        return;
    m_shown = true;
    if (m_layoutRestored)
        return;
    // First layout: the settings as narrow as they go, then the grid (the main work) and the results
    // at 11:9, so that on a laptop screen the plots still get over 400 px. The size hints alone would
    // give the results text most of the width.
    resizeDocks({m_settingsDock}, {m_settingsDock->minimumSizeHint().width()}, Qt::Horizontal);
    const int width = m_splitter->width();
    m_splitter->setSizes({width * 11 / 20, width - width * 11 / 20});
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    m_files->autosaver()->discard();
    saveLayout();
    event->accept();
}

} // namespace evident::ui
