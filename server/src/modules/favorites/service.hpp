#pragma once
#include <string>

#include "db/keyset.hpp"
#include "db/pool.hpp"
#include "modules/favorites/repository.hpp"
#include "modules/masters/service.hpp"

namespace service::favorites {

/// A user's favourite masters. Adding is idempotent and an unknown master is a 404; the list
/// keeps this module's order and asks the masters module for the cards.
class Service {
  public:
    Service(db::Pool& pool, const Repository& repository, masters::Service& masters)
        : pool_(pool), repository_(repository), masters_(masters) {}

    net::awaitable<void> add(std::string user_id, std::string master_id);
    net::awaitable<void> remove(std::string user_id, std::string master_id);
    net::awaitable<db::Page<masters::Card>> list(std::string user_id, core::PageRequest page);

  private:
    db::Pool& pool_;
    const Repository& repository_;
    masters::Service& masters_;
};

}  // namespace service::favorites
