#pragma once
#include "core/router.hpp"
#include "modules/users/service.hpp"

namespace service::users {

/// GET and PATCH /api/v1/users/me.
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> get_me(core::Request& req);
    net::awaitable<core::Response> patch_me(core::Request& req);
    Service& service_;
};

/// Parses a PATCH /users/me body; throws 400/422 problems.
ProfileChanges parse_profile_changes(const boost::json::object& body);

}  // namespace service::users
