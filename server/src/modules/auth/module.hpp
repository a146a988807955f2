#pragma once
#include "modules/auth/routes.hpp"
#include "modules/auth/service.hpp"

namespace service::auth {

/// Registration, login, refresh-token rotation, logout.
struct Module {
    Module(db::Pool& pool, const users::Repository& users, const core::jwt::Codec& jwt, infra::BlockingPool& blocking,
           int bcrypt_cost, const core::Clock& clock)
        : service(pool, users, repository, jwt, blocking, bcrypt_cost, clock), routes(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }

    Repository repository;
    Service service;
    Routes routes;
};

}  // namespace service::auth
