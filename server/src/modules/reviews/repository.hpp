#pragma once
#include <optional>
#include <string>

#include "db/keyset.hpp"
#include "db/pool.hpp"
#include "modules/reviews/review.hpp"

namespace service::reviews {

/// The reviews table.
class Repository {
  public:
    /// The new review's id; nullopt when the booking already has a review.
    net::awaitable<std::optional<std::string>> insert(db::Executor& db, std::string booking_id, std::string master_id,
                                                      std::string author_id, int rating, std::string text) const;
    net::awaitable<std::optional<Review>> get(db::Executor& db, std::string id) const;
    /// Sets the reply of a review of `master_user_id`'s profile once. nullopt when the review
    /// is not theirs; otherwise whether this call wrote the reply.
    net::awaitable<std::optional<bool>> reply(db::Executor& db, std::string review_id, std::string master_user_id,
                                              std::string text) const;
    net::awaitable<db::Page<Review>> list_for_master(db::Executor& db, std::string master_id,
                                                     core::PageRequest page) const;
};

}  // namespace service::reviews
