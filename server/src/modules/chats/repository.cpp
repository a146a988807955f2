#include "modules/chats/repository.hpp"

#include "chats_sql.hpp"

namespace service::chats {
namespace {

std::optional<Message> first_message(const db::Result& rows) {
    if (rows.empty()) return std::nullopt;
    return message_from_row(rows[0]);
}

std::vector<Message> all_messages(const db::Result& rows) {
    std::vector<Message> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) out.push_back(message_from_row(rows[i]));
    return out;
}

std::vector<std::string> first_column(const db::Result& rows) {
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) out.push_back(rows[i].get<std::string>(0));
    return out;
}

}  // namespace

net::awaitable<std::vector<std::string>> Repository::existing_users(db::Executor& db,
                                                                    std::vector<std::string> ids) const {
    const auto rows = co_await db.query(sql::kFindUsers, db::Params(ids));
    co_return first_column(rows);
}

net::awaitable<std::optional<std::string>> Repository::insert_direct_chat(db::Executor& db, std::string creator,
                                                                          std::string direct_key) const {
    const auto rows = co_await db.query(sql::kInsertDirectChat, db::Params(creator, direct_key));
    if (rows.empty()) co_return std::nullopt;
    co_return rows[0].get<std::string>(0);
}

net::awaitable<std::optional<std::string>> Repository::find_direct_chat(db::Executor& db,
                                                                        std::string direct_key) const {
    const auto rows = co_await db.query(sql::kFindDirectChat, db::Params(direct_key));
    if (rows.empty()) co_return std::nullopt;
    co_return rows[0].get<std::string>(0);
}

net::awaitable<std::string> Repository::insert_group_chat(db::Executor& db, std::string creator,
                                                          std::string title) const {
    const auto rows = co_await db.query(sql::kInsertGroupChat, db::Params(creator, title));
    co_return rows[0].get<std::string>(0);
}

net::awaitable<std::vector<std::string>> Repository::add_participants(db::Executor& db, std::string chat_id,
                                                                      std::vector<std::string> users,
                                                                      std::optional<std::string> owner) const {
    const auto rows = co_await db.query(sql::kInsertParticipants, db::Params(chat_id, users, owner));
    co_return first_column(rows);
}

net::awaitable<std::optional<Membership>> Repository::membership(db::Executor& db, std::string chat_id,
                                                                 std::string user, bool lock) const {
    const auto rows = co_await db.query(lock ? sql::kLockChat : sql::kChatAccess, db::Params(chat_id, user));
    if (rows.empty()) co_return std::nullopt;
    co_return Membership{rows[0].get<std::string>(0), rows[0].get<std::string>(1),
                         rows[0].get<std::vector<std::string>>(2)};
}

net::awaitable<void> Repository::rename(db::Executor& db, std::string chat_id, std::string title) const {
    co_await db.query(sql::kRenameChat, db::Params(chat_id, title));
}

net::awaitable<void> Repository::touch(db::Executor& db, std::string chat_id) const {
    co_await db.query(sql::kTouchChat, db::Params(chat_id));
}

net::awaitable<bool> Repository::remove_participant(db::Executor& db, std::string chat_id, std::string user) const {
    const auto rows = co_await db.query(sql::kDeleteParticipant, db::Params(chat_id, user));
    co_return !rows.empty();
}

net::awaitable<std::optional<Chat>> Repository::chat(db::Executor& db, std::string chat_id, std::string viewer) const {
    const auto rows = co_await db.query(sql::kGetChat, db::Params(chat_id, viewer));
    if (rows.empty()) co_return std::nullopt;
    co_return chat_from_row(rows[0]);
}

net::awaitable<std::vector<Chat>> Repository::chat_views(db::Executor& db, std::string chat_id) const {
    const auto rows = co_await db.query(sql::kChatViews, db::Params(chat_id));
    std::vector<Chat> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) out.push_back(chat_from_row(rows[i]));
    co_return out;
}

net::awaitable<std::pair<std::vector<Chat>, std::optional<core::PageCursor>>> Repository::list_chats(
    db::Executor& db, std::string user, std::optional<core::PageCursor> cursor, int limit) const {
    db::Params p(user);
    p.add(cursor ? std::optional<std::string>(cursor->key) : std::nullopt);
    p.add(cursor ? std::optional<std::string>(cursor->id) : std::nullopt);
    p.add(limit + 1);
    const auto rows = co_await db.query(sql::kListChats, std::move(p));
    std::vector<Chat> items;
    for (int i = 0; i < std::min(rows.size(), limit); ++i) items.push_back(chat_from_row(rows[i]));
    std::optional<core::PageCursor> next;
    if (rows.size() > limit) next = core::PageCursor{items.back().activity_key, items.back().id};
    co_return std::pair{std::move(items), std::move(next)};
}

net::awaitable<std::vector<std::pair<std::string, Participant>>> Repository::participants(
    db::Executor& db, std::vector<std::string> chat_ids) const {
    const auto rows = co_await db.query(sql::kListParticipants, db::Params(chat_ids));
    std::vector<std::pair<std::string, Participant>> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const auto r = rows[i];
        Participant p;
        p.user_id = r.get<std::string>(1);
        p.display_name = r.get<std::string>(2);
        p.avatar_media_id = r.get<std::optional<std::string>>(3);
        p.role = r.get<std::string>(4);
        p.last_seen_at = r.get<std::optional<std::string>>(5);
        p.delivered_seq = r.get<std::int64_t>(6);
        p.read_seq = r.get<std::int64_t>(7);
        out.emplace_back(r.get<std::string>(0), std::move(p));
    }
    co_return out;
}

