#include "core/middleware.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "core/error_mapping.hpp"
#include "core/json_text.hpp"
#include "core/log.hpp"
#include "core/problem.hpp"

namespace service::core {
namespace {

bool valid_request_id(std::string_view id) {
    if (id.empty() || id.size() > 128) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':';
    });
}

bool trusted(const Config& config, const boost::asio::ip::address& address) {
    return std::any_of(config.trusted_proxies.begin(), config.trusted_proxies.end(),
                       [&](const IpNetwork& n) { return n.contains(address); });
}

// X-Forwarded-For lists client, proxy1, proxy2…; walk from the right and take the first
// address that is not one of our proxies (anything left of it could be forged).
boost::asio::ip::address client_address(const Config& config, const Request& req) {
    if (!trusted(config, req.peer)) return req.peer;
    std::string_view xff = req.header("X-Forwarded-For");
    auto result = req.peer;
    while (!xff.empty()) {
        const auto comma = xff.rfind(',');
        auto item = comma == std::string_view::npos ? xff : xff.substr(comma + 1);
        xff = comma == std::string_view::npos ? std::string_view{} : xff.substr(0, comma);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        boost::system::error_code ec;
        const auto address = boost::asio::ip::make_address(std::string(item), ec);
        if (ec) break;
        result = address;
        if (!trusted(config, address)) break;
    }
    return result;
}

std::string client_label(const boost::asio::ip::address& address) {
    if (address.is_v6() && address.to_v6().is_v4_mapped()) {
        return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6()).to_string();
    }
    return address.to_string();
}

}  // namespace

net::awaitable<Response> ObserveMiddleware::handle(Request& req, Next next) {
    const auto incoming = req.header("X-Request-Id");
    req.request_id = valid_request_id(incoming) ? std::string(incoming) : random_uuid();
    req.client_ip = client_address(config_, req);

    Response res = co_await next(req);

    res.set("X-Request-Id", req.request_id);
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - req.received_at).count();
    // Label by route pattern, never by raw path, so metrics cardinality stays bounded.
    const std::string route = req.route != nullptr      ? req.route->pattern
                              : res.result_int() >= 400 ? "unmatched"
                                                        : "static";
    const auto status = res.result_int();
    metrics_.observe_request(req.message.method_string(), route, status, elapsed);
    if (log::level() <= log::Level::kInfo) {
        boost::json::object fields;
        fields["request_id"] = req.request_id;
        fields["method"] = std::string_view(req.message.method_string());
        fields["path"] = req.path;
        fields["route"] = route;
        fields["status"] = status;
        fields["duration_ms"] = round_to(elapsed * 1000.0, 3);  // to the microsecond
        fields["bytes"] = res.body().size();
        fields["client_ip"] = client_label(req.client_ip);
        if (req.principal) fields["user_id"] = req.principal->user_id;
        log::info("request", std::move(fields));
    }
    co_return res;
}

void apply_security_headers(Response& res) {
    res.set("Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            "connect-src 'self' ws: wss:; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
            "base-uri 'self'; form-action 'self'");
    res.set("Cross-Origin-Opener-Policy", "same-origin");
    res.set("Cross-Origin-Resource-Policy", "same-origin");
    res.set("Origin-Agent-Cluster", "?1");
    res.set("Referrer-Policy", "no-referrer");
    res.set("X-Content-Type-Options", "nosniff");
    res.set("X-DNS-Prefetch-Control", "off");
    res.set("X-Download-Options", "noopen");
    res.set("X-Frame-Options", "SAMEORIGIN");
    res.set("X-Permitted-Cross-Domain-Policies", "none");
    res.set("X-XSS-Protection", "0");
}

