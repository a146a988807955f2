#pragma once
#include "modules/categories/routes.hpp"
#include "modules/categories/service.hpp"

namespace service::categories {

/// The category catalogue. Public: `service`.
struct Module {
    explicit Module(db::Pool& pool) : service(pool, repository), routes(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }

    Repository repository;
    Service service;
    Routes routes;
};

}  // namespace service::categories
