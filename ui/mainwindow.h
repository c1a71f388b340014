// SPDX-License-Identifier: GPL-3.0-or-later
// The main window: wiring of the document, the grid, the settings, the results and the menus.
// Analysis views (plots) are added with addAnalysisView() and fed from analysisController().
#pragma once

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace evident::ui {

class AnalysisController;
class AnalysisViews;
class AnalysisSettingsPanel;
class Document;
class FileController;
class OutcomeBar;
class ResultsPanel;
class RiskOfBiasView;
class RowDetailsPanel;
class StudyGridView;
class StartPage;
class StudyTableModel;
class TsaSettingsPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// `recoveryDirectory`: where autosaves go; empty for Autosaver::defaultDirectory().
    explicit MainWindow(const QString& recoveryDirectory = QString(), QWidget* parent = nullptr);
    ~MainWindow() override;

    Document* document() const { return m_document; }
    AnalysisController* analysisController() const { return m_analysis; }
    FileController* files() const { return m_files; }
    StudyTableModel* studyModel() const { return m_model; }
    StudyGridView* grid() const { return m_grid; }
    ResultsPanel* resultsPanel() const { return m_results; }
    AnalysisSettingsPanel* analysisSettingsPanel() const { return m_analysisSettings; }
    /// In the Analysis panel, below the meta-analysis settings.
    TsaSettingsPanel* tsaSettingsPanel() const { return m_tsaSettings; }
    /// The forest, funnel and TSA plots and their export commands.
    AnalysisViews* analysisViews() const { return m_views; }
    /// The tabs of the data pane: the outcome grid (0) and the SYRCLE risk-of-bias entry (1).
    QTabWidget* dataTabs() const { return m_dataTabs; }
    RiskOfBiasView* riskOfBiasView() const { return m_riskOfBias; }
    /// Below the grid: how the current row's numbers are used.
    RowDetailsPanel* rowDetailsPanel() const { return m_rowDetails; }
    /// Edit > Add Characteristic: the standard study characteristics, then "Other…".
    QMenu* addCharacteristicMenu() const { return m_addCharacteristicMenu; }
    /// Adds a standard characteristic (by name, e.g. "Species") as a covariate column; false when
    /// there is already a column of that name.
    bool addStandardCharacteristic(const QString& name);

    /// The tab widget of analysis views; its first tab is the Results panel.
    QTabWidget* analysisTabs() const { return m_analysisTabs; }
    /// Adds a view (a plot) as a tab after the Results panel; returns its tab index.
    int addAnalysisView(QWidget* view, const QString& title);

    /// The page shown when no project is open (new review, the example, CSV import, recent files).
    StartPage* startPage() const { return m_startPage; }
    /// Shows the start page instead of the grid and results, until a project is opened or created.
    void showStartPage();
    bool isStartPageShown() const;
    /// The data pane (grid) beside the analysis tabs.
    QSplitter* mainSplitter() const { return m_splitter; }
    /// The Analysis settings dock.
    QDockWidget* settingsDock() const { return m_settingsDock; }

    /// Stores the window's size, its docks and every named splitter in QSettings ("window/…"), and
    /// restores them; the window's first layout is used when nothing is stored.
    void saveLayout() const;
    bool restoreLayout();
    /// A size that fits `available` (a screen's available geometry): at most 1500×900, at least the
    /// window's minimum size when that fits.
    static QSize initialSize(const QSize& available);

    /// The window title for a project: its file name (when saved) and title, the modified marker, and a
    /// note when the project's notes say the data are illustrative.
    static QString titleFor(const QString& projectTitle, const QString& filePath, const QString& notes);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void createMenus();
    void createOutcomeActions();
    void createCovariateActions();
    void updateTitle();
    void updateActions();
    void showStatus(const QString& text);
    void editProjectDetails();
    void populateAddStudiesMenu();
    void populateAddCharacteristicMenu();
    void createHelpMenu();
    void showWorkspace();

    Document* m_document;
    AnalysisController* m_analysis;
    FileController* m_files;
    StudyTableModel* m_model;
    StudyGridView* m_grid;
    OutcomeBar* m_outcomeBar;
    QTabWidget* m_dataTabs;
    RowDetailsPanel* m_rowDetails;
    RiskOfBiasView* m_riskOfBias;
    QSplitter* m_splitter;
    StartPage* m_startPage;
    QStackedWidget* m_pages;
    QTabWidget* m_analysisTabs;
    ResultsPanel* m_results;
    AnalysisSettingsPanel* m_analysisSettings;
    TsaSettingsPanel* m_tsaSettings;
    QDockWidget* m_settingsDock;
    AnalysisViews* m_views;
    QLabel* m_illustrative;
    QLabel* m_timing;

    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_addOutcome = nullptr;
    QAction* m_renameOutcome = nullptr;
    QAction* m_removeOutcome = nullptr;
    QAction* m_addCovariate = nullptr;
    QAction* m_renameCovariate = nullptr;
    QAction* m_removeCovariate = nullptr;
    QAction* m_projectDetails = nullptr;
    QMenu* m_addStudiesMenu = nullptr;
    QMenu* m_addCharacteristicMenu = nullptr;
    bool m_shown = false;
    bool m_layoutRestored = false;
    bool m_dockWasVisible = true; ///< The settings dock is hidden while the start page is shown
};

} // namespace evident::ui
