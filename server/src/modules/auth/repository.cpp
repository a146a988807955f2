#include "modules/auth/repository.hpp"

#include "db/batches.hpp"

#include "auth_sql.hpp"

namespace service::auth {

net::awaitable<void> Repository::insert(db::Executor& db, std::string user_id, std::string family_id,
                                        std::string token_hash, int ttl_days, core::TimePoint now) const {
    co_await db.query(sql::kInsertRefreshToken,
                      db::Params(user_id, family_id, token_hash, ttl_days, core::to_timestamptz(now)));
}

net::awaitable<std::optional<StoredRefreshToken>> Repository::lock(db::Executor& db, std::string token_hash,
                                                                   core::TimePoint now) const {
    const auto rows = co_await db.query(sql::kLockRefreshToken, db::Params(token_hash, core::to_timestamptz(now)));
    if (rows.empty()) co_return std::nullopt;
    const auto r = rows[0];
    co_return StoredRefreshToken{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                                 r.get<bool>(3),        r.get<bool>(4),        r.get<bool>(5)};
}

net::awaitable<void> Repository::mark_rotated(db::Executor& db, std::string id) const {
    co_await db.query(sql::kMarkRefreshTokenRotated, db::Params(id));
}

net::awaitable<void> Repository::revoke_family(db::Executor& db, std::string family_id) const {
    co_await db.query(sql::kRevokeRefreshFamily, db::Params(family_id));
}

net::awaitable<void> Repository::revoke_family_of(db::Executor& db, std::string token_hash) const {
    co_await db.query(sql::kRevokeRefreshFamilyByToken, db::Params(token_hash));
}

net::awaitable<long long> Repository::purge_expired(db::Executor& db, std::string before) const {
    co_return co_await db::delete_in_batches(db, sql::kPurgeExpiredRefreshTokens, std::move(before));
}

}  // namespace service::auth
