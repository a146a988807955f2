#include "modules/reviews/routes.hpp"

#include <cmath>

#include "core/pagination.hpp"
#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::reviews {

void Routes::register_routes(core::Router& router) {
    const core::RouteOptions user{.access = core::Access::kUser};
    router.add(
        http::verb::post, "/api/v1/bookings/{id}/review", [this](core::Request& r) { return create(r); }, user);
    router.add(
        http::verb::post, "/api/v1/reviews/{id}/reply", [this](core::Request& r) { return reply(r); }, user);
    router.add(http::verb::get, "/api/v1/masters/{id}/reviews", [this](core::Request& r) { return list(r); });
}

net::awaitable<core::Response> Routes::create(core::Request& req) {
    const std::string booking_id(req.param("id"));
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    int rating = 0;
    if (auto n = v.number("rating", 1, 5, true)) {
        if (*n != std::floor(*n)) v.add_error("rating", "must be a whole number from 1 to 5");
        rating = static_cast<int>(*n);
    }
    auto text = v.string("text", 0, 2000, false).value_or("");
    v.check();
    if (!core::is_uuid(booking_id)) throw core::ApiError::not_found("No such booking.");
    const auto review = co_await service_.create(req.user().user_id, booking_id, rating, std::move(text));
    co_return core::json_response(http::status::created, to_json(review));
}

net::awaitable<core::Response> Routes::reply(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    const auto text = v.string("text", 1, 2000, true);
    v.check();
    const auto review = co_await service_.reply(req.user().user_id, std::string(req.param("id")), *text);
    co_return core::json_response(http::status::ok, to_json(review));
}

net::awaitable<core::Response> Routes::list(core::Request& req) {
    const auto page = core::page_request(req);
    const auto found = co_await service_.list_for_master(std::string(req.param("id")), page);
    boost::json::array items;
    items.reserve(found.items.size());
    for (const auto& r : found.items) items.push_back(to_json(r));
    co_return core::json_response(
        http::status::ok,
        boost::json::object{{"items", std::move(items)}, {"next_cursor", core::cursor_json(found.next)}});
}

}  // namespace service::reviews
