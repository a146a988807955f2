#include "modules/social/service.hpp"

#include <map>

#include "core/problem.hpp"
#include "core/validation.hpp"
#include "modules/notifications/notice.hpp"

namespace service::social {
namespace {

core::ApiError no_such_user() { return core::ApiError::not_found("No such user."); }
core::ApiError no_such_request() { return core::ApiError::not_found("No such friend request."); }

void not_yourself(const std::string& viewer, const std::string& user, std::string_view field, std::string message) {
    if (viewer == user) throw core::ApiError::validation({{std::string(field), std::move(message)}});
}

core::ApiError closed(const std::string& status) {
    std::string detail = "This friend request was ";
    detail += status;
    detail += '.';
    return core::ApiError::conflict("request_closed", std::move(detail));
}

notifications::Notice friend_request_notice(const FriendRequest& r) {
    notifications::Notice notice;
    notice.type = "friend_request";
    notice.recipient = r.to_id;
    notice.actor = r.from_id;
    notice.target = boost::json::object{{"type", "friend_request"}, {"id", r.id}, {"from_user_id", r.from_id}};
    notice.dedupe_key = "friend_request:" + r.id;
    return notice;
}

}  // namespace

net::awaitable<void> Service::visible_or_404(db::Executor& db, std::optional<std::string> viewer, std::string user) {
    if (!core::is_uuid(user)) throw no_such_user();
    const bool visible = co_await repository_.visible(db, std::move(viewer), std::move(user));
    if (!visible) throw no_such_user();
}

net::awaitable<Profile> Service::profile(std::optional<std::string> viewer, std::string user) {
    if (!core::is_uuid(user)) throw no_such_user();
    auto row = co_await repository_.profile(pool_, user, std::move(viewer));
    if (!row) throw no_such_user();
    Profile out{std::move(*row), std::nullopt, nullptr};
    if (out.row.avatar_media_id) {
        std::vector<std::string> ids{*out.row.avatar_media_id};
        const auto photos = co_await media_.get_many(std::move(ids));
        if (!photos.empty()) {  // else deleted a moment ago (the FK clears the column)
            out.avatar_url = media_.public_url(*out.row.avatar_media_id);
            out.avatar = media_.variants_json(photos.front());
        }
    }
    co_return out;
}

net::awaitable<void> Service::follow(std::string viewer, std::string user) {
    if (!core::is_uuid(user)) throw no_such_user();
    not_yourself(viewer, user, "id", "you cannot follow yourself");
    auto tx = co_await db::Transaction::begin(pool_);
    co_await repository_.lock_pair(tx, viewer, user);
    co_await visible_or_404(tx, viewer, user);
    const bool added = co_await repository_.follow(tx, viewer, user);
    if (added) {
        // One notice per pair ever (the dedupe key): unfollowing and following again is quiet.
        notifications::Notice notice;
        notice.type = "new_follower";
        notice.recipient = user;
        notice.actor = viewer;
        notice.target = boost::json::object{{"type", "user"}, {"id", user}, {"user_id", user}};
        notice.dedupe_key = "new_follower:" + viewer;
        notice.dedupe_key += ':';
        notice.dedupe_key += user;
        co_await notifications::enqueue(tx, std::move(notice));
    }
    co_await tx.commit();
}

net::awaitable<void> Service::unfollow(std::string viewer, std::string user) {
    if (!core::is_uuid(user)) throw no_such_user();
    not_yourself(viewer, user, "id", "you cannot follow yourself");
    co_await visible_or_404(pool_, viewer, user);
    co_await repository_.unfollow(pool_, viewer, user);
}

net::awaitable<CardPage> Service::list(Relation relation, std::optional<std::string> viewer, std::string user,
                                       core::PageRequest page) {
    co_await visible_or_404(pool_, viewer, user);
    auto found = co_await repository_.list(pool_, relation, user, viewer, page);
    std::vector<std::string> ids;
    ids.reserve(found.items.size());
    for (auto& listed : found.items) ids.push_back(std::move(listed.user_id));
    auto cards = co_await cards_.load(std::move(ids));
    co_return CardPage{std::move(cards), std::move(found.next)};
}

net::awaitable<FriendRequest> Service::accept_on(db::Executor& tx, FriendRequest request) {
    auto accepted = co_await repository_.decide(tx, request.id, "accepted");
    if (!accepted) throw core::ApiError::conflict("conflict", "The request changed meanwhile; retry.");
    co_await repository_.befriend(tx, accepted->from_id, accepted->to_id);
    notifications::Notice notice;
    notice.type = "friend_accepted";
    notice.recipient = accepted->from_id;
    notice.actor = accepted->to_id;
    notice.target = boost::json::object{{"type", "friend_request"}, {"id", accepted->id}, {"user_id", accepted->to_id}};
    notice.dedupe_key = "friend_accepted:" + accepted->id;
    co_await notifications::enqueue(tx, std::move(notice));
    co_return std::move(*accepted);
}

net::awaitable<SentRequest> Service::send_request(std::string viewer, std::string to) {
    if (!core::is_uuid(to)) throw no_such_user();
    not_yourself(viewer, to, "user_id", "you cannot send a friend request to yourself");
    auto tx = co_await db::Transaction::begin(pool_);
    // Two users asking each other at once: the second waits here, then finds the first's request.
    co_await repository_.lock_pair(tx, viewer, to);
    co_await visible_or_404(tx, viewer, to);
    const bool friends = co_await repository_.are_friends(tx, viewer, to);
    if (friends) throw core::ApiError::conflict("already_friends", "You are friends already.");
    auto pending = co_await repository_.pending_between(tx, viewer, to);
    FriendRequest request;
    bool created = false;
    if (pending && pending->from_id == viewer) {
        request = std::move(*pending);  // asked again: the same request
    } else if (pending) {
        request = co_await accept_on(tx, std::move(*pending));  // they asked first: this accepts
    } else {
        request = co_await repository_.insert_request(tx, viewer, to);
        created = true;
        auto notice = friend_request_notice(request);
        co_await notifications::enqueue(tx, std::move(notice));
    }
    co_await tx.commit();
    auto view = co_await with_cards(std::move(request));
    co_return SentRequest{std::move(view), created};
}

net::awaitable<RequestPage> Service::requests(std::string viewer, Direction direction, core::PageRequest page) {
    auto found = co_await repository_.requests(pool_, direction, viewer, page);
    auto items = co_await with_cards(std::move(found.items));
    co_return RequestPage{std::move(items), std::move(found.next)};
}

net::awaitable<FriendRequest> Service::request_of(std::string viewer, std::string id, bool as_sender) {
    if (!core::is_uuid(id)) throw no_such_request();
    auto request = co_await repository_.request(pool_, id);
    if (!request || (as_sender ? request->from_id : request->to_id) != viewer) throw no_such_request();
    co_return std::move(*request);
}

net::awaitable<RequestView> Service::accept(std::string viewer, std::string id) {
    const auto found = co_await request_of(viewer, id, false);
    auto tx = co_await db::Transaction::begin(pool_);
    co_await repository_.lock_pair(tx, found.from_id, found.to_id);
    auto request = co_await repository_.request(tx, id);  // as it is now, under the lock
    if (!request) throw no_such_request();                // a block removed it meanwhile
    if (request->status == "pending") {
        request = co_await accept_on(tx, std::move(*request));
    } else if (request->status != "accepted") {
        throw closed(request->status);
    }
    co_await tx.commit();
    co_return co_await with_cards(std::move(*request));
}

net::awaitable<RequestView> Service::decline(std::string viewer, std::string id) {
    const auto found = co_await request_of(viewer, id, false);
    auto tx = co_await db::Transaction::begin(pool_);
    co_await repository_.lock_pair(tx, found.from_id, found.to_id);
    auto request = co_await repository_.request(tx, id);
    if (!request) throw no_such_request();
    if (request->status == "pending") {
        request = co_await repository_.decide(tx, id, "declined");
        if (!request) throw no_such_request();  // cannot happen under the lock
    } else if (request->status != "declined") {
        throw closed(request->status);
    }
    co_await tx.commit();
    co_return co_await with_cards(std::move(*request));
}

net::awaitable<void> Service::cancel(std::string viewer, std::string id) {
    const auto found = co_await request_of(viewer, id, true);
    auto tx = co_await db::Transaction::begin(pool_);
    co_await repository_.lock_pair(tx, found.from_id, found.to_id);
    const auto request = co_await repository_.request(tx, id);
    if (!request) co_return;  // a block removed it: nothing left to cancel
    if (request->status == "accepted") {
        throw core::ApiError::conflict("request_closed", "This friend request was accepted; unfriend instead.");
    }
    if (request->status == "pending") co_await repository_.decide(tx, id, "cancelled");
    co_await tx.commit();
}

net::awaitable<void> Service::unfriend(std::string viewer, std::string user) {
    co_await visible_or_404(pool_, viewer, user);
    co_await repository_.unfriend(pool_, viewer, user);
}

net::awaitable<void> Service::mute(std::string viewer, std::string user) {
    if (!core::is_uuid(user)) throw no_such_user();
    not_yourself(viewer, user, "id", "you cannot mute yourself");
    co_await visible_or_404(pool_, viewer, user);
    co_await repository_.mute(pool_, viewer, user);
}

net::awaitable<void> Service::unmute(std::string viewer, std::string user) {
    co_await visible_or_404(pool_, viewer, user);
    co_await repository_.unmute(pool_, viewer, user);
}

net::awaitable<void> Service::block(std::string viewer, std::string user) {
    if (!core::is_uuid(user)) throw no_such_user();
    not_yourself(viewer, user, "id", "you cannot block yourself");
    auto tx = co_await db::Transaction::begin(pool_);
    const bool known = co_await repository_.exists(tx, user);
    if (!known) throw no_such_user();
    // Under the pair's lock, so a follow or a friend request racing the block cannot outlive it.
    co_await repository_.lock_pair(tx, viewer, user);
    co_await repository_.block(tx, viewer, user);
    co_await repository_.unlink(tx, viewer, user);
    co_await tx.commit();
}

net::awaitable<void> Service::unblock(std::string viewer, std::string user) {
    if (!core::is_uuid(user)) co_return;  // nobody by that id is blocked
    co_await repository_.unblock(pool_, viewer, user);
}

net::awaitable<std::vector<BlockedUser>> Service::blocks(std::string viewer) {
    co_return co_await repository_.blocks(pool_, viewer);
}

net::awaitable<RequestView> Service::with_cards(FriendRequest request) {
    std::vector<FriendRequest> one;
    one.push_back(std::move(request));
    auto views = co_await with_cards(std::move(one));
    if (views.empty()) throw no_such_request();  // a side's account was deleted meanwhile
    co_return std::move(views.front());
}

net::awaitable<std::vector<RequestView>> Service::with_cards(std::vector<FriendRequest> requests) {
    std::vector<std::string> ids;
    ids.reserve(requests.size() * 2);
    for (const auto& r : requests) {
        ids.push_back(r.from_id);
        ids.push_back(r.to_id);
    }
    const auto cards = co_await cards_.load(std::move(ids));
    std::map<std::string, const UserCard*, std::less<>> by_id;
    for (const auto& card : cards) by_id.emplace(card.id, &card);
    std::vector<RequestView> out;
    out.reserve(requests.size());
    for (auto& r : requests) {
        const auto from = by_id.find(r.from_id);
        const auto to = by_id.find(r.to_id);
        if (from == by_id.end() || to == by_id.end()) continue;
        out.push_back(RequestView{std::move(r), *from->second, *to->second});
    }
    co_return out;
}

}  // namespace service::social
