#pragma once
#include "modules/chats/routes.hpp"
#include "modules/chats/service.hpp"
#include "modules/chats/socket_events.hpp"

namespace service::chats {

/// Chats, messages, receipts and the block list, over REST and Socket.IO events.
struct Module {
    Module(db::Pool& pool, realtime::Publisher& publisher, const realtime::PresenceView& presence,
           media::Service& media)
        : service(pool, repository, publisher, presence, media), routes(service), events(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }
    void register_events(realtime::EventRegistry& registry) { events.register_events(registry); }

    Repository repository;
    Service service;
    Routes routes;
    SocketEvents events;
};

}  // namespace service::chats
