#pragma once
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "modules/media/processor.hpp"
#include "modules/media/routes.hpp"
#include "modules/media/service.hpp"

namespace service::media {

/// Photos: uploads, processing, serving. The store is the platform's (infra/storage, chosen
/// by STORAGE_BACKEND); signed URLs use a key derived from JWT_SECRET, so every node accepts
/// the URLs any node minted.
struct Module {
    Module(db::Pool& pool, infra::storage::Storage& storage, infra::BlockingPool& io, const core::Clock& clock,
           const core::Config& config)
        : processor(pool, repository, storage, clock, config.media_workers, config.media_sweep_interval),
          service(pool, repository, storage, processor, io, clock,
                  core::hmac_sha256(config.jwt_secret, "service media URLs v1")),
          routes(service) {}

    void register_routes(core::Router& router) { routes.register_routes(router); }
    void start(net::io_context& ioc) { processor.start(net::make_strand(ioc)); }
    void stop() { processor.stop(); }

    Repository repository;
    Processor processor;
    Service service;
    Routes routes;
};

}  // namespace service::media
