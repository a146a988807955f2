#pragma once
#include "core/router.hpp"
#include "modules/masters/repository.hpp"

namespace service::reviews {

/// POST /api/v1/bookings/{id}/review, POST /api/v1/reviews/{id}/reply,
/// GET /api/v1/masters/{id}/reviews. A review is possible once, by the client, for a
/// completed booking; the master's rating changes in the same transaction.
class Routes {
  public:
    Routes(db::Pool& pool, const masters::Repository& masters) : pool_(pool), masters_(masters) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> create(core::Request& req);
    net::awaitable<core::Response> reply(core::Request& req);
    net::awaitable<core::Response> list(core::Request& req);
    db::Pool& pool_;
    const masters::Repository& masters_;
};

}  // namespace service::reviews
