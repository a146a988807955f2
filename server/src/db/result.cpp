#include "db/result.hpp"

#include <cstdio>
#include <cstdlib>

namespace service::db {

void Params::add(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", value);
    values_.emplace_back(buf);
}

void Params::add(const std::vector<std::string>& values) {
    std::string literal = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i != 0) literal.push_back(',');
        literal.push_back('"');
        for (char c : values[i]) {
            if (c == '"' || c == '\\') literal.push_back('\\');
            literal.push_back(c);
        }
        literal.push_back('"');
    }
    literal.push_back('}');
    values_.emplace_back(std::move(literal));
}

std::vector<const char*> Params::pointers() const {
    std::vector<const char*> out;
    out.reserve(values_.size());
    for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
    return out;
}

DecodeError Row::decode_error(int col, std::string_view what) const {
    const char* name = PQfname(res_, col);
    return DecodeError("column " + std::to_string(col) + " (" + (name ? name : "?") + ") " + std::string(what));
}

long long Result::affected() const {
    if (!res_) return 0;
    const char* n = PQcmdTuples(res_.get());
    return n == nullptr || *n == '\0' ? 0 : std::atoll(n);
}

std::vector<std::string> parse_text_array(std::string_view text) {
    std::vector<std::string> out;
    if (text.size() < 2 || text.front() != '{' || text.back() != '}') return out;
    text = text.substr(1, text.size() - 2);
    std::string current;
    bool quoted = false;
    bool any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '\\' && i + 1 < text.size()) {
                current.push_back(text[++i]);
            } else if (c == '"') {
                quoted = false;
            } else {
                current.push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == ',') {
            out.push_back(std::move(current));
            current.clear();
            any = false;
        } else {
            current.push_back(c);
            any = true;
        }
    }
    if (any || !current.empty() || !out.empty()) out.push_back(std::move(current));
    return out;
}

}  // namespace service::db
