#include "modules/feed/routes.hpp"

#include <boost/json/array.hpp>

#include "core/problem.hpp"

namespace service::feed {

void Routes::register_routes(core::Router& router) {
    const core::RouteOptions user{.access = core::Access::kUser};
    router.add(
        http::verb::get, "/api/v1/feed", [this](core::Request& r) { return feed(r); }, user);
}

// GET /api/v1/feed?tab=for_you|following|nearby&limit&cursor&lat&lon
net::awaitable<core::Response> Routes::feed(core::Request& req) {
    FeedRequest request;
    const auto tab_text = req.query_param("tab");
    if (tab_text && !tab_text->empty()) {
        const auto tab = parse_tab(*tab_text);
        if (!tab) throw core::ApiError::validation({{"tab", "must be for_you, following or nearby"}});
        request.tab = *tab;
    }
    request.limit = core::page_limit(req);
    if (request.tab == Tab::kFollowing) {
        request.after = core::page_cursor(req);
        if (request.after && !core::parse_utc(request.after->key)) {
            throw core::ApiError::validation({{"cursor", "is not a valid cursor"}});
        }
    } else if (auto cursor = req.query_param("cursor"); cursor && !cursor->empty()) {
        request.cursor = std::move(*cursor);
    }
    const auto lat = core::query_number(req, "lat", -90, 90);
    const auto lon = core::query_number(req, "lon", -180, 180);
    if (lat.has_value() != lon.has_value()) {
        throw core::ApiError::validation({{lat ? "lon" : "lat", "send lat and lon together"}});
    }
    if (lat) request.point = Point{*lon, *lat};

    auto page = co_await service_.page(req.user().user_id, std::move(request));
    boost::json::array items;
    items.reserve(page.items.size());
    for (auto& item : page.items) items.emplace_back(std::move(item));
    boost::json::object body;
    body["items"] = std::move(items);
    body["next_cursor"] = page.next_cursor ? boost::json::value(*page.next_cursor) : boost::json::value(nullptr);
    co_return core::json_response(http::status::ok, body);
}

}  // namespace service::feed
