#include "modules/posts/post.hpp"

namespace service::posts {

PostRow post_from_row(const db::Row& row) {
    PostRow p;
    p.id = row.get<std::string>(0);
    p.author_id = row.get<std::string>(1);
    p.author_name = row.get<std::string>(2);
    p.author_avatar_media_id = row.get<std::optional<std::string>>(3);
    p.author_master_id = row.get<std::optional<std::string>>(4);
    p.text = row.get<std::string>(5);
    p.category_id = row.get<std::optional<std::string>>(6);
    p.category_slug = row.get<std::optional<std::string>>(7);
    p.category_name_ru = row.get<std::optional<std::string>>(8);
    p.category_name_en = row.get<std::optional<std::string>>(9);
    p.service_id = row.get<std::optional<std::string>>(10);
    p.service_name = row.get<std::optional<std::string>>(11);
    p.service_price_minor = row.get<std::optional<std::int64_t>>(12);
    p.service_currency = row.get<std::optional<std::string>>(13);
    p.service_duration_min = row.get<std::optional<int>>(14);
    p.likes = row.get<int>(15);
    p.comments = row.get<int>(16);
    p.reposts = row.get<int>(17);
    p.viewer_liked = row.get<bool>(18);
    p.viewer_reposted = row.get<bool>(19);
    p.created_at = row.get<std::string>(20);
    p.edited_at = row.get<std::optional<std::string>>(21);
    p.media_ids = row.get<std::vector<std::string>>(22);
    p.repost_id = row.get<std::optional<std::string>>(23);
    p.repost_by_id = row.get<std::optional<std::string>>(24);
    p.repost_by_name = row.get<std::optional<std::string>>(25);
    p.repost_by_avatar_media_id = row.get<std::optional<std::string>>(26);
    p.repost_by_role = row.get<std::optional<std::string>>(27);
    p.repost_by_master_id = row.get<std::optional<std::string>>(28);
    p.repost_comment = row.get<std::optional<std::string>>(29);
    p.repost_created_at = row.get<std::optional<std::string>>(30);
    p.author_role = row.get<std::string>(31);
    return p;
}

boost::json::object to_json(const Counts& counts) {
    return {{"likes", counts.likes}, {"comments", counts.comments}, {"reposts", counts.reposts}};
}

CommentRow comment_from_row(const db::Row& row) {
    CommentRow c;
    c.id = row.get<std::string>(0);
    c.post_id = row.get<std::string>(1);
    c.parent_id = row.get<std::optional<std::string>>(2);
    c.text = row.get<std::string>(3);
    c.reply_count = row.get<int>(4);
    c.created_at = row.get<std::string>(5);
    c.edited_at = row.get<std::optional<std::string>>(6);
    c.author.id = row.get<std::string>(7);
    c.author.name = row.get<std::string>(8);
    c.author.avatar_media_id = row.get<std::optional<std::string>>(9);
    c.author.role = row.get<std::string>(10);
    c.author.master_id = row.get<std::optional<std::string>>(11);
    c.sort_key = row.get<std::string>(12);
    return c;
}

}  // namespace service::posts
