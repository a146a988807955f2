#pragma once
#include "core/router.hpp"
#include "modules/search/service.hpp"

namespace service::search {

/// GET /api/v1/search and /api/v1/search/suggest. HTTP only: validate, call the service.
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> search(core::Request& req);
    net::awaitable<core::Response> suggest(core::Request& req);

    Service& service_;
};

/// The search request of a query string (422 naming every bad field).
Request parse_search_request(const core::Request& req);

/// Queries longer than this many letters are refused.
inline constexpr std::size_t kMaxQueryLetters = 200;

}  // namespace service::search
