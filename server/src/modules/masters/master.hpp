#pragma once
#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "db/keyset.hpp"
#include "db/result.hpp"

namespace service::masters {

struct BookingRules {
    int min_notice_min = 120;
    int horizon_days = 60;
    int slot_step_min = 15;
    int buffer_min = 0;
    bool auto_confirm = false;
    std::optional<int> max_per_day;
};

/// What PUT /masters/me sends (validated).
struct ProfileInput {
    std::string display_name;
    std::string bio;
    std::vector<std::string> category_ids;
    std::string address;
    std::string city;
    double lat = 0;
    double lon = 0;
    std::string timezone;
    BookingRules rules;
};

/// A master's public profile (the row of get_master.sql, services added by the caller).
struct Profile {
    std::string id;
    std::string user_id;
    std::string display_name;
    std::string bio;
    boost::json::value categories;
    std::string address;
    std::string city;
    double lat = 0;
    double lon = 0;
    std::string timezone;
    BookingRules rules;
    std::optional<double> rating_avg;
    int rating_count = 0;
    std::optional<double> distance_m;
    bool is_favorite = false;
    std::optional<std::string> avatar_media_id;  // the master's user's avatar
    std::optional<std::string> avatar_url;       // its thumb; set by the service from the media module
};

/// A master in a list (nearby search, favourites): the columns of master_card_columns.sql.in.
struct Card {
    std::string id;
    std::string display_name;
    std::string city;
    std::string address;
    double lat = 0;
    double lon = 0;
    boost::json::value categories;
    std::optional<double> rating_avg;
    int rating_count = 0;
    std::optional<double> distance_m;
    std::optional<std::int64_t> min_price_minor;
    bool is_favorite = false;
    std::optional<std::string> cover_media_id;   // the first portfolio photo
    std::optional<std::string> cover_url;        // its thumb; set by the service from the media module
    std::optional<std::string> avatar_media_id;  // the master's user's avatar
    std::optional<std::string> avatar_url;       // its thumb, like cover_url
};

Profile profile_from_row(const db::Row& row);
Card card_from_row(const db::Row& row);
boost::json::object to_json(const Card& c);
/// A list page of cards: {items, next_cursor} (the nearby search, favourites).
boost::json::object cards_json(const db::Page<Card>& page);
boost::json::object to_json(const Profile& p);
boost::json::object to_json(const BookingRules& r);

}  // namespace service::masters
