#include "modules/portfolio/routes.hpp"

#include <boost/json/array.hpp>

#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::portfolio {

void Routes::register_routes(core::Router& router) {
    const core::RouteOptions master{.access = core::Access::kMaster};
    router.add(http::verb::get, "/api/v1/masters/{id}/portfolio", [this](core::Request& r) { return list(r); });
    router.add(
        http::verb::post, "/api/v1/masters/me/portfolio", [this](core::Request& r) { return add(r); }, master);
    router.add(
        http::verb::patch, "/api/v1/masters/me/portfolio/{item_id}", [this](core::Request& r) { return change(r); },
        master);
    router.add(
        http::verb::delete_, "/api/v1/masters/me/portfolio/{item_id}", [this](core::Request& r) { return remove(r); },
        master);
}

net::awaitable<core::Response> Routes::list(core::Request& req) {
    const auto items = co_await service_.list(std::string(req.param("id")));
    boost::json::array out;
    for (const auto& item : items) out.push_back(service_.to_json(item));
    co_return core::json_response(http::status::ok, boost::json::object{{"items", std::move(out)}});
}

net::awaitable<core::Response> Routes::add(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    AddInput input;
    if (auto id = v.string("media_id", 1, 64, true)) input.media_id = *id;
    if (auto caption = v.string("caption", 0, 500, false)) input.caption = *caption;
    if (v.has("service_id") && !v.is_null("service_id")) {
        auto id = v.string("service_id", 1, 64, true);
        if (id && !core::is_uuid(*id)) v.add_error("service_id", "must be one of your active services");
        input.service_id = id;
    }
    v.check();
    const auto item = co_await service_.add(req.user().user_id, req.my_master_id(), std::move(input));
    co_return core::json_response(http::status::created, service_.to_json(item));
}

net::awaitable<core::Response> Routes::change(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    ItemChanges changes;
    if (v.has("caption")) changes.caption = v.string("caption", 0, 500, true);
    if (v.has("position")) {
        const auto position = v.number("position", 0, kMaxItems - 1, true);
        if (position && *position != static_cast<double>(static_cast<int>(*position)))
            v.add_error("position", "must be a whole number");
        else if (position)
            changes.position = static_cast<int>(*position);
    }
    v.check();
    if (!changes.caption && !changes.position) {
        throw core::ApiError::validation({{"", "send caption, position or both"}});
    }
    const auto item = co_await service_.change(req.my_master_id(), std::string(req.param("item_id")), changes);
    co_return core::json_response(http::status::ok, service_.to_json(item));
}

net::awaitable<core::Response> Routes::remove(core::Request& req) {
    co_await service_.remove(req.my_master_id(), std::string(req.param("item_id")));
    co_return core::empty_response(http::status::no_content);
}

}  // namespace service::portfolio
