#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/pagination.hpp"
#include "db/pool.hpp"
#include "modules/chats/chat.hpp"

namespace service::chats {

/// A participant's standing in a chat.
struct Membership {
    std::string kind;                       // direct | group
    std::string role;                       // the caller's: owner | member
    std::vector<std::string> participants;  // every participant, the caller included
};

/// What send_text_message tells: whether the sender may write in the chat, who is in it, and
/// the message when it was stored.
struct TextSent {
    std::optional<std::string> kind;  // direct | group; nullopt: the sender does not participate
    bool blocked = false;             // a block between the two of a direct chat stopped it
    std::vector<std::string> participants;
    std::optional<Message> message;
};

struct MarkResult {
    Watermarks marks;
    bool moved = false;
    std::vector<std::string> others;  // the other participants
};

struct UnreadForPush {
    int count = 0;
    std::string sender_id, preview, last_message_id;
    std::optional<std::string> title;  // a group's
};

/// chats, chat_participants, messages and user_presence. Reads users' names and avatars, and the
/// social module's blocked_users, by join (read-only, see docs/architecture.md).
class Repository {
  public:
    /// Which of `ids` are active accounts.
    net::awaitable<std::vector<std::string>> existing_users(db::Executor& db, std::vector<std::string> ids) const;
    /// The new direct chat's id, or nullopt when the pair already has one.
    net::awaitable<std::optional<std::string>> insert_direct_chat(db::Executor& db, std::string creator,
                                                                  std::string direct_key) const;
    net::awaitable<std::optional<std::string>> find_direct_chat(db::Executor& db, std::string direct_key) const;
    net::awaitable<std::string> insert_group_chat(db::Executor& db, std::string creator, std::string title) const;
    /// Adds `users` (those already in are skipped); `owner` gets the owner role. Returns the added.
    net::awaitable<std::vector<std::string>> add_participants(db::Executor& db, std::string chat_id,
                                                              std::vector<std::string> users,
                                                              std::optional<std::string> owner) const;
    /// nullopt when `user` does not participate. `lock` takes the chat row (title/participant changes).
    net::awaitable<std::optional<Membership>> membership(db::Executor& db, std::string chat_id, std::string user,
                                                         bool lock = false) const;
    net::awaitable<void> rename(db::Executor& db, std::string chat_id, std::string title) const;
    net::awaitable<void> touch(db::Executor& db, std::string chat_id) const;
    /// False when `user` was not a participant.
    net::awaitable<bool> remove_participant(db::Executor& db, std::string chat_id, std::string user) const;

    /// The chat as `viewer` sees it (viewer unset and zero watermarks when not a participant);
    /// participants are not filled.
    net::awaitable<std::optional<Chat>> chat(db::Executor& db, std::string chat_id, std::string viewer) const;
    /// The chat as each participant sees it.
    net::awaitable<std::vector<Chat>> chat_views(db::Executor& db, std::string chat_id) const;
    /// A page of `user`'s chats by last activity, and the cursor of the next page.
    net::awaitable<std::pair<std::vector<Chat>, std::optional<core::PageCursor>>> list_chats(
        db::Executor& db, std::string user, std::optional<core::PageCursor> cursor, int limit) const;
    /// The participants of `chat_ids`, as (chat id, participant), owner first.
    net::awaitable<std::vector<std::pair<std::string, Participant>>> participants(
        db::Executor& db, std::vector<std::string> chat_ids) const;

    /// Takes the chat's next seq and inserts the message; nullopt when `sender` does not
    /// participate. Throws db::UniqueViolation on a duplicate client_msg_id.
    net::awaitable<std::optional<Message>> insert_message(db::Executor& db, std::string chat_id, std::string sender,
                                                          SendInput input) const;
    /// A text message with its membership and block checks in one statement (send_text_message.sql).
    /// Throws db::UniqueViolation on a duplicate client_msg_id.
    net::awaitable<TextSent> send_text(db::Executor& db, std::string chat_id, std::string sender,
                                       SendInput input) const;
    net::awaitable<std::optional<Message>> find_client_message(db::Executor& db, std::string chat_id,
                                                               std::string sender, std::string client_msg_id) const;
    net::awaitable<std::optional<Message>> message(db::Executor& db, std::string chat_id, std::string id) const;
    /// The sender's own, not deleted text message with the new content; nullopt otherwise.
    net::awaitable<std::optional<Message>> edit_message(db::Executor& db, std::string chat_id, std::string id,
                                                        std::string sender, std::string content) const;
    /// Soft delete of the sender's own message; nullopt when not theirs or already deleted.
    net::awaitable<std::optional<Message>> delete_message(db::Executor& db, std::string chat_id, std::string id,
                                                          std::string sender) const;
    /// Up to `limit` messages before `before_seq` (the latest when nullopt), newest first.
    net::awaitable<std::vector<Message>> messages_before(db::Executor& db, std::string chat_id,
                                                         std::optional<std::int64_t> before_seq, int limit) const;
    /// Up to `limit` messages after `after_seq`, oldest first.
    net::awaitable<std::vector<Message>> messages_after(db::Executor& db, std::string chat_id, std::int64_t after_seq,
                                                        int limit) const;
    /// Moves the watermarks forward (read = true also reads); nullopt when not a participant.
    net::awaitable<std::optional<MarkResult>> mark(db::Executor& db, std::string chat_id, std::string user,
                                                   std::int64_t up_to_seq, bool read) const;

    /// What `user` has not read in the chat from others, for a push; nullopt when nothing.
    net::awaitable<std::optional<UnreadForPush>> unread_for_push(db::Executor& db, std::string chat_id,
                                                                 std::string user) const;

    /// Whether `user` takes part in a chat where the photo was sent (in a message not deleted).
    net::awaitable<bool> can_view_photo(db::Executor& db, std::string media_id, std::string user) const;
    /// Whether the photo is in a message already.
    net::awaitable<bool> photo_sent(db::Executor& db, std::string media_id) const;

    /// Records now as the user's last-seen time and returns it.
    net::awaitable<std::string> touch_presence(db::Executor& db, std::string user) const;
    net::awaitable<std::optional<std::string>> last_seen(db::Executor& db, std::string user) const;
    /// Everyone who shares a chat with `user`.
    net::awaitable<std::vector<std::string>> contacts(db::Executor& db, std::string user) const;
};

}  // namespace service::chats
