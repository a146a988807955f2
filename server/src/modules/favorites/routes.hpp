#pragma once
#include "core/router.hpp"
#include "modules/favorites/service.hpp"

namespace service::favorites {

/// PUT/DELETE /api/v1/favorites/masters/{id}, GET /api/v1/favorites/masters.
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> add(core::Request& req);
    net::awaitable<core::Response> remove(core::Request& req);
    net::awaitable<core::Response> list(core::Request& req);
    Service& service_;
};

}  // namespace service::favorites
