// SPDX-License-Identifier: GPL-3.0-or-later
// The .evident project file: the whole evident::Project as JSON (docs/project-format.md).
#pragma once

#include "core/project/project.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace evident::io {

/// Written as "format"; a file without it is not an Evident project.
inline constexpr const char* projectFormatName = "evident-project";
/// Written as "schema_version". Raise it when a file written now could be misread by an older
/// Evident; files with a higher version are refused with a message, never half-read.
/// 3: outcomes have a "kind" (continuous, dichotomous, generic) and dichotomous arms their events and
/// totals; files of schemas 1 and 2 ("layout") open unchanged.
inline constexpr int projectSchemaVersion = 3;
/// File name suffix, without the dot.
inline constexpr const char* projectFileSuffix = "evident";

struct ProjectReadResult {
    std::optional<Project> project; ///< Empty when the file cannot be used; `error` says why
    QString error;
    /// Entries the file has and this version does not understand. They are left out of the project,
    /// so saving it again drops them; the user is told which ones.
    QStringList warnings;
};

/// The project as indented UTF-8 JSON. Enumerations are written as their stable keys ("SMD",
/// "REML", "hksj", ...), every cell as the text the user typed.
QByteArray projectToJson(const Project& project);

/// Parses and checks a project. Errors name the place ("study 3 ('Author C 2018'): 'label' must be
/// text"); a file from a newer Evident is refused before anything else is read.
ProjectReadResult projectFromJson(const QByteArray& json);

/// Reads a file. Only reads: nothing on disk changes, whatever the file holds.
ProjectReadResult readProjectFile(const QString& path);

/// Writes the project atomically (QSaveFile): an existing file is replaced only once the new one is
/// complete on disk. Returns an empty string, or what went wrong.
QString writeProjectFile(const Project& project, const QString& path);

} // namespace evident::io
