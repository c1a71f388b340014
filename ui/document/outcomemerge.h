// SPDX-License-Identifier: GPL-3.0-or-later
// Adding the outcome of an imported CSV file to an open project.
#pragma once

#include "core/project/project.h"

#include <QStringList>

namespace evident::ui {

struct MergedProject {
    Project project;
    QStringList notes; ///< What the user should know (studies matched, values that differ)
};

/// `project` with the imported project's (single) outcome added. Studies are matched by label
/// (exact, ignoring surrounding spaces) and shared; unmatched ones are added with fresh ids.
/// Covariates are matched by name (ignoring case); new ones are added. A matched study keeps its
/// values; an imported value fills only an empty one, and a different value is reported.
MergedProject addImportedOutcome(const Project& project, const Project& imported);

} // namespace evident::ui
