#pragma once
#include "modules/services/price_list.hpp"
#include "modules/services/routes.hpp"

namespace service::services {

/// Masters' price lists. Public: `price_list`.
struct Module {
    Module(db::Pool& pool, categories::Service& categories)
        : price_list(pool, repository, categories), routes(price_list) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }

    Repository repository;
    PriceList price_list;
    Routes routes;
};

}  // namespace service::services
