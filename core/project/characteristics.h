// SPDX-License-Identifier: GPL-3.0-or-later
// Study characteristics a preclinical review records (the SYRF/CAMARADES annotation set, focused on
// cell-derived extracellular vesicle studies). Each is a covariate column of the project: typed, with
// suggested values, free text allowed, and usable as a subgroup or moderator.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace evident {

struct StudyCharacteristic {
    std::string_view name;                     ///< The covariate's column name, e.g. "Species"
    bool numeric = false;                      ///< A number (e.g. dose, follow-up in days) rather than text
    std::string_view unit;                     ///< For numeric ones, e.g. "days"; empty otherwise
    std::vector<std::string_view> suggestions; ///< Offered values; any other text is allowed
};

/// Species, strain, sex, model induction, EV source, EV isolation method, dose and its unit, route,
/// hydrogel, timing and follow-up, in that order.
std::span<const StudyCharacteristic> standardCharacteristics();

/// The standard characteristic a covariate name stands for (case-insensitive), or nullptr.
const StudyCharacteristic* findCharacteristic(std::string_view covariateName);

/// A problem with a value of a characteristic (e.g. text in a numeric one), or nullopt when it is fine.
std::optional<std::string> checkCharacteristicValue(const StudyCharacteristic& characteristic,
                                                    std::string_view value);

} // namespace evident
