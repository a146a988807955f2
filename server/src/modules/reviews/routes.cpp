#include "modules/reviews/routes.hpp"

#include <boost/json/parse.hpp>

#include "core/problem.hpp"
#include "core/validation.hpp"
#include "reviews_sql.hpp"

namespace service::reviews {
namespace {

net::awaitable<boost::json::value> review_json(db::Executor& db, std::string id) {
    const auto rows = co_await db.query(sql::kGetReview, db::Params(id));
    co_return boost::json::parse(rows[0].text(0));
}

}  // namespace

void Routes::register_routes(core::Router& router) {
    const core::RouteOptions user{.access = core::Access::kUser};
    router.add(
        http::verb::post, "/api/v1/bookings/{id}/review", [this](core::Request& r) { return create(r); }, user);
    router.add(
        http::verb::post, "/api/v1/reviews/{id}/reply", [this](core::Request& r) { return reply(r); }, user);
    router.add(http::verb::get, "/api/v1/masters/{id}/reviews", [this](core::Request& r) { return list(r); });
}

net::awaitable<core::Response> Routes::create(core::Request& req) {
    const std::string booking_id(req.param("id"));
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    int rating = 0;
    if (auto n = v.number("rating", 1, 5, true)) {
        if (*n != std::floor(*n)) v.add_error("rating", "must be a whole number from 1 to 5");
        rating = static_cast<int>(*n);
    }
    const auto text = v.string("text", 0, 2000, false).value_or("");
    v.check();
    if (!core::is_uuid(booking_id)) throw core::ApiError::not_found("No such booking.");
    const auto author = req.user().user_id;

    auto tx = co_await db::Transaction::begin(pool_);
    const auto booking = co_await tx.query(sql::kLockReviewableBooking, db::Params(booking_id, author));
    if (booking.empty()) throw core::ApiError::not_found("No such booking.");
    if (booking[0].text(1) != "completed") {
        throw core::ApiError::conflict("not_completed", "Only a completed visit can be reviewed.");
    }
    const auto master_id = booking[0].get<std::string>(2);
    const auto inserted =
        co_await tx.query(sql::kInsertReview, db::Params(booking_id, master_id, author, rating, text));
    if (inserted.empty()) throw core::ApiError::conflict("review_exists", "This visit has already been reviewed.");
    const auto review_id = inserted[0].get<std::string>(0);
    co_await masters_.add_rating(tx, master_id, rating);
    auto json = co_await review_json(tx, review_id);
    co_await tx.commit();
    co_return core::json_response(http::status::created, json);
}

net::awaitable<core::Response> Routes::reply(core::Request& req) {
    const std::string review_id(req.param("id"));
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    const auto text = v.string("text", 1, 2000, true);
    v.check();
    if (!core::is_uuid(review_id)) throw core::ApiError::not_found("No such review.");
    const auto rows = co_await pool_.query(sql::kReplyReview, db::Params(review_id, req.user().user_id, *text));
    if (rows.empty()) throw core::ApiError::not_found("No such review.");
    if (!rows[0].get<bool>(1)) throw core::ApiError::conflict("reply_exists", "This review already has a reply.");
    co_return core::json_response(http::status::ok, co_await review_json(pool_, review_id));
}

net::awaitable<core::Response> Routes::list(core::Request& req) {
    const std::string master_id(req.param("id"));
    const int limit = core::page_limit(req);
    const auto cursor = core::page_cursor(req);
    if (!core::is_uuid(master_id)) throw core::ApiError::not_found("No such master.");
    db::Params p(master_id, limit + 1);
    p.add(cursor ? std::optional<std::string>(cursor->key) : std::nullopt);
    p.add(cursor ? std::optional<std::string>(cursor->id) : std::nullopt);
    const auto rows = co_await pool_.query(sql::kListMasterReviews, std::move(p));
    boost::json::array items;
    for (int i = 0; i < std::min(rows.size(), limit); ++i) items.push_back(boost::json::parse(rows[i].text(0)));
    boost::json::value next = nullptr;
    if (rows.size() > limit) {
        next = core::encode_cursor({rows[limit - 1].get<std::string>(1), rows[limit - 1].get<std::string>(2)});
    }
    co_return core::json_response(http::status::ok,
                                  boost::json::object{{"items", std::move(items)}, {"next_cursor", next}});
}

}  // namespace service::reviews
