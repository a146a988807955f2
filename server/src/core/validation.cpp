#include "core/validation.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

#include <boost/json/parse.hpp>

namespace service::core {

boost::json::object parse_json_object(const Request& req) {
    const auto& body = req.message.body();
    if (body.empty()) throw ApiError::bad_request("The request body must be a JSON object.");
    boost::system::error_code ec;
    boost::json::parse_options options;
    options.max_depth = 32;
    auto value = boost::json::parse(body, ec, {}, options);
    if (ec) throw ApiError::bad_request("The request body is not valid JSON: " + ec.message() + ".");
    if (!value.is_object()) throw ApiError::bad_request("The request body must be a JSON object.");
    return std::move(value.as_object());
}

std::size_t utf8_length(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_uuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!std::isxdigit(static_cast<unsigned char>(c))) {
            return false;
        }
    }
    return true;
}

Validator::Validator(const boost::json::object& body, std::string prefix) : body_(body), prefix_(std::move(prefix)) {}

std::string Validator::name(std::string_view field) const {
    return prefix_.empty() ? std::string(field) : prefix_ + "." + std::string(field);
}

bool Validator::has(std::string_view field) const { return body_.contains(field); }

bool Validator::is_null(std::string_view field) const {
    const auto* v = body_.if_contains(field);
    return v != nullptr && v->is_null();
}

void Validator::add_error(std::string_view field, std::string message) {
    errors_.push_back({name(field), std::move(message)});
}

const boost::json::value* Validator::find(std::string_view field, bool required) {
    const auto* v = body_.if_contains(field);
    if (v == nullptr || (required && v->is_null())) {
        if (required) add_error(field, "is required");
        return nullptr;
    }
    return v;
}

std::optional<std::string> Validator::string(std::string_view field, std::size_t min_chars, std::size_t max_chars,
                                             bool required, bool trim) {
    const auto* v = find(field, required);
    if (v == nullptr) return std::nullopt;
    if (!v->is_string()) {
        add_error(field, "must be a string");
        return std::nullopt;
    }
    std::string_view text = v->as_string();
    if (trim) {
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    }
    if (text.find('\0') != std::string_view::npos) {
        add_error(field, "must not contain NUL characters");
        return std::nullopt;
    }
    const auto length = utf8_length(text);
    if (length < min_chars) {
        add_error(field, min_chars == 1 ? "must not be empty"
                                        : "must be at least " + std::to_string(min_chars) + " characters");
        return std::nullopt;
    }
    if (length > max_chars) {
        add_error(field, "must be at most " + std::to_string(max_chars) + " characters");
        return std::nullopt;
    }
    return std::string(text);
}

std::optional<double> Validator::number(std::string_view field, double min, double max, bool required) {
    const auto* v = find(field, required);
    if (v == nullptr) return std::nullopt;
    if (!v->is_number()) {
        add_error(field, "must be a number");
        return std::nullopt;
    }
    const double d = v->to_number<double>();
    if (!std::isfinite(d) || d < min || d > max) {
        char text[96];
        std::snprintf(text, sizeof text, "must be between %g and %g", min, max);
        add_error(field, text);
        return std::nullopt;
    }
    return d;
}

std::optional<bool> Validator::boolean(std::string_view field, bool required) {
    const auto* v = find(field, required);
    if (v == nullptr) return std::nullopt;
    if (!v->is_bool()) {
        add_error(field, "must be true or false");
        return std::nullopt;
    }
    return v->as_bool();
}

std::optional<std::string> Validator::one_of(std::string_view field, const std::vector<std::string_view>& allowed,
                                             bool required) {
    const auto* v = find(field, required);
    if (v == nullptr) return std::nullopt;
    if (v->is_string()) {
        const std::string_view text = v->as_string();
        if (std::find(allowed.begin(), allowed.end(), text) != allowed.end()) return std::string(text);
    }
    std::string message = "must be one of:";
    for (std::size_t i = 0; i < allowed.size(); ++i) message += (i == 0 ? " " : ", ") + std::string(allowed[i]);
    add_error(field, std::move(message));
    return std::nullopt;
}

std::optional<std::vector<std::string>> Validator::uuid_array(std::string_view field, std::size_t max_items,
                                                              bool required) {
    const auto* v = find(field, required);
    if (v == nullptr) return std::nullopt;
    if (!v->is_array()) {
        add_error(field, "must be an array of ids");
        return std::nullopt;
    }
    const auto& array = v->as_array();
    if (array.size() > max_items) {
        add_error(field, "must have at most " + std::to_string(max_items) + " items");
        return std::nullopt;
    }
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto& item : array) {
        if (!item.is_string() || !is_uuid(item.as_string())) {
            add_error(field, "must contain only UUIDs");
            return std::nullopt;
        }
        std::string id(item.as_string());
        std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return std::tolower(c); });
        if (seen.insert(id).second) out.push_back(std::move(id));
    }
    return out;
}

const boost::json::object* Validator::object(std::string_view field, bool required) {
    const auto* v = find(field, required);
    if (v == nullptr) return nullptr;
    if (!v->is_object()) {
        add_error(field, "must be an object");
        return nullptr;
    }
    return &v->as_object();
}

void Validator::merge(Validator& nested) {
    for (auto& e : nested.errors_) errors_.push_back(std::move(e));
    nested.errors_.clear();
}

void Validator::check() const {
    if (!errors_.empty()) throw ApiError::validation(errors_);
}

}  // namespace service::core
