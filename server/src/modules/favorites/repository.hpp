#pragma once
#include <string>

#include "db/keyset.hpp"
#include "db/pool.hpp"

namespace service::favorites {

/// A favourite master: the id and when it was added (its sort key).
struct Favorite {
    std::string master_id;
};

/// The favorite_masters table.
class Repository {
  public:
    /// Idempotent; throws db::ForeignKeyViolation when `master_id` is not a master.
    net::awaitable<void> add(db::Executor& db, std::string user_id, std::string master_id) const;
    net::awaitable<void> remove(db::Executor& db, std::string user_id, std::string master_id) const;
    /// Newest first.
    net::awaitable<db::Page<Favorite>> list(db::Executor& db, std::string user_id, core::PageRequest page) const;
};

}  // namespace service::favorites
