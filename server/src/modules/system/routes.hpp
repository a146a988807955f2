#pragma once
#include <atomic>
#include <string>

#include "core/metrics.hpp"
#include "core/router.hpp"
#include "db/pool.hpp"
#include "infra/redis.hpp"

namespace service::system {

/// What /ready reports about migrations; written by the start-up migrator.
struct MigrationState {
    std::atomic<bool> done{false};
    std::atomic<bool> failed{false};
};

/// Operational endpoints: /health, /ready, /metrics and the OpenAPI document.
class Routes {
  public:
    Routes(db::Pool& pool, infra::RedisClient& redis, core::Metrics& metrics, const MigrationState& migrations)
        : pool_(pool), redis_(redis), metrics_(metrics), migrations_(migrations) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> health(core::Request& req);
    net::awaitable<core::Response> ready(core::Request& req);
    net::awaitable<core::Response> metrics(core::Request& req);
    net::awaitable<core::Response> openapi(core::Request& req);

    db::Pool& pool_;
    infra::RedisClient& redis_;
    core::Metrics& metrics_;
    const MigrationState& migrations_;
};

/// The OpenAPI 3.1 document (docs/openapi.json, embedded at build time).
std::string_view openapi_document();

}  // namespace service::system
