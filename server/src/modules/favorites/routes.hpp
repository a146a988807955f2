#pragma once
#include "core/router.hpp"
#include "modules/masters/repository.hpp"

namespace service::favorites {

/// PUT/DELETE /api/v1/favorites/masters/{id}, GET /api/v1/favorites/masters. The module owns
/// favorite_masters; the list is rendered by the masters module like a search page.
class Routes {
  public:
    Routes(db::Pool& pool, const masters::Repository& masters) : pool_(pool), masters_(masters) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> add(core::Request& req);
    net::awaitable<core::Response> remove(core::Request& req);
    net::awaitable<core::Response> list(core::Request& req);
    db::Pool& pool_;
    const masters::Repository& masters_;
};

}  // namespace service::favorites
