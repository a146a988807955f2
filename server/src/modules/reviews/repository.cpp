#include "modules/reviews/repository.hpp"

#include "reviews_sql.hpp"

namespace service::reviews {

net::awaitable<std::optional<std::string>> Repository::insert(db::Executor& db, std::string booking_id,
                                                              std::string master_id, std::string author_id, int rating,
                                                              std::string text) const {
    const auto rows = co_await db.query(sql::kInsertReview, db::Params(booking_id, master_id, author_id, rating, text));
    if (rows.empty()) co_return std::nullopt;
    co_return rows[0].get<std::string>(0);
}

net::awaitable<std::optional<Review>> Repository::get(db::Executor& db, std::string id) const {
    const auto rows = co_await db.query(sql::kGetReview, db::Params(id));
    if (rows.empty()) co_return std::nullopt;
    co_return review_from_row(rows[0]);
}

net::awaitable<std::optional<bool>> Repository::reply(db::Executor& db, std::string review_id,
                                                      std::string master_user_id, std::string text) const {
    const auto rows = co_await db.query(sql::kReplyReview, db::Params(review_id, master_user_id, text));
    if (rows.empty()) co_return std::nullopt;
    co_return rows[0].get<bool>(1);
}

net::awaitable<db::Page<Review>> Repository::list_for_master(db::Executor& db, std::string master_id,
                                                             core::PageRequest page) const {
    db::Params p(master_id);
    db::add_page(p, page);
    const auto rows = co_await db.query(sql::kListMasterReviews, std::move(p));
    co_return db::read_page(rows, page, 11, 0, review_from_row);
}

}  // namespace service::reviews
