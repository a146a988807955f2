#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "db/keyset.hpp"
#include "db/pool.hpp"
#include "modules/categories/service.hpp"
#include "modules/media/service.hpp"
#include "modules/posts/post.hpp"
#include "modules/posts/repository.hpp"
#include "modules/posts/watchers.hpp"

namespace service::posts {

inline constexpr int kMaxText = 2200;
inline constexpr int kMaxMedia = 10;
inline constexpr int kMaxCommentText = 1000;
inline constexpr int kMaxRepostComment = 500;

/// Posts, likes, comments and reposts. Who sees what: a deleted post nobody; a hidden one only
/// its author; a post, comment, like or repost of someone blocked either way with the viewer is
/// invisible to them (a post is then a 404). Counts are public numbers and count everyone.
class Service {
  public:
    Service(db::Pool& pool, const Repository& repository, media::Service& media, categories::Service& categories,
            Watchers& watchers)
        : pool_(pool), repository_(repository), media_(media), categories_(categories), watchers_(watchers) {}

    /// For the feed and search: the items in the given order as the API shows them (Post JSON,
    /// a repost wrapped as the issue describes), skipping what the viewer may not see (deleted,
    /// hidden, blocked either way, a repost of such a post or by such a user). One query for
    /// the posts, one for their photos.
    net::awaitable<std::vector<boost::json::object>> render(std::optional<std::string> viewer,
                                                            std::vector<Entry> entries);

    net::awaitable<boost::json::object> create(std::string author, std::string role, NewPost input);
    net::awaitable<boost::json::object> get(std::optional<std::string> viewer, std::string id);
    net::awaitable<boost::json::object> change(std::string user, std::string id, PostChanges changes);
    net::awaitable<void> remove(std::string user, std::string id);
    /// A user's posts and reposts, newest first.
    net::awaitable<db::Page<boost::json::object>> list_by_user(std::optional<std::string> viewer, std::string user_id,
                                                               core::PageRequest page);

    net::awaitable<Counts> like(std::string user, std::string post_id);
    net::awaitable<Counts> unlike(std::string user, std::string post_id);
    net::awaitable<db::Page<boost::json::object>> likes(std::optional<std::string> viewer, std::string post_id,
                                                        core::PageRequest page);

    net::awaitable<boost::json::object> comment(std::string user, std::string post_id, std::string text,
                                                std::optional<std::string> parent_id);
    net::awaitable<db::Page<boost::json::object>> comments(std::optional<std::string> viewer, std::string post_id,
                                                           core::PageRequest page);
    net::awaitable<db::Page<boost::json::object>> replies(std::optional<std::string> viewer, std::string comment_id,
                                                          core::PageRequest page);
    net::awaitable<boost::json::object> edit_comment(std::string user, std::string comment_id, std::string text);
    net::awaitable<void> delete_comment(std::string user, std::string comment_id);

    net::awaitable<boost::json::object> repost(std::string user, std::string post_id,
                                               std::optional<std::string> comment);
    net::awaitable<void> unrepost(std::string user, std::string post_id);

    /// post:watch / post:unwatch: live counts of the posts `user` may see (Watchers).
    net::awaitable<void> watch(std::string user, std::vector<std::string> post_ids);
    net::awaitable<void> unwatch(std::string user, std::vector<std::string> post_ids);

  private:
    /// Reads the post's counts and tells its watchers.
    net::awaitable<void> announce_counts(std::string post_id);
    /// The post's author; 404 unless `viewer` may see it.
    net::awaitable<std::string> visible_author(std::optional<std::string> viewer, std::string id);
    /// The category a post gets (the service's when none was chosen); 422s for a category that
    /// does not exist or a service that is not an active one of the author.
    net::awaitable<std::optional<std::string>> checked_category(std::string author,
                                                                std::optional<std::string> category_id,
                                                                std::optional<std::string> service_id);
    boost::json::object card_json(const Person& person) const;
    /// A post's JSON; `photos` holds (at least) its media, ready ones are shown.
    boost::json::object post_json(const PostRow& row, const std::map<std::string, media::Media, std::less<>>& photos,
                                  const std::optional<std::string>& viewer) const;
    boost::json::object comment_json(const CommentRow& comment) const;
    /// Top-level comments with their first replies.
    net::awaitable<db::Page<boost::json::object>> with_replies(std::optional<std::string> viewer,
                                                               db::Page<CommentRow> page);

    db::Pool& pool_;
    const Repository& repository_;
    media::Service& media_;
    categories::Service& categories_;
    Watchers& watchers_;
};

}  // namespace service::posts
