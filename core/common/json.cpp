// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/json.h"

#include "core/common/text.h"

#include <cmath>
#include <cstdio>

namespace evident {
namespace {

void writeString(std::string& out, const std::string& text) {
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                out += escaped;
            } else {
                out += c; // UTF-8 passes through unchanged
            }
        }
    }
    out += '"';
}

void newline(std::string& out, int indent, int depth) {
    if (indent <= 0)
        return;
    out += '\n';
    out.append(static_cast<std::size_t>(indent * depth), ' ');
}

} // namespace

JsonValue& JsonValue::set(std::string key, JsonValue value) {
    std::get<Object>(m_value).emplace_back(std::move(key), std::move(value));
    return *this;
}

JsonValue& JsonValue::push(JsonValue value) {
    std::get<Array>(m_value).push_back(std::move(value));
    return *this;
}

std::string JsonValue::dump(int indent) const {
    std::string out;
    write(out, indent, 0);
    if (indent > 0)
        out += '\n';
    return out;
}

void JsonValue::write(std::string& out, int indent, int depth) const {
    if (std::holds_alternative<std::monostate>(m_value)) {
        out += "null";
    } else if (const bool* b = std::get_if<bool>(&m_value)) {
        out += *b ? "true" : "false";
    } else if (const double* d = std::get_if<double>(&m_value)) {
        if (!std::isfinite(*d))
            out += "null";
        else if (*d == std::trunc(*d) && std::abs(*d) < 1e15)
            out += std::to_string(static_cast<long long>(*d)); // counts and integers stay integers
        else
            out += formatFullPrecision(*d);
    } else if (const std::string* s = std::get_if<std::string>(&m_value)) {
        writeString(out, *s);
    } else if (const Array* a = std::get_if<Array>(&m_value)) {
        if (a->empty()) {
            out += "[]";
            return;
        }
        out += '[';
        for (std::size_t i = 0; i < a->size(); ++i) {
            if (i > 0)
                out += ',';
            newline(out, indent, depth + 1);
            (*a)[i].write(out, indent, depth + 1);
        }
        newline(out, indent, depth);
        out += ']';
    } else if (const Object* o = std::get_if<Object>(&m_value)) {
        if (o->empty()) {
            out += "{}";
            return;
        }
        out += '{';
        for (std::size_t i = 0; i < o->size(); ++i) {
            if (i > 0)
                out += ',';
            newline(out, indent, depth + 1);
            writeString(out, (*o)[i].first);
            out += indent > 0 ? ": " : ":";
            (*o)[i].second.write(out, indent, depth + 1);
        }
        newline(out, indent, depth);
        out += '}';
    }
}

} // namespace evident
