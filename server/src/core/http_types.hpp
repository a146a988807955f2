#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/asio/ip/address.hpp>
#include <boost/json/value.hpp>

#include "core/asio.hpp"

namespace service::core {

using Response = http::response<http::string_body>;

/// Who made the request, once the auth middleware has checked the token.
struct Principal {
    std::string user_id;
    std::string role;
    std::optional<std::string> master_id;  // the caller's master profile, when they have one
};

struct Route;

/// The body of a request whose route reads it as a stream (RouteOptions::stream_body): the
/// server has parsed only the header, and the handler pulls the bytes as they arrive, so a
/// large upload never sits in memory and can be refused part-way. The connection is kept
/// alive afterwards only when the handler read the body to its end.
class BodyStream {
  public:
    virtual ~BodyStream() = default;
    /// Fills `out` with the next bytes; 0 at the end of the body. Throws ApiError 400 when the
    /// connection fails or the body is not valid HTTP framing, 408 when the client stalls.
    virtual net::awaitable<std::size_t> read_some(char* out, std::size_t size) = 0;
    virtual bool done() const = 0;
};

/// One HTTP request plus what the middleware chain learns about it on the way in.
struct Request {
    http::request<http::string_body> message;
    std::string request_id;
    boost::asio::ip::address peer;                            // the TCP peer
    boost::asio::ip::address client_ip;                       // peer, or X-Forwarded-For from a trusted proxy
    std::string_view path;                                    // target without the query, points into message
    std::string_view query;                                   // after '?', without it
    std::vector<std::pair<std::string, std::string>> params;  // path parameters, decoded
    const Route* route = nullptr;                             // set by the router
    std::optional<Principal> principal;                       // set by the auth middleware
    BodyStream* body_stream = nullptr;                        // streamed routes only; the body is empty then
    std::chrono::steady_clock::time_point received_at = std::chrono::steady_clock::now();

    /// The value of path parameter `name`; the router guarantees declared parameters exist.
    std::string_view param(std::string_view name) const;
    /// A query-string parameter, percent-decoded; nullopt when absent.
    std::optional<std::string> query_param(std::string_view name) const;
    /// The authenticated caller; throws 401 when the route was public and nobody signed in.
    const Principal& user() const;
    /// The caller's master profile id ("me" in /masters/me/…); 404 master_profile_missing when
    /// they have not created one yet.
    const std::string& my_master_id() const;
    std::string_view header(std::string_view name) const;
};

Response json_response(http::status status, const boost::json::value& body);
/// The same for an object or an array, serialized where it is: through the value overload it
/// would first be copied whole into a boost::json::value (a feed page: ~28 KB of nested objects,
/// one allocation per node; 11 % of the server's CPU in bench/feed-bench's next pages).
Response json_response(http::status status, const boost::json::object& body);
Response json_response(http::status status, const boost::json::array& body);
Response empty_response(http::status status);
Response text_response(http::status status, std::string body, std::string_view content_type);

/// Decodes %XX and (in query strings) '+'; nullopt on a malformed escape or a NUL byte.
std::optional<std::string> percent_decode(std::string_view text, bool plus_as_space);

}  // namespace service::core
