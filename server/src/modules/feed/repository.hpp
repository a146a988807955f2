#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/pagination.hpp"
#include "db/keyset.hpp"
#include "db/pool.hpp"
#include "modules/feed/ranking.hpp"

namespace service::feed {

/// Where the viewer's profile puts them.
struct ViewerPlace {
    std::optional<Point> location;
    std::string city;
};

/// A nearby candidate.
struct NearbyRow {
    std::string post_id;
    std::string author_id;
    double distance_m = 0;
    double age_s = 0;
};

/// An entry of the following tab.
struct FollowingRow {
    std::string post_id;
    std::optional<std::string> repost_id;
};

/// The feed's SQL: reads of posts, the social graph and users (other modules' tables, read
/// only), and feed_popular, the one table it writes.
class Repository {
  public:
    net::awaitable<std::optional<ViewerPlace>> viewer_place(db::Executor& db, std::string viewer) const;
    /// for_you stage one (sql/rank_for_you.sql). `now` and `since` are RFC 3339.
    net::awaitable<std::vector<Candidate>> for_you_candidates(db::Executor& db, std::string viewer, Point at,
                                                              std::string now, std::string since) const;
    net::awaitable<std::vector<NearbyRow>> nearby_candidates(db::Executor& db, std::string viewer, Point at,
                                                             std::string now, std::string since) const;
    /// A page of the following tab; the cursor is (entry time, entry id).
    net::awaitable<db::Page<FollowingRow>> following(db::Executor& db, std::string viewer,
                                                     core::PageRequest page) const;

    /// Rebuilds feed_popular (call inside a transaction).
    net::awaitable<void> refresh_popular(db::Executor& tx, std::string now) const;
    /// Adds a new post to feed_popular; false when it is gone or hidden.
    net::awaitable<bool> add_popular(db::Executor& db, std::string post_id, std::string now) const;
    /// Who hears of a new post by `author`.
    net::awaitable<std::vector<std::string>> audience(db::Executor& db, std::string author) const;
};

}  // namespace service::feed
