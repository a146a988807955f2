#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/pagination.hpp"
#include "db/keyset.hpp"
#include "db/pool.hpp"

namespace service::notifications {

/// What creating a notification needs to know about its recipient.
struct Recipient {
    std::string locale;
    boost::json::object types;  // the preference overrides, {type: {in_app, push}}
    bool grouping = true;
    bool blocked = false;                  // the actor and the recipient blocked each other (either way)
    std::optional<std::string> quiet_end;  // when now is in their quiet hours: when they end
    std::optional<std::string> actor_name;
};

struct NewNotification {
    std::string user, type;
    std::optional<std::string> actor;
    boost::json::object target;
    std::optional<std::string> group_key;
    std::string dedupe_key;
    bool in_app = true;
    std::string created_at;  // the server's now, RFC 3339
};

/// A list item: one notification, or a group of them.
struct Item {
    std::string id, type, created_at, latest_at;
    int count = 1;
    bool read = false;
    boost::json::object target;
    boost::json::array actors;  // [{id, name, avatar_media_id}], newest first, at most 3
};

struct ListQuery {
    std::string user;
    bool grouped = true;
    std::optional<std::vector<std::string>> types;
    std::optional<std::string> only;  // one item: a group id (grouped) or a notification id
    core::PageRequest page;
};

struct Preferences {
    boost::json::object types;                        // overrides only
    std::optional<std::string> quiet_from, quiet_to;  // "HH:MM"
    std::optional<std::string> timezone;              // read: resolved; write: NULL = the default
    bool grouping = true;
    std::string locale;  // read only
};

struct Device {
    std::string token, platform, created_at;
    std::optional<std::string> last_used_at;
};

/// The only code that runs the notifications module's SQL.
class Repository {
  public:
    net::awaitable<std::optional<Recipient>> recipient(db::Executor& db, std::string user,
                                                       std::optional<std::string> actor, std::string now) const;
    net::awaitable<void> lock_group(db::Executor& db, std::string user, std::string group_key) const;
    /// {id, group id}; nullopt when the recipient has a notification with this dedupe key.
    net::awaitable<std::optional<std::pair<std::string, std::string>>> insert(db::Executor& db,
                                                                              NewNotification n) const;
    net::awaitable<db::Page<Item>> list(db::Executor& db, ListQuery query) const;
    net::awaitable<int> unread_count(db::Executor& db, std::string user, bool grouped) const;
    /// ids: what a list returned (notification or group ids); nullopt: all.
    net::awaitable<long long> mark_read(db::Executor& db, std::string user, std::optional<std::vector<std::string>> ids,
                                        std::string now) const;
    net::awaitable<std::optional<Preferences>> preferences(db::Executor& db, std::string user) const;
    net::awaitable<void> put_preferences(db::Executor& db, std::string user, Preferences p) const;
    net::awaitable<bool> timezone_exists(db::Executor& db, std::string name) const;

    /// The device, and whether this user had registered it already.
    net::awaitable<std::pair<Device, bool>> upsert_device(db::Executor& db, std::string token, std::string user,
                                                          std::string platform) const;
    net::awaitable<bool> delete_device(db::Executor& db, std::string token, std::string user) const;
    net::awaitable<std::vector<Device>> devices(db::Executor& db, std::string user) const;
    net::awaitable<bool> device_owned(db::Executor& db, std::string token, std::string user) const;
    net::awaitable<void> device_sent(db::Executor& db, std::string token, std::string user) const;

    /// Deletes the notifications created before `before`, in batches; returns how many.
    net::awaitable<long long> purge(db::Executor& db, std::string before) const;
};

}  // namespace service::notifications
