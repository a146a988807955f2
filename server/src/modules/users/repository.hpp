#pragma once
#include <optional>
#include <string>

#include "core/http_types.hpp"
#include "db/pool.hpp"
#include "modules/users/user.hpp"

namespace service::users {

struct Credentials {
    std::string user_id;
    std::string password_hash;
    bool banned = false;
};

/// The only code that touches the users table. Public to other modules (auth creates users
/// and checks credentials through it).
class Repository {
  public:
    net::awaitable<std::optional<User>> get(db::Executor& db, std::string id) const;
    /// nullopt when the email is taken.
    net::awaitable<std::optional<User>> insert(db::Executor& db, std::string email, std::string password_hash,
                                               std::string name, std::string role) const;
    net::awaitable<std::optional<Credentials>> find_credentials(db::Executor& db, std::string email) const;
    /// The role of an active (not banned) user.
    /// The principal of an active (not banned) user: role and master profile id.
    net::awaitable<std::optional<core::Principal>> active_principal(db::Executor& db, std::string id) const;
    net::awaitable<std::optional<User>> update_profile(db::Executor& db, std::string id, ProfileChanges changes) const;
    /// Creates the account as admin, or promotes an existing one and resets its password.
    net::awaitable<std::string> upsert_admin(db::Executor& db, std::string email, std::string password_hash,
                                             std::string name) const;
};

}  // namespace service::users
