#pragma once
#include "infra/jobs/runner.hpp"
#include "modules/notifications/routes.hpp"
#include "modules/notifications/service.hpp"

namespace service::notifications {

/// In-app notifications, preferences, devices and push. Public: `service` (create, for modules
/// inside a job of their own) and notice.hpp (enqueue, for every module).
struct Module {
    Module(db::Pool& pool, realtime::Publisher& publisher, const media::Service& media, infra::BlockingPool& blocking,
           infra::push::Provider& push, const core::Clock& clock)
        : service(pool, repository, publisher, media, blocking, push, clock), routes(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }
    void register_jobs(infra::jobs::Runner& runner);

    Repository repository;
    Service service;
    Routes routes;
};

}  // namespace service::notifications
