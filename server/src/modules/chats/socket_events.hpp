#pragma once
#include <exception>
#include <string>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "modules/chats/service.hpp"
#include "realtime/events.hpp"

namespace service::chats {

/// The chats module's Socket.IO events. They call the same service functions as the REST
/// routes, so the rules and the error codes are the same; a failure is answered through the
/// acknowledgement as {status: "error", error: {code, message, errors?}} and never thrown.
///   message:send {chat_id, type, content, client_msg_id?} → {status: "sent", message_id, seq, created_at}
///   message:delivered | message:read {chat_id, up_to_seq} → {status: "ok", delivered_seq, read_seq}
///   typing {chat_id, is_typing} → {status: "ok"}; the other participants get `typing`
///   presence: last_seen_at on going offline; `presence` to everyone sharing a chat
class SocketEvents {
  public:
    explicit SocketEvents(Service& service) : service_(service) {}
    void register_events(realtime::EventRegistry& registry);

  private:
    net::awaitable<void> send(std::string user, boost::json::value payload, realtime::Ack ack);
    net::awaitable<void> mark(std::string user, boost::json::value payload, realtime::Ack ack, Mark mark);
    net::awaitable<void> typing(std::string user, boost::json::value payload, realtime::Ack ack);
    net::awaitable<void> presence(std::string user, bool online);

    Service& service_;
};

/// The acknowledgement for a failed event: the REST error code and message of `error`.
boost::json::object error_ack(const std::exception_ptr& error);

}  // namespace service::chats
