#include "core/pagination.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/crypto.hpp"
#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::core {

int page_limit(const Request& req) {
    const auto text = req.query_param("limit");
    if (!text) return 20;
    int value = 0;
    const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc{} || ptr != text->data() + text->size() || value < 1 || value > 100) {
        throw ApiError::validation({{"limit", "must be an integer from 1 to 100"}});
    }
    return value;
}

std::optional<PageCursor> page_cursor(const Request& req) {
    const auto text = req.query_param("cursor");
    if (!text || text->empty()) return std::nullopt;
    const auto raw = base64url_decode(*text);
    const auto bar = raw ? raw->find('|') : std::string::npos;
    if (bar == std::string::npos || !is_uuid(std::string_view(*raw).substr(bar + 1))) {
        throw ApiError::validation({{"cursor", "is not a valid cursor"}});
    }
    return PageCursor{raw->substr(0, bar), raw->substr(bar + 1)};
}

std::string encode_cursor(const PageCursor& cursor) { return base64url_encode(cursor.key + "|" + cursor.id); }

PageRequest page_request(const Request& req) { return PageRequest{page_limit(req), page_cursor(req)}; }

boost::json::value cursor_json(const std::optional<PageCursor>& next) {
    if (!next) return nullptr;
    return boost::json::value(encode_cursor(*next));
}

std::optional<double> query_number(const Request& req, std::string_view name, double min, double max) {
    const auto text = req.query_param(name);
    if (!text) return std::nullopt;
    double value = 0;
    const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc{} || ptr != text->data() + text->size() || !std::isfinite(value) || value < min ||
        value > max) {
        char message[96];
        std::snprintf(message, sizeof message, "must be a number from %g to %g", min, max);
        throw ApiError::validation({{std::string(name), message}});
    }
    return value;
}

}  // namespace service::core
