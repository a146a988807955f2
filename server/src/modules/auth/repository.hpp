#pragma once
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "db/pool.hpp"

namespace service::auth {

struct StoredRefreshToken {
    std::string id;
    std::string user_id;
    std::string family_id;
    bool expired = false;
    bool rotated = false;
    bool revoked = false;
};

/// The refresh_tokens table. Tokens are looked up by their SHA-256 hash; the raw token is
/// never stored.
class Repository {
  public:
    /// Deletes the tokens that expired before `before`, in batches; returns how many.
    net::awaitable<long long> purge_expired(db::Executor& db, std::string before) const;
    /// The token expires `ttl_days` after `now`.
    net::awaitable<void> insert(db::Executor& db, std::string user_id, std::string family_id, std::string token_hash,
                                int ttl_days, core::TimePoint now) const;
    /// Locks the row until the transaction ends; `expired` is measured against `now`.
    net::awaitable<std::optional<StoredRefreshToken>> lock(db::Executor& db, std::string token_hash,
                                                           core::TimePoint now) const;
    net::awaitable<void> mark_rotated(db::Executor& db, std::string id) const;
    net::awaitable<void> revoke_family(db::Executor& db, std::string family_id) const;
    net::awaitable<void> revoke_family_of(db::Executor& db, std::string token_hash) const;
};

}  // namespace service::auth
