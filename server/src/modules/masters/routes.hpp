#pragma once
#include "core/router.hpp"
#include "db/pool.hpp"
#include "modules/categories/repository.hpp"
#include "modules/masters/repository.hpp"
#include "modules/services/repository.hpp"

namespace service::masters {

/// PUT/GET /api/v1/masters/me, GET /api/v1/masters/{id}, GET /api/v1/masters (nearby search).
class Routes {
  public:
    Routes(db::Pool& pool, const Repository& masters, const services::Repository& services,
           const categories::Repository& categories)
        : pool_(pool), masters_(masters), services_(services), categories_(categories) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> put_me(core::Request& req);
    net::awaitable<core::Response> get_me(core::Request& req);
    net::awaitable<core::Response> get_one(core::Request& req);
    net::awaitable<core::Response> search(core::Request& req);
    net::awaitable<boost::json::object> profile_json(Profile profile);

    db::Pool& pool_;
    const Repository& masters_;
    const services::Repository& services_;
    const categories::Repository& categories_;
};

/// Parses and validates a PUT /masters/me body (422 lists every bad field).
ProfileInput parse_profile_input(const boost::json::object& body);

}  // namespace service::masters
