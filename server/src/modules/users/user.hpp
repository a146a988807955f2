#pragma once
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "db/result.hpp"

namespace service::users {

struct Location {
    double lat = 0;
    double lon = 0;
};

/// A user as the owner sees it (GET /users/me).
struct User {
    std::string id;
    std::string email;
    std::string name;
    std::string role;
    std::optional<std::string> avatar_media_id;
    std::optional<std::string> avatar_url;  // the avatar's thumb; set by the service from the media module
    boost::json::value avatar;              // its variants (media's variants JSON), or null
    std::optional<std::string> city;
    std::optional<Location> location;
    std::vector<std::string> interests;
    std::string created_at;
    std::string locale = "ru";  // "ru" | "en": the language of notification texts and pushes
};

/// Maps a row of the user column list shared by get_user / insert_user / update_profile.
User user_from_row(const db::Row& row);
boost::json::object to_json(const User& user);

/// What PATCH /users/me may change; an engaged outer optional means "the field was sent".
struct ProfileChanges {
    std::optional<std::string> name;
    std::optional<std::optional<std::string>> city;
    std::optional<std::optional<Location>> location;
    std::optional<std::vector<std::string>> interests;
    std::optional<std::optional<std::string>> avatar_media_id;  // null: back to initials
    std::optional<std::string> locale;                          // "ru" | "en"
};

}  // namespace service::users
