#include "modules/system/routes.hpp"

#include "openapi_doc.hpp"

namespace service::system {
namespace {

constexpr db::Statement kPing{"system.ping", "SELECT 1"};

}  // namespace

std::string_view openapi_document() { return docs::kOpenapi; }

void Routes::register_routes(core::Router& router) {
    const core::RouteOptions unlimited{.rate_bucket = "none"};
    router.add(
        http::verb::get, "/health", [this](core::Request& req) { return health(req); }, unlimited);
    router.add(
        http::verb::get, "/ready", [this](core::Request& req) { return ready(req); }, unlimited);
    router.add(
        http::verb::get, "/metrics", [this](core::Request& req) { return metrics(req); }, unlimited);
    router.add(http::verb::get, "/api/v1/openapi.json", [this](core::Request& req) { return openapi(req); });
}

net::awaitable<core::Response> Routes::health(core::Request& /*req*/) {
    auto res = core::json_response(http::status::ok, boost::json::object{{"status", "ok"}});
    res.set(http::field::cache_control, "no-store");
    co_return res;
}

net::awaitable<core::Response> Routes::ready(core::Request& /*req*/) {
    boost::json::object checks;
    bool ok = true;

    if (migrations_.failed) {
        checks["migrations"] = "failed: an applied migration was modified";
        ok = false;
    } else if (!migrations_.done) {
        checks["migrations"] = "pending";
        ok = false;
    } else {
        checks["migrations"] = "ok";
    }

    if (!pool_.ready()) {
        checks["postgres"] = "waiting for migrations";
        ok = false;
    } else {
        try {
            co_await pool_.query(kPing, db::Params());
            checks["postgres"] = "ok";
        } catch (const std::exception& e) {
            checks["postgres"] = std::string("unavailable: ") + e.what();
            ok = false;
        }
    }

    std::vector<std::vector<std::string>> ping{{"PING"}};
    const auto pong = co_await redis_.execute(std::move(ping));
    if (pong && !pong->empty() && (*pong)[0].type == infra::RedisReply::Type::kStatus) {
        checks["redis"] = "ok";
    } else {
        checks["redis"] = redis_.connected() ? "not answering" : "unavailable";
        ok = false;
    }

    auto res =
        core::json_response(ok ? http::status::ok : http::status::service_unavailable,
                            boost::json::object{{"status", ok ? "ready" : "not_ready"}, {"checks", std::move(checks)}});
    res.set(http::field::cache_control, "no-store");
    co_return res;
}

net::awaitable<core::Response> Routes::metrics(core::Request& /*req*/) {
    co_return core::text_response(http::status::ok, metrics_.render(), "text/plain; version=0.0.4; charset=utf-8");
}

net::awaitable<core::Response> Routes::openapi(core::Request& /*req*/) {
    auto res = core::text_response(http::status::ok, std::string(openapi_document()), "application/json");
    res.set(http::field::cache_control, "no-cache");
    co_return res;
}

}  // namespace service::system
