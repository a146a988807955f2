#include "modules/social/routes.hpp"

#include <algorithm>
#include <cctype>

#include <boost/json/array.hpp>

#include "core/pagination.hpp"
#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::social {
namespace {

std::optional<std::string> viewer_of(const core::Request& req) {
    if (!req.principal) return std::nullopt;
    return req.principal->user_id;
}

/// A user id from the path, lower-cased; "me" is the caller (401 when anonymous). Anything
/// else that is not a uuid is returned as is, and the service answers 404.
std::string path_user(const core::Request& req, std::string_view name) {
    std::string id(req.param(name));
    if (id == "me") return req.user().user_id;
    if (core::is_uuid(id)) {
        std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return std::tolower(c); });
    }
    return id;
}

std::string path_id(const core::Request& req, std::string_view name) {
    std::string id(req.param(name));
    std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return std::tolower(c); });
    return id;
}

boost::json::value nullable(const std::optional<std::string>& text) {
    return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

boost::json::object to_json(const Profile& p) {
    const auto& r = p.row;
    std::string friend_state = "none";
    if (r.friends_with_viewer) {
        friend_state = "friends";
    } else if (r.pending) {
        friend_state = *r.pending;
    }
    boost::json::object o;
    o["id"] = r.id;
    o["name"] = r.name;
    o["avatar_url"] = nullable(p.avatar_url);
    o["avatar"] = p.avatar;
    o["role"] = r.role;
    o["city"] = nullable(r.city);
    o["master_id"] = nullable(r.master_id);
    o["counts"] = boost::json::object{
        {"followers", r.followers}, {"following", r.following}, {"friends", r.friends}, {"posts", r.posts}};
    o["relationship"] = boost::json::object{{"following", r.viewer_follows},
                                            {"followed_by", r.follows_viewer},
                                            {"friend", friend_state},
                                            {"muted", r.muted}};
    return o;
}

boost::json::object to_json(const RequestView& v) {
    return boost::json::object{{"id", v.request.id},
                               {"from", social::to_json(v.from)},
                               {"to", social::to_json(v.to)},
                               {"status", v.request.status},
                               {"created_at", v.request.created_at}};
}

template <typename Items>
core::Response page_response(const Items& items, const std::optional<core::PageCursor>& next) {
    boost::json::array out;
    out.reserve(items.size());
    for (const auto& item : items) out.push_back(to_json(item));
    return core::json_response(
        http::status::ok, boost::json::object{{"items", std::move(out)}, {"next_cursor", core::cursor_json(next)}});
}

}  // namespace

void Routes::register_routes(core::Router& router) {
    const core::RouteOptions user{.access = core::Access::kUser};
    // Profiles and lists are public; a signed-in caller also sees how they relate to the user.
    router.add(http::verb::get, "/api/v1/users/{id}", [this](core::Request& r) { return profile(r); });
    router.add(http::verb::get, "/api/v1/users/{id}/followers",
               [this](core::Request& r) { return list(r, Relation::kFollowers); });
    router.add(http::verb::get, "/api/v1/users/{id}/following",
               [this](core::Request& r) { return list(r, Relation::kFollowing); });
    router.add(http::verb::get, "/api/v1/users/{id}/friends",
               [this](core::Request& r) { return list(r, Relation::kFriends); });
    router.add(
        http::verb::put, "/api/v1/users/{id}/follow", [this](core::Request& r) { return follow(r); }, user);
    router.add(
        http::verb::delete_, "/api/v1/users/{id}/follow", [this](core::Request& r) { return unfollow(r); }, user);
    router.add(
        http::verb::post, "/api/v1/friends/requests", [this](core::Request& r) { return send_request(r); }, user);
    router.add(
        http::verb::get, "/api/v1/friends/requests", [this](core::Request& r) { return requests(r); }, user);
    router.add(
        http::verb::post, "/api/v1/friends/requests/{id}/accept", [this](core::Request& r) { return accept(r); }, user);
    router.add(
        http::verb::post, "/api/v1/friends/requests/{id}/decline", [this](core::Request& r) { return decline(r); },
        user);
    router.add(
        http::verb::delete_, "/api/v1/friends/requests/{id}", [this](core::Request& r) { return cancel(r); }, user);
    router.add(
        http::verb::delete_, "/api/v1/friends/{user_id}", [this](core::Request& r) { return unfriend(r); }, user);
    router.add(
        http::verb::put, "/api/v1/users/{id}/mute", [this](core::Request& r) { return mute(r); }, user);
    router.add(
        http::verb::delete_, "/api/v1/users/{id}/mute", [this](core::Request& r) { return unmute(r); }, user);
    router.add(
        http::verb::put, "/api/v1/users/{id}/block", [this](core::Request& r) { return block(r); }, user);
    router.add(
        http::verb::delete_, "/api/v1/users/{id}/block", [this](core::Request& r) { return unblock(r); }, user);
    router.add(
        http::verb::get, "/api/v1/users/me/blocks", [this](core::Request& r) { return blocks(r); }, user);
}

