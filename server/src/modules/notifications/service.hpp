#pragma once
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "db/pool.hpp"
#include "infra/blocking.hpp"
#include "infra/jobs/job.hpp"
#include "infra/push/push.hpp"
#include "modules/media/service.hpp"
#include "modules/notifications/notice.hpp"
#include "modules/notifications/repository.hpp"
#include "realtime/publisher.hpp"

namespace service::notifications {

/// The job kind that sends one push to one device.
inline constexpr std::string_view kPushJob = "notifications.push";

struct ListRequest {
    std::string user;
    std::optional<bool> grouped;  // absent: the user's `grouping` preference
    std::optional<std::vector<std::string>> types;
    core::PageRequest page;
};

struct DeviceRegistration {
    boost::json::object device;
    bool created = false;  // new for this user (201) rather than already theirs (200)
};

/// Notifications: the create job writes one per event (deduped by the producer's key), in the
/// list unless the recipient switched the type's in-app channel off, and enqueues one push per
/// device unless they switched push off (held back until their quiet hours end); neither when
/// the actor and the recipient blocked each other. After the commit the recipient's sockets
/// get `notification:new` (the item as the list shows it) and `notification:unread`.
class Service {
  public:
    Service(db::Pool& pool, const Repository& repository, realtime::Publisher& publisher, const media::Service& media,
            infra::BlockingPool& blocking, infra::push::Provider& push, const core::Clock& clock)
        : pool_(pool),
          repository_(repository),
          publisher_(publisher),
          media_(media),
          blocking_(blocking),
          push_(push),
          clock_(clock) {}

    /// The notifications.create handler (also for modules already inside a job of their own).
    net::awaitable<void> create(Notice notice);
    /// The notifications.push handler.
    net::awaitable<void> send_push(infra::jobs::Job job);
    /// Deletes notifications older than `retention`; returns how many.
    net::awaitable<long long> purge(std::chrono::hours retention);

    net::awaitable<db::Page<boost::json::object>> list(ListRequest request);
    net::awaitable<int> unread_count(std::string user, std::optional<bool> grouped);
    /// ids: from a list; nullopt: all. Announces the new unread count to the user's sockets.
    net::awaitable<void> mark_read(std::string user, std::optional<std::vector<std::string>> ids);
    net::awaitable<boost::json::object> preferences(std::string user);
    /// `body` is the PUT body; answers the stored preferences. Throws ApiError 422 when invalid.
    net::awaitable<boost::json::object> put_preferences(std::string user, boost::json::object body);

    net::awaitable<DeviceRegistration> register_device(std::string user, std::string token, std::string platform);
    /// Throws ApiError 404 unless the user registered the token.
    net::awaitable<void> remove_device(std::string user, std::string token);
    net::awaitable<boost::json::array> devices(std::string user);

  private:
    boost::json::object to_json(const Item& item, std::string_view locale) const;
    net::awaitable<void> announce_unread(std::string user, bool grouped);

    db::Pool& pool_;
    const Repository& repository_;
    realtime::Publisher& publisher_;
    const media::Service& media_;
    infra::BlockingPool& blocking_;
    infra::push::Provider& push_;
    const core::Clock& clock_;
};

}  // namespace service::notifications
