#pragma once
#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "db/pool.hpp"

/// How other modules tell a user something: they enqueue a Notice in the transaction of the
/// change that causes it (a transactional outbox on the job queue), so the notification exists
/// if and only if the change committed; the notifications module's job then writes it, pushes
/// it and announces it. Modules never write the notifications tables.
namespace service::notifications {

struct Notice {
    std::string type;                  // a name from types()
    std::string recipient;             // user id
    std::optional<std::string> actor;  // user id of who caused it, if anyone
    /// What it is about: {type: "booking"|"review"|"chat"|…, id, …a summary for the list}.
    boost::json::object target;
    /// One notification per recipient and key, however often the job runs ("booking_created:<id>").
    std::string dedupe_key;
    /// Only for push-only types: replaces the earlier push with the same key on the device.
    std::optional<std::string> collapse_key;
};

struct Schedule {
    /// When to notify (reminders); absent: at once.
    std::optional<core::TimePoint> at;
    /// The job's unique key, to cancel a scheduled notice later (cancel()); absent: none.
    std::optional<std::string> key;
};

/// The job kind that creates notifications.
inline constexpr std::string_view kCreateJob = "notifications.create";

/// Enqueues `notice` on `tx`. With schedule.key set and an unfinished notice holding that key,
/// nothing is added.
net::awaitable<void> enqueue(db::Executor& tx, Notice notice, Schedule schedule = {});
/// Cancels the scheduled notice that holds `key` (a cancelled booking's reminders).
net::awaitable<void> cancel(db::Executor& tx, std::string key);

boost::json::object to_payload(const Notice& notice);
/// Throws infra::jobs::Discard for a payload that is not a Notice.
Notice notice_from_payload(const boost::json::value& payload);

}  // namespace service::notifications
