// SPDX-License-Identifier: GPL-3.0-or-later
// The one conversion of the core's text (UTF-8 in std::string) to Qt's strings, for every layer that
// shows or writes it (io, ui, plots, the command line). Header-only: it needs Qt Core alone.
#pragma once

#include <QString>

#include <string_view>

namespace evident {

/// UTF-8 text from the core as a QString.
inline QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace evident
