// SPDX-License-Identifier: GPL-3.0-or-later
// evident-cli render: one figure of one outcome, written as PNG, TIFF, SVG or PDF.
#pragma once

#include <QStringList>

class QTextStream;

namespace evident::cli {

int runRender(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace evident::cli
