#pragma once
#include <string>
#include <vector>

#include "infra/redis.hpp"
#include "modules/posts/post.hpp"
#include "realtime/events.hpp"
#include "realtime/publisher.hpp"

namespace service::posts {

/// Live counts of open posts: a client sends `post:watch {ids}` for the posts on its screen
/// (and `post:unwatch {ids}` when they leave it) and gets `post:updated {id, counts}` whenever
/// a like, comment or repost changes them. Who watches what lives in Redis (one sorted set per
/// post, scored by when the watch lapses), so a change on any node reaches watchers on every
/// node; a watch lapses after kWatchLifetime unless renewed. Best effort, like every socket
/// event: without Redis nobody is told, and the REST counts stay right.
class Watchers {
  public:
    static constexpr std::size_t kMaxIds = 50;
    static constexpr std::chrono::minutes kWatchLifetime{10};

    Watchers(infra::RedisClient& redis, realtime::Publisher& publisher) : redis_(redis), publisher_(publisher) {}

    net::awaitable<void> watch(std::string user, std::vector<std::string> post_ids);
    net::awaitable<void> unwatch(std::string user, std::vector<std::string> post_ids);
    /// Tells the post's current watchers its counts.
    net::awaitable<void> announce(std::string post_id, Counts counts);

  private:
    infra::RedisClient& redis_;
    realtime::Publisher& publisher_;
};

}  // namespace service::posts
