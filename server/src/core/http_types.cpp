#include "core/http_types.hpp"

#include <boost/json/serialize.hpp>

#include "core/problem.hpp"

namespace service::core {

std::string_view Request::param(std::string_view name) const {
    for (const auto& [key, value] : params) {
        if (key == name) return value;
    }
    return {};
}

std::optional<std::string> Request::query_param(std::string_view name) const {
    std::string_view rest = query;
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const auto pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        const auto eq = pair.find('=');
        const auto key = percent_decode(pair.substr(0, eq), true);
        if (!key || *key != name) continue;
        if (eq == std::string_view::npos) return std::string{};
        auto value = percent_decode(pair.substr(eq + 1), true);
        if (!value)
            throw ApiError::bad_request("malformed percent-encoding in query parameter '" + std::string(name) + "'");
        return value;
    }
    return std::nullopt;
}

const Principal& Request::user() const {
    if (!principal) throw ApiError::unauthorized("unauthorized", "Authentication is required.");
    return *principal;
}

const std::string& Request::my_master_id() const {
    const auto& who = user();
    if (!who.master_id) {
        throw ApiError(http::status::not_found, "master_profile_missing", "Not found",
                       "Create your master profile with PUT /api/v1/masters/me first.");
    }
    return *who.master_id;
}

std::string_view Request::header(std::string_view name) const {
    const auto it = message.find(name);
    if (it == message.end()) return {};
    return {it->value().data(), it->value().size()};
}

Response json_response(http::status status, const boost::json::value& body) {
    Response res{status, 11};
    res.set(http::field::content_type, "application/json");
    res.body() = boost::json::serialize(body);
    res.prepare_payload();
    return res;
}

Response empty_response(http::status status) {
    Response res{status, 11};
    res.prepare_payload();
    return res;
}

Response text_response(http::status status, std::string body, std::string_view content_type) {
    Response res{status, 11};
    res.set(http::field::content_type, content_type);
    res.body() = std::move(body);
    res.prepare_payload();
    return res;
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_as_space) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            const int hi = hex(text[i + 1]);
            const int lo = hex(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            c = static_cast<char>(hi * 16 + lo);
            if (c == '\0') return std::nullopt;
            i += 2;
        } else if (c == '+' && plus_as_space) {
            c = ' ';
        }
        out.push_back(c);
    }
    return out;
}

}  // namespace service::core
