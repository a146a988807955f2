#pragma once
#include "core/router.hpp"
#include "modules/bookings/service.hpp"

namespace service::bookings {

/// /api/v1/bookings…, the life-cycle actions, and GET /api/v1/masters/{id}/slots.
class Routes {
  public:
    explicit Routes(Service& service) : service_(service) {}
    void register_routes(core::Router& router);

  private:
    net::awaitable<core::Response> create(core::Request& req);
    net::awaitable<core::Response> list(core::Request& req);
    net::awaitable<core::Response> get_one(core::Request& req);
    net::awaitable<core::Response> act(core::Request& req, Action action);
    net::awaitable<core::Response> slots(core::Request& req);

    Service& service_;
};

/// A plausible RFC 3339 timestamp with a zone ("2027-03-28T08:00:00Z", "…+03:00").
bool looks_like_timestamp(std::string_view text);
/// Days from `from` to `to` (YYYY-MM-DD each); nullopt when either is not a date.
std::optional<int> days_between(std::string_view from, std::string_view to);

}  // namespace service::bookings
