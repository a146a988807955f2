#pragma once
#include "modules/system/routes.hpp"

namespace service::system {

/// Operational endpoints (health, readiness, metrics, OpenAPI).
struct Module {
    Module(db::Pool& pool, infra::RedisClient& redis, core::Metrics& metrics, const MigrationState& migrations)
        : routes(pool, redis, metrics, migrations) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }

    Routes routes;
};

}  // namespace service::system
