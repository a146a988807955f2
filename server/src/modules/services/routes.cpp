#include "modules/services/routes.hpp"

#include <cmath>

#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::services {

ServiceChanges parse_service(const boost::json::object& body, bool partial) {
    core::Validator v(body);
    ServiceChanges c;
    const bool required = !partial;
    if (required || v.has("name")) c.name = v.string("name", 1, 100, true);
    if (v.has("description")) c.description = v.string("description", 0, 1000, false).value_or("");
    if (required || v.has("category_id")) {
        if (auto id = v.string("category_id", 36, 36, true)) {
            if (core::is_uuid(*id))
                c.category_id = *id;
            else
                v.add_error("category_id", "must be a category id");
        }
    }
    if (required || v.has("price_minor")) {
        if (auto n = v.number("price_minor", 0, 10'000'000, true)) {
            if (*n != std::floor(*n))
                v.add_error("price_minor", "must be a whole number of minor units (kopecks)");
            else
                c.price_minor = static_cast<std::int64_t>(*n);
        }
    }
    if (v.has("currency")) v.one_of("currency", {"RUB"}, true);
    if (required || v.has("duration_min")) {
        if (auto n = v.number("duration_min", 5, 720, true)) {
            if (*n != std::floor(*n))
                v.add_error("duration_min", "must be a whole number of minutes");
            else
                c.duration_min = static_cast<int>(*n);
        }
    }
    if (partial && v.has("active")) c.active = v.boolean("active", true);
    v.check();
    if (partial && !c.name && !c.description && !c.category_id && !c.price_minor && !c.duration_min && !c.active) {
        throw core::ApiError::validation({{"", "send at least one field to change"}});
    }
    return c;
}

void Routes::register_routes(core::Router& router) {
    const core::RouteOptions master_only{.access = core::Access::kMaster};
    router.add(
        http::verb::get, "/api/v1/masters/me/services", [this](core::Request& r) { return list(r); }, master_only);
    router.add(
        http::verb::post, "/api/v1/masters/me/services", [this](core::Request& r) { return create(r); }, master_only);
    router.add(
        http::verb::patch, "/api/v1/masters/me/services/{id}", [this](core::Request& r) { return update(r); },
        master_only);
    router.add(
        http::verb::delete_, "/api/v1/masters/me/services/{id}", [this](core::Request& r) { return remove(r); },
        master_only);
}

net::awaitable<core::Response> Routes::list(core::Request& req) {
    boost::json::array items;
    for (const auto& s : co_await price_list_.list(req.my_master_id(), false)) items.push_back(to_json(s));
    co_return core::json_response(http::status::ok, boost::json::object{{"items", std::move(items)}});
}

net::awaitable<core::Response> Routes::create(core::Request& req) {
    auto changes = parse_service(core::parse_json_object(req), false);
    const auto created = co_await price_list_.create(req.my_master_id(), std::move(changes));
    co_return core::json_response(http::status::created, to_json(created));
}

net::awaitable<core::Response> Routes::update(core::Request& req) {
    auto changes = parse_service(core::parse_json_object(req), true);
    const auto updated =
        co_await price_list_.update(req.my_master_id(), std::string(req.param("id")), std::move(changes));
    co_return core::json_response(http::status::ok, to_json(updated));
}

net::awaitable<core::Response> Routes::remove(core::Request& req) {
    co_await price_list_.remove(req.my_master_id(), std::string(req.param("id")));
    co_return core::empty_response(http::status::no_content);
}

}  // namespace service::services
