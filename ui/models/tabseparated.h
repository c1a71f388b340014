// SPDX-License-Identifier: GPL-3.0-or-later
// Blocks of cells on the clipboard, as spreadsheets exchange them: tab-separated, one line per row,
// fields with tabs, line breaks or quotes quoted with doubled quotes (as Excel and LibreOffice do).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace evident::ui {

QString toTabSeparated(const QList<QStringList>& rows);
/// The rows of a block; a final line break does not make an empty last row.
QList<QStringList> parseTabSeparated(const QString& text);

} // namespace evident::ui
