#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "core/asio.hpp"

namespace service::testing {

struct HttpResult {
    int status = 0;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    std::string header(std::string_view name) const;
    boost::json::value json() const;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

/// One request on a fresh connection to 127.0.0.1:port (blocking; tests only).
HttpResult http_request(std::uint16_t port, http::verb method, const std::string& target, const std::string& body = {},
                        const Headers& headers = {});

inline HttpResult get(std::uint16_t port, const std::string& target, const Headers& headers = {}) {
    return http_request(port, http::verb::get, target, {}, headers);
}
HttpResult post_json(std::uint16_t port, const std::string& target, const boost::json::value& body,
                     const Headers& headers = {});
Headers bearer(const std::string& token);
/// `s` percent-encoded for a query string (every byte but the unreserved ones).
std::string url_encode(std::string_view s);

}  // namespace service::testing
