// SPDX-License-Identifier: GPL-3.0-or-later
// evident-cli report: for every outcome, the text report, the JSON and the forest, funnel and TSA
// figures (PDF and PNG) in one folder.
#pragma once

#include <QStringList>

class QTextStream;

namespace evident::cli {

int runReport(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace evident::cli
