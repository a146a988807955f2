#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/pool.hpp"
#include "modules/categories/service.hpp"
#include "modules/services/repository.hpp"

namespace service::services {

/// The service layer of the module (named for what it keeps: `Service` is one line of it).
/// A master edits only their own lines; a line's category must exist; deleting a line
/// deactivates it, so past bookings keep their snapshot and the line its id.
class PriceList {
  public:
    PriceList(db::Pool& pool, const Repository& repository, categories::Service& categories)
        : pool_(pool), repository_(repository), categories_(categories) {}

    net::awaitable<std::vector<Service>> list(std::string master_id, bool active_only);
    net::awaitable<Service> create(std::string master_id, ServiceChanges changes);
    /// 404 when the line is not this master's.
    net::awaitable<Service> update(std::string master_id, std::string id, ServiceChanges changes);
    net::awaitable<void> remove(std::string master_id, std::string id);

  private:
    net::awaitable<void> require_category(std::string category_id);

    db::Pool& pool_;
    const Repository& repository_;
    categories::Service& categories_;
};

}  // namespace service::services
