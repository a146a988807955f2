#include "modules/favorites/routes.hpp"

#include "core/pagination.hpp"
#include "core/problem.hpp"

namespace service::favorites {

void Routes::register_routes(core::Router& router) {
    const core::RouteOptions user{.access = core::Access::kUser};
    router.add(
        http::verb::put, "/api/v1/favorites/masters/{id}", [this](core::Request& r) { return add(r); }, user);
    router.add(
        http::verb::delete_, "/api/v1/favorites/masters/{id}", [this](core::Request& r) { return remove(r); }, user);
    router.add(
        http::verb::get, "/api/v1/favorites/masters", [this](core::Request& r) { return list(r); }, user);
}

net::awaitable<core::Response> Routes::add(core::Request& req) {
    co_await service_.add(req.user().user_id, std::string(req.param("id")));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::remove(core::Request& req) {
    co_await service_.remove(req.user().user_id, std::string(req.param("id")));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::list(core::Request& req) {
    const auto page = co_await service_.list(req.user().user_id, core::page_request(req));
    co_return core::json_response(http::status::ok, masters::cards_json(page));
}

}  // namespace service::favorites
