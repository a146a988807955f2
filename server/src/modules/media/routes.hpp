#pragma once
#include "core/router.hpp"
#include "modules/media/service.hpp"

namespace service::media {

/// /api/v1/media… (start an upload, the local backend's PUT, complete, read, delete) and the
/// files themselves at /media/{id}/{variant}.{webp|jpg}. HTTP only: parse, call, render.
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> create_upload(core::Request& req);
    net::awaitable<core::Response> receive_upload(core::Request& req);
    net::awaitable<core::Response> complete(core::Request& req);
    net::awaitable<core::Response> get_one(core::Request& req);
    net::awaitable<core::Response> remove(core::Request& req);
    net::awaitable<core::Response> serve(core::Request& req);

    Service& service_;
};

/// "http://host:port" of the request as the client addressed it (the Host header; https when a
/// trusted proxy says so), for the absolute URLs in responses.
std::string request_origin(const core::Request& req);

/// Answers a GET of `body` honouring a single "Range: bytes=…" (206, or 416 when it cannot be
/// satisfied); other range forms are ignored and the whole body is sent.
void apply_range(const core::Request& req, core::Response& res, std::string body);

}  // namespace service::media
