#include "modules/chats/routes.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/pagination.hpp"
#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::chats {
namespace {

/// A uuid path parameter, lower-cased; nullopt when it is not one (the caller answers 404).
std::optional<std::string> path_uuid(const core::Request& req, std::string_view name) {
    std::string id(req.param(name));
    if (!core::is_uuid(id)) return std::nullopt;
    std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return std::tolower(c); });
    return id;
}

std::string chat_id_or_404(const core::Request& req) {
    auto id = path_uuid(req, "id");
    if (!id) throw core::ApiError::not_found("No such chat.");
    return std::move(*id);
}

/// An optional whole-number query parameter in [min, max].
std::optional<std::int64_t> query_integer(const core::Request& req, std::string_view name, double min, double max,
                                          std::vector<core::FieldError>& errors) {
    std::optional<double> value;
    try {
        value = core::query_number(req, name, min, max);
    } catch (const core::ApiError& e) {
        for (const auto& f : e.errors()) errors.push_back(f);
        return std::nullopt;
    }
    if (value && *value != std::floor(*value)) {
        errors.push_back({std::string(name), "must be a whole number"});
        return std::nullopt;
    }
    if (!value) return std::nullopt;
    return static_cast<std::int64_t>(*value);
}

boost::json::object message_page_json(const MessagePage& page) {
    boost::json::array items;
    for (const auto& m : page.items) items.push_back(to_json(m));
    return boost::json::object{{"items", std::move(items)}, {"has_more", page.has_more}};
}

}  // namespace

void Routes::register_routes(core::Router& router) {
    const core::RouteOptions user{.access = core::Access::kUser};
    router.add(
        http::verb::post, "/api/v1/chats", [this](core::Request& r) { return create(r); }, user);
    router.add(
        http::verb::get, "/api/v1/chats", [this](core::Request& r) { return list(r); }, user);
    router.add(
        http::verb::get, "/api/v1/chats/{id}", [this](core::Request& r) { return get_one(r); }, user);
    router.add(
        http::verb::patch, "/api/v1/chats/{id}", [this](core::Request& r) { return rename(r); }, user);
    router.add(
        http::verb::post, "/api/v1/chats/{id}/participants", [this](core::Request& r) { return add_participant(r); },
        user);
    router.add(
        http::verb::delete_, "/api/v1/chats/{id}/participants/{user_id}",
        [this](core::Request& r) { return remove_participant(r); }, user);
    router.add(
        http::verb::get, "/api/v1/chats/{id}/messages", [this](core::Request& r) { return history(r); }, user);
    router.add(
        http::verb::post, "/api/v1/chats/{id}/messages", [this](core::Request& r) { return send(r); }, user);
    router.add(
        http::verb::patch, "/api/v1/chats/{id}/messages/{message_id}",
        [this](core::Request& r) { return edit_message(r); }, user);
    router.add(
        http::verb::delete_, "/api/v1/chats/{id}/messages/{message_id}",
        [this](core::Request& r) { return delete_message(r); }, user);
    router.add(
        http::verb::post, "/api/v1/chats/{id}/delivered",
        [this](core::Request& r) { return mark(r, Mark::kDelivered); }, user);
    router.add(
        http::verb::post, "/api/v1/chats/{id}/read", [this](core::Request& r) { return mark(r, Mark::kRead); }, user);
}

net::awaitable<core::Response> Routes::create(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    CreateChatInput in;
    // Up to 50 ids: 49 others, plus yourself if the client includes you.
    in.participant_ids = v.uuid_array("participant_ids", kMaxParticipants, true).value_or(std::vector<std::string>{});
    if (!v.is_null("title")) in.title = v.string("title", 1, kMaxTitleChars, false);
    v.check();
    const auto user = req.user().user_id;
    auto created = co_await service_.create_chat(user, std::move(in));
    co_return core::json_response(created.created ? http::status::created : http::status::ok, to_json(created.chat));
}

