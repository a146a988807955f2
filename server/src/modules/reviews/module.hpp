#pragma once
#include "modules/reviews/routes.hpp"
#include "modules/reviews/service.hpp"

namespace service::reviews {

/// Reviews of completed visits and masters' replies.
struct Module {
    Module(db::Pool& pool, bookings::Service& bookings, masters::Service& masters)
        : service(pool, repository, bookings, masters), routes(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }

    Repository repository;
    Service service;
    Routes routes;
};

}  // namespace service::reviews
