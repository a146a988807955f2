#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/keyset.hpp"
#include "db/pool.hpp"

namespace service::social {

/// A profile's row: the user, their counts and how the viewer relates to them.
struct ProfileRow {
    std::string id;
    std::string name;
    std::string role;
    std::optional<std::string> city;
    std::optional<std::string> avatar_media_id;
    std::optional<std::string> master_id;
    std::int64_t followers = 0;
    std::int64_t following = 0;
    std::int64_t friends = 0;
    std::int64_t posts = 0;
    bool viewer_follows = false;
    bool follows_viewer = false;
    bool friends_with_viewer = false;
    std::optional<std::string> pending;  // "outgoing" | "incoming": a pending request with the viewer
    bool muted = false;
};

/// A row of friend_requests.
struct FriendRequest {
    std::string id;
    std::string from_id;
    std::string to_id;
    std::string status;  // pending | accepted | declined | cancelled
    std::string created_at;
};

/// A user in a list (followers, following, friends); the page cursor holds the sort key.
struct Listed {
    std::string user_id;
};

struct BlockedUser {
    std::string user_id;
    std::string display_name;
    std::string created_at;
};

enum class Relation { kFollowers, kFollowing, kFriends };
enum class Direction { kIncoming, kOutgoing };

/// follows, friend_requests, friendships, mutes and blocked_users. Reads users and masters
/// (profiles, cards) and posts (a profile's post count).
class Repository {
  public:
    /// Takes the pair's lock for the rest of the transaction (either order of a and b).
    net::awaitable<void> lock_pair(db::Executor& db, std::string a, std::string b) const;
    /// Whether `user` is active and neither of `viewer` and `user` blocked the other.
    net::awaitable<bool> visible(db::Executor& db, std::optional<std::string> viewer, std::string user) const;
    net::awaitable<bool> exists(db::Executor& db, std::string user) const;
    net::awaitable<std::optional<ProfileRow>> profile(db::Executor& db, std::string user,
                                                      std::optional<std::string> viewer) const;

    /// true when the follow is new.
    net::awaitable<bool> follow(db::Executor& db, std::string follower, std::string followee) const;
    net::awaitable<void> unfollow(db::Executor& db, std::string follower, std::string followee) const;
    net::awaitable<db::Page<Listed>> list(db::Executor& db, Relation relation, std::string user,
                                          std::optional<std::string> viewer, core::PageRequest page) const;

    net::awaitable<bool> are_friends(db::Executor& db, std::string a, std::string b) const;
    net::awaitable<void> befriend(db::Executor& db, std::string a, std::string b) const;
    /// true when they were friends.
    net::awaitable<bool> unfriend(db::Executor& db, std::string a, std::string b) const;
    net::awaitable<std::optional<FriendRequest>> pending_between(db::Executor& db, std::string a, std::string b) const;
    net::awaitable<std::optional<FriendRequest>> request(db::Executor& db, std::string id) const;
    net::awaitable<FriendRequest> insert_request(db::Executor& db, std::string from, std::string to) const;
    /// Moves a pending request to `status`; nullopt when it was not pending.
    net::awaitable<std::optional<FriendRequest>> decide(db::Executor& db, std::string id, std::string status) const;
    net::awaitable<db::Page<FriendRequest>> requests(db::Executor& db, Direction direction, std::string user,
                                                     core::PageRequest page) const;

    net::awaitable<void> mute(db::Executor& db, std::string user, std::string muted) const;
    net::awaitable<void> unmute(db::Executor& db, std::string user, std::string muted) const;

    net::awaitable<void> block(db::Executor& db, std::string blocker, std::string blocked) const;
    /// Removes the pair's follows, friendship and pending requests, both ways.
    net::awaitable<void> unlink(db::Executor& db, std::string a, std::string b) const;
    net::awaitable<void> unblock(db::Executor& db, std::string blocker, std::string blocked) const;
    net::awaitable<std::vector<BlockedUser>> blocks(db::Executor& db, std::string blocker) const;
};

}  // namespace service::social
