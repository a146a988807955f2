#pragma once
#include "modules/media/service.hpp"
#include "modules/social/routes.hpp"
#include "modules/social/service.hpp"
#include "modules/social/user_card.hpp"

namespace service::social {

/// The social graph: profiles, follows, friends, mutes and blocks. Public: `cards` (user cards
/// for other modules' lists) and, in blocks.hpp, is_blocked_between.
struct Module {
    Module(db::Pool& pool, media::Service& media)
        : cards(pool, media), service(pool, repository, cards, media), routes(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }

    Repository repository;
    UserCards cards;
    Service service;
    Routes routes;
};

}  // namespace service::social
