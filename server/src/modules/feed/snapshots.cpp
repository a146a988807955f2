#include "modules/feed/snapshots.hpp"

#include <algorithm>

namespace service::feed {
namespace {

// Longer than Redis calls usually wait (250 ms): under load the server's own queue delays the
// answer, and a snapshot given up on costs far more, since every later page of that scroll is
// ranked again (bench/results/feed-2026-12-03-d267202-scale0.01.md, finding 2).
constexpr std::chrono::milliseconds kTimeout{2000};

}  // namespace

std::string Snapshots::key(const std::string& viewer, const std::string& id) {
    std::string key = "feed:snap:";
    key += viewer;
    key += ':';
    key += id;
    return key;
}

net::awaitable<bool> Snapshots::save(std::string viewer, std::string id, std::vector<std::string> entries) {
    const auto name = key(viewer, id);
    std::vector<std::string> push;
    push.reserve(entries.size() + 2);
    push.emplace_back("RPUSH");
    push.push_back(name);
    for (auto& e : entries) push.push_back(std::move(e));
    std::vector<std::vector<std::string>> commands;
    commands.push_back(std::move(push));
    commands.push_back({"PEXPIRE", name, std::to_string(ttl_.count())});
    const auto replies = co_await redis_.execute(std::move(commands), kTimeout);
    if (!replies || replies->size() != 2) co_return false;
    co_return (*replies)[0].type == infra::RedisReply::Type::kInteger &&
        (*replies)[1].type == infra::RedisReply::Type::kInteger && (*replies)[1].integer == 1;
}

net::awaitable<SnapshotSlice> Snapshots::read(std::string viewer, std::string id, std::size_t offset,
                                              std::size_t count) {
    const auto name = key(viewer, id);
    SnapshotSlice slice;
    // PEXPIRE first: it extends the life and says whether the snapshot still exists.
    std::vector<std::vector<std::string>> commands;
    commands.push_back({"PEXPIRE", name, std::to_string(ttl_.count())});
    commands.push_back({"LLEN", name});
    commands.push_back({"LRANGE", name, std::to_string(offset), std::to_string(offset + count - 1)});
    const auto replies = co_await redis_.execute(std::move(commands), kTimeout);
    if (!replies || replies->size() != 3 || (*replies)[0].type != infra::RedisReply::Type::kInteger) co_return slice;
    if ((*replies)[0].integer == 0) {
        slice.status = SnapshotSlice::Status::kGone;
        co_return slice;
    }
    slice.status = SnapshotSlice::Status::kOk;
    slice.total = static_cast<std::size_t>(std::max<std::int64_t>(0, (*replies)[1].integer));
    for (const auto& e : (*replies)[2].elements) slice.entries.push_back(e.str);
    co_return slice;
}

}  // namespace service::feed
