// SPDX-License-Identifier: GPL-3.0-or-later
// Blocks of cells on the clipboard, as spreadsheets exchange them: tab-separated, one line per row,
// fields with tabs, line breaks or quotes quoted with doubled quotes (as Excel and LibreOffice do).
#pragma once

#include <QList>
#include <QModelIndexList>
#include <QRect>
#include <QString>
#include <QStringList>

namespace evident::ui {

QString toTabSeparated(const QList<QStringList>& rows);
/// The rows of a block; a final line break does not make an empty last row.
QList<QStringList> parseTabSeparated(const QString& text);

/// The smallest block of cells holding every index (x = column, y = row); empty for no indexes.
QRect selectionBounds(const QModelIndexList& indexes);

} // namespace evident::ui
