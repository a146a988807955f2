#include "modules/masters/routes.hpp"

#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::masters {

ProfileInput parse_profile_input(const boost::json::object& body) {
    core::Validator v(body);
    ProfileInput in;
    if (auto s = v.string("display_name", 1, 100, true)) in.display_name = *s;
    if (auto s = v.string("bio", 0, 2000, false)) in.bio = *s;
    if (auto ids = v.uuid_array("category_ids", 10, true)) {
        if (ids->empty()) v.add_error("category_ids", "must name at least one category");
        in.category_ids = *ids;
    }
    if (auto s = v.string("address", 0, 300, false)) in.address = *s;
    if (auto s = v.string("city", 0, 100, false)) in.city = *s;
    if (const auto* loc = v.object("location", true)) {
        core::Validator lv(*loc, "location");
        if (auto lat = lv.number("lat", -90, 90, true)) in.lat = *lat;
        if (auto lon = lv.number("lon", -180, 180, true)) in.lon = *lon;
        v.merge(lv);
    }
    if (auto s = v.string("timezone", 1, 64, true)) in.timezone = *s;
    if (v.has("booking_rules") && !v.is_null("booking_rules")) {
        if (const auto* rules = v.object("booking_rules", false)) {
            core::Validator rv(*rules, "booking_rules");
            auto integer = [&](std::string_view field, int min, int max, int& out) {
                if (auto n = rv.number(field, min, max, false)) {
                    if (*n != std::floor(*n))
                        rv.add_error(field, "must be a whole number");
                    else
                        out = static_cast<int>(*n);
                }
            };
            integer("min_notice_min", 0, 10080, in.rules.min_notice_min);
            integer("horizon_days", 1, 365, in.rules.horizon_days);
            integer("slot_step_min", 5, 240, in.rules.slot_step_min);
            integer("buffer_min", 0, 240, in.rules.buffer_min);
            if (auto b = rv.boolean("auto_confirm", false)) in.rules.auto_confirm = *b;
            if (rv.has("max_per_day") && !rv.is_null("max_per_day")) {
                int cap = 0;
                integer("max_per_day", 1, 100, cap);
                if (cap > 0) in.rules.max_per_day = cap;
            }
            v.merge(rv);
        }
    }
    v.check();
    return in;
}

void Routes::register_routes(core::Router& router) {
    const core::RouteOptions master_only{.access = core::Access::kMaster};
    router.add(
        http::verb::put, "/api/v1/masters/me", [this](core::Request& r) { return put_me(r); }, master_only);
    router.add(
        http::verb::get, "/api/v1/masters/me", [this](core::Request& r) { return get_me(r); }, master_only);
    router.add(http::verb::get, "/api/v1/masters/{id}", [this](core::Request& r) { return get_one(r); });
    router.add(http::verb::get, "/api/v1/masters", [this](core::Request& r) { return search(r); });
}

net::awaitable<core::Response> Routes::put_me(core::Request& req) {
    auto input = parse_profile_input(core::parse_json_object(req));
    const auto saved = co_await service_.put_me(req.user().user_id, std::move(input));
    co_return core::json_response(saved.created ? http::status::created : http::status::ok, to_json(saved.view));
}

net::awaitable<core::Response> Routes::get_me(core::Request& req) {
    co_return core::json_response(http::status::ok, to_json(co_await service_.me(req.user().user_id)));
}

net::awaitable<core::Response> Routes::get_one(core::Request& req) {
    const auto lat = core::query_number(req, "lat", -90, 90);
    const auto lon = core::query_number(req, "lon", -180, 180);
    std::optional<std::string> viewer;
    if (req.principal) viewer = req.principal->user_id;
    const auto view = co_await service_.get(std::string(req.param("id")), lat, lon, std::move(viewer));
    co_return core::json_response(http::status::ok, to_json(view));
}

net::awaitable<core::Response> Routes::search(core::Request& req) {
    SearchQuery q;
    const auto lat = core::query_number(req, "lat", -90, 90);
    const auto lon = core::query_number(req, "lon", -180, 180);
    std::vector<core::FieldError> errors;
    if (!lat) errors.push_back({"lat", "is required"});
    if (!lon) errors.push_back({"lon", "is required"});
    if (!errors.empty()) throw core::ApiError::validation(std::move(errors));
    q.lat = *lat;
    q.lon = *lon;
    q.radius_m = core::query_number(req, "radius_km", 0.1, 100).value_or(10) * 1000;
    if (auto c = req.query_param("category_id")) {
        if (!core::is_uuid(*c)) throw core::ApiError::validation({{"category_id", "must be a category id"}});
        q.category_id = *c;
    }
    q.min_rating = core::query_number(req, "min_rating", 1, 5);
    const auto sort = req.query_param("sort").value_or("distance");
    if (sort == "rating")
        q.order = SearchOrder::kRating;
    else if (sort == "price")
        q.order = SearchOrder::kPrice;
    else if (sort != "distance")
        throw core::ApiError::validation({{"sort", "must be distance, rating or price"}});
    q.page = core::page_request(req);
    if (req.principal) q.viewer_id = req.principal->user_id;
    co_return core::json_response(http::status::ok, cards_json(co_await service_.search(std::move(q))));
}

boost::json::object to_json(const ProfileView& view) {
    auto json = to_json(view.profile);
    boost::json::array list;
    for (const auto& s : view.services) list.push_back(services::to_json(s));
    json["services"] = std::move(list);
    return json;
}

}  // namespace service::masters
