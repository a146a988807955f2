#include "modules/users/user.hpp"

#include <boost/json/array.hpp>

#include "core/json_text.hpp"

namespace service::users {

User user_from_row(const db::Row& row) {
    User u;
    u.id = row.get<std::string>(0);
    u.email = row.get<std::string>(1);
    u.name = row.get<std::string>(2);
    u.role = row.get<std::string>(3);
    u.avatar_media_id = row.get<std::optional<std::string>>(4);
    u.city = row.get<std::optional<std::string>>(5);
    if (!row.is_null(6) && !row.is_null(7)) u.location = Location{row.get<double>(6), row.get<double>(7)};
    u.interests = row.get<std::vector<std::string>>(8);
    u.created_at = row.get<std::string>(9);
    u.locale = row.get<std::string>(10);
    return u;
}

boost::json::object to_json(const User& user) {
    boost::json::object o;
    o["id"] = user.id;
    o["email"] = user.email;
    o["name"] = user.name;
    o["role"] = user.role;
    o["locale"] = user.locale;
    o["avatar_url"] = user.avatar_url ? boost::json::value(*user.avatar_url) : nullptr;
    o["avatar"] = user.avatar;
    o["city"] = user.city ? boost::json::value(*user.city) : nullptr;
    if (user.location) {
        o["location"] = boost::json::object{{"lat", core::round_to(user.location->lat, 6)},
                                            {"lon", core::round_to(user.location->lon, 6)}};
    } else {
        o["location"] = nullptr;
    }
    boost::json::array interests;
    for (const auto& id : user.interests) interests.emplace_back(id);
    o["interests"] = std::move(interests);
    o["created_at"] = user.created_at;
    return o;
}

}  // namespace service::users
