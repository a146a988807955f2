#pragma once
#include <string>

#include <boost/json/object.hpp>

#include "support/http_client.hpp"
#include "support/test_env.hpp"

/// A master who can be booked, and the calls around a booking, for suites that need the
/// marketplace as a precondition (marketplace, notifications).
namespace service::testing {

struct Master {
    Account account;
    std::string id;
    std::string service_id;
    std::string timezone;
};

std::string first_category(std::uint16_t port);
/// A master in `tz` working 10:00–18:00 every day, with one 60-minute service ("Manicure"),
/// booking rules `rules` (horizon 365 days and no minimum notice unless given).
Master make_master(std::uint16_t port, const std::string& tz = "Europe/Berlin", boost::json::object rules = {});
HttpResult book(std::uint16_t port, const Account& client, const Master& m, const std::string& start_at,
                const std::string& key = {}, const std::string& comment = {});
/// POST /bookings/{id}/{action} as `who`.
HttpResult act(std::uint16_t port, const Account& who, const std::string& booking, const std::string& action,
               const boost::json::object& body = {});

}  // namespace service::testing
