#pragma once
#include "core/router.hpp"
#include "modules/posts/service.hpp"

namespace service::posts {

/// /api/v1/posts…, /api/v1/users/{id}/posts and /api/v1/comments/{id}… HTTP only.
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> create(core::Request& req);
    net::awaitable<core::Response> get_one(core::Request& req);
    net::awaitable<core::Response> change(core::Request& req);
    net::awaitable<core::Response> remove(core::Request& req);
    net::awaitable<core::Response> list_by_user(core::Request& req);
    net::awaitable<core::Response> like(core::Request& req);
    net::awaitable<core::Response> unlike(core::Request& req);
    net::awaitable<core::Response> likes(core::Request& req);
    net::awaitable<core::Response> add_comment(core::Request& req);
    net::awaitable<core::Response> comments(core::Request& req);
    net::awaitable<core::Response> replies(core::Request& req);
    net::awaitable<core::Response> edit_comment(core::Request& req);
    net::awaitable<core::Response> delete_comment(core::Request& req);
    net::awaitable<core::Response> repost(core::Request& req);
    net::awaitable<core::Response> unrepost(core::Request& req);

    Service& service_;
};

}  // namespace service::posts
