// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/effectsize/outcomedirection.h"

#include "core/common/text.h"

namespace evident {

std::string_view directionKey(OutcomeDirection direction) {
    switch (direction) {
    case OutcomeDirection::HigherIsBetter:
        return "HIGHER_IS_BETTER";
    case OutcomeDirection::LowerIsBetter:
        return "LOWER_IS_BETTER";
    case OutcomeDirection::Unspecified:
        break;
    }
    return "";
}

std::optional<OutcomeDirection> parseDirection(std::string_view key) {
    key = trimmed(key);
    for (auto direction :
         {OutcomeDirection::Unspecified, OutcomeDirection::HigherIsBetter, OutcomeDirection::LowerIsBetter})
        if (equalsIgnoringCase(directionKey(direction), key))
            return direction;
    return std::nullopt;
}

} // namespace evident