net::awaitable<core::Response> Routes::profile(core::Request& req) {
    const auto found = co_await service_.profile(viewer_of(req), path_user(req, "id"));
    co_return core::json_response(http::status::ok, to_json(found));
}

net::awaitable<core::Response> Routes::follow(core::Request& req) {
    co_await service_.follow(req.user().user_id, path_user(req, "id"));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::unfollow(core::Request& req) {
    co_await service_.unfollow(req.user().user_id, path_user(req, "id"));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::list(core::Request& req, Relation relation) {
    const auto page = core::page_request(req);
    const auto found = co_await service_.list(relation, viewer_of(req), path_user(req, "id"), page);
    co_return page_response(found.items, found.next);
}

net::awaitable<core::Response> Routes::send_request(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    auto to = v.string("user_id", 1, 64, true);
    v.check();
    std::string id = std::move(*to);
    if (core::is_uuid(id)) {
        std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return std::tolower(c); });
    }
    const auto sent = co_await service_.send_request(req.user().user_id, std::move(id));
    co_return core::json_response(sent.created ? http::status::created : http::status::ok, to_json(sent.view));
}

net::awaitable<core::Response> Routes::requests(core::Request& req) {
    const auto direction = req.query_param("direction").value_or("incoming");
    if (direction != "incoming" && direction != "outgoing") {
        throw core::ApiError::validation({{"direction", "must be incoming or outgoing"}});
    }
    const auto page = core::page_request(req);
    const Direction which = direction == "incoming" ? Direction::kIncoming : Direction::kOutgoing;
    const auto found = co_await service_.requests(req.user().user_id, which, page);
    co_return page_response(found.items, found.next);
}

net::awaitable<core::Response> Routes::accept(core::Request& req) {
    const auto view = co_await service_.accept(req.user().user_id, path_id(req, "id"));
    co_return core::json_response(http::status::ok, to_json(view));
}

net::awaitable<core::Response> Routes::decline(core::Request& req) {
    const auto view = co_await service_.decline(req.user().user_id, path_id(req, "id"));
    co_return core::json_response(http::status::ok, to_json(view));
}

net::awaitable<core::Response> Routes::cancel(core::Request& req) {
    co_await service_.cancel(req.user().user_id, path_id(req, "id"));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::unfriend(core::Request& req) {
    co_await service_.unfriend(req.user().user_id, path_user(req, "user_id"));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::mute(core::Request& req) {
    co_await service_.mute(req.user().user_id, path_user(req, "id"));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::unmute(core::Request& req) {
    co_await service_.unmute(req.user().user_id, path_user(req, "id"));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::block(core::Request& req) {
    co_await service_.block(req.user().user_id, path_user(req, "id"));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::unblock(core::Request& req) {
    co_await service_.unblock(req.user().user_id, path_user(req, "id"));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::blocks(core::Request& req) {
    const auto list = co_await service_.blocks(req.user().user_id);
    boost::json::array items;
    for (const auto& b : list) {
        items.push_back(boost::json::object{
            {"user_id", b.user_id}, {"display_name", b.display_name}, {"created_at", b.created_at}});
    }
    co_return core::json_response(http::status::ok, boost::json::object{{"items", std::move(items)}});
}

}  // namespace service::social
