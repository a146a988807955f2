#include "core/rate_limit.hpp"

namespace service::core {
namespace {

std::int64_t now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

net::awaitable<RateDecision> RateLimiter::hit(std::string bucket, std::string client, int limit_per_minute) {
    if (limit_per_minute <= 0) co_return RateDecision{};
    const auto now = now_seconds();
    const auto window = now / 60;
    const auto retry_after = 60 - now % 60;
    std::string key = "rl:" + bucket + ":" + client + ":" + std::to_string(window);
    if (store_ != nullptr) {
        if (auto count = co_await store_->increment(key, std::chrono::seconds(61))) {
            if (*count > limit_per_minute) co_return RateDecision{false, retry_after};
            co_return RateDecision{};
        }
    }
    co_return hit_local(key, limit_per_minute, window);
}

RateDecision RateLimiter::hit_local(const std::string& key, int limit_per_minute, std::int64_t window) {
    std::lock_guard lock(mutex_);
    if (window != last_prune_window_) {
        // Windows are a minute long: anything older is dead weight.
        std::erase_if(local_, [window](const auto& kv) { return kv.second.first < window; });
        last_prune_window_ = window;
    }
    auto& entry = local_[key];
    if (entry.first != window) entry = {window, 0};
    ++entry.second;
    if (entry.second > limit_per_minute) {
        return RateDecision{false, 60 - now_seconds() % 60};
    }
    return RateDecision{};
}

}  // namespace service::core
