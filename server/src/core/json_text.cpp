#include "core/json_text.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace service::core {
namespace {

void append_string(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    std::size_t plain = 0;  // start of the run not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + plain, i - plain);
        plain = i + 1;
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
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                out += "\\u00";
                out.push_back(kHex[c >> 4]);
                out.push_back(kHex[c & 15]);
        }
    }
    out.append(s.data() + plain, s.size() - plain);
    out.push_back('"');
}

template <typename Number>
void append_number(std::string& out, Number n) {
    std::array<char, 32> buf;
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), n);
    out.append(buf.data(), res.ptr);
}

void append_double(std::string& out, double d) {
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    // Whole values in the range where doubles hold every integer are written as integers.
    if (d == std::trunc(d) && std::fabs(d) < 9007199254740992.0) {
        append_number(out, static_cast<std::int64_t>(d));
        return;
    }
    append_number(out, d);  // shortest round-trip form, fixed or scientific, whichever is shorter
}

}  // namespace

void append_json(std::string& out, const boost::json::value& value) {
    switch (value.kind()) {
        case boost::json::kind::null:
            out += "null";
            break;
        case boost::json::kind::bool_:
            out += value.get_bool() ? "true" : "false";
            break;
        case boost::json::kind::int64:
            append_number(out, value.get_int64());
            break;
        case boost::json::kind::uint64:
            append_number(out, value.get_uint64());
            break;
        case boost::json::kind::double_:
            append_double(out, value.get_double());
            break;
        case boost::json::kind::string:
            append_string(out, value.get_string());
            break;
        case boost::json::kind::array: {
            out.push_back('[');
            bool first = true;
            for (const auto& v : value.get_array()) {
                if (!first) out.push_back(',');
                first = false;
                append_json(out, v);
            }
            out.push_back(']');
            break;
        }
        case boost::json::kind::object: {
            out.push_back('{');
            bool first = true;
            for (const auto& [key, v] : value.get_object()) {
                if (!first) out.push_back(',');
                first = false;
                append_string(out, key);
                out.push_back(':');
                append_json(out, v);
            }
            out.push_back('}');
            break;
        }
    }
}

std::string json_text(const boost::json::value& value) {
    std::string out;
    out.reserve(256);
    append_json(out, value);
    return out;
}

double round_to(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

}  // namespace service::core
