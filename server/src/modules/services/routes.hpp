#pragma once
#include "core/router.hpp"
#include "modules/categories/repository.hpp"
#include "modules/masters/repository.hpp"
#include "modules/services/repository.hpp"

namespace service::services {

/// The caller's price list: GET/POST /api/v1/masters/me/services, PATCH/DELETE …/{id}.
class Routes {
  public:
    Routes(db::Pool& pool, const Repository& services, const masters::Repository& masters,
           const categories::Repository& categories)
        : pool_(pool), services_(services), masters_(masters), categories_(categories) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<std::string> my_master_id(core::Request& req);
    net::awaitable<core::Response> list(core::Request& req);
    net::awaitable<core::Response> create(core::Request& req);
    net::awaitable<core::Response> update(core::Request& req);
    net::awaitable<core::Response> remove(core::Request& req);

    db::Pool& pool_;
    const Repository& services_;
    const masters::Repository& masters_;
    const categories::Repository& categories_;
};

/// Validates a service body; with `partial` every field is optional (PATCH).
ServiceChanges parse_service(const boost::json::object& body, bool partial);

}  // namespace service::services
