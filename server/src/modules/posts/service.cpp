#include "modules/posts/service.hpp"

#include <algorithm>
#include <set>

#include "core/problem.hpp"
#include "core/validation.hpp"
#include "infra/jobs/queue.hpp"
#include "modules/notifications/notice.hpp"
#include "modules/social/user_card.hpp"

namespace service::posts {
namespace {

core::ApiError no_post() { return core::ApiError::not_found("No such post."); }
core::ApiError no_comment() { return core::ApiError::not_found("No such comment."); }

boost::json::value optional_json(const std::optional<std::string>& s) {
    return s ? boost::json::value(*s) : boost::json::value(nullptr);
}

/// What a notification about a post says about it (the list shows it without another request).
boost::json::object post_target(const std::string& post_id) {
    return {{"type", "post"}, {"id", post_id}, {"post_id", post_id}};
}

notifications::Notice notice_of(std::string type, std::string recipient, std::string actor, boost::json::object target,
                                std::string dedupe_key) {
    notifications::Notice notice;
    notice.type = std::move(type);
    notice.recipient = std::move(recipient);
    notice.actor = std::move(actor);
    notice.target = std::move(target);
    notice.dedupe_key = std::move(dedupe_key);
    return notice;
}

/// Enqueues the notice unless its recipient caused it: nobody is told about their own actions.
net::awaitable<void> notify(db::Executor& tx, notifications::Notice notice) {
    if (notice.recipient == notice.actor) co_return;
    co_await notifications::enqueue(tx, std::move(notice));
}

}  // namespace

boost::json::object Service::card_json(const Person& person) const {
    social::UserCard card;
    card.id = person.id;
    card.name = person.name;
    card.role = person.role;
    if (person.avatar_media_id) card.avatar_url = media_.public_url(*person.avatar_media_id);
    card.master_id = person.master_id;
    return social::to_json(card);
}

boost::json::object Service::post_json(const PostRow& row,
                                       const std::map<std::string, media::Media, std::less<>>& photos,
                                       const std::optional<std::string>& viewer) const {
    boost::json::object post;
    post["id"] = row.id;
    post["author"] = card_json(
        Person{row.author_id, row.author_name, row.author_avatar_media_id, row.author_role, row.author_master_id});
    post["text"] = row.text;
    boost::json::array media;
    for (const auto& id : row.media_ids) {
        const auto photo = photos.find(id);
        if (photo == photos.end() || !photo->second.ready()) continue;
        const auto& m = photo->second;
        media.push_back(boost::json::object{{"id", m.id},
                                            {"width", m.width ? boost::json::value(*m.width) : nullptr},
                                            {"height", m.height ? boost::json::value(*m.height) : nullptr},
                                            {"placeholder", optional_json(m.placeholder)},
                                            {"variants", media_.variants_json(m)}});
    }
    post["media"] = std::move(media);
    if (row.category_id) {
        post["category"] = boost::json::object{{"id", *row.category_id},
                                               {"slug", optional_json(row.category_slug)},
                                               {"name", optional_json(row.category_name_ru)},
                                               {"name_ru", optional_json(row.category_name_ru)},
                                               {"name_en", optional_json(row.category_name_en)}};
    } else {
        post["category"] = nullptr;
    }
    if (row.service_id && row.service_name) {
        post["service"] = boost::json::object{{"id", *row.service_id},
                                              {"name", *row.service_name},
                                              {"price_minor", row.service_price_minor.value_or(0)},
                                              {"currency", row.service_currency.value_or("RUB")},
                                              {"duration_min", row.service_duration_min.value_or(0)}};
    } else {
        post["service"] = nullptr;
    }
    post["counts"] = to_json(Counts{row.likes, row.comments, row.reposts});
    post["viewer"] =
        boost::json::object{{"liked", viewer && row.viewer_liked}, {"reposted", viewer && row.viewer_reposted}};
    post["created_at"] = row.created_at;
    post["edited_at"] = optional_json(row.edited_at);
    if (row.repost_id && row.repost_by_id) {
        post["repost"] = boost::json::object{
            {"id", *row.repost_id},
            {"by", card_json(Person{*row.repost_by_id, row.repost_by_name.value_or(""), row.repost_by_avatar_media_id,
                                    row.repost_by_role.value_or("client"), row.repost_by_master_id})},
            {"comment", optional_json(row.repost_comment)},
            {"created_at", optional_json(row.repost_created_at)}};
    } else {
        post["repost"] = nullptr;
    }
    return post;
}

net::awaitable<std::vector<boost::json::object>> Service::render(std::optional<std::string> viewer,
                                                                 std::vector<Entry> entries) {
    std::vector<boost::json::object> out;
    std::erase_if(entries, [](const Entry& e) {
        return !core::is_uuid(e.post_id) || (e.repost_id && !core::is_uuid(*e.repost_id));
    });
    if (entries.empty()) co_return out;
    const auto rows = co_await repository_.render(pool_, viewer, std::move(entries));
    std::vector<std::string> media_ids;
    for (const auto& row : rows) media_ids.insert(media_ids.end(), row.media_ids.begin(), row.media_ids.end());
    std::map<std::string, media::Media, std::less<>> photos;
    if (!media_ids.empty()) {
        auto found = co_await media_.get_many(std::move(media_ids));
        for (auto& m : found) photos.emplace(m.id, std::move(m));
    }
    out.reserve(rows.size());
    for (const auto& row : rows) out.push_back(post_json(row, photos, viewer));
    co_return out;
}

net::awaitable<std::string> Service::visible_author(std::optional<std::string> viewer, std::string id) {
    if (!core::is_uuid(id)) throw no_post();
    auto author = co_await repository_.visible_author(pool_, id, viewer);
    if (!author) throw no_post();
    co_return std::move(*author);
}

net::awaitable<std::optional<std::string>> Service::checked_category(std::string author,
                                                                     std::optional<std::string> category_id,
                                                                     std::optional<std::string> service_id) {
    std::vector<core::FieldError> errors;
    if (category_id) {
        bool known = false;
        if (core::is_uuid(*category_id)) {
            std::vector<std::string> ids{*category_id};
            known = co_await categories_.all_exist(std::move(ids));
        }
        if (!known) errors.push_back({"category_id", "is not a category"});
    }
    if (service_id) {
        std::optional<std::string> service_category;
        if (core::is_uuid(*service_id)) {
            service_category = co_await repository_.author_service_category(pool_, *service_id, author);
        }
        if (!service_category) {
            errors.push_back({"service_id", "must be one of your active services"});
        } else if (!category_id) {
            category_id = service_category;  // "book this look": the look is of the service's kind
        }
    }
    if (!errors.empty()) throw core::ApiError::validation(std::move(errors));
    co_return category_id;
}

net::awaitable<boost::json::object> Service::create(std::string author, std::string role, NewPost input) {
    if (role != "master" && role != "admin") {
        throw core::ApiError(http::status::forbidden, "masters_only", "Forbidden", "Only masters publish posts.");
    }
    input.category_id = co_await checked_category(author, input.category_id, input.service_id);
    auto tx = co_await db::Transaction::begin(pool_);
    const auto taken = co_await repository_.media_in_posts(tx, input.media_ids);
    if (!taken.empty()) {
        throw core::ApiError::validation({{"media_ids", "photo " + taken.front() + " is already in a post"}});
    }
    const std::string field = "media_ids";  // named: GCC 12 cannot keep a literal argument in a coroutine frame
    for (const auto& id : input.media_ids) {
        co_await media_.attach(tx, author, id, media::Purpose::kPost, field);
    }
    const auto id = co_await repository_.insert(tx, author, input);
    bool raced = false;
    try {
        co_await repository_.insert_media(tx, id, input.media_ids);
    } catch (const db::UniqueViolation&) {
        raced = true;  // the same photo went into another post a moment ago
    }
    if (raced) throw core::ApiError::validation({{"media_ids", "a photo is already in a post"}});
    // The feed tells the author's followers that there is something new.
    const std::string kind = "feed.post_published";
    boost::json::object payload{{"post_id", id}, {"author_id", author}};
    co_await infra::jobs::enqueue(tx, kind, std::move(payload));
    co_await tx.commit();
    co_return co_await get(author, id);
}

net::awaitable<boost::json::object> Service::get(std::optional<std::string> viewer, std::string id) {
    if (!core::is_uuid(id)) throw no_post();
    std::vector<Entry> entries{Entry{id, std::nullopt}};
    auto found = co_await render(viewer, std::move(entries));
    if (found.empty()) throw no_post();
    co_return std::move(found.front());
}

net::awaitable<boost::json::object> Service::change(std::string user, std::string id, PostChanges changes) {
    if (!core::is_uuid(id)) throw no_post();
    std::optional<std::string> category;
    if (changes.category_id) category = *changes.category_id;
    std::optional<std::string> service_id;
    if (changes.service_id) service_id = *changes.service_id;
    const auto checked = co_await checked_category(user, category, service_id);
    // A linked service without a chosen category brings its own, as on creation.
    if (changes.service_id && *changes.service_id && !changes.category_id) changes.category_id = checked;
    const bool updated = co_await repository_.update(pool_, id, user, changes);
    if (!updated) throw no_post();
    co_return co_await get(user, id);
}

net::awaitable<void> Service::remove(std::string user, std::string id) {
    if (!core::is_uuid(id)) throw no_post();
    auto tx = co_await db::Transaction::begin(pool_);
    const auto photos = co_await repository_.remove(tx, id, user);
    if (!photos) throw no_post();
    // The photos are used nowhere now; the media clean-up deletes them after a day.
    for (const auto& media_id : *photos) co_await media_.release(tx, media_id);
    co_await tx.commit();
}

net::awaitable<db::Page<boost::json::object>> Service::list_by_user(std::optional<std::string> viewer,
                                                                    std::string user_id, core::PageRequest page) {
    if (!core::is_uuid(user_id)) throw core::ApiError::not_found("No such user.");
    db::Page<boost::json::object> out;
    // Posts the viewer may not see (a hidden one, a blocked author) are skipped without making
    // the page short: read further until it is full or the list ends.
    // Each round asks only for what is missing, so every post read is shown or invisible and the
    // cursor (after the last post read) skips nothing.
    const int wanted = page.limit;
    for (int round = 0; round < 5; ++round) {
        page.limit = wanted - static_cast<int>(out.items.size());
        auto ids = co_await repository_.user_posts(pool_, user_id, page);
        std::vector<Entry> entries;
        for (auto& id : ids.items) entries.push_back({std::move(id), std::nullopt});
        auto shown = co_await render(viewer, std::move(entries));
        for (auto& post : shown) out.items.push_back(std::move(post));
        out.next = ids.next;
        if (!ids.next || static_cast<int>(out.items.size()) >= wanted) break;
        page.after = ids.next;
    }
    co_return out;
}

net::awaitable<Counts> Service::like(std::string user, std::string post_id) {
    if (!core::is_uuid(post_id)) throw no_post();
    auto tx = co_await db::Transaction::begin(pool_);
    const auto outcome = co_await repository_.like(tx, post_id, user);
    if (!outcome) throw no_post();
    if (outcome->changed) {
        auto notice = notice_of("post_liked", outcome->author_id, user, post_target(post_id),
                                "post_liked:" + post_id + ":" + user);
        co_await notify(tx, std::move(notice));
    }
    co_await tx.commit();
    if (outcome->changed) co_await watchers_.announce(post_id, outcome->counts);
    co_return outcome->counts;
}

net::awaitable<Counts> Service::unlike(std::string user, std::string post_id) {
    if (!core::is_uuid(post_id)) throw no_post();
    const auto outcome = co_await repository_.unlike(pool_, post_id, user);
    if (!outcome) throw no_post();
    if (outcome->changed) co_await watchers_.announce(post_id, outcome->counts);
    co_return outcome->counts;
}

net::awaitable<db::Page<boost::json::object>> Service::likes(std::optional<std::string> viewer, std::string post_id,
                                                             core::PageRequest page) {
    co_await visible_author(viewer, post_id);
    const auto found = co_await repository_.likes(pool_, post_id, viewer, page);
    db::Page<boost::json::object> out;
    out.next = found.next;
    for (const auto& person : found.items) out.items.push_back(card_json(person));
    co_return out;
}

boost::json::object Service::comment_json(const CommentRow& c) const {
    boost::json::object o{{"id", c.id},
                          {"post_id", c.post_id},
                          {"author", card_json(c.author)},
                          {"text", c.text},
                          {"parent_id", optional_json(c.parent_id)},
                          {"created_at", c.created_at},
                          {"edited_at", optional_json(c.edited_at)}};
    if (!c.parent_id) {
        o["reply_count"] = c.reply_count;
        o["replies"] = boost::json::array{};
    }
    return o;
}

net::awaitable<boost::json::object> Service::comment(std::string user, std::string post_id, std::string text,
                                                     std::optional<std::string> parent_id) {
    const auto post_author = co_await visible_author(user, post_id);
    std::optional<std::string> replied_to;  // the author of the comment answered
    if (parent_id) {
        if (!core::is_uuid(*parent_id))
            throw core::ApiError::validation({{"parent_id", "no such comment on this post"}});
        const auto parent = co_await repository_.comment(pool_, *parent_id);
        if (!parent || parent->first.post_id != post_id) {
            throw core::ApiError::validation({{"parent_id", "no such comment on this post"}});
        }
        // One level of replies: an answer to a reply joins its top-level comment.
        parent_id = parent->first.parent_id.value_or(parent->first.id);
        replied_to = parent->first.author.id;
    }
    auto tx = co_await db::Transaction::begin(pool_);
    std::optional<CommentRow> added;
    bool parent_gone = false;
    try {
        added = co_await repository_.insert_comment(tx, post_id, user, text, parent_id);
    } catch (const db::ForeignKeyViolation&) {
        parent_gone = true;  // the comment answered was deleted a moment ago
    }
    if (parent_gone) throw core::ApiError::validation({{"parent_id", "no such comment on this post"}});
    if (replied_to) {
        boost::json::object target{
            {"type", "comment"}, {"id", added->id}, {"post_id", post_id}, {"text", text.substr(0, 200)}};
        auto notice =
            notice_of("comment_replied", *replied_to, user, std::move(target), "comment_replied:" + added->id);
        co_await notify(tx, std::move(notice));
    }
    if (!replied_to || *replied_to != post_author) {
        auto target = post_target(post_id);
        target["comment_id"] = added->id;
        target["text"] = text.substr(0, 200);
        auto notice = notice_of("post_commented", post_author, user, std::move(target), "post_commented:" + added->id);
        co_await notify(tx, std::move(notice));
    }
    co_await tx.commit();
    co_await announce_counts(post_id);
    co_return comment_json(*added);
}

net::awaitable<db::Page<boost::json::object>> Service::with_replies(std::optional<std::string> viewer,
                                                                    db::Page<CommentRow> page) {
    std::vector<std::string> ids;
    for (const auto& c : page.items) ids.push_back(c.id);
    std::map<std::string, boost::json::array, std::less<>> replies;
    if (!ids.empty()) {
        const auto first = co_await repository_.first_replies(pool_, std::move(ids), viewer);
        for (const auto& r : first) replies[*r.parent_id].push_back(comment_json(r));
    }
    db::Page<boost::json::object> out;
    out.next = page.next;
    for (const auto& c : page.items) {
        auto o = comment_json(c);
        if (auto it = replies.find(c.id); it != replies.end()) o["replies"] = std::move(it->second);
        out.items.push_back(std::move(o));
    }
    co_return out;
}

net::awaitable<db::Page<boost::json::object>> Service::comments(std::optional<std::string> viewer, std::string post_id,
                                                                core::PageRequest page) {
    co_await visible_author(viewer, post_id);
    auto found = co_await repository_.comments(pool_, post_id, viewer, page);
    co_return co_await with_replies(viewer, std::move(found));
}

net::awaitable<db::Page<boost::json::object>> Service::replies(std::optional<std::string> viewer,
                                                               std::string comment_id, core::PageRequest page) {
    if (!core::is_uuid(comment_id)) throw no_comment();
    const auto top = co_await repository_.comment(pool_, comment_id);
    if (!top) throw no_comment();
    co_await visible_author(viewer, top->first.post_id);
    const auto found = co_await repository_.replies(pool_, comment_id, viewer, page);
    db::Page<boost::json::object> out;
    out.next = found.next;
    for (const auto& r : found.items) out.items.push_back(comment_json(r));
    co_return out;
}

net::awaitable<boost::json::object> Service::edit_comment(std::string user, std::string comment_id, std::string text) {
    if (!core::is_uuid(comment_id)) throw no_comment();
    const bool updated = co_await repository_.update_comment(pool_, comment_id, user, text);
    if (!updated) throw no_comment();  // someone else's comment is not theirs to edit: 404
    const auto found = co_await repository_.comment(pool_, comment_id);
    if (!found) throw no_comment();
    co_return comment_json(found->first);
}

net::awaitable<void> Service::delete_comment(std::string user, std::string comment_id) {
    if (!core::is_uuid(comment_id)) throw no_comment();
    const auto found = co_await repository_.comment(pool_, comment_id);
    // Its author may delete it, and so may the author of the post it is under.
    if (!found || (found->first.author.id != user && found->second != user)) throw no_comment();
    const bool deleted = co_await repository_.delete_comment(pool_, comment_id);
    if (deleted) co_await announce_counts(found->first.post_id);
}

net::awaitable<boost::json::object> Service::repost(std::string user, std::string post_id,
                                                    std::optional<std::string> comment) {
    if (!core::is_uuid(post_id)) throw no_post();
    auto tx = co_await db::Transaction::begin(pool_);
    const auto outcome = co_await repository_.insert_repost(tx, post_id, user, comment);
    if (!outcome) throw no_post();
    if (!outcome->second) {
        throw core::ApiError(http::status::conflict, "already_reposted", "Conflict", "You have reposted this post.");
    }
    auto notice =
        notice_of("post_reposted", outcome->first, user, post_target(post_id), "post_reposted:" + post_id + ":" + user);
    co_await notify(tx, std::move(notice));
    co_await tx.commit();
    co_await announce_counts(post_id);
    std::vector<Entry> entries{Entry{post_id, outcome->second}};
    auto shown = co_await render(user, std::move(entries));
    if (shown.empty()) throw no_post();
    co_return std::move(shown.front());
}

net::awaitable<void> Service::unrepost(std::string user, std::string post_id) {
    if (!core::is_uuid(post_id)) throw no_post();
    const bool removed = co_await repository_.delete_repost(pool_, post_id, user);
    if (removed) co_await announce_counts(post_id);
}

net::awaitable<void> Service::announce_counts(std::string post_id) {
    const auto counts = co_await repository_.counts(pool_, post_id);
    if (counts) co_await watchers_.announce(post_id, *counts);
}

net::awaitable<void> Service::watch(std::string user, std::vector<std::string> post_ids) {
    std::erase_if(post_ids, [](const std::string& id) { return !core::is_uuid(id); });
    if (post_ids.empty()) co_return;
    auto visible = co_await repository_.visible_posts(pool_, std::move(post_ids), user);
    co_await watchers_.watch(user, std::move(visible));
}

net::awaitable<void> Service::unwatch(std::string user, std::vector<std::string> post_ids) {
    co_await watchers_.unwatch(std::move(user), std::move(post_ids));
}

}  // namespace service::posts
