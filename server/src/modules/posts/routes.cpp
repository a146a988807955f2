#include "modules/posts/routes.hpp"

#include <boost/json/array.hpp>

#include "core/pagination.hpp"
#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::posts {
namespace {

std::optional<std::string> viewer_of(const core::Request& req) {
    if (!req.principal) return std::nullopt;
    return req.principal->user_id;
}

core::Response page_response(db::Page<boost::json::object> page) {
    boost::json::array items;
    for (auto& item : page.items) items.push_back(std::move(item));
    return core::json_response(http::status::ok, boost::json::object{{"items", std::move(items)},
                                                                     {"next_cursor", core::cursor_json(page.next)}});
}

/// category_id / service_id: absent, null (PATCH: clear) or a UUID; anything else is a 422.
std::optional<std::optional<std::string>> optional_id(core::Validator& v, std::string_view field,
                                                      std::string_view message) {
    if (!v.has(field)) return std::nullopt;
    if (v.is_null(field)) return std::optional<std::string>{};
    auto id = v.string(field, 1, 64, true);
    if (id && !core::is_uuid(*id)) {
        v.add_error(field, std::string(message));
        return std::nullopt;
    }
    if (!id) return std::nullopt;
    return std::optional<std::string>{std::move(*id)};
}

}  // namespace

void Routes::register_routes(core::Router& router) {
    const core::RouteOptions user{.access = core::Access::kUser};
    const core::RouteOptions master{.access = core::Access::kMaster};
    router.add(
        http::verb::post, "/api/v1/posts", [this](core::Request& r) { return create(r); }, master);
    router.add(http::verb::get, "/api/v1/posts/{id}", [this](core::Request& r) { return get_one(r); });
    router.add(
        http::verb::patch, "/api/v1/posts/{id}", [this](core::Request& r) { return change(r); }, user);
    router.add(
        http::verb::delete_, "/api/v1/posts/{id}", [this](core::Request& r) { return remove(r); }, user);
    router.add(http::verb::get, "/api/v1/users/{id}/posts", [this](core::Request& r) { return list_by_user(r); });
    router.add(
        http::verb::put, "/api/v1/posts/{id}/like", [this](core::Request& r) { return like(r); }, user);
    router.add(
        http::verb::delete_, "/api/v1/posts/{id}/like", [this](core::Request& r) { return unlike(r); }, user);
    router.add(http::verb::get, "/api/v1/posts/{id}/likes", [this](core::Request& r) { return likes(r); });
    router.add(
        http::verb::post, "/api/v1/posts/{id}/comments", [this](core::Request& r) { return add_comment(r); }, user);
    router.add(http::verb::get, "/api/v1/posts/{id}/comments", [this](core::Request& r) { return comments(r); });
    router.add(http::verb::get, "/api/v1/comments/{id}/replies", [this](core::Request& r) { return replies(r); });
    router.add(
        http::verb::patch, "/api/v1/comments/{id}", [this](core::Request& r) { return edit_comment(r); }, user);
    router.add(
        http::verb::delete_, "/api/v1/comments/{id}", [this](core::Request& r) { return delete_comment(r); }, user);
    router.add(
        http::verb::post, "/api/v1/posts/{id}/repost", [this](core::Request& r) { return repost(r); }, user);
    router.add(
        http::verb::delete_, "/api/v1/posts/{id}/repost", [this](core::Request& r) { return unrepost(r); }, user);
}

net::awaitable<core::Response> Routes::create(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    NewPost input;
    if (auto text = v.string("text", 0, kMaxText, false, false)) input.text = *text;
    if (auto ids = v.uuid_array("media_ids", kMaxMedia, true)) {
        if (ids->empty()) v.add_error("media_ids", "a post has 1 to 10 photos");
        input.media_ids = std::move(*ids);
    }
    if (auto id = optional_id(v, "category_id", "is not a category")) input.category_id = *id;
    if (auto id = optional_id(v, "service_id", "must be one of your active services")) input.service_id = *id;
    v.check();
    auto post = co_await service_.create(req.user().user_id, req.user().role, std::move(input));
    co_return core::json_response(http::status::created, post);
}

