#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/pagination.hpp"
#include "db/pool.hpp"
#include "infra/redis.hpp"
#include "modules/feed/ranking.hpp"
#include "modules/feed/repository.hpp"
#include "modules/feed/snapshots.hpp"
#include "modules/posts/service.hpp"
#include "realtime/publisher.hpp"

namespace service::feed {

/// The job kind the posts module enqueues, in the publishing transaction, for each new post:
/// payload {"post_id", "author_id"}.
inline constexpr std::string_view kPostPublishedJob = "feed.post_published";
/// The periodic rebuild of feed_popular.
inline constexpr std::string_view kRefreshPopularJob = "feed.refresh_popular";
inline constexpr auto kRefreshPopularEvery = std::chrono::minutes(15);

/// How many entries a ranked list (and so a snapshot) holds at most.
inline constexpr std::size_t kSnapshotSize = 500;
inline constexpr auto kSnapshotTtl = std::chrono::minutes(5);

struct FeedRequest {
    Tab tab = Tab::kForYou;
    int limit = 20;
    std::optional<std::string> cursor;      // for_you and nearby: a snapshot cursor, as sent
    std::optional<core::PageCursor> after;  // following: the keyset cursor
    std::optional<Point> point;             // lat/lon of the request
};

struct FeedPage {
    std::vector<boost::json::object> items;
    std::optional<std::string> next_cursor;
};

/// GET /api/v1/feed (docs/feed.md). for_you and nearby rank up to 500 posts per viewer in one
/// statement, keep the ranked list as a snapshot in Redis and page through it; following pages
/// by keyset. Posts are rendered by the posts module, which drops what the viewer may not see
/// (deleted, hidden, blocked either way); pages are refilled from further entries when it does.
class Service {
  public:
    Service(db::Pool& pool, const Repository& repository, posts::Service& posts, infra::RedisClient& redis,
            realtime::Publisher& publisher, const core::Clock& clock)
        : pool_(pool),
          repository_(repository),
          posts_(posts),
          snapshots_(redis, kSnapshotTtl),
          publisher_(publisher),
          clock_(clock) {}

    net::awaitable<FeedPage> page(std::string viewer, FeedRequest request);

    /// feed.post_published: the post joins the popular list; the author's followers and friends
    /// get `feed:new_posts {count: 1}`.
    net::awaitable<void> post_published(std::string post_id, std::string author_id);
    /// feed.refresh_popular: rebuilds the popular list in one transaction.
    net::awaitable<void> refresh_popular();

  private:
    struct Filled {
        std::vector<boost::json::object> items;
        std::size_t consumed = 0;  // entries used, shown or skipped
    };

    net::awaitable<FeedPage> following(std::string viewer, FeedRequest request);
    net::awaitable<FeedPage> first_page(std::string viewer, FeedRequest request);
    net::awaitable<FeedPage> next_page(std::string viewer, FeedRequest request, SnapshotCursor cursor);
    /// The viewer's ranked list of post ids, computed now.
    net::awaitable<std::vector<std::string>> ranked(std::string viewer, Tab tab, std::optional<Point> point);
    /// The request's point, else the profile's location, else its city's centre (Moscow).
    net::awaitable<Point> viewer_point(std::string viewer, std::optional<Point> given);
    /// Renders entries from `entries[offset]` on until `limit` are visible or the entries end.
    net::awaitable<Filled> fill(std::string viewer, std::vector<std::string> entries, std::size_t offset,
                                std::size_t limit);

    db::Pool& pool_;
    const Repository& repository_;
    posts::Service& posts_;
    Snapshots snapshots_;
    realtime::Publisher& publisher_;
    const core::Clock& clock_;
};

}  // namespace service::feed
