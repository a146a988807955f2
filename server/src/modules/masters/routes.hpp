#pragma once
#include "core/router.hpp"
#include "modules/masters/service.hpp"

namespace service::masters {

/// PUT/GET /api/v1/masters/me, GET /api/v1/masters/{id}, GET /api/v1/masters (nearby search).
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> put_me(core::Request& req);
    net::awaitable<core::Response> get_me(core::Request& req);
    net::awaitable<core::Response> get_one(core::Request& req);
    net::awaitable<core::Response> search(core::Request& req);

    Service& service_;
};

/// Parses and validates a PUT /masters/me body (422 lists every bad field).
ProfileInput parse_profile_input(const boost::json::object& body);
boost::json::object to_json(const ProfileView& view);

}  // namespace service::masters
