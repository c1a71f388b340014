// SPDX-License-Identifier: GPL-3.0-or-later
// A minimal JSON value and writer for Evident's machine-readable output. Numbers are written with
// 17 significant digits so that every double round-trips exactly; a non-finite number is written
// as null (JSON has no NaN), and the caller says why in the output's warnings.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace evident {

class JsonValue {
public:
    using Array = std::vector<JsonValue>;
    using Object = std::vector<std::pair<std::string, JsonValue>>; ///< Keeps insertion order

    JsonValue() = default; ///< null
    JsonValue(std::nullptr_t) {}
    JsonValue(bool value)
        : m_value(value) {}
    JsonValue(double value)
        : m_value(value) {}
    JsonValue(int value)
        : m_value(static_cast<double>(value)) {}
    JsonValue(std::size_t value)
        : m_value(static_cast<double>(value)) {}
    JsonValue(const char* value)
        : m_value(std::string(value)) {}
    JsonValue(std::string value)
        : m_value(std::move(value)) {}
    JsonValue(Array value)
        : m_value(std::move(value)) {}
    JsonValue(Object value)
        : m_value(std::move(value)) {}
    template <typename T>
    JsonValue(const std::optional<T>& value) {
        if (value)
            *this = JsonValue(*value);
    }

    static JsonValue object() { return JsonValue(Object{}); }
    static JsonValue array() { return JsonValue(Array{}); }

    /// Appends a member to an object value (the value must be an object).
    JsonValue& set(std::string key, JsonValue value);
    /// Appends an element to an array value (the value must be an array).
    JsonValue& push(JsonValue value);

    bool isNull() const { return std::holds_alternative<std::monostate>(m_value); }

    /// Serialises; indent > 0 pretty-prints with that many spaces per level.
    std::string dump(int indent = 2) const;

private:
    void write(std::string& out, int indent, int depth) const;

    std::variant<std::monostate, bool, double, std::string, Array, Object> m_value;
};

} // namespace evident
