#pragma once
#include <optional>
#include <string>
#include <vector>

#include <boost/json/array.hpp>

#include "core/pagination.hpp"
#include "db/pool.hpp"
#include "modules/masters/master.hpp"

namespace service::masters {

enum class SearchOrder { kDistance, kRating, kPrice };

struct SearchQuery {
    double lat = 0;
    double lon = 0;
    double radius_m = 10'000;
    std::optional<std::string> category_id;
    std::optional<double> min_rating;
    SearchOrder order = SearchOrder::kDistance;
    int limit = 20;
    std::optional<core::PageCursor> cursor;
    std::optional<std::string> viewer_id;
};

struct SearchPage {
    boost::json::array items;
    std::optional<core::PageCursor> next;
};

/// The masters table: profiles, their booking rules and the nearby search.
class Repository {
  public:
    /// Returns the profile id and whether it was created.
    net::awaitable<std::pair<std::string, bool>> upsert(db::Executor& db, std::string user_id, ProfileInput in) const;
    net::awaitable<std::optional<Profile>> get(db::Executor& db, std::optional<std::string> id,
                                               std::optional<std::string> user_id, std::optional<double> lat,
                                               std::optional<double> lon, std::optional<std::string> viewer) const;
    /// The profile id of a user, if they have one.
    net::awaitable<std::optional<std::string>> id_for_user(db::Executor& db, std::string user_id) const;
    net::awaitable<bool> valid_timezone(db::Executor& db, std::string name) const;
    net::awaitable<SearchPage> search(db::Executor& db, SearchQuery q) const;
    /// The favourites page of a user (the favorite_masters rows are the favorites module's).
    net::awaitable<SearchPage> favorites(db::Executor& db, std::string user_id, int limit,
                                         std::optional<core::PageCursor> cursor) const;
    /// Adds one review's rating to the aggregate, inside the reviewer's transaction.
    net::awaitable<void> add_rating(db::Executor& db, std::string master_id, int rating) const;
};

}  // namespace service::masters
