#include "modules/posts/repository.hpp"

#include "posts_sql.hpp"

namespace service::posts {
namespace {

std::optional<LikeOutcome> like_outcome(const db::Result& rows) {
    if (rows.empty()) return std::nullopt;
    LikeOutcome out;
    out.author_id = rows[0].get<std::string>(0);
    out.changed = rows[0].get<bool>(1);
    out.counts = {rows[0].get<int>(2), rows[0].get<int>(3), rows[0].get<int>(4)};
    return out;
}

std::vector<CommentRow> comments_from(const db::Result& rows) {
    std::vector<CommentRow> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) out.push_back(comment_from_row(rows[i]));
    return out;
}

}  // namespace

net::awaitable<std::vector<PostRow>> Repository::render(db::Executor& db, std::optional<std::string> viewer,
                                                        std::vector<Entry> entries) const {
    std::vector<std::string> posts;
    std::vector<std::string> reposts;
    posts.reserve(entries.size());
    reposts.reserve(entries.size());
    for (auto& e : entries) {
        posts.push_back(std::move(e.post_id));
        reposts.push_back(e.repost_id.value_or(""));
    }
    const auto rows = co_await db.query(sql::kRenderPosts, db::Params(posts, reposts, viewer));
    std::vector<PostRow> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) out.push_back(post_from_row(rows[i]));
    co_return out;
}

net::awaitable<std::optional<std::string>> Repository::visible_author(db::Executor& db, std::string post_id,
                                                                      std::optional<std::string> viewer) const {
    const auto rows = co_await db.query(sql::kVisiblePost, db::Params(post_id, viewer));
    if (rows.empty()) co_return std::nullopt;
    co_return rows[0].get<std::string>(0);
}

net::awaitable<std::vector<std::string>> Repository::visible_posts(db::Executor& db, std::vector<std::string> ids,
                                                                   std::string viewer) const {
    const auto rows = co_await db.query(sql::kVisiblePosts, db::Params(ids, viewer));
    std::vector<std::string> out;
    for (int i = 0; i < rows.size(); ++i) out.push_back(rows[i].get<std::string>(0));
    co_return out;
}

net::awaitable<std::optional<Counts>> Repository::counts(db::Executor& db, std::string post_id) const {
    const auto rows = co_await db.query(sql::kPostCounts, db::Params(post_id));
    if (rows.empty()) co_return std::nullopt;
    co_return Counts{rows[0].get<int>(0), rows[0].get<int>(1), rows[0].get<int>(2)};
}

net::awaitable<std::string> Repository::insert(db::Executor& db, std::string author, const NewPost& post) const {
    const auto rows =
        co_await db.query(sql::kInsertPost, db::Params(author, post.text, post.category_id, post.service_id));
    co_return rows[0].get<std::string>(0);
}

net::awaitable<void> Repository::insert_media(db::Executor& db, std::string post_id,
                                              std::vector<std::string> ids) const {
    co_await db.query(sql::kInsertPostMedia, db::Params(post_id, ids));
}

net::awaitable<std::vector<std::string>> Repository::media_in_posts(db::Executor& db,
                                                                    std::vector<std::string> ids) const {
    const auto rows = co_await db.query(sql::kMediaInPosts, db::Params(ids));
    std::vector<std::string> out;
    for (int i = 0; i < rows.size(); ++i) out.push_back(rows[i].get<std::string>(0));
    co_return out;
}

net::awaitable<std::optional<std::string>> Repository::author_service_category(db::Executor& db, std::string service_id,
                                                                               std::string user) const {
    const auto rows = co_await db.query(sql::kAuthorService, db::Params(service_id, user));
    if (rows.empty()) co_return std::nullopt;
    co_return rows[0].get<std::string>(0);
}

net::awaitable<bool> Repository::update(db::Executor& db, std::string id, std::string author,
                                        PostChanges changes) const {
    const bool set_category = changes.category_id.has_value();
    const bool set_service = changes.service_id.has_value();
    std::optional<std::string> category;
    if (set_category) category = *changes.category_id;
    std::optional<std::string> service_id;
    if (set_service) service_id = *changes.service_id;
    const auto rows = co_await db.query(
        sql::kUpdatePost, db::Params(id, author, changes.text, set_category, category, set_service, service_id));
    co_return !rows.empty();
}

net::awaitable<std::optional<std::vector<std::string>>> Repository::remove(db::Executor& db, std::string id,
                                                                           std::string author) const {
    const auto rows = co_await db.query(sql::kDeletePost, db::Params(id, author));
    if (rows.empty()) co_return std::nullopt;
    co_return rows[0].get<std::vector<std::string>>(0);
}

