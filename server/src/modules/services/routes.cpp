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

net::awaitable<std::string> Routes::my_master_id(core::Request& req) {
    auto id = co_await masters_.id_for_user(pool_, req.user().user_id);
    if (!id) {
        throw core::ApiError(http::status::not_found, "master_profile_missing", "Not found",
                             "Create your master profile with PUT /api/v1/masters/me first.");
    }
    co_return *id;
}

net::awaitable<core::Response> Routes::list(core::Request& req) {
    const auto master_id = co_await my_master_id(req);
    boost::json::array items;
    for (const auto& s : co_await services_.list(pool_, master_id, false)) items.push_back(to_json(s));
    co_return core::json_response(http::status::ok, boost::json::object{{"items", std::move(items)}});
}

net::awaitable<core::Response> Routes::create(core::Request& req) {
    auto changes = parse_service(core::parse_json_object(req), false);
    const auto master_id = co_await my_master_id(req);
    std::vector<std::string> category{*changes.category_id};
    if (!(co_await categories_.all_exist(pool_, category))) {
        throw core::ApiError::validation({{"category_id", "is not a known category"}});
    }
    Service s;
    s.name = *changes.name;
    s.description = changes.description.value_or("");
    s.category_id = *changes.category_id;
    s.price_minor = *changes.price_minor;
    s.currency = "RUB";
    s.duration_min = *changes.duration_min;
    const auto created = co_await services_.insert(pool_, master_id, std::move(s));
    co_return core::json_response(http::status::created, to_json(created));
}

net::awaitable<core::Response> Routes::update(core::Request& req) {
    const std::string id(req.param("id"));
    auto changes = parse_service(core::parse_json_object(req), true);
    const auto master_id = co_await my_master_id(req);
    if (!core::is_uuid(id)) throw core::ApiError::not_found("No such service.");
    if (changes.category_id) {
        std::vector<std::string> category{*changes.category_id};
        if (!(co_await categories_.all_exist(pool_, category))) {
            throw core::ApiError::validation({{"category_id", "is not a known category"}});
        }
    }
    const auto updated = co_await services_.update(pool_, id, master_id, std::move(changes));
    if (!updated) throw core::ApiError::not_found("No such service.");
    co_return core::json_response(http::status::ok, to_json(*updated));
}

net::awaitable<core::Response> Routes::remove(core::Request& req) {
    const std::string id(req.param("id"));
    const auto master_id = co_await my_master_id(req);
    if (!core::is_uuid(id) || !(co_await services_.deactivate(pool_, id, master_id))) {
        throw core::ApiError::not_found("No such service.");
    }
    co_return core::empty_response(http::status::no_content);
}

}  // namespace service::services
