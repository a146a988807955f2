#include "modules/notifications/routes.hpp"

#include "core/log.hpp"
#include "core/pagination.hpp"
#include "core/problem.hpp"
#include "core/validation.hpp"
#include "modules/notifications/module.hpp"
#include "modules/notifications/types.hpp"

namespace service::notifications {
namespace {

std::optional<bool> grouped_param(const core::Request& req) {
    const auto value = req.query_param("grouped");
    if (!value) return std::nullopt;
    if (*value == "true") return true;
    if (*value == "false") return false;
    throw core::ApiError::validation({{"grouped", "must be true or false"}});
}

std::optional<std::vector<std::string>> types_param(const core::Request& req) {
    const auto value = req.query_param("types");
    if (!value || value->empty()) return std::nullopt;
    std::vector<std::string> out;
    std::string_view rest(*value);
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const auto name = rest.substr(0, comma);
        if (find_type(name) == nullptr) {
            throw core::ApiError::validation({{"types", "unknown type: " + std::string(name)}});
        }
        out.emplace_back(name);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return out;
}

}  // namespace

void Routes::register_routes(core::Router& router) {
    const core::RouteOptions user{.access = core::Access::kUser};
    router.add(
        http::verb::get, "/api/v1/notifications", [this](core::Request& r) { return list(r); }, user);
    router.add(
        http::verb::get, "/api/v1/notifications/unread_count", [this](core::Request& r) { return unread_count(r); },
        user);
    router.add(
        http::verb::post, "/api/v1/notifications/read", [this](core::Request& r) { return read(r); }, user);
    router.add(
        http::verb::get, "/api/v1/notifications/preferences", [this](core::Request& r) { return get_preferences(r); },
        user);
    router.add(
        http::verb::put, "/api/v1/notifications/preferences", [this](core::Request& r) { return put_preferences(r); },
        user);
    router.add(
        http::verb::post, "/api/v1/devices", [this](core::Request& r) { return add_device(r); }, user);
    router.add(
        http::verb::delete_, "/api/v1/devices/{token}", [this](core::Request& r) { return remove_device(r); }, user);
    router.add(
        http::verb::get, "/api/v1/users/me/devices", [this](core::Request& r) { return devices(r); }, user);
}

net::awaitable<core::Response> Routes::list(core::Request& req) {
    ListRequest request;
    request.user = req.user().user_id;
    request.grouped = grouped_param(req);
    request.types = types_param(req);
    request.page = core::page_request(req);
    const auto found = co_await service_.list(std::move(request));
    boost::json::array items;
    items.reserve(found.items.size());
    for (const auto& item : found.items) items.push_back(item);
    co_return core::json_response(
        http::status::ok,
        boost::json::object{{"items", std::move(items)}, {"next_cursor", core::cursor_json(found.next)}});
}

net::awaitable<core::Response> Routes::unread_count(core::Request& req) {
    const auto grouped = grouped_param(req);
    const int count = co_await service_.unread_count(req.user().user_id, grouped);
    co_return core::json_response(http::status::ok, boost::json::object{{"count", count}});
}

net::awaitable<core::Response> Routes::read(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    std::optional<std::vector<std::string>> ids;
    const bool all = v.has("all") && v.boolean("all", true).value_or(false);
    if (v.has("ids")) ids = v.uuid_array("ids", 100, true);
    if (v.ok() && all == v.has("ids")) v.add_error("", "send either {ids: [...]} or {all: true}");
    v.check();
    if (all) ids.reset();  // named, not a conditional temporary: GCC 12 and co_await arguments
    co_await service_.mark_read(req.user().user_id, std::move(ids));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::get_preferences(core::Request& req) {
    const auto prefs = co_await service_.preferences(req.user().user_id);
    co_return core::json_response(http::status::ok, prefs);
}

net::awaitable<core::Response> Routes::put_preferences(core::Request& req) {
    auto body = core::parse_json_object(req);
    const auto prefs = co_await service_.put_preferences(req.user().user_id, std::move(body));
    co_return core::json_response(http::status::ok, prefs);
}

net::awaitable<core::Response> Routes::add_device(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    auto token = v.string("token", 1, 4096, true);
    auto platform = v.one_of("platform", {"android", "ios", "web"}, true);
    if (token && token->find_first_not_of(" \t\r\n") == std::string::npos) v.add_error("token", "must not be blank");
    v.check();
    const auto registered = co_await service_.register_device(req.user().user_id, *token, *platform);
    co_return core::json_response(registered.created ? http::status::created : http::status::ok, registered.device);
}

net::awaitable<core::Response> Routes::remove_device(core::Request& req) {
    co_await service_.remove_device(req.user().user_id, std::string(req.param("token")));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::devices(core::Request& req) {
    auto items = co_await service_.devices(req.user().user_id);
    co_return core::json_response(http::status::ok, boost::json::object{{"items", std::move(items)}});
}

namespace {

net::awaitable<void> create_from_job(Service* service, infra::jobs::Job job) {
    co_await service->create(notice_from_payload(job.payload));
}

net::awaitable<void> purge_old(Service* service, infra::jobs::Job /*job*/) {
    const auto deleted = co_await service->purge(std::chrono::hours(24 * 180));
    core::log::info("purged old notifications", {{"deleted", deleted}});
}

}  // namespace

// Handlers are plain lambdas returning a named coroutine (GCC 12 and capturing coroutine lambdas).
void Module::register_jobs(infra::jobs::Runner& runner) {
    auto* s = &service;
    runner.handle(std::string(kCreateJob), 8, [s](infra::jobs::Job job) { return create_from_job(s, std::move(job)); });
    runner.handle(std::string(kPushJob), 8, [s](infra::jobs::Job job) { return s->send_push(std::move(job)); });
    runner.every("notifications.purge", std::chrono::hours(24),
                 [s](infra::jobs::Job job) { return purge_old(s, std::move(job)); });
}

}  // namespace service::notifications
