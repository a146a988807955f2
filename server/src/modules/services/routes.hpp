#pragma once
#include "core/router.hpp"
#include "modules/services/price_list.hpp"

namespace service::services {

/// The caller's price list: GET/POST /api/v1/masters/me/services, PATCH/DELETE …/{id}.
class Routes {
  public:
    explicit Routes(PriceList& price_list) : price_list_(price_list) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> list(core::Request& req);
    net::awaitable<core::Response> create(core::Request& req);
    net::awaitable<core::Response> update(core::Request& req);
    net::awaitable<core::Response> remove(core::Request& req);

    PriceList& price_list_;
};

/// Validates a service body; with `partial` every field is optional (PATCH).
ServiceChanges parse_service(const boost::json::object& body, bool partial);

}  // namespace service::services
