#include "modules/reviews/review.hpp"

namespace service::reviews {

Review review_from_row(const db::Row& r) {
    Review v;
    v.id = r.get<std::string>(0);
    v.booking_id = r.get<std::string>(1);
    v.master_id = r.get<std::string>(2);
    v.author_id = r.get<std::string>(3);
    v.author_name = r.get<std::string>(4);
    v.rating = r.get<int>(5);
    v.text = r.get<std::string>(6);
    v.reply = r.get<std::optional<std::string>>(7);
    v.created_at = r.get<std::string>(8);
    v.replied_at = r.get<std::optional<std::string>>(9);
    v.author_avatar_media_id = r.get<std::optional<std::string>>(10);
    return v;
}

boost::json::object to_json(const Review& r) {
    auto optional = [](const std::optional<std::string>& s) { return s ? boost::json::value(*s) : nullptr; };
    return {{"id", r.id},
            {"booking_id", r.booking_id},
            {"master_id", r.master_id},
            {"author",
             boost::json::object{
                 {"id", r.author_id}, {"name", r.author_name}, {"avatar_url", optional(r.author_avatar_url)}}},
            {"rating", r.rating},
            {"text", r.text},
            {"reply", optional(r.reply)},
            {"created_at", r.created_at},
            {"replied_at", optional(r.replied_at)}};
}

}  // namespace service::reviews
