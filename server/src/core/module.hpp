#pragma once
#include "core/router.hpp"

namespace service::core {

/// The usual shape of a module: a repository, a service over it and whatever the module needs
/// from others (named by the service's constructor), and routes over the service. A module
/// with another shape (events, a differently named service) writes its own struct with the
/// same members; app/ only needs register_routes (and register_events when it has events).
template <typename Repository, typename Service, typename Routes>
struct StandardModule {
    template <typename Pool, typename... Deps>
    explicit StandardModule(Pool& pool, Deps&... deps) : service(pool, repository, deps...), routes(service) {}
    void register_routes(Router& router) { routes.register_routes(router); }

    Repository repository;
    Service service;
    Routes routes;
};

}  // namespace service::core
