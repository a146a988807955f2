#pragma once
#include "modules/posts/routes.hpp"
#include "modules/posts/service.hpp"
#include "modules/posts/socket_events.hpp"

namespace service::posts {

/// Posts with photos, likes, comments and reposts, with live counts over Socket.IO. Public:
/// `service` (the feed renders posts through Service::render).
struct Module {
    Module(db::Pool& pool, media::Service& media, categories::Service& categories, infra::RedisClient& redis,
           realtime::Publisher& publisher)
        : watchers(redis, publisher), service(pool, repository, media, categories, watchers), routes(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }
    void register_events(realtime::EventRegistry& registry) { posts::register_events(registry, service); }

    Repository repository;
    Watchers watchers;
    Service service;
    Routes routes;
};

}  // namespace service::posts
