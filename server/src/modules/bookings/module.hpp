#pragma once
#include "infra/jobs/runner.hpp"
#include "modules/bookings/routes.hpp"
#include "modules/bookings/service.hpp"

namespace service::bookings {

/// Free slots and bookings. Public: `service` (reviews asks it about bookings).
struct Module {
    Module(db::Pool& pool, realtime::Publisher& publisher, const core::Clock& clock)
        : service(pool, repository, publisher, clock), routes(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }
    /// `bookings.updated` (the outbox of booking:updated) and the purge of old idempotency keys.
    void register_jobs(infra::jobs::Runner& runner);

    Repository repository;
    Service service;
    Routes routes;
};

}  // namespace service::bookings
