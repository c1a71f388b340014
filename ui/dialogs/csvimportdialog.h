// SPDX-License-Identifier: GPL-3.0-or-later
// Importing a CSV file of extracted outcome data: a preview, the role of each column, and the
// problems found, before anything is added to a project.
#pragma once

#include "io/csvimport.h"
#include "ui/widgets/columnmappingtable.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;

namespace evident::ui {

class CsvImportDialog : public QDialog {
    Q_OBJECT
public:
    /// Reads and parses `path`; check fileError() before showing the dialog.
    /// `canAddToProject`: the open project can take the file as another outcome.
    CsvImportDialog(const QString& path, bool canAddToProject, QWidget* parent = nullptr);

    /// Why the file could not be read as a table, or empty.
    QString fileError() const { return m_fileError; }

    /// The import with the roles chosen now.
    const io::CsvImport& result() const { return m_import; }
    QList<io::ColumnRole> roles() const;
    /// The encoding the file is read in; setting it reads the file again.
    io::TextEncoding encoding() const;
    void setEncoding(io::TextEncoding encoding);
    void setRole(int column, io::ColumnRole role);
    QString outcomeName() const;
    /// Add the file as a new outcome of the open project, rather than as a new project.
    bool addToProject() const;

    ColumnMappingTable* preview() const { return m_preview; }
    QListWidget* problems() const { return m_problems; }

private:
    /// Reads the file in the chosen encoding and shows it with the guessed column roles.
    void load();
    /// load(), then the problems with the new text (another encoding was chosen).
    void reload();
    void showFileError();
    void reimport();

    QString m_path;
    io::CsvTable m_table;
    QString m_fileError;
    QStringList m_fileNotes;
    io::CsvImport m_import;
    QLineEdit* m_outcomeName;
    QComboBox* m_encoding;
    ColumnMappingTable* m_preview;
    QListWidget* m_problems;
    QLabel* m_summary;
    QRadioButton* m_newProject;
    QRadioButton* m_addOutcome;
    QDialogButtonBox* m_buttons;
};

} // namespace evident::ui
