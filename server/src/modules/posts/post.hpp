#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "db/result.hpp"

namespace service::posts {

/// An item of a list of posts: a post, or a post as someone reposted it.
struct Entry {
    std::string post_id;
    std::optional<std::string> repost_id;
};

struct NewPost {
    std::string text;
    std::vector<std::string> media_ids;
    std::optional<std::string> category_id;
    std::optional<std::string> service_id;
};

/// What PATCH may change; an engaged outer optional means "the field was sent" (null clears).
struct PostChanges {
    std::optional<std::string> text;
    std::optional<std::optional<std::string>> category_id;
    std::optional<std::optional<std::string>> service_id;
};

/// A post with everything its JSON needs but the photos (the columns of sql/post_columns.sql.in).
struct PostRow {
    std::string id;
    std::string author_id;
    std::string author_name;
    std::optional<std::string> author_avatar_media_id;
    std::optional<std::string> author_master_id;
    std::string text;
    std::optional<std::string> category_id;
    std::optional<std::string> category_slug;
    std::optional<std::string> category_name_ru;
    std::optional<std::string> category_name_en;
    std::optional<std::string> service_id;
    std::optional<std::string> service_name;
    std::optional<std::int64_t> service_price_minor;
    std::optional<std::string> service_currency;
    std::optional<int> service_duration_min;
    int likes = 0;
    int comments = 0;
    int reposts = 0;
    bool viewer_liked = false;
    bool viewer_reposted = false;
    std::string created_at;
    std::optional<std::string> edited_at;
    std::vector<std::string> media_ids;  // in order
    // Set when the row is a repost of the post.
    std::optional<std::string> repost_id;
    std::optional<std::string> repost_by_id;
    std::optional<std::string> repost_by_name;
    std::optional<std::string> repost_by_avatar_media_id;
    std::optional<std::string> repost_by_role;
    std::optional<std::string> repost_by_master_id;
    std::optional<std::string> repost_comment;
    std::optional<std::string> repost_created_at;
    std::string author_role;
};

PostRow post_from_row(const db::Row& row);

struct Counts {
    int likes = 0;
    int comments = 0;
    int reposts = 0;
};

/// {likes, comments, reposts}
boost::json::object to_json(const Counts& counts);

/// What a like or unlike did: the post's author, whether anything changed, the new counts.
struct LikeOutcome {
    std::string author_id;
    bool changed = false;
    Counts counts;
};

/// A user as lists show them, before the avatar becomes a URL.
struct Person {
    std::string id;
    std::string name;
    std::optional<std::string> avatar_media_id;
    std::string role;
    std::optional<std::string> master_id;
};

/// A comment (the columns of sql/comment_columns.sql.in).
struct CommentRow {
    std::string id;
    std::string post_id;
    std::optional<std::string> parent_id;
    std::string text;
    int reply_count = 0;
    std::string created_at;
    std::optional<std::string> edited_at;
    Person author;
    std::string sort_key;  // created_at with microseconds, for cursors
};

CommentRow comment_from_row(const db::Row& row);

}  // namespace service::posts
