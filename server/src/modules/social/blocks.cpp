#include "modules/social/blocks.hpp"

#include "social_sql.hpp"

namespace service::social {

net::awaitable<bool> is_blocked_between(db::Executor& db, std::string a, std::string b) {
    const auto rows = co_await db.query(sql::kIsBlockedBetween, db::Params(a, b));
    co_return rows[0].get<bool>(0);
}

}  // namespace service::social
