#include "core/http_types.hpp"

#include <algorithm>

#include <boost/url/decode_view.hpp>
#include <boost/url/encoding_opts.hpp>
#include <boost/url/pct_string_view.hpp>

#include "core/json_text.hpp"
#include "core/problem.hpp"

namespace service::core {

std::string_view Request::param(std::string_view name) const {
    for (const auto& [key, value] : params) {
        if (key == name) return value;
    }
    return {};
}

std::optional<std::string> Request::query_param(std::string_view name) const {
    // Split on '&' and the first '=' ourselves: Boost.URL's parse_query() rejects the whole
    // string for raw characters outside RFC 3986 ('|', '{', '"', ...) that browsers send as
    // they are and that we have always accepted. Decoding is Boost.URL's (percent_decode).
    // The first occurrence of a repeated key wins; a key that does not decode never matches.
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

namespace {

Response json_text_response(http::status status, std::string body) {
    Response res{status, 11};
    res.set(http::field::content_type, "application/json");
    res.body() = std::move(body);
    res.prepare_payload();
    return res;
}

}  // namespace

Response json_response(http::status status, const boost::json::value& body) {
    return json_text_response(status, json_text(body));
}

Response json_response(http::status status, const boost::json::object& body) {
    return json_text_response(status, json_text(body));
}

Response json_response(http::status status, const boost::json::array& body) {
    return json_text_response(status, json_text(body));
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
    // Boost.URL checks every escape ("%zz", a trailing "%4" are errors) and decodes.
    const auto encoded = boost::urls::make_pct_string_view(text);
    if (!encoded) return std::nullopt;
    // A NUL byte (%00) is refused: it would truncate the value in C APIs (libpq).
    const boost::urls::decode_view decoded = **encoded;
    if (std::find(decoded.begin(), decoded.end(), '\0') != decoded.end()) return std::nullopt;
    boost::urls::encoding_opts options;
    options.space_as_plus = plus_as_space;
    return encoded->decode(options);
}

}  // namespace service::core
