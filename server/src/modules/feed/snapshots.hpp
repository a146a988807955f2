#pragma once
#include <chrono>
#include <string>
#include <vector>

#include "infra/redis.hpp"

namespace service::feed {

/// A slice of a snapshot, or why there is none.
struct SnapshotSlice {
    enum class Status { kOk, kGone, kUnavailable } status = Status::kUnavailable;
    std::vector<std::string> entries;
    std::size_t total = 0;  // the snapshot's length
};

/// Viewers' ranked lists in Redis (docs/feed.md): one list per snapshot under
/// "feed:snap:<viewer>:<id>", living `ttl` after it was written or last read. Nothing else per
/// viewer is kept anywhere.
class Snapshots {
  public:
    Snapshots(infra::RedisClient& redis, std::chrono::milliseconds ttl) : redis_(redis), ttl_(ttl) {}

    /// Stores `entries` (not empty) as a new snapshot; false when Redis is unavailable.
    net::awaitable<bool> save(std::string viewer, std::string id, std::vector<std::string> entries);
    /// Entries [offset, offset + count) and the length, extending the snapshot's life by the TTL.
    net::awaitable<SnapshotSlice> read(std::string viewer, std::string id, std::size_t offset, std::size_t count);

    static std::string key(const std::string& viewer, const std::string& id);

  private:
    infra::RedisClient& redis_;
    std::chrono::milliseconds ttl_;
};

}  // namespace service::feed
