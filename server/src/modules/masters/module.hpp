#pragma once
#include "modules/masters/routes.hpp"
#include "modules/masters/service.hpp"

namespace service::masters {

/// Master profiles and the nearby search. Public: `service`.
struct Module {
    Module(db::Pool& pool, services::PriceList& price_list, categories::Service& categories)
        : service(pool, repository, price_list, categories), routes(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }

    Repository repository;
    Service service;
    Routes routes;
};

}  // namespace service::masters
