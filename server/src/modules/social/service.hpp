#pragma once
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "db/keyset.hpp"
#include "db/pool.hpp"
#include "modules/media/service.hpp"
#include "modules/social/repository.hpp"
#include "modules/social/user_card.hpp"

namespace service::social {

/// A profile with its avatar resolved by the media module.
struct Profile {
    ProfileRow row;
    std::optional<std::string> avatar_url;  // the avatar's thumb
    boost::json::value avatar;              // its variants, or null
};

/// A friend request with both sides as cards.
struct RequestView {
    FriendRequest request;
    UserCard from;
    UserCard to;
};

struct SentRequest {
    RequestView view;
    bool created = false;  // false: the pending one already there (or the other side's, now accepted)
};

using CardPage = db::Page<UserCard>;
using RequestPage = db::Page<RequestView>;

/// The social graph's rules (docs/social.md). A user who blocked the viewer, or whom the viewer
/// blocked, does not exist for the viewer (404), except to unblock. Every change to a pair of
/// users runs under the pair's lock, so a block, a follow and two crossing friend requests
/// serialise: crossing requests end as one accepted request and a friendship. Notices go out
/// in the transaction of the change.
class Service {
  public:
    Service(db::Pool& pool, const Repository& repository, const UserCards& cards, media::Service& media)
        : pool_(pool), repository_(repository), cards_(cards), media_(media) {}

    net::awaitable<Profile> profile(std::optional<std::string> viewer, std::string user);

    net::awaitable<void> follow(std::string viewer, std::string user);
    net::awaitable<void> unfollow(std::string viewer, std::string user);
    /// `user`'s followers, followees or friends as the viewer may see them.
    net::awaitable<CardPage> list(Relation relation, std::optional<std::string> viewer, std::string user,
                                  core::PageRequest page);

    net::awaitable<SentRequest> send_request(std::string viewer, std::string to);
    net::awaitable<RequestPage> requests(std::string viewer, Direction direction, core::PageRequest page);
    /// The addressee only (anyone else: 404); accepting an accepted request returns it again.
    net::awaitable<RequestView> accept(std::string viewer, std::string id);
    /// The addressee only; declining a declined request returns it again.
    net::awaitable<RequestView> decline(std::string viewer, std::string id);
    /// The sender only; a request already closed stays as it is (an accepted one: 409).
    net::awaitable<void> cancel(std::string viewer, std::string id);
    net::awaitable<void> unfriend(std::string viewer, std::string user);

    net::awaitable<void> mute(std::string viewer, std::string user);
    net::awaitable<void> unmute(std::string viewer, std::string user);

    net::awaitable<void> block(std::string viewer, std::string user);
    net::awaitable<void> unblock(std::string viewer, std::string user);
    net::awaitable<std::vector<BlockedUser>> blocks(std::string viewer);

  private:
    /// 404 unless `user` is a uuid of an active user and no block stands between them.
    net::awaitable<void> visible_or_404(db::Executor& db, std::optional<std::string> viewer, std::string user);
    /// The request for its addressee (`as_sender` false) or sender; 404 for anyone else.
    net::awaitable<FriendRequest> request_of(std::string viewer, std::string id, bool as_sender);
    /// Accepts the pending `request` on `tx`: the friendship and the sender's notice.
    net::awaitable<FriendRequest> accept_on(db::Executor& tx, FriendRequest request);
    net::awaitable<RequestView> with_cards(FriendRequest request);
    net::awaitable<std::vector<RequestView>> with_cards(std::vector<FriendRequest> requests);

    db::Pool& pool_;
    const Repository& repository_;
    const UserCards& cards_;
    media::Service& media_;
};

}  // namespace service::social
