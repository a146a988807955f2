#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

namespace service::realtime {

/// The one way a module pushes something to users' open sockets ("booking:updated",
/// "message:new"). Delivery reaches every socket of the user on every node (through Redis
/// when several nodes run) and is best effort: a user who is offline catches up through
/// the REST API. Safe to call from any thread; never blocks.
class Publisher {
  public:
    virtual ~Publisher() = default;
    virtual void to_user(std::string_view user_id, std::string_view event, const boost::json::value& payload) = 0;
    virtual void to_users(const std::vector<std::string>& user_ids, std::string_view event,
                          const boost::json::value& payload) {
        for (const auto& id : user_ids) to_user(id, event, payload);
    }
};

/// Who is online, as far as this node knows (its own sockets plus what other nodes announce).
class PresenceView {
  public:
    virtual ~PresenceView() = default;
    virtual bool online(std::string_view user_id) const = 0;
};

}  // namespace service::realtime