net::awaitable<std::optional<Message>> Repository::insert_message(db::Executor& db, std::string chat_id,
                                                                  std::string sender, SendInput input) const {
    const auto rows = co_await db.query(sql::kInsertMessage, db::Params(chat_id, sender, input.type, input.content,
                                                                        input.client_msg_id, input.media_id));
    co_return first_message(rows);
}

net::awaitable<TextSent> Repository::send_text(db::Executor& db, std::string chat_id, std::string sender,
                                               SendInput input) const {
    const auto rows =
        co_await db.query(sql::kSendTextMessage, db::Params(chat_id, sender, input.content, input.client_msg_id));
    const auto row = rows[0];
    TextSent out;
    out.kind = row.get<std::optional<std::string>>(0);
    out.blocked = row.get<bool>(1);
    out.participants = row.get<std::vector<std::string>>(2);
    if (!row.is_null(3)) out.message = message_from_row(row, 3);
    co_return out;
}

net::awaitable<std::optional<Message>> Repository::find_client_message(db::Executor& db, std::string chat_id,
                                                                       std::string sender,
                                                                       std::string client_msg_id) const {
    const auto rows = co_await db.query(sql::kFindClientMessage, db::Params(chat_id, sender, client_msg_id));
    co_return first_message(rows);
}

net::awaitable<std::optional<Message>> Repository::message(db::Executor& db, std::string chat_id,
                                                           std::string id) const {
    const auto rows = co_await db.query(sql::kGetMessage, db::Params(chat_id, id));
    co_return first_message(rows);
}

net::awaitable<std::optional<Message>> Repository::edit_message(db::Executor& db, std::string chat_id, std::string id,
                                                                std::string sender, std::string content) const {
    const auto rows = co_await db.query(sql::kEditMessage, db::Params(chat_id, id, sender, content));
    co_return first_message(rows);
}

net::awaitable<std::optional<Message>> Repository::delete_message(db::Executor& db, std::string chat_id, std::string id,
                                                                  std::string sender) const {
    const auto rows = co_await db.query(sql::kDeleteMessage, db::Params(chat_id, id, sender));
    co_return first_message(rows);
}

net::awaitable<std::vector<Message>> Repository::messages_before(db::Executor& db, std::string chat_id,
                                                                 std::optional<std::int64_t> before_seq,
                                                                 int limit) const {
    const auto rows = co_await db.query(sql::kListMessagesBefore, db::Params(chat_id, before_seq, limit));
    co_return all_messages(rows);
}

net::awaitable<std::vector<Message>> Repository::messages_after(db::Executor& db, std::string chat_id,
                                                                std::int64_t after_seq, int limit) const {
    const auto rows = co_await db.query(sql::kListMessagesAfter, db::Params(chat_id, after_seq, limit));
    co_return all_messages(rows);
}

net::awaitable<std::optional<MarkResult>> Repository::mark(db::Executor& db, std::string chat_id, std::string user,
                                                           std::int64_t up_to_seq, bool read) const {
    const auto rows = co_await db.query(sql::kMarkSeq, db::Params(chat_id, user, up_to_seq, read));
    if (rows.empty()) co_return std::nullopt;
    MarkResult out;
    out.marks = Watermarks{chat_id, user, rows[0].get<std::int64_t>(0), rows[0].get<std::int64_t>(1)};
    out.moved = rows[0].get<bool>(2);
    out.others = rows[0].get<std::vector<std::string>>(3);
    co_return out;
}

net::awaitable<std::optional<UnreadForPush>> Repository::unread_for_push(db::Executor& db, std::string chat_id,
                                                                         std::string user) const {
    const auto rows = co_await db.query(sql::kUnreadForPush, db::Params(chat_id, user));
    if (rows.empty()) co_return std::nullopt;
    const auto row = rows[0];
    co_return UnreadForPush{row.get<int>(0), row.get<std::string>(1), row.get<std::string>(2), row.get<std::string>(3),
                            row.get<std::optional<std::string>>(4)};
}

net::awaitable<bool> Repository::can_view_photo(db::Executor& db, std::string media_id, std::string user) const {
    const auto rows = co_await db.query(sql::kCanViewPhoto, db::Params(media_id, user));
    co_return rows[0].get<bool>(0);
}

net::awaitable<bool> Repository::photo_sent(db::Executor& db, std::string media_id) const {
    const auto rows = co_await db.query(sql::kPhotoSent, db::Params(media_id));
    co_return rows[0].get<bool>(0);
}

net::awaitable<std::string> Repository::touch_presence(db::Executor& db, std::string user) const {
    const auto rows = co_await db.query(sql::kTouchPresence, db::Params(user));
    co_return rows[0].get<std::string>(0);
}

net::awaitable<std::optional<std::string>> Repository::last_seen(db::Executor& db, std::string user) const {
    const auto rows = co_await db.query(sql::kGetPresence, db::Params(user));
    if (rows.empty()) co_return std::nullopt;
    co_return rows[0].get<std::string>(0);
}

net::awaitable<std::vector<std::string>> Repository::contacts(db::Executor& db, std::string user) const {
    const auto rows = co_await db.query(sql::kChatContacts, db::Params(user));
    co_return first_column(rows);
}

}  // namespace service::chats
