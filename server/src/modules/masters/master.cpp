#include "modules/masters/master.hpp"

#include <boost/json/parse.hpp>

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
    if (!r.is_null(15)) p.rules.max_per_day = r.get<int>(15);
    p.rating_avg = r.get<std::optional<double>>(16);
    p.rating_count = r.get<int>(17);
    p.distance_m = r.get<std::optional<double>>(18);
    p.is_favorite = r.get<bool>(19);
    return p;
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
        {"location", boost::json::object{{"lat", p.lat}, {"lon", p.lon}}},
        {"timezone", p.timezone},
        {"booking_rules", to_json(p.rules)},
        {"rating", boost::json::object{{"avg", p.rating_avg ? boost::json::value(*p.rating_avg) : nullptr},
                                       {"count", p.rating_count}}},
        {"is_favorite", p.is_favorite}};
    if (p.distance_m) o["distance_m"] = std::round(*p.distance_m);
    return o;
}

}  // namespace service::masters
