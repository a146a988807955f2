#pragma once
#include "core/router.hpp"
#include "modules/notifications/service.hpp"

namespace service::notifications {

/// GET /api/v1/notifications, GET …/unread_count, POST …/read, GET|PUT …/preferences;
/// POST /api/v1/devices, DELETE /api/v1/devices/{token}, GET /api/v1/users/me/devices.
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> list(core::Request& req);
    net::awaitable<core::Response> unread_count(core::Request& req);
    net::awaitable<core::Response> read(core::Request& req);
    net::awaitable<core::Response> get_preferences(core::Request& req);
    net::awaitable<core::Response> put_preferences(core::Request& req);
    net::awaitable<core::Response> add_device(core::Request& req);
    net::awaitable<core::Response> remove_device(core::Request& req);
    net::awaitable<core::Response> devices(core::Request& req);
    Service& service_;
};

}  // namespace service::notifications
