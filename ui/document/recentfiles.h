// SPDX-License-Identifier: GPL-3.0-or-later
// The recently opened projects, kept in the application's settings.
#pragma once

#include <QObject>
#include <QStringList>

namespace evident::ui {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int maximum = 8;

    explicit RecentFiles(QObject* parent = nullptr);

    /// Newest first; files that no longer exist are left out.
    QStringList files() const;
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

signals:
    void changed();

private:
    void store(const QStringList& files);
};

} // namespace evident::ui
