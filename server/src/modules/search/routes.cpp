#include "modules/search/routes.hpp"

#include <cmath>

#include "core/problem.hpp"
#include "core/validation.hpp"
#include "modules/schedule/schedule.hpp"
#include "modules/search/text.hpp"

namespace service::search {
namespace {

std::optional<std::int64_t> query_minor(const core::Request& req, std::string_view name,
                                        std::vector<core::FieldError>& errors) {
    const auto v = core::query_number(req, name, 0, 1e12);
    if (!v) return std::nullopt;
    if (*v != std::floor(*v)) {
        errors.push_back({std::string(name), "must be a whole number of minor units"});
        return std::nullopt;
    }
    return static_cast<std::int64_t>(*v);
}

std::string query_text(const core::Request& req, std::vector<core::FieldError>& errors) {
    auto q = req.query_param("q").value_or("");
    if (text::decode(q).size() > kMaxQueryLetters)
        errors.push_back({"q", "must be at most " + std::to_string(kMaxQueryLetters) + " characters"});
    return q;
}

}  // namespace

Request parse_search_request(const core::Request& req) {
    std::vector<core::FieldError> errors;
    Request r;
    r.q = query_text(req, errors);

    const auto type = req.query_param("type").value_or("masters");
    if (type == "services")
        r.type = Type::kServices;
    else if (type == "posts")
        r.type = Type::kPosts;
    else if (type != "masters")
        errors.push_back({"type", "must be masters, services or posts"});

    r.lat = core::query_number(req, "lat", -90, 90);
    r.lon = core::query_number(req, "lon", -180, 180);
    if (r.lat.has_value() != r.lon.has_value()) errors.push_back({r.lat ? "lon" : "lat", "is required with the other"});
    const auto radius_km = core::query_number(req, "radius_km", 0.1, 100);
    if (r.lat && r.lon) r.radius_m = radius_km.value_or(10) * 1000;

    if (auto c = req.query_param("category_id")) {
        if (core::is_uuid(*c))
            r.category_id = *c;
        else
            errors.push_back({"category_id", "must be a category id"});
    }

    const bool posts = r.type == Type::kPosts;
    const auto sort = req.query_param("sort").value_or("relevance");
    if (sort == "distance")
        r.sort = Sort::kDistance;
    else if (sort == "rating")
        r.sort = Sort::kRating;
    else if (sort == "price")
        r.sort = Sort::kPrice;
    else if (sort == "recent")
        r.sort = Sort::kRecent;
    else if (sort != "relevance")
        errors.push_back({"sort", "must be relevance, distance, rating or price (posts: relevance or recent)"});
    if (posts && r.sort != Sort::kRelevance && r.sort != Sort::kRecent)
        errors.push_back({"sort", "posts sort by relevance or recent"});
    if (!posts && r.sort == Sort::kRecent) errors.push_back({"sort", "only posts sort by recent"});
    if (r.sort == Sort::kDistance && !r.lat) errors.push_back({"sort", "distance needs lat and lon"});

    if (posts) {
        for (const auto* field : {"price_min", "price_max", "min_rating", "available"}) {
            if (req.query_param(field)) errors.push_back({field, "does not apply to posts"});
        }
    } else {
        r.price_min = query_minor(req, "price_min", errors);
        r.price_max = query_minor(req, "price_max", errors);
        if (r.price_min && r.price_max && *r.price_min > *r.price_max)
            errors.push_back({"price_max", "must not be below price_min"});
        r.min_rating = core::query_number(req, "min_rating", 0, 5);
        if (const auto day = req.query_param("available")) {
            if (*day == "today")
                r.available_in_days = 0;
            else if (*day == "tomorrow")
                r.available_in_days = 1;
            else if (schedule::is_date(*day))
                r.available_on = std::string(*day);
            else
                errors.push_back({"available", "must be today, tomorrow or a date YYYY-MM-DD"});
        }
    }
    if (!errors.empty()) throw core::ApiError::validation(std::move(errors));
    r.page = core::page_request(req);
    if (req.principal) r.viewer = req.principal->user_id;
    return r;
}

void Routes::register_routes(core::Router& router) {
    router.add(http::verb::get, "/api/v1/search", [this](core::Request& r) { return search(r); });
    router.add(http::verb::get, "/api/v1/search/suggest", [this](core::Request& r) { return suggest(r); });
}

net::awaitable<core::Response> Routes::search(core::Request& req) {
    auto request = parse_search_request(req);
    co_return core::json_response(http::status::ok, co_await service_.search(std::move(request)));
}

net::awaitable<core::Response> Routes::suggest(core::Request& req) {
    std::vector<core::FieldError> errors;
    auto q = query_text(req, errors);
    if (!errors.empty()) throw core::ApiError::validation(std::move(errors));
    co_return core::json_response(http::status::ok, co_await service_.suggest(std::move(q)));
}

}  // namespace service::search
