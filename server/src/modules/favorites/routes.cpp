#include "modules/favorites/routes.hpp"

#include "core/problem.hpp"
#include "core/validation.hpp"
#include "favorites_sql.hpp"

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
    const std::string id(req.param("id"));
    if (!core::is_uuid(id)) throw core::ApiError::not_found("No such master.");
    bool missing = false;
    try {
        co_await pool_.query(sql::kAddFavorite, db::Params(req.user().user_id, id));
    } catch (const db::ForeignKeyViolation&) {
        missing = true;  // the foreign key: no such master
    }
    if (missing) throw core::ApiError::not_found("No such master.");
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::remove(core::Request& req) {
    const std::string id(req.param("id"));
    if (core::is_uuid(id)) co_await pool_.query(sql::kRemoveFavorite, db::Params(req.user().user_id, id));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::list(core::Request& req) {
    auto page = co_await masters_.favorites(pool_, req.user().user_id, core::page_limit(req), core::page_cursor(req));
    co_return core::json_response(
        http::status::ok,
        boost::json::object{
            {"items", std::move(page.items)},
            {"next_cursor", page.next ? boost::json::value(core::encode_cursor(*page.next)) : nullptr}});
}

}  // namespace service::favorites
