#include "modules/masters/master.hpp"

#include <boost/json/array.hpp>

#include <cmath>

#include <boost/json/parse.hpp>

#include "core/json_text.hpp"

namespace service::masters {

Profile profile_from_row(const db::Row& r) {
    Profile p;
    p.id = r.get<std::string>(0);
    p.user_id = r.get<std::string>(1);
    p.display_name = r.get<std::string>(2);
    p.bio = r.get<std::string>(3);
    p.categories = boost::json::parse(r.text(4));
    p.address = r.get<std::string>(5);
    p.city = r.get<std::string>(6);
    p.lat = r.get<double>(7);
    p.lon = r.get<double>(8);
    p.timezone = r.get<std::string>(9);
    p.rules.min_notice_min = r.get<int>(10);
    p.rules.horizon_days = r.get<int>(11);
    p.rules.slot_step_min = r.get<int>(12);
    p.rules.buffer_min = r.get<int>(13);
    p.rules.auto_confirm = r.get<bool>(14);
    p.rules.max_per_day = r.get<std::optional<int>>(15);
    p.rating_avg = r.get<std::optional<double>>(16);
    p.rating_count = r.get<int>(17);
    p.distance_m = r.get<std::optional<double>>(18);
    p.is_favorite = r.get<bool>(19);
    p.avatar_media_id = r.get<std::optional<std::string>>(20);
    return p;
}

Card card_from_row(const db::Row& r) {
    Card c;
    c.id = r.get<std::string>(0);
    c.display_name = r.get<std::string>(1);
    c.city = r.get<std::string>(2);
    c.address = r.get<std::string>(3);
    c.lat = r.get<double>(4);
    c.lon = r.get<double>(5);
    c.categories = boost::json::parse(r.text(6));
    c.rating_avg = r.get<std::optional<double>>(7);
    c.rating_count = r.get<int>(8);
    c.distance_m = r.get<std::optional<double>>(9);
    c.min_price_minor = r.get<std::optional<std::int64_t>>(10);
    c.is_favorite = r.get<bool>(11);
    c.cover_media_id = r.get<std::optional<std::string>>(12);
    c.avatar_media_id = r.get<std::optional<std::string>>(13);
    return c;
}

boost::json::object to_json(const Card& c) {
    return {{"id", c.id},
            {"display_name", c.display_name},
            {"city", c.city},
            {"address", c.address},
            {"location", boost::json::object{{"lat", core::round_to(c.lat, 6)}, {"lon", core::round_to(c.lon, 6)}}},
            {"categories", c.categories},
            {"rating", boost::json::object{{"avg", c.rating_avg ? boost::json::value(*c.rating_avg) : nullptr},
                                           {"count", c.rating_count}}},
            {"distance_m", c.distance_m ? boost::json::value(std::llround(*c.distance_m)) : nullptr},
            {"min_price_minor", c.min_price_minor ? boost::json::value(*c.min_price_minor) : nullptr},
            {"currency", "RUB"},
            {"is_favorite", c.is_favorite},
            {"cover_url", c.cover_url ? boost::json::value(*c.cover_url) : nullptr},
            {"avatar_url", c.avatar_url ? boost::json::value(*c.avatar_url) : nullptr}};
}

boost::json::object to_json(const BookingRules& r) {
    return {{"min_notice_min", r.min_notice_min},
            {"horizon_days", r.horizon_days},
            {"slot_step_min", r.slot_step_min},
            {"buffer_min", r.buffer_min},
            {"auto_confirm", r.auto_confirm},
            {"max_per_day", r.max_per_day ? boost::json::value(*r.max_per_day) : nullptr}};
}

boost::json::object to_json(const Profile& p) {
    boost::json::object o{
        {"id", p.id},
        {"user_id", p.user_id},
        {"display_name", p.display_name},
        {"bio", p.bio},
        {"categories", p.categories},
        {"address", p.address},
        {"city", p.city},
        {"location", boost::json::object{{"lat", core::round_to(p.lat, 6)}, {"lon", core::round_to(p.lon, 6)}}},
        {"timezone", p.timezone},
        {"booking_rules", to_json(p.rules)},
        {"rating", boost::json::object{{"avg", p.rating_avg ? boost::json::value(*p.rating_avg) : nullptr},
                                       {"count", p.rating_count}}},
        {"is_favorite", p.is_favorite},
        {"avatar_url", p.avatar_url ? boost::json::value(*p.avatar_url) : nullptr}};
    if (p.distance_m) o["distance_m"] = std::llround(*p.distance_m);
    return o;
}

boost::json::object cards_json(const db::Page<Card>& page) {
    boost::json::array items;
    items.reserve(page.items.size());
    for (const auto& card : page.items) items.push_back(to_json(card));
    return boost::json::object{{"items", std::move(items)}, {"next_cursor", core::cursor_json(page.next)}};
}

}  // namespace service::masters
