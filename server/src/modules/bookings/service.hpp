#pragma once
#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "db/pool.hpp"
#include "infra/jobs/job.hpp"
#include "modules/bookings/repository.hpp"
#include "realtime/publisher.hpp"

namespace service::bookings {

struct CreateInput {
    std::string service_id;
    std::string start_at;  // RFC 3339, normalised by PostgreSQL
    std::string comment;
};

enum class Action { kConfirm, kCancel, kReschedule, kComplete, kNoShow };

struct Created {
    boost::json::value booking;
    bool replayed = false;  // an Idempotency-Key retry: the original booking
};

/// Booking rules, enforced here and in the database, never only in a client: a start must be
/// one of the free slots; overlapping active bookings are rejected by an exclusion constraint;
/// each life-cycle action checks who may do it and from which status; every change writes a
/// booking event in the same transaction, and in that transaction too the jobs of its side
/// effects: `booking:updated` to both parties' sockets (a transactional outbox: a crash after
/// the commit cannot lose it), the other party's notification, and the client's reminders
/// (24 h and 2 h before the start; moved by a reschedule, cancelled with the booking).
class Service {
  public:
    /// `clock` decides notice, horizon and "has it started"; the database's own clock decides none.
    Service(db::Pool& pool, const Repository& repository, realtime::Publisher& publisher, const core::Clock& clock)
        : pool_(pool), repository_(repository), publisher_(publisher), clock_(clock) {}

    net::awaitable<Created> create(std::string client_id, CreateInput input, std::optional<std::string> key);
    net::awaitable<boost::json::value> act(std::string booking_id, std::string actor, Action action,
                                           std::optional<std::string> reason, std::optional<std::string> start_at);
    net::awaitable<boost::json::value> get(std::string booking_id, std::string viewer);
    /// The caller's bookings as client or master, one page.
    net::awaitable<db::Page<boost::json::value>> list(ListQuery query);
    /// For the reviews module: locks the client's booking in `tx` and says whether a review
    /// may be written (a completed visit of theirs) and for which master.
    net::awaitable<ReviewTarget> lock_for_review(db::Executor& tx, std::string booking_id, std::string client_id);
    net::awaitable<boost::json::object> slots(std::string master_id, std::string service_id, std::string from,
                                              std::string to);

    /// The `bookings.updated` handler: publishes the booking as it is now to both parties.
    net::awaitable<void> publish_updated(infra::jobs::Job job);
    /// Deletes idempotency keys older than a day; returns how many.
    net::awaitable<long long> purge_keys();

  private:
    /// Enqueues booking:updated for both parties of `booking` (its JSON) on `tx`.
    net::awaitable<void> announce(db::Executor& tx, boost::json::object booking);
    /// Enqueues a notification about `booking` to `recipient`, caused by `actor`.
    net::awaitable<void> tell(db::Executor& tx, std::string type, std::string recipient, std::string actor,
                              boost::json::object booking, std::string dedupe_suffix);
    net::awaitable<void> schedule_reminders(db::Executor& tx, boost::json::object booking);
    net::awaitable<void> cancel_reminders(db::Executor& tx, std::string booking_id);

    db::Pool& pool_;
    const Repository& repository_;
    realtime::Publisher& publisher_;
    const core::Clock& clock_;
};

std::string_view to_string(Action action);

}  // namespace service::bookings
