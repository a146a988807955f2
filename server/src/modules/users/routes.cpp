#include "modules/users/routes.hpp"

#include "core/validation.hpp"

namespace service::users {

ProfileChanges parse_profile_changes(const boost::json::object& body) {
    core::Validator v(body);
    ProfileChanges changes;
    if (v.has("name")) changes.name = v.string("name", 1, 100, true);
    if (v.has("city")) {
        if (v.is_null("city")) {
            changes.city = std::optional<std::string>{};
        } else if (auto city = v.string("city", 0, 100, false)) {
            changes.city = city->empty() ? std::optional<std::string>{} : std::optional<std::string>(*city);
        }
    }
    if (v.has("location")) {
        if (v.is_null("location")) {
            changes.location = std::optional<Location>{};
        } else if (const auto* loc = v.object("location", false)) {
            core::Validator lv(*loc, "location");
            const auto lat = lv.number("lat", -90, 90, true);
            const auto lon = lv.number("lon", -180, 180, true);
            if (lat && lon) changes.location = std::optional<Location>(Location{*lat, *lon});
            v.merge(lv);
        }
    }
    if (v.has("interests")) changes.interests = v.uuid_array("interests", 50, true);
    if (v.has("avatar_media_id")) {
        if (v.is_null("avatar_media_id")) {
            changes.avatar_media_id = std::optional<std::string>{};
        } else if (auto id = v.string("avatar_media_id", 1, 64, true)) {
            changes.avatar_media_id = std::optional<std::string>(*id);  // checked by the media module
        }
    }
    if (v.has("locale")) changes.locale = v.one_of("locale", {"ru", "en"}, true);
    v.check();
    if (!changes.name && !changes.city && !changes.location && !changes.interests && !changes.avatar_media_id &&
        !changes.locale) {
        throw core::ApiError::validation(
            {{"", "send at least one of name, city, location, interests, avatar_media_id, locale"}});
    }
    return changes;
}

void Routes::register_routes(core::Router& router) {
    router.add(http::verb::get, "/api/v1/users/me", [this](core::Request& req) { return get_me(req); },
               {.access = core::Access::kUser});
    router.add(http::verb::patch, "/api/v1/users/me", [this](core::Request& req) { return patch_me(req); },
               {.access = core::Access::kUser});
}

net::awaitable<core::Response> Routes::get_me(core::Request& req) {
    const auto user = co_await service_.me(req.user().user_id);
    co_return core::json_response(http::status::ok, to_json(user));
}

net::awaitable<core::Response> Routes::patch_me(core::Request& req) {
    auto changes = parse_profile_changes(core::parse_json_object(req));
    const auto user = co_await service_.update_me(req.user().user_id, std::move(changes));
    co_return core::json_response(http::status::ok, to_json(user));
}

}  // namespace service::users
