#pragma once
#include "modules/schedule/routes.hpp"
#include "modules/schedule/service.hpp"

namespace service::schedule {

/// Masters' working hours and exceptions.
struct Module {
    Module(db::Pool& pool, masters::Service& masters) : service(pool, repository, masters), routes(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }

    Repository repository;
    Service service;
    Routes routes;
};

}  // namespace service::schedule
