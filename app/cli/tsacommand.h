// SPDX-License-Identifier: GPL-3.0-or-later
// evident-cli tsa (trial sequential analysis of a file) and evident-cli boundaries (boundaries alone).
#pragma once

#include <QStringList>

class QTextStream;

namespace evident::cli {

int runTsaCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);
int runBoundariesCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace evident::cli
