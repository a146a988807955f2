#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/pool.hpp"
#include "modules/chats/repository.hpp"
#include "modules/media/service.hpp"
#include "modules/notifications/service.hpp"
#include "realtime/publisher.hpp"

namespace service::chats {

struct CreateChatInput {
    std::vector<std::string> participant_ids;  // distinct, lower-case
    std::optional<std::string> title;
};

struct CreatedChat {
    Chat chat;
    bool created = false;  // false: the pair's existing direct chat
};

struct ChatPage {
    std::vector<Chat> items;
    std::optional<core::PageCursor> next;
};

struct HistoryQuery {
    std::optional<std::int64_t> before_seq;
    std::optional<std::int64_t> after_seq;
    int limit = 50;
};

struct MessagePage {
    std::vector<Message> items;  // ascending by seq
    bool has_more = false;
};

struct Sent {
    Message message;
    bool replayed = false;  // a retry with a known client_msg_id: the original message
};

enum class Mark { kDelivered, kRead };

/// Chat rules, shared by the REST routes and the socket events: only participants see or touch a
/// chat (everyone else gets 404); one direct chat per pair; groups have an owner and at most 50
/// participants; messages are numbered without gaps per chat and a retried send returns the
/// original; watermarks only move forward; blocked pairs cannot start a direct chat or write in
/// one. Every change is published to the participants after it committed.
class Service final : public media::ChatPhotoAccess {
  public:
    Service(db::Pool& pool, const Repository& repository, realtime::Publisher& publisher,
            const realtime::PresenceView& presence, media::Service& media, notifications::Service& notifications,
            const core::Clock& clock)
        : pool_(pool),
          repository_(repository),
          publisher_(publisher),
          presence_(presence),
          media_(media),
          notifications_(notifications),
          clock_(clock) {}

    net::awaitable<CreatedChat> create_chat(std::string user, CreateChatInput input);
    net::awaitable<ChatPage> list_chats(std::string user, int limit, std::optional<core::PageCursor> cursor);
    net::awaitable<Chat> get_chat(std::string user, std::string chat_id);
    net::awaitable<Chat> rename_chat(std::string user, std::string chat_id, std::string title);
    net::awaitable<Chat> add_participant(std::string user, std::string chat_id, std::string new_user);
    net::awaitable<void> remove_participant(std::string user, std::string chat_id, std::string target);

    net::awaitable<MessagePage> history(std::string user, std::string chat_id, HistoryQuery query);
    net::awaitable<Sent> send(std::string user, std::string chat_id, SendInput input);
    net::awaitable<Message> edit_message(std::string user, std::string chat_id, std::string message_id,
                                         std::string content);
    net::awaitable<void> delete_message(std::string user, std::string chat_id, std::string message_id);
    net::awaitable<Watermarks> mark(std::string user, std::string chat_id, Mark mark, std::int64_t up_to_seq);
    /// Tells the other participants that `user` is (not) typing; nothing is stored.
    net::awaitable<void> typing(std::string user, std::string chat_id, bool is_typing);
    /// A user's first socket came up or their last went away: records last_seen_at when offline
    /// and tells everyone who shares a chat with them.
    net::awaitable<void> presence_changed(std::string user, bool online);

    /// The `chats.message_push` handler: one push per chat to a participant who was away when
    /// messages came ("3 new messages"), replacing the earlier one on the device (collapse key).
    net::awaitable<void> push_unread(infra::jobs::Job job);

    /// media::ChatPhotoAccess: the participants of a chat where the photo was sent may see it.
    net::awaitable<bool> can_view_chat_photo(std::string user_id, std::string media_id) override;

  private:
    /// Stores a photo message in one transaction with attaching its photo; a retry (the photo
    /// was sent with this client_msg_id already) finds the original (replayed). nullopt when
    /// the sender is not a participant.
    /// The message a retry (the same client_msg_id) refers to, as a replayed send.
    net::awaitable<Sent> original_of(std::string chat_id, std::string user, std::string client_msg_id);
    /// send() for a photo message: membership, block checks, then store_photo.
    net::awaitable<Sent> send_photo(std::string user, std::string chat_id, SendInput input);
    net::awaitable<std::optional<Sent>> store_photo(std::string user, std::string chat_id, SendInput input,
                                                    std::vector<std::string> away);
    /// Enqueues a message push for each participant in `away` (no socket anywhere) on `tx`.
    net::awaitable<void> enqueue_pushes(db::Executor& tx, std::string chat_id, std::vector<std::string> away);
    /// Fills in each message's photo (fresh signed URLs) from the media module.
    net::awaitable<void> with_photos(std::vector<Message*> messages);
    /// `chats` with their participants (and who of them is online).
    net::awaitable<std::vector<Chat>> with_participants(std::vector<Chat> chats);
    net::awaitable<Chat> view(std::string chat_id, std::string viewer);
    /// Sends chat:updated to every participant (each their own view) and to `also` if given.
    net::awaitable<void> publish_chat(std::string chat_id, std::optional<std::string> also);
    net::awaitable<Membership> member_or_404(std::string chat_id, std::string user);

    db::Pool& pool_;
    const Repository& repository_;
    realtime::Publisher& publisher_;
    const realtime::PresenceView& presence_;
    media::Service& media_;
    notifications::Service& notifications_;
    const core::Clock& clock_;
};

/// "<smaller uuid>:<larger uuid>": the key of the pair's direct chat.
std::string direct_key(const std::string& a, const std::string& b);

}  // namespace service::chats
