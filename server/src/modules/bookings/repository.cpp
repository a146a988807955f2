#include "modules/bookings/repository.hpp"

#include "db/batches.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "bookings_sql.hpp"

namespace service::bookings {

net::awaitable<std::optional<Target>> Repository::target(db::Executor& db, std::string service_id) const {
    const auto rows = co_await db.query(sql::kBookingTarget, db::Params(service_id));
    if (rows.empty()) co_return std::nullopt;
    const auto r = rows[0];
    Target t;
    t.service_id = r.get<std::string>(0);
    t.service_name = r.get<std::string>(1);
    t.price_minor = r.get<std::int64_t>(2);
    t.currency = r.get<std::string>(3);
    t.duration_min = r.get<int>(4);
    t.active = r.get<bool>(5);
    t.master_id = r.get<std::string>(6);
    t.master_user_id = r.get<std::string>(7);
    t.auto_confirm = r.get<bool>(8);
    t.buffer_min = r.get<int>(9);
    t.timezone = r.get<std::string>(10);
    co_return t;
}

net::awaitable<std::vector<Slot>> Repository::slots(db::Executor& db, std::string master_id, int duration_min,
                                                    std::string from, std::string to, core::TimePoint now) const {
    const auto rows =
        co_await db.query(sql::kListSlots, db::Params(master_id, duration_min, from, to, core::to_timestamptz(now)));
    std::vector<Slot> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        out.push_back({rows[i].get<std::string>(0), rows[i].get<std::string>(1), rows[i].get<std::string>(2)});
    }
    co_return out;
}

net::awaitable<bool> Repository::slot_available(db::Executor& db, std::string master_id, int duration_min,
                                                std::string start_at, std::string timezone,
                                                std::optional<std::string> ignore, core::TimePoint now) const {
    const auto rows = co_await db.query(sql::kSlotAvailable, db::Params(master_id, duration_min, start_at, timezone,
                                                                        ignore, core::to_timestamptz(now)));
    co_return rows[0].get<bool>(0);
}

net::awaitable<bool> Repository::claim_key(db::Executor& db, std::string user_id, std::string key,
                                           std::string hash) const {
    const auto rows = co_await db.query(sql::kClaimIdempotencyKey, db::Params(user_id, key, hash));
    co_return !rows.empty();
}

net::awaitable<std::pair<std::string, std::optional<std::string>>> Repository::key(db::Executor& db,
                                                                                   std::string user_id,
                                                                                   std::string key) const {
    const auto rows = co_await db.query(sql::kGetIdempotencyKey, db::Params(user_id, key));
    co_return std::pair{rows[0].get<std::string>(0), rows[0].get<std::optional<std::string>>(1)};
}

net::awaitable<void> Repository::bind_key(db::Executor& db, std::string user_id, std::string key,
                                          std::string booking) const {
    co_await db.query(sql::kSetIdempotencyBooking, db::Params(user_id, key, booking));
}

net::awaitable<std::string> Repository::insert(db::Executor& db, NewBooking b) const {
    const auto rows =
        co_await db.query(sql::kInsertBooking, db::Params(b.master_id, b.client_id, b.service_id, b.service_name,
                                                          static_cast<long long>(b.price_minor), b.currency, b.start_at,
                                                          b.duration_min, b.buffer_min, b.status, b.comment));
    co_return rows[0].get<std::string>(0);
}

net::awaitable<void> Repository::event(db::Executor& db, std::string booking_id, std::string type, std::string actor,
                                       std::string payload) const {
    co_await db.query(sql::kInsertBookingEvent, db::Params(booking_id, type, actor, payload));
}

net::awaitable<std::optional<boost::json::value>> Repository::get(db::Executor& db, std::string id,
                                                                  std::string viewer) const {
    const auto rows = co_await db.query(sql::kGetBooking, db::Params(id, viewer));
    if (rows.empty()) co_return std::nullopt;
    co_return boost::json::parse(rows[0].text(0));
}

net::awaitable<std::optional<Locked>> Repository::lock(db::Executor& db, std::string id, std::string viewer,
                                                       core::TimePoint now) const {
    const auto rows = co_await db.query(sql::kLockBooking, db::Params(id, viewer, core::to_timestamptz(now)));
    if (rows.empty()) co_return std::nullopt;
    const auto r = rows[0];
    Locked l;
    l.id = r.get<std::string>(0);
    l.status = r.get<std::string>(1);
    l.client_id = r.get<std::string>(2);
    l.master_user_id = r.get<std::string>(3);
    l.master_id = r.get<std::string>(4);
    l.duration_min = r.get<int>(5);
    l.started = r.get<bool>(6);
    l.buffer_min = r.get<int>(7);
    l.timezone = r.get<std::string>(8);
    l.start_at = r.get<std::string>(9);
    co_return l;
}

net::awaitable<void> Repository::set_status(db::Executor& db, std::string id, std::string status,
                                            std::optional<std::string> reason, std::optional<std::string> by) const {
    co_await db.query(sql::kSetBookingStatus, db::Params(id, status, reason, by));
}

net::awaitable<void> Repository::move(db::Executor& db, std::string id, std::string start_at, int duration_min,
                                      int buffer_min) const {
    co_await db.query(sql::kMoveBooking, db::Params(id, start_at, duration_min, buffer_min));
}

net::awaitable<db::Page<boost::json::value>> Repository::list(db::Executor& db, ListQuery q) const {
    db::Params p(q.as, q.user_id, q.statuses, q.from, q.to);
    db::add_page(p, q.page);
    const auto rows = co_await db.query(q.descending ? sql::kListBookingsDesc : sql::kListBookings, std::move(p));
    co_return db::read_page(rows, q.page, 1, 2, [](const db::Row& r) { return boost::json::parse(r.text(0)); });
}

net::awaitable<ReviewTarget> Repository::lock_for_review(db::Executor& db, std::string booking_id,
                                                         std::string client_id) const {
    const auto rows = co_await db.query(sql::kLockReviewableBooking, db::Params(booking_id, client_id));
    if (rows.empty()) co_return ReviewTarget{};
    const bool completed = rows[0].get<std::string>(1) == "completed";
    co_return ReviewTarget{completed ? Reviewable::kYes : Reviewable::kNotCompleted, rows[0].get<std::string>(2),
                           rows[0].get<std::string>(3), rows[0].get<std::string>(4)};
}

net::awaitable<long long> Repository::purge_keys(db::Executor& db, std::string before) const {
    co_return co_await db::delete_in_batches(db, sql::kPurgeIdempotencyKeys, std::move(before));
}

}  // namespace service::bookings
