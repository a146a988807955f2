#pragma once
#include "core/router.hpp"
#include "modules/schedule/service.hpp"

namespace service::schedule {

/// GET/PUT /api/v1/masters/me/schedule and PUT/DELETE …/schedule/exceptions/{date}.
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> get(core::Request& req);
    net::awaitable<core::Response> put_weekly(core::Request& req);
    net::awaitable<core::Response> put_exception(core::Request& req);
    net::awaitable<core::Response> delete_exception(core::Request& req);

    Service& service_;
};

}  // namespace service::schedule
