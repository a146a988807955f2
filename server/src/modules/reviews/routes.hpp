#pragma once
#include "core/router.hpp"
#include "modules/reviews/service.hpp"

namespace service::reviews {

/// POST /api/v1/bookings/{id}/review, POST /api/v1/reviews/{id}/reply,
/// GET /api/v1/masters/{id}/reviews.
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> create(core::Request& req);
    net::awaitable<core::Response> reply(core::Request& req);
    net::awaitable<core::Response> list(core::Request& req);
    Service& service_;
};

}  // namespace service::reviews
