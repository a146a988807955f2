#pragma once
#include "core/router.hpp"
#include "modules/auth/service.hpp"

namespace service::auth {

/// POST /api/v1/auth/{register,login,refresh,logout}.
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> register_user(core::Request& req);
    net::awaitable<core::Response> login(core::Request& req);
    net::awaitable<core::Response> refresh(core::Request& req);
    net::awaitable<core::Response> logout(core::Request& req);
    Service& service_;
};

/// Parses and validates a registration body (422 lists every bad field).
Registration parse_registration(const boost::json::object& body);
boost::json::object to_json(const Session& session);

}  // namespace service::auth
