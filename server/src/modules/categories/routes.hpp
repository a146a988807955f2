#pragma once
#include "core/router.hpp"
#include "db/pool.hpp"
#include "modules/categories/repository.hpp"

namespace service::categories {

/// GET /api/v1/categories.
class Routes {
  public:
    Routes(db::Pool& pool, const Repository& repository) : pool_(pool), repository_(repository) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> list(core::Request& req);
    db::Pool& pool_;
    const Repository& repository_;
};

}  // namespace service::categories
