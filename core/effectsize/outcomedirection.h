// SPDX-License-Identifier: GPL-3.0-or-later
// Which way an outcome improves, as the reviewer declares it for an outcome.
#pragma once

#include <optional>
#include <string_view>

namespace evident {

enum class OutcomeDirection {
    Unspecified,    ///< Not declared; nothing is checked or flipped
    HigherIsBetter, ///< e.g. ejection fraction, rotarod time
    LowerIsBetter,  ///< e.g. infarct size, neurological deficit score
};

/// Stable key for project files: "", "HIGHER_IS_BETTER", "LOWER_IS_BETTER".
std::string_view directionKey(OutcomeDirection direction);
/// Parses a key case-insensitively ("" gives Unspecified); nullopt when unknown.
std::optional<OutcomeDirection> parseDirection(std::string_view key);

} // namespace evident
