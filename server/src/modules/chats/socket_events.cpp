#include "modules/chats/socket_events.hpp"

#include <boost/json/array.hpp>

#include "core/error_mapping.hpp"
#include "core/log.hpp"
#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::chats {
namespace {

boost::json::object problem_ack(const core::ApiError& e) {
    boost::json::object error{{"code", e.code()}, {"message", e.detail().empty() ? e.title() : e.detail()}};
    if (!e.errors().empty()) {
        boost::json::array fields;
        for (const auto& f : e.errors())
            fields.push_back(boost::json::object{{"field", f.field}, {"message", f.message}});
        error["errors"] = std::move(fields);
    }
    return boost::json::object{{"status", "error"}, {"error", std::move(error)}};
}

/// The event's payload as an object (400 otherwise, like a REST body that is not an object).
const boost::json::object& payload_object(const boost::json::value& payload) {
    if (!payload.is_object()) throw core::ApiError::bad_request("The event payload must be a JSON object.");
    return payload.as_object();
}

}  // namespace

boost::json::object error_ack(const std::exception_ptr& error) {
    if (auto problem = core::to_problem(error, {{"via", "socket event"}})) return problem_ack(*problem);
    return boost::json::object{
        {"status", "error"},
        {"error", boost::json::object{{"code", "internal_error"}, {"message", "Internal server error"}}}};
}

void SocketEvents::register_events(realtime::EventRegistry& registry) {
    // The handlers are plain lambdas that start member coroutines with copied arguments: the
    // registry keeps the lambdas, the coroutine frames own what they use.
    registry.on("message:send",
                [this](const realtime::SocketUser& user, boost::json::value payload, realtime::Ack ack) {
                    return send(user.user_id, std::move(payload), std::move(ack));
                });
    registry.on("message:delivered",
                [this](const realtime::SocketUser& user, boost::json::value payload, realtime::Ack ack) {
                    return mark(user.user_id, std::move(payload), std::move(ack), Mark::kDelivered);
                });
    registry.on("message:read",
                [this](const realtime::SocketUser& user, boost::json::value payload, realtime::Ack ack) {
                    return mark(user.user_id, std::move(payload), std::move(ack), Mark::kRead);
                });
    registry.on("typing", [this](const realtime::SocketUser& user, boost::json::value payload, realtime::Ack ack) {
        return typing(user.user_id, std::move(payload), std::move(ack));
    });
    registry.on_presence([this](std::string user_id, bool online) { return presence(std::move(user_id), online); });
}

net::awaitable<void> SocketEvents::send(std::string user, boost::json::value payload, realtime::Ack ack) {
    std::exception_ptr failed;
    try {
        core::Validator v(payload_object(payload));
        const auto chat_id = read_uuid(v, "chat_id");
        auto input = read_send_input(v);
        v.check();
        const auto sent = co_await service_.send(user, chat_id, std::move(input));
        // Acknowledged only now that the message is committed (a replay: the original's values).
        ack(boost::json::object{{"status", "sent"},
                                {"message_id", sent.message.id},
                                {"seq", sent.message.seq},
                                {"created_at", sent.message.created_at}});
        co_return;
    } catch (...) {
        failed = std::current_exception();
    }
    ack(error_ack(failed));
}

net::awaitable<void> SocketEvents::mark(std::string user, boost::json::value payload, realtime::Ack ack, Mark mark) {
    std::exception_ptr failed;
    try {
        core::Validator v(payload_object(payload));
        const auto chat_id = read_uuid(v, "chat_id");
        const auto up_to = read_up_to_seq(v);
        v.check();
        const auto marks = co_await service_.mark(user, chat_id, mark, up_to);
        ack(boost::json::object{
            {"status", "ok"}, {"delivered_seq", marks.delivered_seq}, {"read_seq", marks.read_seq}});
        co_return;
    } catch (...) {
        failed = std::current_exception();
    }
    ack(error_ack(failed));
}

net::awaitable<void> SocketEvents::typing(std::string user, boost::json::value payload, realtime::Ack ack) {
    std::exception_ptr failed;
    try {
        core::Validator v(payload_object(payload));
        const auto chat_id = read_uuid(v, "chat_id");
        const auto is_typing = v.boolean("is_typing", true);
        v.check();
        co_await service_.typing(user, chat_id, *is_typing);
        ack(boost::json::object{{"status", "ok"}});
        co_return;
    } catch (...) {
        failed = std::current_exception();
    }
    ack(error_ack(failed));
}

net::awaitable<void> SocketEvents::presence(std::string user, bool online) {
    std::exception_ptr failed;
    try {
        co_await service_.presence_changed(user, online);
        co_return;
    } catch (...) {
        failed = std::current_exception();
    }
    core::log::warn("presence update failed",
                    {{"user_id", user}, {"online", online}, {"error", core::log::describe(failed)}});
}

}  // namespace service::chats
