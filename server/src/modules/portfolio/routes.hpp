#pragma once
#include "core/router.hpp"
#include "modules/portfolio/service.hpp"

namespace service::portfolio {

/// GET /api/v1/masters/{id}/portfolio and /api/v1/masters/me/portfolio… HTTP only.
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> list(core::Request& req);
    net::awaitable<core::Response> add(core::Request& req);
    net::awaitable<core::Response> change(core::Request& req);
    net::awaitable<core::Response> remove(core::Request& req);

    Service& service_;
};

}  // namespace service::portfolio
