#pragma once
#include "core/router.hpp"
#include "modules/social/service.hpp"

namespace service::social {

/// /api/v1/users/{id} (the profile), …/follow, …/followers, …/following, …/friends, …/mute,
/// …/block, /api/v1/users/me/blocks and /api/v1/friends…. HTTP only: parse, call the service,
/// render.
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> profile(core::Request& req);
    net::awaitable<core::Response> follow(core::Request& req);
    net::awaitable<core::Response> unfollow(core::Request& req);
    net::awaitable<core::Response> list(core::Request& req, Relation relation);
    net::awaitable<core::Response> send_request(core::Request& req);
    net::awaitable<core::Response> requests(core::Request& req);
    net::awaitable<core::Response> accept(core::Request& req);
    net::awaitable<core::Response> decline(core::Request& req);
    net::awaitable<core::Response> cancel(core::Request& req);
    net::awaitable<core::Response> unfriend(core::Request& req);
    net::awaitable<core::Response> mute(core::Request& req);
    net::awaitable<core::Response> unmute(core::Request& req);
    net::awaitable<core::Response> block(core::Request& req);
    net::awaitable<core::Response> unblock(core::Request& req);
    net::awaitable<core::Response> blocks(core::Request& req);

    Service& service_;
};

}  // namespace service::social
