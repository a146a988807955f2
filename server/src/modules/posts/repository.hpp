#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/pagination.hpp"
#include "db/keyset.hpp"
#include "db/pool.hpp"
#include "modules/posts/post.hpp"

namespace service::posts {

/// The only code of the module that runs SQL (sql/*.sql). Visibility rules (deleted, hidden,
/// banned, blocked either way) live in the statements, so every read applies them.
class Repository {
  public:
    net::awaitable<std::vector<PostRow>> render(db::Executor& db, std::optional<std::string> viewer,
                                                std::vector<Entry> entries) const;
    /// The post's author when `viewer` may see it.
    net::awaitable<std::optional<std::string>> visible_author(db::Executor& db, std::string post_id,
                                                              std::optional<std::string> viewer) const;

    /// Which of `ids` `viewer` may see.
    net::awaitable<std::vector<std::string>> visible_posts(db::Executor& db, std::vector<std::string> ids,
                                                           std::string viewer) const;
    net::awaitable<std::optional<Counts>> counts(db::Executor& db, std::string post_id) const;

    net::awaitable<std::string> insert(db::Executor& db, std::string author, const NewPost& post) const;
    net::awaitable<void> insert_media(db::Executor& db, std::string post_id, std::vector<std::string> ids) const;
    /// Which of `ids` are in a post already.
    net::awaitable<std::vector<std::string>> media_in_posts(db::Executor& db, std::vector<std::string> ids) const;
    /// The category of an active service of the master `user`; nullopt when it is not theirs.
    net::awaitable<std::optional<std::string>> author_service_category(db::Executor& db, std::string service_id,
                                                                       std::string user) const;
    net::awaitable<bool> update(db::Executor& db, std::string id, std::string author, PostChanges changes) const;
    /// The deleted post's photos; nullopt when it was not the author's live post.
    net::awaitable<std::optional<std::vector<std::string>>> remove(db::Executor& db, std::string id,
                                                                   std::string author) const;
    /// The ids of a user's posts, newest first.
    net::awaitable<db::Page<std::string>> user_posts(db::Executor& db, std::string user, core::PageRequest page) const;

    /// nullopt: no such post for the user.
    net::awaitable<std::optional<LikeOutcome>> like(db::Executor& db, std::string post_id, std::string user) const;
    net::awaitable<std::optional<LikeOutcome>> unlike(db::Executor& db, std::string post_id, std::string user) const;
    /// Who liked the post, newest first.
    net::awaitable<db::Page<Person>> likes(db::Executor& db, std::string post_id, std::optional<std::string> viewer,
                                           core::PageRequest page) const;

    /// nullopt: no such post for the user; else the author and the new repost's id (nullopt:
    /// they had reposted it already).
    net::awaitable<std::optional<std::pair<std::string, std::optional<std::string>>>> insert_repost(
        db::Executor& db, std::string post_id, std::string user, std::optional<std::string> comment) const;
    net::awaitable<bool> delete_repost(db::Executor& db, std::string post_id, std::string user) const;

    /// The comment and the author of its post.
    net::awaitable<std::optional<std::pair<CommentRow, std::string>>> comment(db::Executor& db, std::string id) const;
    net::awaitable<CommentRow> insert_comment(db::Executor& db, std::string post_id, std::string author,
                                              std::string text, std::optional<std::string> parent_id) const;
    net::awaitable<db::Page<CommentRow>> comments(db::Executor& db, std::string post_id,
                                                  std::optional<std::string> viewer, core::PageRequest page) const;
    net::awaitable<db::Page<CommentRow>> replies(db::Executor& db, std::string comment_id,
                                                 std::optional<std::string> viewer, core::PageRequest page) const;
    /// The first two visible replies of each of `comment_ids`.
    net::awaitable<std::vector<CommentRow>> first_replies(db::Executor& db, std::vector<std::string> comment_ids,
                                                          std::optional<std::string> viewer) const;
    net::awaitable<bool> update_comment(db::Executor& db, std::string id, std::string author, std::string text) const;
    net::awaitable<bool> delete_comment(db::Executor& db, std::string id) const;
};

}  // namespace service::posts
