// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace evident::ui {
namespace {

const QString settingsKey = QStringLiteral("recentFiles");

} // namespace

RecentFiles::RecentFiles(QObject* parent)
    : QObject(parent) {}

QStringList RecentFiles::files() const {
    QStringList existing;
    for (const QString& path : QSettings().value(settingsKey).toStringList())
        if (QFileInfo::exists(path))
            existing.append(path);
    return existing;
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = QSettings().value(settingsKey).toStringList();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list.mid(0, maximum));
}

void RecentFiles::remove(const QString& path) {
    QStringList list = QSettings().value(settingsKey).toStringList();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    store(list);
}

void RecentFiles::clear() {
    store({});
}

void RecentFiles::store(const QStringList& files) {
    QSettings().setValue(settingsKey, files);
    emit changed();
}

} // namespace evident::ui