net::awaitable<core::Response> Routes::list(core::Request& req) {
    const int limit = core::page_limit(req);
    const auto cursor = core::page_cursor(req);
    const auto user = req.user().user_id;
    const auto page = co_await service_.list_chats(user, limit, cursor);
    boost::json::array items;
    for (const auto& c : page.items) items.push_back(to_json(c));
    boost::json::value next = nullptr;
    if (page.next) next = core::encode_cursor(*page.next);
    co_return core::json_response(http::status::ok,
                                  boost::json::object{{"items", std::move(items)}, {"next_cursor", next}});
}

net::awaitable<core::Response> Routes::get_one(core::Request& req) {
    const auto user = req.user().user_id;
    const auto chat_id = chat_id_or_404(req);
    const auto chat = co_await service_.get_chat(user, chat_id);
    co_return core::json_response(http::status::ok, to_json(chat));
}

net::awaitable<core::Response> Routes::rename(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    auto title = v.string("title", 1, kMaxTitleChars, true);
    v.check();
    const auto user = req.user().user_id;
    const auto chat_id = chat_id_or_404(req);
    const auto chat = co_await service_.rename_chat(user, chat_id, std::move(*title));
    co_return core::json_response(http::status::ok, to_json(chat));
}

net::awaitable<core::Response> Routes::add_participant(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    auto user_id = read_uuid(v, "user_id");
    v.check();
    const auto user = req.user().user_id;
    const auto chat_id = chat_id_or_404(req);
    const auto chat = co_await service_.add_participant(user, chat_id, std::move(user_id));
    co_return core::json_response(http::status::ok, to_json(chat));
}

net::awaitable<core::Response> Routes::remove_participant(core::Request& req) {
    const auto user = req.user().user_id;
    const auto chat_id = chat_id_or_404(req);
    const auto target = path_uuid(req, "user_id");
    if (!target) throw core::ApiError::not_found("No such participant.");
    co_await service_.remove_participant(user, chat_id, *target);
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::history(core::Request& req) {
    std::vector<core::FieldError> errors;
    HistoryQuery q;
    q.before_seq = query_integer(req, "before_seq", 1, 9007199254740991.0, errors);
    q.after_seq = query_integer(req, "after_seq", 0, 9007199254740991.0, errors);
    q.limit = static_cast<int>(query_integer(req, "limit", 1, 100, errors).value_or(50));
    if (q.before_seq && q.after_seq) errors.push_back({"after_seq", "give before_seq or after_seq, not both"});
    if (!errors.empty()) throw core::ApiError::validation(std::move(errors));
    const auto user = req.user().user_id;
    const auto chat_id = chat_id_or_404(req);
    const auto page = co_await service_.history(user, chat_id, q);
    co_return core::json_response(http::status::ok, message_page_json(page));
}

net::awaitable<core::Response> Routes::send(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    auto input = read_send_input(v);
    v.check();
    const auto user = req.user().user_id;
    const auto chat_id = chat_id_or_404(req);
    const auto sent = co_await service_.send(user, chat_id, std::move(input));
    auto res = core::json_response(sent.replayed ? http::status::ok : http::status::created, to_json(sent.message));
    if (sent.replayed) res.set("Idempotent-Replayed", "true");
    co_return res;
}

net::awaitable<core::Response> Routes::edit_message(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    auto content = read_text_content(v);
    v.check();
    const auto user = req.user().user_id;
    const auto chat_id = chat_id_or_404(req);
    const auto message_id = path_uuid(req, "message_id");
    if (!message_id) throw core::ApiError::not_found("No such message.");
    const auto message = co_await service_.edit_message(user, chat_id, *message_id, std::move(content));
    co_return core::json_response(http::status::ok, to_json(message));
}

net::awaitable<core::Response> Routes::delete_message(core::Request& req) {
    const auto user = req.user().user_id;
    const auto chat_id = chat_id_or_404(req);
    const auto message_id = path_uuid(req, "message_id");
    if (!message_id) throw core::ApiError::not_found("No such message.");
    co_await service_.delete_message(user, chat_id, *message_id);
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::mark(core::Request& req, Mark mark) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    const auto up_to = read_up_to_seq(v);
    v.check();
    const auto user = req.user().user_id;
    const auto chat_id = chat_id_or_404(req);
    const auto marks = co_await service_.mark(user, chat_id, mark, up_to);
    co_return core::json_response(http::status::ok, to_json(marks));
}

}  // namespace service::chats
