#pragma once
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/asio.hpp"

namespace service::core {

/// A shared counter store (Redis in production). increment() returns the new value of `key`,
/// creating it with `ttl`, or nullopt when the store cannot answer right now.
class CounterStore {
  public:
    virtual ~CounterStore() = default;
    virtual net::awaitable<std::optional<std::int64_t>> increment(std::string key, std::chrono::seconds ttl) = 0;
};

struct RateDecision {
    bool allowed = true;
    std::int64_t retry_after_seconds = 0;
};

/// Fixed one-minute windows per (bucket, client IP). Counts live in the shared store so every
/// node sees the same totals; when the store is down each node counts in-process instead.
class RateLimiter {
  public:
    explicit RateLimiter(CounterStore* store) : store_(store) {}

    net::awaitable<RateDecision> hit(std::string bucket, std::string client, int limit_per_minute);
    /// The in-process fallback alone (also what hit() uses when the store fails).
    RateDecision hit_local(const std::string& key, int limit_per_minute, std::int64_t window);

  private:
    CounterStore* store_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::pair<std::int64_t, std::int64_t>> local_;  // key -> (window, count)
    std::int64_t last_prune_window_ = 0;
};

}  // namespace service::core
