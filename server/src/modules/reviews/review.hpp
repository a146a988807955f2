#pragma once
#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "db/result.hpp"

namespace service::reviews {

/// A client's review of a completed visit, and the master's one reply.
struct Review {
    std::string id;
    std::string booking_id;
    std::string master_id;
    std::string author_id;
    std::string author_name;
    std::optional<std::string> author_avatar_media_id;
    std::optional<std::string> author_avatar_url;  // the avatar's thumb; set by the service from the media module
    int rating = 0;
    std::string text;
    std::optional<std::string> reply;
    std::string created_at;
    std::optional<std::string> replied_at;
};

/// The columns of get_review.sql (list_master_reviews.sql starts with the same).
Review review_from_row(const db::Row& row);
boost::json::object to_json(const Review& r);

}  // namespace service::reviews
