#include "modules/posts/socket_events.hpp"

#include <boost/json/array.hpp>

#include "core/validation.hpp"

namespace service::posts {
namespace {

boost::json::object bad_request(std::string message) {
    return {{"status", "error"},
            {"error", boost::json::object{{"code", "bad_request"}, {"message", std::move(message)}}}};
}

/// The `ids` of a watch payload; nullopt when it is not {ids: [≤50 strings]}.
std::optional<std::vector<std::string>> ids_of(const boost::json::value& payload) {
    if (!payload.is_object()) return std::nullopt;
    const auto* ids = payload.as_object().if_contains("ids");
    if (ids == nullptr || !ids->is_array() || ids->as_array().size() > Watchers::kMaxIds) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& id : ids->as_array()) {
        if (!id.is_string()) return std::nullopt;
        out.emplace_back(id.as_string());
    }
    return out;
}

net::awaitable<void> on_watch(Service& service, std::string user, boost::json::value payload, realtime::Ack ack,
                              bool watch) {
    auto ids = ids_of(payload);
    if (!ids) {
        ack(bad_request("send {ids: [post ids]} with at most 50 ids"));
        co_return;
    }
    if (watch) {
        co_await service.watch(std::move(user), std::move(*ids));
    } else {
        co_await service.unwatch(std::move(user), std::move(*ids));
    }
    ack(boost::json::object{{"status", "ok"}});
}

}  // namespace

void register_events(realtime::EventRegistry& registry, Service& service) {
    auto* s = &service;
    registry.on("post:watch", [s](const realtime::SocketUser& user, boost::json::value payload, realtime::Ack ack) {
        return on_watch(*s, user.user_id, std::move(payload), std::move(ack), true);
    });
    registry.on("post:unwatch", [s](const realtime::SocketUser& user, boost::json::value payload, realtime::Ack ack) {
        return on_watch(*s, user.user_id, std::move(payload), std::move(ack), false);
    });
}

}  // namespace service::posts