net::awaitable<Response> SecurityHeadersMiddleware::handle(Request& req, Next next) {
    Response res = co_await next(req);
    apply_security_headers(res);
    // Only a trusted proxy's word that the client used TLS turns HSTS on; over plain HTTP it is ignored anyway.
    if (trusted(config_, req.peer) && req.header("X-Forwarded-Proto") == "https") {
        res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    co_return res;
}

bool CorsMiddleware::allowed(std::string_view origin) const {
    return std::any_of(origins_.begin(), origins_.end(), [&](const std::string& o) { return o == origin || o == "*"; });
}

net::awaitable<Response> CorsMiddleware::handle(Request& req, Next next) {
    const std::string origin(req.header("Origin"));
    const bool cross_origin_ok = !origin.empty() && allowed(origin);
    if (req.message.method() == http::verb::options && !req.header("Access-Control-Request-Method").empty()) {
        Response res = empty_response(cross_origin_ok ? http::status::no_content : http::status::forbidden);
        if (cross_origin_ok) {
            res.set(http::field::access_control_allow_origin, origin);
            res.set(http::field::access_control_allow_methods, "GET, POST, PUT, PATCH, DELETE, OPTIONS");
            res.set(http::field::access_control_allow_headers,
                    "Authorization, Content-Type, Idempotency-Key, X-Request-Id");
            res.set(http::field::access_control_max_age, "600");
        }
        res.set(http::field::vary, "Origin");
        co_return res;
    }
    Response res = co_await next(req);
    if (cross_origin_ok) {
        res.set(http::field::access_control_allow_origin, origin);
        res.set(http::field::access_control_expose_headers, "X-Request-Id, Retry-After, Location");
        res.set(http::field::vary, "Origin");
    }
    co_return res;
}

net::awaitable<Response> ErrorMiddleware::handle(Request& req, Next next) {
    std::exception_ptr error;
    try {
        co_return co_await next(req);
    } catch (...) {
        error = std::current_exception();
    }
    if (auto problem = to_problem(error, {{"request_id", req.request_id}})) {
        co_return problem_response(*problem, req.request_id);
    }
    co_return internal_error_response(req.request_id);
}

net::awaitable<Response> RoutingMiddleware::handle(Request& req, Next next) {
    auto match = router_.match(req.message.method(), req.path);
    switch (match.kind) {
        case RouteMatch::Kind::kFound:
            req.route = match.route;
            req.params = std::move(match.params);
            break;
        case RouteMatch::Kind::kMethodNotAllowed: {
            std::string allow;
            for (auto verb : match.allowed) {
                if (!allow.empty()) allow += ", ";
                allow += std::string(http::to_string(verb));
            }
            ApiError error(http::status::method_not_allowed, "method_not_allowed", "Method not allowed",
                           "Allowed methods: " + allow + ".");
            error.with_header(http::field::allow, allow);
            throw error;
        }
        case RouteMatch::Kind::kNotFound:
            // Only API paths are ours to refuse; everything else may be the web client.
            if (req.path.starts_with("/api/") || req.path == "/api" ||
                (req.message.method() != http::verb::get && req.message.method() != http::verb::head)) {
                throw ApiError::not_found("No such endpoint: " + std::string(req.path));
            }
            break;
    }
    co_return co_await next(req);
}

net::awaitable<Response> RateLimitMiddleware::handle(Request& req, Next next) {
    if (req.route != nullptr && req.route->rate_bucket != "none") {
        const std::string client = client_label(req.client_ip);
        const bool auth_bucket = req.route->rate_bucket == "auth";
        auto decision = co_await limiter_.hit("api", client, config_.rate_limit_per_minute);
        if (decision.allowed && auth_bucket) {
            decision = co_await limiter_.hit("auth", client, config_.auth_rate_limit_per_minute);
        }
        if (!decision.allowed) {
            ApiError error(
                http::status::too_many_requests, "rate_limited", "Too many requests",
                "Request limit reached; retry after " + std::to_string(decision.retry_after_seconds) + " seconds.");
            error.with_header(http::field::retry_after, std::to_string(decision.retry_after_seconds));
            throw error;
        }
    }
    co_return co_await next(req);
}

net::awaitable<Response> AuthMiddleware::handle(Request& req, Next next) {
    const auto authorization = req.header("Authorization");
    const bool protected_route = req.route != nullptr && req.route->access != Access::kPublic;
    if (req.route == nullptr || (!protected_route && authorization.empty())) co_return co_await next(req);

    constexpr std::string_view kBearer = "Bearer ";
    if (authorization.size() <= kBearer.size() ||
        !std::equal(kBearer.begin(), kBearer.end(), authorization.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
        throw ApiError::unauthorized("unauthorized", "A Bearer access token is required.")
            .with_header(http::field::www_authenticate, "Bearer");
    }
    const auto claims = codec_.verify(authorization.substr(kBearer.size()), clock_.now());
    if (!claims) {
        const bool expired = claims.error() == jwt::Error::kExpired;
        throw ApiError::unauthorized(expired ? "token_expired" : "unauthorized",
                                     expired ? "The access token has expired." : "The access token is invalid.")
            .with_header(http::field::www_authenticate, "Bearer");
    }
    // The token is signed, but the account may have been banned or deleted since it was issued.
    auto principal = co_await loader_.load(claims->sub);
    if (!principal) {
        throw ApiError::unauthorized("unauthorized", "The account is not active.")
            .with_header(http::field::www_authenticate, "Bearer");
    }
    const auto access = req.route->access;
    if ((access == Access::kAdmin && principal->role != "admin") ||
        (access == Access::kMaster && principal->role != "master" && principal->role != "admin")) {
        throw ApiError::forbidden("This action needs the " +
                                  std::string(access == Access::kAdmin ? "admin" : "master") + " role.");
    }
    req.principal = std::move(principal);
    co_return co_await next(req);
}

}  // namespace service::core
