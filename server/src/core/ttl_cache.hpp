#pragma once
#include <algorithm>
#include <array>
#include <chrono>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

/// A small in-process cache for values that rarely change and are read on hot paths (a ready
/// photo's row). Each entry lives at most `ttl`; each of the 16 shards keeps at most
/// max_entries / 16 and drops its least recently used entry to take a new one. Thread-safe: a
/// shard is locked only for the map operation, never across a co_await. Values are copied out,
/// so keep them small or cheap to copy.
///
/// What it is not: a shared cache. Every server node has its own, so an entry may be stale for
/// up to `ttl` after another node changed the row; use it only where that is acceptable and say
/// so where it is used.
namespace service::core {

template <typename Value>
class TtlCache {
  public:
    using Clock = std::chrono::steady_clock;

    TtlCache(std::size_t max_entries, Clock::duration ttl)
        : per_shard_(std::max<std::size_t>(1, max_entries / kShards)), ttl_(ttl) {}

    std::optional<Value> get(std::string_view key) {
        auto& shard = shard_of(key);
        const auto now = Clock::now();
        std::lock_guard lock(shard.mutex);
        const auto found = shard.index.find(std::string(key));
        if (found == shard.index.end()) return std::nullopt;
        auto entry = found->second;
        if (entry->expires <= now) {
            shard.index.erase(found);
            shard.order.erase(entry);
            return std::nullopt;
        }
        shard.order.splice(shard.order.begin(), shard.order, entry);  // most recently used first
        return entry->value;
    }

    void put(std::string key, Value value) {
        auto& shard = shard_of(key);
        const auto expires = Clock::now() + ttl_;
        std::lock_guard lock(shard.mutex);
        if (const auto found = shard.index.find(key); found != shard.index.end()) {
            found->second->value = std::move(value);
            found->second->expires = expires;
            shard.order.splice(shard.order.begin(), shard.order, found->second);
            return;
        }
        if (shard.index.size() >= per_shard_) {
            shard.index.erase(shard.order.back().key);
            shard.order.pop_back();
        }
        shard.order.push_front(Entry{key, std::move(value), expires});
        shard.index.emplace(std::move(key), shard.order.begin());
    }

    void erase(std::string_view key) {
        auto& shard = shard_of(key);
        std::lock_guard lock(shard.mutex);
        const auto found = shard.index.find(std::string(key));
        if (found == shard.index.end()) return;
        shard.order.erase(found->second);
        shard.index.erase(found);
    }

    std::size_t size() {
        std::size_t n = 0;
        for (auto& shard : shards_) {
            std::lock_guard lock(shard.mutex);
            n += shard.index.size();
        }
        return n;
    }

  private:
    static constexpr std::size_t kShards = 16;
    struct Entry {
        std::string key;
        Value value;
        Clock::time_point expires;
    };
    struct Shard {
        std::mutex mutex;
        std::list<Entry> order;
        std::unordered_map<std::string, typename std::list<Entry>::iterator> index;
    };

    Shard& shard_of(std::string_view key) { return shards_[std::hash<std::string_view>{}(key) % kShards]; }

    std::size_t per_shard_;
    Clock::duration ttl_;
    std::array<Shard, kShards> shards_;
};

}  // namespace service::core
