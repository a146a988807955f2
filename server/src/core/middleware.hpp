#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/jwt.hpp"
#include "core/metrics.hpp"
#include "core/pipeline.hpp"
#include "core/rate_limit.hpp"
#include "core/router.hpp"

/// The middleware chain, outermost first (see make_pipeline in app.cpp for the order).
namespace service::core {

/// Request id in and out, the client IP (X-Forwarded-For only from TRUSTED_PROXIES),
/// a JSON-lines access log line and the request metrics.
class ObserveMiddleware final : public Middleware {
  public:
    ObserveMiddleware(const Config& config, Metrics& metrics) : config_(config), metrics_(metrics) {}
    net::awaitable<Response> handle(Request& req, Next next) override;

  private:
    const Config& config_;
    Metrics& metrics_;
};

/// Sets the Helmet.js default header set on `res` (also used for answers written before the
/// middleware chain runs, such as 413).
void apply_security_headers(Response& res);

/// The headers Helmet.js sets by default, plus HSTS when a trusted proxy says the request came over TLS.
class SecurityHeadersMiddleware final : public Middleware {
  public:
    explicit SecurityHeadersMiddleware(const Config& config) : config_(config) {}
    net::awaitable<Response> handle(Request& req, Next next) override;

  private:
    const Config& config_;
};

/// CORS for the origins in CORS_ORIGINS; answers preflight requests itself.
class CorsMiddleware final : public Middleware {
  public:
    explicit CorsMiddleware(std::vector<std::string> origins) : origins_(std::move(origins)) {}
    net::awaitable<Response> handle(Request& req, Next next) override;

  private:
    bool allowed(std::string_view origin) const;
    std::vector<std::string> origins_;
};

/// The one catch site: ApiError, database failures and anything unexpected become problem+json.
class ErrorMiddleware final : public Middleware {
  public:
    net::awaitable<Response> handle(Request& req, Next next) override;
};

/// Finds the route (404 / 405 with Allow for unknown API paths); other GETs fall through to
/// static files.
class RoutingMiddleware final : public Middleware {
  public:
    explicit RoutingMiddleware(const Router& router) : router_(router) {}
    net::awaitable<Response> handle(Request& req, Next next) override;

  private:
    const Router& router_;
};

/// Per-IP limits: RATE_LIMIT_PER_MINUTE on every API route, AUTH_RATE_LIMIT_PER_MINUTE on
/// login/register. 429 with Retry-After.
class RateLimitMiddleware final : public Middleware {
  public:
    RateLimitMiddleware(const Config& config, RateLimiter& limiter) : config_(config), limiter_(limiter) {}
    net::awaitable<Response> handle(Request& req, Next next) override;

  private:
    const Config& config_;
    RateLimiter& limiter_;
};

/// Looks a user up for the auth middleware; nullopt when the user is gone or banned.
class PrincipalLoader {
  public:
    virtual ~PrincipalLoader() = default;
    virtual net::awaitable<std::optional<Principal>> load(std::string user_id) = 0;
};

/// Bearer JWT verification and role guards for routes that are not public.
class AuthMiddleware final : public Middleware {
  public:
    AuthMiddleware(const jwt::Codec& codec, PrincipalLoader& loader, const Clock& clock)
        : codec_(codec), loader_(loader), clock_(clock) {}
    net::awaitable<Response> handle(Request& req, Next next) override;

  private:
    const jwt::Codec& codec_;
    PrincipalLoader& loader_;
    const Clock& clock_;  // token expiry
};

}  // namespace service::core
