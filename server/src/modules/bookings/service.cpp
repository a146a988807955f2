#include "modules/bookings/service.hpp"

#include <boost/json/serialize.hpp>

#include "core/crypto.hpp"
#include "core/problem.hpp"
#include "core/validation.hpp"

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
    co_await tx.commit();
    publisher_.to_users({client_id, target->master_user_id}, "booking:updated", *booking);
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
    co_await tx.commit();
    publisher_.to_users({booking->client_id, booking->master_user_id}, "booking:updated", *result);
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

}  // namespace service::bookings
