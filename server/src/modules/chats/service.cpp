#include "modules/chats/service.hpp"

#include "infra/jobs/queue.hpp"

#include <algorithm>
#include <map>

#include "core/log.hpp"
#include "core/problem.hpp"
#include "modules/social/blocks.hpp"

namespace service::chats {
namespace {

core::ApiError no_chat() { return core::ApiError::not_found("No such chat."); }
core::ApiError no_message() { return core::ApiError::not_found("No such message."); }

core::ApiError blocked() {
    return core::ApiError(http::status::forbidden, "blocked", "Forbidden",
                          "One of you has blocked the other: you cannot write to each other.");
}

core::ApiError not_a_group() {
    return core::ApiError::conflict("not_a_group", "A direct chat has no title and always has its two users.");
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

std::string direct_key(const std::string& a, const std::string& b) { return a < b ? a + ":" + b : b + ":" + a; }

net::awaitable<Membership> Service::member_or_404(std::string chat_id, std::string user) {
    auto membership = co_await repository_.membership(pool_, chat_id, user);
    if (!membership) throw no_chat();
    co_return std::move(*membership);
}

net::awaitable<std::vector<Chat>> Service::with_participants(std::vector<Chat> chats) {
    std::vector<std::string> ids;
    for (const auto& c : chats) {
        if (!contains(ids, c.id)) ids.push_back(c.id);
    }
    if (ids.empty()) co_return chats;
    const auto rows = co_await repository_.participants(pool_, ids);
    std::map<std::string, std::vector<Participant>> by_chat;
    for (const auto& [chat_id, participant] : rows) {
        auto& list = by_chat[chat_id];
        list.push_back(participant);
        list.back().online = presence_.online(participant.user_id);
        if (participant.avatar_media_id) list.back().avatar_url = media_.public_url(*participant.avatar_media_id);
    }
    std::vector<Message*> last;
    for (auto& c : chats) {
        c.participants = by_chat[c.id];
        if (c.last_message) last.push_back(&*c.last_message);
    }
    co_await with_photos(std::move(last));
    co_return chats;
}

net::awaitable<void> Service::with_photos(std::vector<Message*> messages) {
    std::vector<std::string> ids;
    for (const Message* m : messages) {
        if (m->media_id && !m->deleted && !contains(ids, *m->media_id)) ids.push_back(*m->media_id);
    }
    if (ids.empty()) co_return;
    const auto photos = co_await media_.get_many(ids);
    for (Message* m : messages) {
        if (!m->media_id || m->deleted) continue;
        const auto it = std::find_if(photos.begin(), photos.end(), [&](const auto& p) { return p.id == *m->media_id; });
        if (it != photos.end() && it->ready()) m->media = media_.to_json(*it);
    }
}

net::awaitable<bool> Service::can_view_chat_photo(std::string user_id, std::string media_id) {
    co_return co_await repository_.can_view_photo(pool_, media_id, user_id);
}

net::awaitable<Chat> Service::view(std::string chat_id, std::string viewer) {
    auto chat = co_await repository_.chat(pool_, chat_id, viewer);
    if (!chat || !chat->viewer) throw no_chat();
    std::vector<Chat> one;
    one.push_back(std::move(*chat));
    one = co_await with_participants(std::move(one));
    co_return std::move(one.front());
}

net::awaitable<void> Service::publish_chat(std::string chat_id, std::optional<std::string> also) {
    // The change is committed already: failing to announce it must not fail the request
    // (delivery is best effort anyway; clients catch up through the REST API).
    std::exception_ptr failed;
    try {
        auto views = co_await repository_.chat_views(pool_, chat_id);
        if (also) {
            // A user who just left sees the chat without themselves (and without their watermarks).
            auto outsider = co_await repository_.chat(pool_, chat_id, *also);
            if (outsider && !outsider->viewer) {
                outsider->viewer = *also;
                views.push_back(std::move(*outsider));
            }
        }
        views = co_await with_participants(std::move(views));
        for (const auto& v : views) publisher_.to_user(*v.viewer, "chat:updated", to_json(v));
    } catch (...) {
        failed = std::current_exception();
    }
    if (failed) {
        core::log::warn("chat:updated not published", {{"chat_id", chat_id}, {"error", core::log::describe(failed)}});
    }
}

net::awaitable<CreatedChat> Service::create_chat(std::string user, CreateChatInput input) {
    std::vector<std::string> others;
    for (const auto& id : input.participant_ids) {
        if (id != user) others.push_back(id);  // naming yourself is allowed and ignored
    }
    if (others.empty()) {
        throw core::ApiError::validation({{"participant_ids", "must name at least one other user"}});
    }
    const bool direct = others.size() == 1 && !input.title;
    if (!direct) {
        std::vector<core::FieldError> errors;
        if (!input.title) errors.push_back({"title", "is required for a group chat"});
        if (others.size() > kMaxParticipants - 1) {
            errors.push_back({"participant_ids", "a group has at most " + std::to_string(kMaxParticipants) +
                                                     " participants, you included"});
        }
        if (!errors.empty()) throw core::ApiError::validation(std::move(errors));
    }
    const auto existing = co_await repository_.existing_users(pool_, others);
    if (existing.size() != others.size()) {
        std::string unknown;
        for (const auto& id : others) {
            if (!contains(existing, id)) unknown += (unknown.empty() ? "" : ", ") + id;
        }
        throw core::ApiError::validation({{"participant_ids", "unknown users: " + unknown}});
    }

    if (direct) {
        const std::string other = others.front();
        // The block list is the social module's.
        const bool blocked_pair = co_await social::is_blocked_between(pool_, user, other);
        if (blocked_pair) throw blocked();
        const auto key = direct_key(user, other);
        auto tx = co_await db::Transaction::begin(pool_);
        auto id = co_await repository_.insert_direct_chat(tx, user, key);
        const bool created = id.has_value();
        if (created) {
            std::vector<std::string> pair{user, other};
            co_await repository_.add_participants(tx, *id, pair, std::nullopt);
        } else {
            // The pair has one already, perhaps committed just now: the insert waited for it.
            id = co_await repository_.find_direct_chat(tx, key);
            if (!id) throw core::ApiError::unavailable("The chat is being created; please retry.");
        }
        co_await tx.commit();
        auto chat = co_await view(*id, user);
        if (created) co_await publish_chat(*id, std::nullopt);
        co_return CreatedChat{std::move(chat), created};
    }

    auto tx = co_await db::Transaction::begin(pool_);
    const auto id = co_await repository_.insert_group_chat(tx, user, *input.title);
    std::vector<std::string> everyone{user};
    everyone.insert(everyone.end(), others.begin(), others.end());
    co_await repository_.add_participants(tx, id, everyone, user);
    co_await tx.commit();
    auto chat = co_await view(id, user);
    co_await publish_chat(id, std::nullopt);
    co_return CreatedChat{std::move(chat), true};
}

net::awaitable<ChatPage> Service::list_chats(std::string user, int limit, std::optional<core::PageCursor> cursor) {
    auto [items, next] = co_await repository_.list_chats(pool_, user, cursor, limit);
    ChatPage page{{}, std::move(next)};
    page.items = co_await with_participants(std::move(items));
    co_return page;
}

net::awaitable<Chat> Service::get_chat(std::string user, std::string chat_id) {
    co_return co_await view(chat_id, user);
}

net::awaitable<Chat> Service::rename_chat(std::string user, std::string chat_id, std::string title) {
    auto tx = co_await db::Transaction::begin(pool_);
    const auto membership = co_await repository_.membership(tx, chat_id, user, true);
    if (!membership) throw no_chat();
    if (membership->kind != "group") throw not_a_group();
    if (membership->role != "owner") throw core::ApiError::forbidden("Only the group's owner can rename it.");
    co_await repository_.rename(tx, chat_id, title);
    co_await tx.commit();
    co_await publish_chat(chat_id, std::nullopt);
    co_return co_await view(chat_id, user);
}

net::awaitable<Chat> Service::add_participant(std::string user, std::string chat_id, std::string new_user) {
    auto tx = co_await db::Transaction::begin(pool_);
    const auto membership = co_await repository_.membership(tx, chat_id, user, true);
    if (!membership) throw no_chat();
    if (membership->kind != "group") throw not_a_group();
    if (membership->role != "owner") throw core::ApiError::forbidden("Only the group's owner can add people.");
    if (contains(membership->participants, new_user)) {
        co_await tx.commit();
        co_return co_await view(chat_id, user);  // already in: nothing changes
    }
    std::vector<std::string> one{new_user};
    const auto known = co_await repository_.existing_users(tx, one);
    if (known.empty()) {
        throw core::ApiError::validation({{"user_id", "unknown user: " + new_user}});
    }
    if (membership->participants.size() >= kMaxParticipants) {
        throw core::ApiError::conflict("chat_full",
                                       "A group has at most " + std::to_string(kMaxParticipants) + " participants.");
    }
    co_await repository_.add_participants(tx, chat_id, one, std::nullopt);
    co_await repository_.touch(tx, chat_id);
    co_await tx.commit();
    co_await publish_chat(chat_id, std::nullopt);
    co_return co_await view(chat_id, user);
}

net::awaitable<void> Service::remove_participant(std::string user, std::string chat_id, std::string target) {
    auto tx = co_await db::Transaction::begin(pool_);
    const auto membership = co_await repository_.membership(tx, chat_id, user, true);
    if (!membership) throw no_chat();
    if (membership->kind != "group") throw not_a_group();
    if (target == user) {
        if (membership->role == "owner") throw core::ApiError::forbidden("The owner cannot leave their group.");
    } else {
        if (membership->role != "owner") throw core::ApiError::forbidden("Only the group's owner can remove people.");
        if (!contains(membership->participants, target)) throw core::ApiError::not_found("No such participant.");
    }
    co_await repository_.remove_participant(tx, chat_id, target);
    co_await repository_.touch(tx, chat_id);
    co_await tx.commit();
    co_await publish_chat(chat_id, target);
}

net::awaitable<MessagePage> Service::history(std::string user, std::string chat_id, HistoryQuery query) {
    co_await member_or_404(chat_id, user);
    MessagePage page;
    const auto limit = static_cast<std::size_t>(query.limit);
    if (query.after_seq) {
        page.items = co_await repository_.messages_after(pool_, chat_id, *query.after_seq, query.limit + 1);
        page.has_more = page.items.size() > limit;
        if (page.has_more) page.items.resize(limit);
    } else {
        page.items = co_await repository_.messages_before(pool_, chat_id, query.before_seq, query.limit + 1);
        page.has_more = page.items.size() > limit;
        if (page.has_more) page.items.resize(limit);  // the oldest one only told us there is more
        std::reverse(page.items.begin(), page.items.end());
    }
    std::vector<Message*> all;
    for (auto& m : page.items) all.push_back(&m);
    co_await with_photos(std::move(all));
    co_return page;
}

net::awaitable<std::optional<Sent>> Service::store_photo(std::string user, std::string chat_id, SendInput input,
                                                         std::vector<std::string> away) {
    auto tx = co_await db::Transaction::begin(pool_);
    // Locks the photo, so two sends of it run one after the other.
    co_await media_.attach(tx, user, *input.media_id, media::Purpose::kChat, "media_id");
    if (co_await repository_.photo_sent(tx, *input.media_id)) {
        if (input.client_msg_id) {
            auto original = co_await repository_.find_client_message(tx, chat_id, user, *input.client_msg_id);
            if (original && original->media_id == input.media_id) co_return Sent{std::move(*original), true};
        }
        throw core::ApiError::validation({{"media_id", "this photo was sent already; upload it again to resend it"}});
    }
    auto message = co_await repository_.insert_message(tx, chat_id, user, input);
    if (!message) co_return std::nullopt;
    co_await enqueue_pushes(tx, chat_id, std::move(away));
    co_await tx.commit();
    co_return Sent{std::move(*message), false};
}

net::awaitable<void> Service::enqueue_pushes(db::Executor& tx, std::string chat_id, std::vector<std::string> away) {
    for (auto& user : away) {
        boost::json::value payload = boost::json::object{{"chat_id", chat_id}, {"user", user}};
        infra::jobs::EnqueueOptions options;
        // A burst of messages while they are away becomes one push, sent once it settles.
        options.run_at = clock_.now() + std::chrono::seconds(2);
        std::string key = "chat_push:" + chat_id;
        key += ":" + user;
        options.unique_key = std::move(key);
        options.max_attempts = 5;
        co_await infra::jobs::enqueue(tx, "chats.message_push", std::move(payload), std::move(options));
    }
}

net::awaitable<void> Service::push_unread(infra::jobs::Job job) {
    const auto* o = job.payload.if_object();
    const auto* chat = o != nullptr ? o->if_contains("chat_id") : nullptr;
    const auto* user = o != nullptr ? o->if_contains("user") : nullptr;
    if (chat == nullptr || !chat->is_string() || user == nullptr || !user->is_string()) {
        throw infra::jobs::Discard("chats.message_push: needs chat_id and user");
    }
    const std::string chat_id(chat->as_string());
    const std::string user_id(user->as_string());
    if (presence_.online(user_id)) co_return;  // back meanwhile: the socket delivered everything
    const auto unread = co_await repository_.unread_for_push(pool_, chat_id, user_id);
    if (!unread) co_return;
    notifications::Notice notice;
    notice.type = "message_new";
    notice.recipient = user_id;
    notice.actor = unread->sender_id;
    notice.target = boost::json::object{{"type", "chat"},
                                        {"id", chat_id},
                                        {"count", unread->count},
                                        {"preview", unread->preview},
                                        {"title", unread->title ? boost::json::value(*unread->title) : nullptr}};
    notice.dedupe_key = "message_new:" + chat_id + ":" + unread->last_message_id;
    notice.collapse_key = "chat:" + chat_id;
    co_await notifications_.create(std::move(notice));
}

net::awaitable<Sent> Service::send(std::string user, std::string chat_id, SendInput input) {
    if (input.media_id) co_return co_await send_photo(std::move(user), std::move(chat_id), std::move(input));
    // One round trip: the membership and block checks, the seq and the insert are one statement
    // (send_text_message.sql), which also says who is in the chat. No look-up of client_msg_id
    // first: a retry is rare, so it is found by the unique key when the insert fails.
    std::optional<TextSent> stored;
    bool duplicate = false;
    try {
        stored = co_await repository_.send_text(pool_, chat_id, user, input);
    } catch (const db::UniqueViolation&) {
        // A retry, or a concurrent copy, of a message that is already stored.
        if (!input.client_msg_id) throw;
        duplicate = true;
    }
    if (duplicate) co_return co_await original_of(chat_id, user, *input.client_msg_id);
    if (!stored->kind) throw no_chat();
    if (stored->blocked) throw blocked();
    if (!stored->message) throw no_chat();  // removed from the group a moment ago
    // Those with no socket anywhere get a push (one per chat while they are away). The job is
    // enqueued right after the message's commit rather than in it, which keeps a send to people
    // who are online one statement; a crash between the two statements costs that push only.
    std::vector<std::string> away;
    for (const auto& other : stored->participants) {
        if (other != user && !presence_.online(other)) away.push_back(other);
    }
    if (!away.empty()) {
        std::exception_ptr failed;
        try {
            co_await enqueue_pushes(pool_, chat_id, std::move(away));
        } catch (...) {
            failed = std::current_exception();
        }
        if (failed) {
            core::log::warn("message push not enqueued",
                            {{"chat_id", chat_id}, {"error", core::log::describe(failed)}});
        }
    }
    Sent sent{std::move(*stored->message), false};
    const boost::json::value payload = to_json(sent.message);
    publisher_.to_users(stored->participants, "message:new", payload);
    co_return sent;
}

net::awaitable<Sent> Service::original_of(std::string chat_id, std::string user, std::string client_msg_id) {
    auto original = co_await repository_.find_client_message(pool_, chat_id, user, client_msg_id);
    if (!original) throw core::ApiError::conflict("conflict", "The message conflicts with another; retry.");
    co_return Sent{std::move(*original), true};
}

net::awaitable<Sent> Service::send_photo(std::string user, std::string chat_id, SendInput input) {
    const auto membership = co_await member_or_404(chat_id, user);
    if (membership.kind == "direct") {
        for (const auto& other : membership.participants) {
            if (other == user) continue;
            const bool blocked_pair = co_await social::is_blocked_between(pool_, user, other);
            if (blocked_pair) throw blocked();
        }
    }
    // A photo message is stored in a transaction anyway (with attaching its photo), so the push
    // jobs of those away share it.
    std::vector<std::string> away;
    for (const auto& other : membership.participants) {
        if (other != user && !presence_.online(other)) away.push_back(other);
    }
    std::optional<Sent> sent;
    bool duplicate = false;
    try {
        sent = co_await store_photo(user, chat_id, input, away);
    } catch (const db::UniqueViolation&) {
        if (!input.client_msg_id) throw;
        duplicate = true;
    }
    if (duplicate) sent = co_await original_of(chat_id, user, *input.client_msg_id);
    if (!sent) throw no_chat();                 // removed from the group a moment ago
    std::vector<Message*> one{&sent->message};  // named: GCC 12 mishandles braced lists in co_await
    co_await with_photos(std::move(one));
    if (!sent->replayed) {
        const boost::json::value payload = to_json(sent->message);
        publisher_.to_users(membership.participants, "message:new", payload);
    }
    co_return std::move(*sent);
}

net::awaitable<Message> Service::edit_message(std::string user, std::string chat_id, std::string message_id,
                                              std::string content) {
    const auto membership = co_await member_or_404(chat_id, user);
    auto edited = co_await repository_.edit_message(pool_, chat_id, message_id, user, content);
    if (!edited) {
        const auto existing = co_await repository_.message(pool_, chat_id, message_id);
        if (!existing || existing->sender_id != user) throw no_message();
        if (existing->deleted) throw core::ApiError::conflict("message_deleted", "A deleted message cannot be edited.");
        throw core::ApiError::conflict("not_editable", "Only text messages can be edited.");
    }
    const boost::json::value payload = to_json(*edited);
    publisher_.to_users(membership.participants, "message:updated", payload);
    co_return std::move(*edited);
}

net::awaitable<void> Service::delete_message(std::string user, std::string chat_id, std::string message_id) {
    const auto membership = co_await member_or_404(chat_id, user);
    std::optional<Message> deleted;
    {
        auto tx = co_await db::Transaction::begin(pool_);
        deleted = co_await repository_.delete_message(tx, chat_id, message_id, user);
        // Nobody sees the photo of a deleted message: the clean-up removes it after a day.
        if (deleted && deleted->media_id) co_await media_.release(tx, *deleted->media_id);
        co_await tx.commit();
    }
    if (!deleted) {
        const auto existing = co_await repository_.message(pool_, chat_id, message_id);
        if (!existing || existing->sender_id != user) throw no_message();
        co_return;  // deleted before: nothing changes
    }
    const boost::json::value payload = to_json(*deleted);
    publisher_.to_users(membership.participants, "message:updated", payload);
}

net::awaitable<Watermarks> Service::mark(std::string user, std::string chat_id, Mark mark, std::int64_t up_to_seq) {
    auto result = co_await repository_.mark(pool_, chat_id, user, up_to_seq, mark == Mark::kRead);
    if (!result) throw no_chat();
    if (result->moved) {
        const boost::json::value payload = to_json(result->marks);
        publisher_.to_users(result->others, "message:status", payload);
    }
    co_return std::move(result->marks);
}

net::awaitable<void> Service::typing(std::string user, std::string chat_id, bool is_typing) {
    const auto membership = co_await member_or_404(chat_id, user);
    const boost::json::value payload =
        boost::json::object{{"chat_id", chat_id}, {"user_id", user}, {"is_typing", is_typing}};
    for (const auto& p : membership.participants) {
        if (p != user) publisher_.to_user(p, "typing", payload);
    }
}

net::awaitable<void> Service::presence_changed(std::string user, bool online) {
    std::optional<std::string> last_seen;
    if (online) {
        last_seen = co_await repository_.last_seen(pool_, user);
    } else {
        last_seen = co_await repository_.touch_presence(pool_, user);
    }
    const auto contacts = co_await repository_.contacts(pool_, user);
    boost::json::object payload{{"user_id", user}, {"online", online}};
    payload["last_seen_at"] = last_seen ? boost::json::value(*last_seen) : boost::json::value(nullptr);
    const boost::json::value event = std::move(payload);
    publisher_.to_users(contacts, "presence", event);
}

}  // namespace service::chats