net::awaitable<core::Response> Routes::get_one(core::Request& req) {
    auto post = co_await service_.get(viewer_of(req), std::string(req.param("id")));
    co_return core::json_response(http::status::ok, post);
}

net::awaitable<core::Response> Routes::change(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    PostChanges changes;
    if (v.has("text")) changes.text = v.string("text", 0, kMaxText, true, false);
    changes.category_id = optional_id(v, "category_id", "is not a category");
    changes.service_id = optional_id(v, "service_id", "must be one of your active services");
    v.check();
    if (!changes.text && !changes.category_id && !changes.service_id) {
        throw core::ApiError::validation({{"", "send text, category_id or service_id"}});
    }
    auto post = co_await service_.change(req.user().user_id, std::string(req.param("id")), std::move(changes));
    co_return core::json_response(http::status::ok, post);
}

net::awaitable<core::Response> Routes::remove(core::Request& req) {
    co_await service_.remove(req.user().user_id, std::string(req.param("id")));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::list_by_user(core::Request& req) {
    const auto page = core::page_request(req);
    auto found = co_await service_.list_by_user(viewer_of(req), std::string(req.param("id")), page);
    co_return page_response(std::move(found));
}

net::awaitable<core::Response> Routes::like(core::Request& req) {
    co_await service_.like(req.user().user_id, std::string(req.param("id")));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::unlike(core::Request& req) {
    co_await service_.unlike(req.user().user_id, std::string(req.param("id")));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::likes(core::Request& req) {
    const auto page = core::page_request(req);
    auto found = co_await service_.likes(viewer_of(req), std::string(req.param("id")), page);
    co_return page_response(std::move(found));
}

net::awaitable<core::Response> Routes::add_comment(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    std::string text;
    if (auto t = v.string("text", 1, kMaxCommentText, true)) text = *t;
    std::optional<std::string> parent_id;
    if (v.has("parent_id") && !v.is_null("parent_id")) parent_id = v.string("parent_id", 1, 64, true);
    v.check();
    auto comment = co_await service_.comment(req.user().user_id, std::string(req.param("id")), std::move(text),
                                             std::move(parent_id));
    co_return core::json_response(http::status::created, comment);
}

net::awaitable<core::Response> Routes::comments(core::Request& req) {
    const auto page = core::page_request(req);
    auto found = co_await service_.comments(viewer_of(req), std::string(req.param("id")), page);
    co_return page_response(std::move(found));
}

net::awaitable<core::Response> Routes::replies(core::Request& req) {
    const auto page = core::page_request(req);
    auto found = co_await service_.replies(viewer_of(req), std::string(req.param("id")), page);
    co_return page_response(std::move(found));
}

net::awaitable<core::Response> Routes::edit_comment(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    std::string text;
    if (auto t = v.string("text", 1, kMaxCommentText, true)) text = *t;
    v.check();
    auto comment = co_await service_.edit_comment(req.user().user_id, std::string(req.param("id")), std::move(text));
    co_return core::json_response(http::status::ok, comment);
}

net::awaitable<core::Response> Routes::delete_comment(core::Request& req) {
    co_await service_.delete_comment(req.user().user_id, std::string(req.param("id")));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::repost(core::Request& req) {
    std::optional<std::string> comment;
    if (!req.message.body().empty()) {
        const auto body = core::parse_json_object(req);
        core::Validator v(body);
        if (v.has("comment") && !v.is_null("comment")) comment = v.string("comment", 0, kMaxRepostComment, true);
        v.check();
        if (comment && comment->empty()) comment.reset();
    }
    auto item = co_await service_.repost(req.user().user_id, std::string(req.param("id")), std::move(comment));
    co_return core::json_response(http::status::created, item);
}

net::awaitable<core::Response> Routes::unrepost(core::Request& req) {
    co_await service_.unrepost(req.user().user_id, std::string(req.param("id")));
    co_return core::empty_response(http::status::no_content);
}

}  // namespace service::posts
