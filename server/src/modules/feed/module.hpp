#pragma once
#include "infra/jobs/runner.hpp"
#include "modules/feed/routes.hpp"
#include "modules/feed/service.hpp"

namespace service::feed {

/// The feed: GET /api/v1/feed (for_you, following, nearby), the snapshots that page it, the
/// popular list and feed:new_posts. Reads posts, the social graph and users; writes only
/// feed_popular. Renders through the posts module.
struct Module {
    Module(db::Pool& pool, posts::Service& posts, infra::RedisClient& redis, realtime::Publisher& publisher,
           const core::Clock& clock)
        : service(pool, repository, posts, redis, publisher, clock), routes(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }
    void register_jobs(infra::jobs::Runner& runner);

    Repository repository;
    Service service;
    Routes routes;
};

}  // namespace service::feed
