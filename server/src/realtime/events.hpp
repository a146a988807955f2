#pragma once
#include <functional>
#include <string>

#include <boost/json/value.hpp>

#include "core/asio.hpp"

namespace service::realtime {

/// The authenticated user behind a socket (from the access token in the CONNECT auth payload).
struct SocketUser {
    std::string user_id;
    std::string role;
};

/// Answers the client's acknowledgement callback. Calling it when the client asked for no
/// acknowledgement does nothing; calling it twice sends nothing the second time.
using Ack = std::function<void(boost::json::value)>;

/// One client event: the first argument after the event name (null when absent). Events of
/// one socket are handled one after another, in the order the client sent them.
using EventHandler = std::function<net::awaitable<void>(const SocketUser& user, boost::json::value payload, Ack ack)>;

/// Called on the first socket of a user coming online and when the last one goes away
/// (cluster-wide as far as this node can tell).
using PresenceHandler = std::function<net::awaitable<void>(std::string user_id, bool online)>;

/// Where modules register their socket events at start-up (like routes on the Router).
class EventRegistry {
  public:
    virtual ~EventRegistry() = default;
    virtual void on(std::string event, EventHandler handler) = 0;
    virtual void on_presence(PresenceHandler handler) = 0;
};

}  // namespace service::realtime
