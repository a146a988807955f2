#pragma once
#include "core/router.hpp"
#include "modules/chats/service.hpp"

namespace service::chats {

/// /api/v1/chats… (chats, participants, messages, delivery and read marks). The block list moved
/// to the social module. HTTP only: parse, call the service, render.
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> create(core::Request& req);
    net::awaitable<core::Response> list(core::Request& req);
    net::awaitable<core::Response> get_one(core::Request& req);
    net::awaitable<core::Response> rename(core::Request& req);
    net::awaitable<core::Response> add_participant(core::Request& req);
    net::awaitable<core::Response> remove_participant(core::Request& req);
    net::awaitable<core::Response> history(core::Request& req);
    net::awaitable<core::Response> send(core::Request& req);
    net::awaitable<core::Response> edit_message(core::Request& req);
    net::awaitable<core::Response> delete_message(core::Request& req);
    net::awaitable<core::Response> mark(core::Request& req, Mark mark);

    Service& service_;
};

}  // namespace service::chats
