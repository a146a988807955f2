#pragma once
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "db/pool.hpp"
#include "modules/media/service.hpp"

namespace service::social {

/// A user as every list shows them (followers, friends, a post's author or likers):
/// `{id, name, avatar_url, role, master_id | null}`.
struct UserCard {
    std::string id;
    std::string name;
    std::string role;
    std::optional<std::string> avatar_url;  // the avatar's thumb; null without an avatar
    std::optional<std::string> master_id;   // their master profile, when they have one
};

boost::json::object to_json(const UserCard& card);

/// Loads user cards, many in one query. Who may see whom (blocks, bans) is the caller's rule:
/// a card is returned for every existing user asked for.
class UserCards {
  public:
    UserCards(db::Pool& pool, const media::Service& media) : pool_(pool), media_(media) {}

    /// The cards of `ids` in the order given (repeats included); ids of no user are left out.
    net::awaitable<std::vector<UserCard>> load(std::vector<std::string> ids) const;
    /// The same on `db` (e.g. inside a transaction).
    net::awaitable<std::vector<UserCard>> load(db::Executor& db, std::vector<std::string> ids) const;

  private:
    db::Pool& pool_;
    const media::Service& media_;
};

}  // namespace service::social
