#pragma once
#include <string>

#include "db/keyset.hpp"
#include "db/pool.hpp"
#include "modules/bookings/service.hpp"
#include "modules/masters/service.hpp"
#include "modules/media/service.hpp"
#include "modules/reviews/repository.hpp"

namespace service::reviews {

/// A review is possible once, by the client, for a completed visit; the master's rating
/// changes in the same transaction. The booking is the bookings module's: it locks it and
/// says whether it may be reviewed. The master replies once.
class Service {
  public:
    Service(db::Pool& pool, const Repository& repository, bookings::Service& bookings, masters::Service& masters,
            const media::Service& media)
        : pool_(pool), repository_(repository), bookings_(bookings), masters_(masters), media_(media) {}

    net::awaitable<Review> create(std::string author_id, std::string booking_id, int rating, std::string text);
    net::awaitable<Review> reply(std::string master_user_id, std::string review_id, std::string text);
    net::awaitable<db::Page<Review>> list_for_master(std::string master_id, core::PageRequest page);

  private:
    /// The author's avatar URL from its photo id.
    Review with_avatar(Review review) const;

    db::Pool& pool_;
    const Repository& repository_;
    bookings::Service& bookings_;
    masters::Service& masters_;
    const media::Service& media_;
};

}  // namespace service::reviews
