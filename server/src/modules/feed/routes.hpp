#pragma once
#include "core/router.hpp"
#include "modules/feed/service.hpp"

namespace service::feed {

/// GET /api/v1/feed. HTTP only.
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> feed(core::Request& req);

    Service& service_;
};

}  // namespace service::feed
