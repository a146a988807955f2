#include "modules/social/repository.hpp"

#include "social_sql.hpp"

namespace service::social {
namespace {

// The columns of every friend_requests statement: id, from, to, status, created_at, sort key.
FriendRequest request_from_row(const db::Row& row) {
    FriendRequest r;
    r.id = row.get<std::string>(0);
    r.from_id = row.get<std::string>(1);
    r.to_id = row.get<std::string>(2);
    r.status = row.get<std::string>(3);
    r.created_at = row.get<std::string>(4);
    return r;
}

std::optional<FriendRequest> first_request(const db::Result& rows) {
    if (rows.empty()) return std::nullopt;
    return request_from_row(rows[0]);
}

db::Statement list_statement(Relation relation) {
    switch (relation) {
        case Relation::kFollowers:
            return sql::kListFollowers;
        case Relation::kFollowing:
            return sql::kListFollowing;
        case Relation::kFriends:
            break;
    }
    return sql::kListFriends;
}

}  // namespace

net::awaitable<void> Repository::lock_pair(db::Executor& db, std::string a, std::string b) const {
    co_await db.query(sql::kLockPair, db::Params(a, b));
}

net::awaitable<bool> Repository::visible(db::Executor& db, std::optional<std::string> viewer, std::string user) const {
    const auto rows = co_await db.query(sql::kVisibleUser, db::Params(viewer, user));
    co_return !rows.empty();
}

net::awaitable<bool> Repository::exists(db::Executor& db, std::string user) const {
    const auto rows = co_await db.query(sql::kUserExists, db::Params(user));
    co_return rows[0].get<bool>(0);
}

net::awaitable<std::optional<ProfileRow>> Repository::profile(db::Executor& db, std::string user,
                                                              std::optional<std::string> viewer) const {
    const auto rows = co_await db.query(sql::kGetProfile, db::Params(user, viewer));
    if (rows.empty()) co_return std::nullopt;
    const auto row = rows[0];
    ProfileRow p;
    p.id = row.get<std::string>(0);
    p.name = row.get<std::string>(1);
    p.role = row.get<std::string>(2);
    p.city = row.get<std::optional<std::string>>(3);
    p.avatar_media_id = row.get<std::optional<std::string>>(4);
    p.master_id = row.get<std::optional<std::string>>(5);
    p.followers = row.get<std::int64_t>(6);
    p.following = row.get<std::int64_t>(7);
    p.friends = row.get<std::int64_t>(8);
    p.posts = row.get<std::int64_t>(9);
    p.viewer_follows = row.get<bool>(10);
    p.follows_viewer = row.get<bool>(11);
    p.friends_with_viewer = row.get<bool>(12);
    p.pending = row.get<std::optional<std::string>>(13);
    p.muted = row.get<bool>(14);
    co_return p;
}

net::awaitable<bool> Repository::follow(db::Executor& db, std::string follower, std::string followee) const {
    const auto rows = co_await db.query(sql::kInsertFollow, db::Params(follower, followee));
    co_return rows.affected() > 0;
}

net::awaitable<void> Repository::unfollow(db::Executor& db, std::string follower, std::string followee) const {
    co_await db.query(sql::kDeleteFollow, db::Params(follower, followee));
}

net::awaitable<db::Page<Listed>> Repository::list(db::Executor& db, Relation relation, std::string user,
                                                  std::optional<std::string> viewer, core::PageRequest page) const {
    db::Params p(user, viewer);
    db::add_page(p, page);
    const auto rows = co_await db.query(list_statement(relation), std::move(p));
    co_return db::read_page(rows, page, 1, 0, [](const db::Row& row) { return Listed{row.get<std::string>(0)}; });
}

net::awaitable<bool> Repository::are_friends(db::Executor& db, std::string a, std::string b) const {
    const auto rows = co_await db.query(sql::kAreFriends, db::Params(a, b));
    co_return rows[0].get<bool>(0);
}

net::awaitable<void> Repository::befriend(db::Executor& db, std::string a, std::string b) const {
    co_await db.query(sql::kInsertFriendship, db::Params(a, b));
}

net::awaitable<bool> Repository::unfriend(db::Executor& db, std::string a, std::string b) const {
    const auto rows = co_await db.query(sql::kDeleteFriendship, db::Params(a, b));
    co_return rows.affected() > 0;
}

net::awaitable<std::optional<FriendRequest>> Repository::pending_between(db::Executor& db, std::string a,
                                                                         std::string b) const {
    const auto rows = co_await db.query(sql::kFindPendingRequest, db::Params(a, b));
    co_return first_request(rows);
}

net::awaitable<std::optional<FriendRequest>> Repository::request(db::Executor& db, std::string id) const {
    const auto rows = co_await db.query(sql::kGetFriendRequest, db::Params(id));
    co_return first_request(rows);
}

net::awaitable<FriendRequest> Repository::insert_request(db::Executor& db, std::string from, std::string to) const {
    const auto rows = co_await db.query(sql::kInsertFriendRequest, db::Params(from, to));
    co_return request_from_row(rows[0]);
}

net::awaitable<std::optional<FriendRequest>> Repository::decide(db::Executor& db, std::string id,
                                                                std::string status) const {
    const auto rows = co_await db.query(sql::kDecideFriendRequest, db::Params(id, status));
    co_return first_request(rows);
}

net::awaitable<db::Page<FriendRequest>> Repository::requests(db::Executor& db, Direction direction, std::string user,
                                                             core::PageRequest page) const {
    db::Params p(user);
    db::add_page(p, page);
    const auto statement = direction == Direction::kIncoming ? sql::kListIncomingRequests : sql::kListOutgoingRequests;
    const auto rows = co_await db.query(statement, std::move(p));
    co_return db::read_page(rows, page, 5, 0, request_from_row);
}

net::awaitable<void> Repository::mute(db::Executor& db, std::string user, std::string muted) const {
    co_await db.query(sql::kInsertMute, db::Params(user, muted));
}

net::awaitable<void> Repository::unmute(db::Executor& db, std::string user, std::string muted) const {
    co_await db.query(sql::kDeleteMute, db::Params(user, muted));
}

net::awaitable<void> Repository::block(db::Executor& db, std::string blocker, std::string blocked) const {
    co_await db.query(sql::kInsertBlock, db::Params(blocker, blocked));
}

net::awaitable<void> Repository::unlink(db::Executor& db, std::string a, std::string b) const {
    co_await db.query(sql::kUnlinkPair, db::Params(a, b));
}

net::awaitable<void> Repository::unblock(db::Executor& db, std::string blocker, std::string blocked) const {
    co_await db.query(sql::kDeleteBlock, db::Params(blocker, blocked));
}

net::awaitable<std::vector<BlockedUser>> Repository::blocks(db::Executor& db, std::string blocker) const {
    const auto rows = co_await db.query(sql::kListBlocks, db::Params(blocker));
    std::vector<BlockedUser> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        out.push_back({rows[i].get<std::string>(0), rows[i].get<std::string>(1), rows[i].get<std::string>(2)});
    }
    co_return out;
}

}  // namespace service::social
