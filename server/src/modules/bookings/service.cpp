#include "modules/bookings/service.hpp"

#include "core/log.hpp"
#include "modules/bookings/module.hpp"

#include <array>

#include <boost/json/serialize.hpp>

#include "core/crypto.hpp"
#include "core/problem.hpp"
#include "core/validation.hpp"
#include "infra/jobs/queue.hpp"
#include "modules/notifications/notice.hpp"

namespace service::bookings {
namespace {

core::ApiError slot_unavailable() {
    return core::ApiError::conflict("slot_unavailable", "This time is not available; pick another free slot.",
                                    {{"start_at", "is not a free slot"}});
}

core::ApiError invalid_transition(std::string_view action, std::string_view status) {
    return core::ApiError::conflict("invalid_transition",
                                    "A " + std::string(status) + " booking cannot be " + std::string(action) + ".");
}

bool active(std::string_view status) { return status == "pending" || status == "confirmed"; }

constexpr std::string_view kUpdatedJob = "bookings.updated";

/// The client's reminders: how long before the start each one fires.
constexpr std::array<std::pair<std::string_view, std::chrono::hours>, 2> kReminders{
    {{"24h", std::chrono::hours(24)}, {"2h", std::chrono::hours(2)}}};

std::string text_of(const boost::json::value& v) { return v.is_string() ? std::string(v.as_string()) : std::string(); }

/// The notification's target: what the list shows about a booking.
boost::json::object booking_target(const boost::json::object& b) {
    return boost::json::object{{"type", "booking"},
                               {"id", b.at("id")},
                               {"service_name", b.at("service").at("name")},
                               {"start_at", b.at("start_at")},
                               {"local_start", b.at("local_start")},
                               {"timezone", b.at("master").at("timezone")},
                               {"status", b.at("status")},
                               {"master_id", b.at("master").at("id")}};
}

std::string client_of(const boost::json::object& b) { return text_of(b.at("client").at("id")); }
std::string master_user_of(const boost::json::object& b) { return text_of(b.at("master").at("user_id")); }

}  // namespace

std::string_view to_string(Action action) {
    switch (action) {
        case Action::kConfirm:
            return "confirmed";
        case Action::kCancel:
            return "cancelled";
        case Action::kReschedule:
            return "rescheduled";
        case Action::kComplete:
            return "completed";
        case Action::kNoShow:
            return "no_show";
    }
    return "";
}

net::awaitable<Created> Service::create(std::string client_id, CreateInput input, std::optional<std::string> key) {
    const auto request_hash = core::sha256_hex(input.service_id + "\n" + input.start_at + "\n" + input.comment);
    auto tx = co_await db::Transaction::begin(pool_);
    if (key && !(co_await repository_.claim_key(tx, client_id, *key, request_hash))) {
        // The key was used before (the other request has committed: the claim waited for it).
        const auto [hash, booking_id] = co_await repository_.key(tx, client_id, *key);
        if (hash != request_hash || !booking_id) {
            throw core::ApiError(http::status::unprocessable_entity, "idempotency_key_reused", "Idempotency key reused",
                                 "This Idempotency-Key was already used for a different request.");
        }
        auto original = co_await repository_.get(tx, *booking_id, client_id);
        co_await tx.commit();
        co_return Created{std::move(*original), true};
    }

    const auto target = co_await repository_.target(tx, input.service_id);
    if (!target || !target->active) {
        throw core::ApiError::validation({{"service_id", "is not an active service"}});
    }
    if (target->master_user_id == client_id) throw core::ApiError::forbidden("Masters cannot book themselves.");
    if (!(co_await repository_.slot_available(tx, target->master_id, target->duration_min, input.start_at,
                                              target->timezone, std::nullopt, clock_.now()))) {
        throw slot_unavailable();
    }
    NewBooking b;
    b.master_id = target->master_id;
    b.client_id = client_id;
    b.service_id = target->service_id;
    b.service_name = target->service_name;
    b.currency = target->currency;
    b.price_minor = target->price_minor;
    b.start_at = input.start_at;
    b.duration_min = target->duration_min;
    b.buffer_min = target->buffer_min;
    b.status = target->auto_confirm ? "confirmed" : "pending";
    b.comment = input.comment;
    std::string id;
    bool overlap = false;
    try {
        id = co_await repository_.insert(tx, std::move(b));
    } catch (const db::ExclusionViolation&) {
        // Lost the race for this slot to a concurrent booking: the exclusion constraint decided.
        overlap = true;
    }
    if (overlap) throw slot_unavailable();
    co_await repository_.event(tx, id, "created", client_id);
    if (key) co_await repository_.bind_key(tx, client_id, *key, id);
    auto booking = co_await repository_.get(tx, id, client_id);
    const auto& json = booking->as_object();
    co_await announce(tx, json);
    co_await tell(tx, "booking_created", target->master_user_id, client_id, json, "");
    co_await schedule_reminders(tx, json);
    co_await tx.commit();
    co_return Created{std::move(*booking), false};
}

net::awaitable<boost::json::value> Service::act(std::string booking_id, std::string actor, Action action,
                                                std::optional<std::string> reason,
                                                std::optional<std::string> start_at) {
    auto tx = co_await db::Transaction::begin(pool_);
    const auto booking = co_await repository_.lock(tx, booking_id, actor, clock_.now());
    if (!booking) throw core::ApiError::not_found("No such booking.");
    const bool is_master = booking->master_user_id == actor;
    const auto verb = to_string(action);
    if ((action == Action::kConfirm || action == Action::kComplete || action == Action::kNoShow) && !is_master) {
        throw core::ApiError::forbidden("Only the master can mark a booking " + std::string(verb) + ".");
    }
    boost::json::object payload;
    payload["from_status"] = booking->status;
    switch (action) {
        case Action::kConfirm:
            if (booking->status != "pending") throw invalid_transition(verb, booking->status);
            co_await repository_.set_status(tx, booking->id, "confirmed", std::nullopt, std::nullopt);
            break;
        case Action::kCancel:
            if (!active(booking->status)) throw invalid_transition(verb, booking->status);
            co_await repository_.set_status(tx, booking->id, "cancelled", reason.value_or(""), actor);
            payload["reason"] = reason.value_or("");
            payload["by"] = is_master ? "master" : "client";
            break;
        case Action::kComplete:
        case Action::kNoShow:
            if (!active(booking->status)) throw invalid_transition(verb, booking->status);
            if (!booking->started) {
                throw core::ApiError::conflict(
                    "too_early", "A booking can be marked " + std::string(verb) + " only after its start time.");
            }
            co_await repository_.set_status(tx, booking->id, std::string(verb), std::nullopt, std::nullopt);
            break;
        case Action::kReschedule: {
            if (!active(booking->status)) throw invalid_transition(verb, booking->status);
            // The booking's own time does not block its new time; everything else applies.
            if (!(co_await repository_.slot_available(tx, booking->master_id, booking->duration_min, *start_at,
                                                      booking->timezone, booking->id, clock_.now()))) {
                throw slot_unavailable();
            }
            bool overlap = false;
            try {
                co_await repository_.move(tx, booking->id, *start_at, booking->duration_min, booking->buffer_min);
            } catch (const db::ExclusionViolation&) {
                overlap = true;
            }
            if (overlap) throw slot_unavailable();
            payload["from_start_at"] = booking->start_at;
            payload["to_start_at"] = *start_at;
            break;
        }
    }
    co_await repository_.event(tx, booking->id, std::string(verb), actor, boost::json::serialize(payload));
    auto result = co_await repository_.get(tx, booking->id, actor);
    const auto& json = result->as_object();
    co_await announce(tx, json);
    const std::string other = is_master ? booking->client_id : booking->master_user_id;
    switch (action) {
        case Action::kConfirm:
            co_await tell(tx, "booking_confirmed", booking->client_id, actor, json, "");
            break;
        case Action::kCancel:
            co_await cancel_reminders(tx, booking->id);
            co_await tell(tx, "booking_cancelled", other, actor, json, "");
            break;
        case Action::kReschedule:
            co_await cancel_reminders(tx, booking->id);
            co_await schedule_reminders(tx, json);
            co_await tell(tx, "booking_rescheduled", other, actor, json, ":" + text_of(json.at("start_at")));
            break;
        case Action::kComplete: {
            // Asked two hours after the visit is marked done; writing the review cancels it.
            notifications::Notice notice;
            notice.type = "review_request";
            notice.recipient = booking->client_id;
            notice.actor = booking->master_user_id;
            notice.target = booking_target(json);
            notice.dedupe_key = "review_request:" + booking->id;
            notifications::Schedule when;
            when.at = clock_.now() + std::chrono::hours(2);
            when.key = "review_request:" + booking->id;
            co_await notifications::enqueue(tx, std::move(notice), std::move(when));
            break;
        }
        case Action::kNoShow:
            break;
    }
    co_await tx.commit();
    co_return std::move(*result);
}

net::awaitable<boost::json::value> Service::get(std::string booking_id, std::string viewer) {
    auto booking = co_await repository_.get(pool_, booking_id, viewer);
    if (!booking) throw core::ApiError::not_found("No such booking.");
    co_return std::move(*booking);
}

net::awaitable<boost::json::object> Service::slots(std::string master_id, std::string service_id, std::string from,
                                                   std::string to) {
    const auto target = co_await repository_.target(pool_, service_id);
    if (!target || !target->active || target->master_id != master_id) {
        throw core::ApiError::not_found("No such service for this master.");
    }
    boost::json::array items;
    for (const auto& s : co_await repository_.slots(pool_, master_id, target->duration_min, from, to, clock_.now())) {
        items.push_back(
            boost::json::object{{"start_at", s.start_at}, {"end_at", s.end_at}, {"local_start", s.local_start}});
    }
    co_return boost::json::object{{"timezone", target->timezone},
                                  {"service_id", service_id},
                                  {"duration_min", target->duration_min},
                                  {"items", std::move(items)}};
}

net::awaitable<db::Page<boost::json::value>> Service::list(ListQuery query) {
    co_return co_await repository_.list(pool_, std::move(query));
}

net::awaitable<ReviewTarget> Service::lock_for_review(db::Executor& tx, std::string booking_id, std::string client_id) {
    if (!core::is_uuid(booking_id)) co_return ReviewTarget{};
    co_return co_await repository_.lock_for_review(tx, std::move(booking_id), std::move(client_id));
}

net::awaitable<void> Service::announce(db::Executor& tx, boost::json::object booking) {
    boost::json::value payload = boost::json::object{
        {"booking_id", booking.at("id")},
        {"users", boost::json::array{booking.at("client").at("id"), booking.at("master").at("user_id")}}};
    infra::jobs::EnqueueOptions options;
    options.max_attempts = 5;
    co_await infra::jobs::enqueue(tx, std::string(kUpdatedJob), std::move(payload), std::move(options));
}

net::awaitable<void> Service::publish_updated(infra::jobs::Job job) {
    const auto* o = job.payload.if_object();
    const auto* id = o != nullptr ? o->if_contains("booking_id") : nullptr;
    const auto* users = o != nullptr ? o->if_contains("users") : nullptr;
    if (id == nullptr || !id->is_string() || users == nullptr || !users->is_array() || users->as_array().empty()) {
        throw infra::jobs::Discard("bookings.updated: needs booking_id and users");
    }
    std::vector<std::string> recipients;
    for (const auto& u : users->as_array()) recipients.push_back(text_of(u));
    // The booking as it is now: a later change's job may run first, and both then say the same.
    const auto booking = co_await repository_.get(pool_, text_of(*id), recipients.front());
    if (!booking) co_return;
    publisher_.to_users(recipients, "booking:updated", *booking);
}

net::awaitable<void> Service::tell(db::Executor& tx, std::string type, std::string recipient, std::string actor,
                                   boost::json::object booking, std::string dedupe_suffix) {
    notifications::Notice notice;
    notice.dedupe_key = type + ":" + text_of(booking.at("id")) + dedupe_suffix;
    notice.type = std::move(type);
    notice.recipient = std::move(recipient);
    notice.actor = std::move(actor);
    notice.target = booking_target(booking);
    co_await notifications::enqueue(tx, std::move(notice));
}

net::awaitable<void> Service::schedule_reminders(db::Executor& tx, boost::json::object booking) {
    const auto start = core::parse_utc(text_of(booking.at("start_at")));
    if (!start) co_return;
    const auto now = clock_.now();
    const std::string id = text_of(booking.at("id"));
    for (const auto& reminder : kReminders) {
        const std::string label(reminder.first);
        const auto before = reminder.second;
        // A booking made less than 24 h ahead gets only the 2 h reminder, less than 2 h none.
        if (*start - now <= before) continue;
        notifications::Notice notice;
        notice.type = "booking_reminder";
        notice.recipient = client_of(booking);
        notice.actor = master_user_of(booking);
        notice.target = booking_target(booking);
        std::string key = "booking_reminder:" + id;
        key += ":" + label;
        notice.dedupe_key = key;
        notice.dedupe_key += ":" + text_of(booking.at("start_at"));
        notifications::Schedule when;
        when.at = *start - before;
        when.key = key;
        co_await notifications::enqueue(tx, std::move(notice), std::move(when));
    }
}

net::awaitable<void> Service::cancel_reminders(db::Executor& tx, std::string booking_id) {
    co_await notifications::cancel(tx, "booking_reminder:" + booking_id + ":24h");
    co_await notifications::cancel(tx, "booking_reminder:" + booking_id + ":2h");
}

net::awaitable<long long> Service::purge_keys() {
    const auto before = core::to_timestamptz(clock_.now() - std::chrono::hours(24));
    co_return co_await repository_.purge_keys(pool_, before);
}

namespace {

net::awaitable<void> purge_keys_job(Service* service, infra::jobs::Job /*job*/) {
    const auto deleted = co_await service->purge_keys();
    core::log::info("purged old idempotency keys", {{"deleted", deleted}});
}

}  // namespace

void Module::register_jobs(infra::jobs::Runner& runner) {
    auto* s = &service;
    runner.handle(std::string(kUpdatedJob), 16,
                  [s](infra::jobs::Job job) { return s->publish_updated(std::move(job)); });
    runner.every("bookings.purge_idempotency_keys", std::chrono::hours(1),
                 [s](infra::jobs::Job job) { return purge_keys_job(s, std::move(job)); });
}

}  // namespace service::bookings
