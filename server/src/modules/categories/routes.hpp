#pragma once
#include "core/router.hpp"
#include "modules/categories/service.hpp"

namespace service::categories {

/// GET /api/v1/categories.
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> list(core::Request& req);
    Service& service_;
};

}  // namespace service::categories
