#pragma once
#include "modules/favorites/routes.hpp"
#include "modules/favorites/service.hpp"

namespace service::favorites {

/// A user's favourite masters.
struct Module {
    Module(db::Pool& pool, masters::Service& masters) : service(pool, repository, masters), routes(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }

    Repository repository;
    Service service;
    Routes routes;
};

}  // namespace service::favorites
