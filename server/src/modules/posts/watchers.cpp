#include "modules/posts/watchers.hpp"

#include <chrono>

namespace service::posts {
namespace {

std::string key_of(const std::string& post_id) { return "post:watchers:" + post_id; }

// Wall-clock milliseconds: every node scores the same sets, so they share one clock.
std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

net::awaitable<void> Watchers::watch(std::string user, std::vector<std::string> post_ids) {
    if (post_ids.empty()) co_return;
    const auto until = now_ms() + std::chrono::duration_cast<std::chrono::milliseconds>(kWatchLifetime).count();
    const auto ttl = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(kWatchLifetime).count());
    std::vector<std::vector<std::string>> commands;
    for (const auto& id : post_ids) {
        commands.push_back({"ZADD", key_of(id), std::to_string(until), user});
        commands.push_back({"EXPIRE", key_of(id), ttl});
    }
    co_await redis_.execute(std::move(commands));
}

net::awaitable<void> Watchers::unwatch(std::string user, std::vector<std::string> post_ids) {
    if (post_ids.empty()) co_return;
    std::vector<std::vector<std::string>> commands;
    for (const auto& id : post_ids) commands.push_back({"ZREM", key_of(id), user});
    co_await redis_.execute(std::move(commands));
}

net::awaitable<void> Watchers::announce(std::string post_id, Counts counts) {
    const auto key = key_of(post_id);
    std::vector<std::vector<std::string>> commands;
    commands.push_back({"ZREMRANGEBYSCORE", key, "-inf", std::to_string(now_ms())});
    commands.push_back({"ZRANGE", key, "0", "-1"});
    const auto replies = co_await redis_.execute(std::move(commands));
    if (!replies || replies->size() != 2) co_return;
    std::vector<std::string> users;
    for (const auto& e : (*replies)[1].elements) users.push_back(e.str);
    if (users.empty()) co_return;
    const boost::json::value event = boost::json::object{{"id", post_id}, {"counts", to_json(counts)}};
    publisher_.to_users(users, "post:updated", event);
}

}  // namespace service::posts
