#pragma once
#include <string>
#include <vector>

#include "db/pool.hpp"
#include "modules/categories/repository.hpp"

namespace service::categories {

/// The catalogue other modules refer to by id: the only way they read it.
class Service {
  public:
    Service(db::Pool& pool, const Repository& repository) : pool_(pool), repository_(repository) {}

    net::awaitable<std::vector<Category>> list();
    /// True when every id names a category (an empty list is fine).
    net::awaitable<bool> all_exist(std::vector<std::string> ids);

  private:
    db::Pool& pool_;
    const Repository& repository_;
};

}  // namespace service::categories
