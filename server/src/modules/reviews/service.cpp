#include "modules/reviews/service.hpp"

#include "core/problem.hpp"
#include "core/validation.hpp"
#include "modules/notifications/notice.hpp"

namespace service::reviews {
namespace {

boost::json::object review_target(const Review& r) {
    return boost::json::object{{"type", "review"},           {"id", r.id},         {"master_id", r.master_id},
                               {"booking_id", r.booking_id}, {"rating", r.rating}, {"text", r.text.substr(0, 200)}};
}

}  // namespace

Review Service::with_avatar(Review review) const {
    if (review.author_avatar_media_id) review.author_avatar_url = media_.public_url(*review.author_avatar_media_id);
    return review;
}

net::awaitable<Review> Service::create(std::string author_id, std::string booking_id, int rating, std::string text) {
    auto tx = co_await db::Transaction::begin(pool_);
    const auto target = co_await bookings_.lock_for_review(tx, booking_id, author_id);
    if (target.verdict == bookings::Reviewable::kNotFound) throw core::ApiError::not_found("No such booking.");
    if (target.verdict == bookings::Reviewable::kNotCompleted) {
        throw core::ApiError::conflict("not_completed", "Only a completed visit can be reviewed.");
    }
    const auto id = co_await repository_.insert(tx, booking_id, target.master_id, author_id, rating, std::move(text));
    if (!id) throw core::ApiError::conflict("review_exists", "This visit has already been reviewed.");
    co_await masters_.add_rating(tx, target.master_id, rating);
    auto review = co_await repository_.get(tx, *id);
    // The master hears of it (grouped per master); the client's review request is answered.
    notifications::Notice notice;
    notice.type = "review_received";
    notice.recipient = target.master_user_id;
    notice.actor = author_id;
    notice.target = review_target(*review);
    notice.dedupe_key = "review_received:" + *id;
    co_await notifications::enqueue(tx, std::move(notice));
    co_await notifications::cancel(tx, "review_request:" + booking_id);
    co_await tx.commit();
    co_return with_avatar(std::move(*review));
}

net::awaitable<Review> Service::reply(std::string master_user_id, std::string review_id, std::string text) {
    if (!core::is_uuid(review_id)) throw core::ApiError::not_found("No such review.");
    auto tx = co_await db::Transaction::begin(pool_);
    const auto replied = co_await repository_.reply(tx, review_id, master_user_id, std::move(text));
    if (!replied) throw core::ApiError::not_found("No such review.");
    if (!*replied) throw core::ApiError::conflict("reply_exists", "This review already has a reply.");
    auto review = co_await repository_.get(tx, std::move(review_id));
    notifications::Notice notice;
    notice.type = "review_replied";
    notice.recipient = review->author_id;
    notice.actor = master_user_id;
    notice.target = review_target(*review);
    notice.dedupe_key = "review_replied:" + review->id;
    co_await notifications::enqueue(tx, std::move(notice));
    co_await tx.commit();
    co_return with_avatar(std::move(*review));
}

net::awaitable<db::Page<Review>> Service::list_for_master(std::string master_id, core::PageRequest page) {
    if (!core::is_uuid(master_id)) throw core::ApiError::not_found("No such master.");
    auto found = co_await repository_.list_for_master(pool_, std::move(master_id), std::move(page));
    for (auto& review : found.items) review = with_avatar(std::move(review));
    co_return found;
}

}  // namespace service::reviews
