#pragma once
#include "core/log.hpp"
#include "infra/jobs/runner.hpp"
#include "modules/auth/routes.hpp"
#include "modules/auth/service.hpp"

namespace service::auth {

inline net::awaitable<void> purge_tokens(Service* service, infra::jobs::Job /*job*/) {
    const auto deleted = co_await service->purge_expired_tokens();
    core::log::info("purged expired refresh tokens", {{"deleted", deleted}});
}

/// Registration, login, refresh-token rotation, logout.
struct Module {
    Module(db::Pool& pool, const users::Repository& users, const core::jwt::Codec& jwt, infra::BlockingPool& blocking,
           int bcrypt_cost, const core::Clock& clock)
        : service(pool, users, repository, jwt, blocking, bcrypt_cost, clock), routes(service) {}
    void register_routes(core::Router& router) { routes.register_routes(router); }
    /// The hourly purge of expired refresh tokens.
    void register_jobs(infra::jobs::Runner& runner) {
        auto* s = &service;
        runner.every("auth.purge_refresh_tokens", std::chrono::hours(1),
                     [s](infra::jobs::Job job) { return purge_tokens(s, std::move(job)); });
    }

    Repository repository;
    Service service;
    Routes routes;
};

}  // namespace service::auth
