// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/characteristics.h"

#include "core/common/text.h"

namespace evident {

std::span<const StudyCharacteristic> standardCharacteristics() {
    static const std::vector<StudyCharacteristic> characteristics{
        {"Species", false, "", {"rat", "mouse", "rabbit", "pig", "sheep", "non-human primate"}},
        {"Strain", false, "", {"Sprague-Dawley", "Wistar", "C57BL/6", "BALB/c", "ICR", "New Zealand White"}},
        {"Sex", false, "", {"female", "male", "both", "not reported"}},
        {"Model induction",
         false,
         "",
         {"mechanical curettage", "ethanol injection", "mechanical + infection", "lipopolysaccharide",
          "other"}},
        {"EV source",
         false,
         "",
         {"BMSC", "UC-MSC", "ADSC", "menstrual blood", "ESC", "iPSC", "endometrial stromal cells"}},
        {"EV isolation",
         false,
         "",
         {"ultracentrifugation", "density gradient", "size-exclusion chromatography", "precipitation kit",
          "ultrafiltration", "not reported"}},
        {"Dose", true, "", {}},
        {"Dose unit", false, "", {"µg protein", "particles", "µL", "cells equivalent"}},
        {"Route", false, "", {"intrauterine", "intravenous", "intraperitoneal", "subcutaneous"}},
        {"Hydrogel", false, "", {"yes", "no"}},
        {"Timing", false, "", {"at injury", "after injury", "before injury"}},
        {"Follow-up", true, "days", {}},
    };
    return characteristics;
}

const StudyCharacteristic* findCharacteristic(std::string_view covariateName) {
    for (const StudyCharacteristic& characteristic : standardCharacteristics())
        if (equalsIgnoringCase(characteristic.name, trimmed(covariateName)))
            return &characteristic;
    return nullptr;
}

std::optional<std::string> checkCharacteristicValue(const StudyCharacteristic& characteristic,
                                                    std::string_view value) {
    const std::string_view text = trimmed(value);
    if (text.empty() || !characteristic.numeric || parseNumber(text))
        return std::nullopt;
    return std::string(characteristic.name) + " is a number" + (characteristic.unit.empty() ? "" : " of ")
           + std::string(characteristic.unit) + ": '" + std::string(text) + "' is not a number";
}

} // namespace evident
