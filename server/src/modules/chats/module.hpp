#pragma once
#include "infra/jobs/runner.hpp"
#include "modules/chats/routes.hpp"
#include "modules/chats/service.hpp"
#include "modules/chats/socket_events.hpp"

namespace service::chats {

/// Chats, messages and receipts, over REST and Socket.IO events (blocks are the social module's).
struct Module {
    Module(db::Pool& pool, realtime::Publisher& publisher, const realtime::PresenceView& presence,
           media::Service& media, notifications::Service& notifications, const core::Clock& clock)
        : service(pool, repository, publisher, presence, media, notifications, clock),
          routes(service),
          events(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }
    void register_events(realtime::EventRegistry& registry) { events.register_events(registry); }
    void register_jobs(infra::jobs::Runner& runner) {
        auto* s = &service;
        runner.handle("chats.message_push", 8, [s](infra::jobs::Job job) { return s->push_unread(std::move(job)); });
    }

    Repository repository;
    Service service;
    Routes routes;
    SocketEvents events;
};

}  // namespace service::chats
