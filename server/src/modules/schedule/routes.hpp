#pragma once
#include "core/router.hpp"
#include "modules/masters/repository.hpp"
#include "modules/schedule/repository.hpp"

namespace service::schedule {

/// GET/PUT /api/v1/masters/me/schedule and PUT/DELETE …/schedule/exceptions/{date}.
class Routes {
  public:
    Routes(db::Pool& pool, const Repository& schedule, const masters::Repository& masters)
        : pool_(pool), schedule_(schedule), masters_(masters) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<std::pair<std::string, std::string>> my_master(core::Request& req);  // id, timezone
    net::awaitable<core::Response> get(core::Request& req);
    net::awaitable<core::Response> put_weekly(core::Request& req);
    net::awaitable<core::Response> put_exception(core::Request& req);
    net::awaitable<core::Response> delete_exception(core::Request& req);
    net::awaitable<boost::json::object> schedule_json(std::string master_id, std::string timezone);

    db::Pool& pool_;
    const Repository& schedule_;
    const masters::Repository& masters_;
};

}  // namespace service::schedule
