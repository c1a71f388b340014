// SPDX-License-Identifier: GPL-3.0-or-later
// Crash recovery: while the project has unsaved changes, a copy is written to a recovery folder
// every minute. A clean close removes it; after a crash it is still there, and the next start
// offers to restore it.
#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

class QLockFile;

namespace evident::ui {

class Document;

/// A recovery copy left by a session that did not close cleanly.
struct RecoveryFile {
    QString projectPath;  ///< The autosaved project (.evident)
    QString infoPath;     ///< Where it came from (.json beside it)
    QString originalPath; ///< The file the user was editing; empty for an unsaved project
    QString title;        ///< The project title, to name it in the offer
    QDateTime savedAt;
};

class Autosaver : public QObject {
    Q_OBJECT
public:
    /// Recovery files go to `directory` (created when needed). The session holds a lock file there
    /// while it runs, so a second running Evident never offers this session's copy.
    Autosaver(Document* document, const QString& directory, QObject* parent = nullptr);
    ~Autosaver() override;

    /// The default folder: the user's application data folder, "recovery".
    static QString defaultDirectory();

    void setInterval(int milliseconds);
    int interval() const { return m_timer.interval(); }

    /// Writes the recovery copy if there are changes it does not hold yet. Returns an error, or "".
    QString saveNow();
    /// Removes this session's copy: after a save, or when the user closes and discards the changes.
    void discard();
    QString recoveryPath() const;

    /// Copies left by sessions that are no longer running, newest first.
    static QList<RecoveryFile> findRecoveryFiles(const QString& directory);
    static void remove(const RecoveryFile& file);

private:
    Document* m_document;
    QString m_directory;
    QString m_session;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
    bool m_pending = false; ///< Changes since the last recovery copy
};

} // namespace evident::ui
