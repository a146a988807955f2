#pragma once
#include "modules/categories/service.hpp"
#include "modules/media/service.hpp"
#include "modules/users/routes.hpp"
#include "modules/users/service.hpp"

namespace service::users {

/// Accounts and profiles. Public: `repository` (auth writes accounts in its own transactions),
/// `principals` (who a token belongs to, for the HTTP and socket auth).
struct Module {
    Module(db::Pool& pool, categories::Service& categories, media::Service& media)
        : principals(pool, repository), service(pool, repository, categories, media), routes(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }

    Repository repository;
    PrincipalLoader principals;
    Service service;
    Routes routes;
};

}  // namespace service::users