net::awaitable<db::Page<std::string>> Repository::user_posts(db::Executor& db, std::string user,
                                                             core::PageRequest page) const {
    db::Params params(user);
    db::add_page(params, page);
    const auto rows = co_await db.query(sql::kListUserPosts, std::move(params));
    co_return db::read_page(rows, page, 1, 0, [](const db::Row& row) { return row.get<std::string>(0); });
}

net::awaitable<std::optional<LikeOutcome>> Repository::like(db::Executor& db, std::string post_id,
                                                            std::string user) const {
    const auto rows = co_await db.query(sql::kLikePost, db::Params(post_id, user));
    co_return like_outcome(rows);
}

net::awaitable<std::optional<LikeOutcome>> Repository::unlike(db::Executor& db, std::string post_id,
                                                              std::string user) const {
    const auto rows = co_await db.query(sql::kUnlikePost, db::Params(post_id, user));
    co_return like_outcome(rows);
}

net::awaitable<db::Page<Person>> Repository::likes(db::Executor& db, std::string post_id,
                                                   std::optional<std::string> viewer, core::PageRequest page) const {
    db::Params params(post_id, viewer);
    db::add_page(params, page);
    const auto rows = co_await db.query(sql::kListLikes, std::move(params));
    co_return db::read_page(rows, page, 5, 0, [](const db::Row& row) {
        return Person{row.get<std::string>(0), row.get<std::string>(1), row.get<std::optional<std::string>>(2),
                      row.get<std::string>(3), row.get<std::optional<std::string>>(4)};
    });
}

net::awaitable<std::optional<std::pair<std::string, std::optional<std::string>>>> Repository::insert_repost(
    db::Executor& db, std::string post_id, std::string user, std::optional<std::string> comment) const {
    const auto rows = co_await db.query(sql::kInsertRepost, db::Params(post_id, user, comment));
    if (rows.empty()) co_return std::nullopt;
    co_return std::make_pair(rows[0].get<std::string>(0), rows[0].get<std::optional<std::string>>(1));
}

net::awaitable<bool> Repository::delete_repost(db::Executor& db, std::string post_id, std::string user) const {
    const auto rows = co_await db.query(sql::kDeleteRepost, db::Params(post_id, user));
    co_return rows[0].get<std::int64_t>(0) > 0;
}

net::awaitable<std::optional<std::pair<CommentRow, std::string>>> Repository::comment(db::Executor& db,
                                                                                      std::string id) const {
    const auto rows = co_await db.query(sql::kGetComment, db::Params(id));
    if (rows.empty()) co_return std::nullopt;
    co_return std::make_pair(comment_from_row(rows[0]), rows[0].get<std::string>(13));
}

net::awaitable<CommentRow> Repository::insert_comment(db::Executor& db, std::string post_id, std::string author,
                                                      std::string text, std::optional<std::string> parent_id) const {
    const auto rows = co_await db.query(sql::kInsertComment, db::Params(post_id, author, text, parent_id));
    co_return comment_from_row(rows[0]);
}

net::awaitable<db::Page<CommentRow>> Repository::comments(db::Executor& db, std::string post_id,
                                                          std::optional<std::string> viewer,
                                                          core::PageRequest page) const {
    db::Params params(post_id, viewer);
    db::add_page(params, page);
    const auto rows = co_await db.query(sql::kListComments, std::move(params));
    co_return db::read_page(rows, page, 12, 0, comment_from_row);
}

net::awaitable<db::Page<CommentRow>> Repository::replies(db::Executor& db, std::string comment_id,
                                                         std::optional<std::string> viewer,
                                                         core::PageRequest page) const {
    db::Params params(comment_id, viewer);
    db::add_page(params, page);
    const auto rows = co_await db.query(sql::kListReplies, std::move(params));
    co_return db::read_page(rows, page, 12, 0, comment_from_row);
}

net::awaitable<std::vector<CommentRow>> Repository::first_replies(db::Executor& db,
                                                                  std::vector<std::string> comment_ids,
                                                                  std::optional<std::string> viewer) const {
    const auto rows = co_await db.query(sql::kFirstReplies, db::Params(comment_ids, viewer));
    co_return comments_from(rows);
}

net::awaitable<bool> Repository::update_comment(db::Executor& db, std::string id, std::string author,
                                                std::string text) const {
    const auto rows = co_await db.query(sql::kUpdateComment, db::Params(id, author, text));
    co_return !rows.empty();
}

net::awaitable<bool> Repository::delete_comment(db::Executor& db, std::string id) const {
    const auto rows = co_await db.query(sql::kDeleteComment, db::Params(id));
    co_return rows[0].get<std::int64_t>(0) > 0;
}

}  // namespace service::posts
