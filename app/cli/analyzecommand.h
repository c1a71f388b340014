// SPDX-License-Identifier: GPL-3.0-or-later
// evident-cli analyze: the full meta-analysis of one outcome.
#pragma once

#include <QStringList>

class QTextStream;

namespace evident::cli {

int runAnalyze(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace evident::cli
