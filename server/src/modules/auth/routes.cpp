#include "modules/auth/routes.hpp"

#include "core/validation.hpp"
#include "modules/users/user.hpp"

namespace service::auth {
namespace {

// bcrypt only reads 72 bytes; longer passwords would be silently truncated.
constexpr std::size_t kMinPasswordBytes = 8;
constexpr std::size_t kMaxPasswordBytes = 72;

std::optional<std::string> read_password(core::Validator& v, const boost::json::object& body, bool check_length) {
    const auto* value = body.if_contains("password");
    if (value == nullptr || value->is_null()) {
        v.add_error("password", "is required");
        return std::nullopt;
    }
    if (!value->is_string()) {
        v.add_error("password", "must be a string");
        return std::nullopt;
    }
    std::string password(value->as_string());
    if (password.find('\0') != std::string::npos) {
        v.add_error("password", "must not contain NUL characters");
        return std::nullopt;
    }
    if (check_length && password.size() < kMinPasswordBytes) {
        v.add_error("password", "must be at least 8 characters");
        return std::nullopt;
    }
    if (password.size() > kMaxPasswordBytes || password.empty()) {
        v.add_error("password", password.empty() ? "is required" : "must be at most 72 bytes");
        return std::nullopt;
    }
    return password;
}

std::string read_refresh_token(const boost::json::object& body) {
    core::Validator v(body);
    auto token = v.string("refresh_token", 1, 512, true, false);
    v.check();
    return std::move(*token);
}

}  // namespace

Registration parse_registration(const boost::json::object& body) {
    core::Validator v(body);
    Registration r;
    if (auto email = v.string("email", 1, 254, true)) {
        if (auto normalized = normalize_email(*email))
            r.email = std::move(*normalized);
        else
            v.add_error("email", "must be a valid email address");
    }
    if (auto password = read_password(v, body, true)) r.password = std::move(*password);
    if (auto name = v.string("name", 1, 100, true)) r.name = std::move(*name);
    r.role = "client";
    if (v.has("role") && !v.is_null("role")) {
        if (auto role = v.one_of("role", {"client", "master"}, false)) r.role = std::move(*role);
    }
    v.check();
    return r;
}

boost::json::object to_json(const Session& session) {
    return boost::json::object{{"user", users::to_json(session.user)},
                               {"access_token", session.access_token},
                               {"refresh_token", session.refresh_token},
                               {"token_type", "Bearer"},
                               {"expires_in", session.expires_in}};
}

void Routes::register_routes(core::Router& router) {
    router.add(http::verb::post, "/api/v1/auth/register", [this](core::Request& req) { return register_user(req); },
               {.rate_bucket = "auth"});
    router.add(http::verb::post, "/api/v1/auth/login", [this](core::Request& req) { return login(req); },
               {.rate_bucket = "auth"});
    router.add(http::verb::post, "/api/v1/auth/refresh", [this](core::Request& req) { return refresh(req); });
    router.add(http::verb::post, "/api/v1/auth/logout", [this](core::Request& req) { return logout(req); });
}

net::awaitable<core::Response> Routes::register_user(core::Request& req) {
    auto input = parse_registration(core::parse_json_object(req));
    const auto session = co_await service_.register_user(std::move(input));
    co_return core::json_response(http::status::created, to_json(session));
}

net::awaitable<core::Response> Routes::login(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    auto email = v.string("email", 1, 254, true);
    auto password = read_password(v, body, false);
    v.check();
    const auto session = co_await service_.login(std::move(*email), std::move(*password));
    co_return core::json_response(http::status::ok, to_json(session));
}

net::awaitable<core::Response> Routes::refresh(core::Request& req) {
    auto token = read_refresh_token(core::parse_json_object(req));
    const auto session = co_await service_.refresh(std::move(token));
    co_return core::json_response(http::status::ok, to_json(session));
}

net::awaitable<core::Response> Routes::logout(core::Request& req) {
    auto token = read_refresh_token(core::parse_json_object(req));
    co_await service_.logout(std::move(token));
    co_return core::empty_response(http::status::no_content);
}

}  // namespace service::auth
