#pragma once
#include <string>

#include "db/pool.hpp"

/// Blocks as other modules ask about them. The table is the social module's (blocked_users);
/// other modules may also read it in their own SQL (a chat's send checks it in one statement).
namespace service::social {

/// Whether either user blocked the other, on `db` (the pool or the caller's transaction).
net::awaitable<bool> is_blocked_between(db::Executor& db, std::string a, std::string b);

}  // namespace service::social
