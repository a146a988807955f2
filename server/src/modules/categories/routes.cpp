#include "modules/categories/routes.hpp"

#include <boost/json/array.hpp>

namespace service::categories {

void Routes::register_routes(core::Router& router) {
    router.add(http::verb::get, "/api/v1/categories", [this](core::Request& req) { return list(req); });
}

net::awaitable<core::Response> Routes::list(core::Request& /*req*/) {
    const auto categories = co_await service_.list();
    boost::json::array items;
    items.reserve(categories.size());
    for (const auto& c : categories) {
        items.push_back(boost::json::object{{"id", c.id},
                                            {"parent_id", c.parent_id ? boost::json::value(*c.parent_id) : nullptr},
                                            {"slug", c.slug},
                                            {"name_ru", c.name_ru},
                                            {"name_en", c.name_en}});
    }
    auto res = core::json_response(http::status::ok, boost::json::object{{"items", std::move(items)}});
    res.set(http::field::cache_control, "public, max-age=300");
    co_return res;
}

}  // namespace service::categories
