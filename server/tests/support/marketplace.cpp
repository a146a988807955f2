#include "support/marketplace.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

namespace service::testing {

using boost::json::object;

std::string first_category(std::uint16_t port) {
    return std::string(get(port, "/api/v1/categories").json().at("items").as_array()[0].at("id").as_string());
}

Master make_master(std::uint16_t port, const std::string& tz, object rules) {
    Master m;
    m.timezone = tz;
    m.account = register_account(port, "master");
    const auto category = first_category(port);
    if (!rules.contains("horizon_days")) rules["horizon_days"] = 365;
    if (!rules.contains("min_notice_min")) rules["min_notice_min"] = 0;
    auto res = http_request(port, http::verb::put, "/api/v1/masters/me",
                            boost::json::serialize(object{{"display_name", "Master " + m.account.email},
                                                          {"category_ids", boost::json::array{category}},
                                                          {"address", "Tverskaya 1"},
                                                          {"city", "Moscow"},
                                                          {"location", object{{"lat", 55.76}, {"lon", 37.61}}},
                                                          {"timezone", tz},
                                                          {"booking_rules", rules}}),
                            bearer(m.account.access_token));
    EXPECT_EQ(res.status, 201) << res.body;
    m.id = std::string(res.json().at("id").as_string());
    res = post_json(port, "/api/v1/masters/me/services",
                    object{{"name", "Manicure"},
                           {"category_id", category},
                           {"price_minor", 150000},
                           {"currency", "RUB"},
                           {"duration_min", 60}},
                    bearer(m.account.access_token));
    EXPECT_EQ(res.status, 201) << res.body;
    m.service_id = std::string(res.json().at("id").as_string());
    boost::json::array weekly;
    for (int d = 1; d <= 7; ++d) weekly.push_back(object{{"weekday", d}, {"start", "10:00"}, {"end", "18:00"}});
    res = http_request(port, http::verb::put, "/api/v1/masters/me/schedule",
                       boost::json::serialize(object{{"weekly", weekly}}), bearer(m.account.access_token));
    EXPECT_EQ(res.status, 200) << res.body;
    return m;
}

HttpResult book(std::uint16_t port, const Account& client, const Master& m, const std::string& start_at,
                const std::string& key, const std::string& comment) {
    Headers headers = bearer(client.access_token);
    if (!key.empty()) headers.emplace_back("Idempotency-Key", key);
    return post_json(port, "/api/v1/bookings",
                     object{{"service_id", m.service_id}, {"start_at", start_at}, {"comment", comment}}, headers);
}

HttpResult act(std::uint16_t port, const Account& who, const std::string& booking, const std::string& action,
               const object& body) {
    return post_json(port, "/api/v1/bookings/" + booking + "/" + action, body, bearer(who.access_token));
}

}  // namespace service::testing
