#pragma once
#include "modules/bookings/routes.hpp"
#include "modules/bookings/service.hpp"

namespace service::bookings {

/// Free slots and bookings. Public: `service` (reviews asks it about bookings).
struct Module {
    Module(db::Pool& pool, realtime::Publisher& publisher) : service(pool, repository, publisher), routes(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }

    Repository repository;
    Service service;
    Routes routes;
};

}  // namespace service::bookings
