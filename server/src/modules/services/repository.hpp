#pragma once
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "db/pool.hpp"

namespace service::services {

/// One line of a master's price list.
struct Service {
    std::string id;
    std::string name;
    std::string description;
    std::string category_id;
    std::int64_t price_minor = 0;
    std::string currency;
    int duration_min = 0;
    bool active = true;
    std::string master_id;  // filled by get()
};

boost::json::object to_json(const Service& s);

struct ServiceChanges {
    std::optional<std::string> name, description, category_id;
    std::optional<std::int64_t> price_minor;
    std::optional<int> duration_min;
    std::optional<bool> active;
};

/// The master_services table; public to masters (profile) and bookings (snapshots).
class Repository {
  public:
    net::awaitable<std::vector<Service>> list(db::Executor& db, std::string master_id, bool active_only) const;
    net::awaitable<std::optional<Service>> get(db::Executor& db, std::string id) const;
    net::awaitable<Service> insert(db::Executor& db, std::string master_id, Service s) const;
    /// nullopt when the service is not this master's.
    net::awaitable<std::optional<Service>> update(db::Executor& db, std::string id, std::string master_id,
                                                  ServiceChanges changes) const;
    net::awaitable<bool> deactivate(db::Executor& db, std::string id, std::string master_id) const;
};

}  // namespace service::services
