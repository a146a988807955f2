#pragma once
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "core/clock.hpp"
#include "core/pagination.hpp"
#include "db/keyset.hpp"
#include "db/pool.hpp"

namespace service::bookings {

struct Target {  // a service and its master, as a new booking needs them
    std::string service_id, service_name, currency, master_id, master_user_id, timezone;
    std::int64_t price_minor = 0;
    int duration_min = 0, buffer_min = 0;
    bool active = false, auto_confirm = false;
};

struct Locked {  // a booking under FOR UPDATE
    std::string id, status, client_id, master_user_id, master_id, timezone, start_at;
    int duration_min = 0, buffer_min = 0;
    bool started = false;
};

struct Slot {
    std::string start_at, end_at, local_start;
};

struct NewBooking {
    std::string master_id, client_id, service_id, service_name, currency, start_at, status, comment;
    std::int64_t price_minor = 0;
    int duration_min = 0, buffer_min = 0;
};

struct ListQuery {
    std::string as;  // client | master
    std::string user_id;
    std::optional<std::vector<std::string>> statuses;
    std::optional<std::string> from, to;
    bool descending = false;
    core::PageRequest page;
};

/// Whether a client may review a booking, as the reviews module asks it (bookings/service.hpp).
enum class Reviewable { kYes, kNotFound, kNotCompleted };
struct ReviewTarget {
    Reviewable verdict = Reviewable::kNotFound;
    std::string master_id;
    std::string master_user_id;
    std::string service_name;
};

/// bookings, booking_events, booking_idempotency_keys and the booking_slots() function.
class Repository {
  public:
    net::awaitable<std::optional<Target>> target(db::Executor& db, std::string service_id) const;
    /// Free slots as booking_slots() sees them at `now` (notice and horizon count from it).
    net::awaitable<std::vector<Slot>> slots(db::Executor& db, std::string master_id, int duration_min, std::string from,
                                            std::string to, core::TimePoint now) const;
    net::awaitable<bool> slot_available(db::Executor& db, std::string master_id, int duration_min, std::string start_at,
                                        std::string timezone, std::optional<std::string> ignore,
                                        core::TimePoint now) const;
    /// True when the key was new (and is now held by this transaction).
    net::awaitable<bool> claim_key(db::Executor& db, std::string user_id, std::string key, std::string hash) const;
    net::awaitable<std::pair<std::string, std::optional<std::string>>> key(db::Executor& db, std::string user_id,
                                                                           std::string key) const;
    net::awaitable<void> bind_key(db::Executor& db, std::string user_id, std::string key, std::string booking) const;
    net::awaitable<std::string> insert(db::Executor& db, NewBooking b) const;
    net::awaitable<void> event(db::Executor& db, std::string booking_id, std::string type, std::string actor,
                               std::string payload = "{}") const;
    /// The booking as the API shows it, when `viewer` is one of its parties.
    net::awaitable<std::optional<boost::json::value>> get(db::Executor& db, std::string id, std::string viewer) const;
    /// `Locked::started` is measured against `now`.
    net::awaitable<std::optional<Locked>> lock(db::Executor& db, std::string id, std::string viewer,
                                               core::TimePoint now) const;
    net::awaitable<void> set_status(db::Executor& db, std::string id, std::string status,
                                    std::optional<std::string> reason, std::optional<std::string> by) const;
    net::awaitable<void> move(db::Executor& db, std::string id, std::string start_at, int duration_min,
                              int buffer_min) const;
    net::awaitable<db::Page<boost::json::value>> list(db::Executor& db, ListQuery q) const;
    /// Locks the client's booking FOR UPDATE (until `db`'s transaction ends) and says whether
    /// it can be reviewed.
    net::awaitable<ReviewTarget> lock_for_review(db::Executor& db, std::string booking_id, std::string client_id) const;
    /// Deletes the idempotency keys created before `before`, in batches; returns how many.
    net::awaitable<long long> purge_keys(db::Executor& db, std::string before) const;
};

}  // namespace service::bookings
