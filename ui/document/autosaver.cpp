// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/autosaver.h"

#include "io/projectfile.h"
#include "ui/document/document.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace evident::ui {
namespace {

QString lockPathFor(const QString& directory, const QString& session) {
    return QDir(directory).filePath(session + QStringLiteral(".lock"));
}

} // namespace

Autosaver::Autosaver(Document* document, const QString& directory, QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_directory(directory)
    , m_session(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    QDir().mkpath(directory);
    m_lock = std::make_unique<QLockFile>(lockPathFor(directory, m_session));
    m_lock->setStaleLockTime(0); // held for the whole session; stale only when this process is gone
    m_lock->tryLock(0);
    m_timer.setInterval(60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, [this] { saveNow(); });
    m_timer.start();
    connect(document, &Document::changed, this, [this] { m_pending = true; });
    connect(document, &Document::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            discard(); // saved (or back to the saved state): the file on disk is the copy
    });
}

Autosaver::~Autosaver() = default;

QString Autosaver::defaultDirectory() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("recovery"));
}

void Autosaver::setInterval(int milliseconds) {
    m_timer.setInterval(milliseconds);
}

QString Autosaver::recoveryPath() const {
    return QDir(m_directory).filePath(m_session + QStringLiteral(".") + QLatin1String(io::projectFileSuffix));
}

QString Autosaver::saveNow() {
    if (!m_pending || !m_document->isModified())
        return {};
    const QString error = io::writeProjectFile(m_document->project(), recoveryPath());
    if (!error.isEmpty())
        return error;
    const QJsonObject info{
        {QStringLiteral("original_path"), m_document->filePath()},
        {QStringLiteral("title"), QString::fromStdString(m_document->project().title)},
        {QStringLiteral("saved_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    QSaveFile file(QDir(m_directory).filePath(m_session + QStringLiteral(".json")));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(info).toJson()) < 0 || !file.commit())
        return tr("Cannot write the recovery information: %1").arg(file.errorString());
    m_pending = false;
    return {};
}

void Autosaver::discard() {
    QFile::remove(recoveryPath());
    QFile::remove(QDir(m_directory).filePath(m_session + QStringLiteral(".json")));
    m_pending = m_document->isModified();
}

QList<RecoveryFile> Autosaver::findRecoveryFiles(const QString& directory) {
    QList<RecoveryFile> files;
    const QDir dir(directory);
    for (const QFileInfo& info : dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
        const QString session = info.completeBaseName();
        RecoveryFile file;
        file.infoPath = info.absoluteFilePath();
        file.projectPath = dir.filePath(session + QStringLiteral(".") + QLatin1String(io::projectFileSuffix));
        if (!QFileInfo::exists(file.projectPath))
            continue;
        // A session that still runs holds its lock; a crashed one left a stale lock (or none).
        QLockFile lock(lockPathFor(directory, session));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;
        lock.unlock();
        QFile json(file.infoPath);
        if (json.open(QIODevice::ReadOnly)) {
            const QJsonObject object = QJsonDocument::fromJson(json.readAll()).object();
            file.originalPath = object.value(QStringLiteral("original_path")).toString();
            file.title = object.value(QStringLiteral("title")).toString();
            file.savedAt =
                QDateTime::fromString(object.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
        }
        if (!file.savedAt.isValid())
            file.savedAt = QFileInfo(file.projectPath).lastModified();
        files.append(file);
    }
    // Sessions that were killed before they had anything to save leave only their lock behind.
    for (const QFileInfo& info : dir.entryInfoList({QStringLiteral("*.lock")}, QDir::Files)) {
        if (QFileInfo::exists(dir.filePath(info.completeBaseName() + QStringLiteral(".json"))))
            continue;
        QLockFile lock(info.absoluteFilePath());
        lock.setStaleLockTime(0);
        if (lock.tryLock(0))
            lock.unlock(); // removes the file
    }
    std::sort(files.begin(), files.end(),
              [](const RecoveryFile& a, const RecoveryFile& b) { return a.savedAt > b.savedAt; });
    return files;
}

void Autosaver::remove(const RecoveryFile& file) {
    QFile::remove(file.projectPath);
    QFile::remove(file.infoPath);
}

} // namespace evident::ui
