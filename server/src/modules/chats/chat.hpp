#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "core/validation.hpp"
#include "db/result.hpp"

namespace service::chats {

struct Message {
    std::string id;
    std::string chat_id;
    std::int64_t seq = 0;
    std::string sender_id;
    std::string type;  // text | image
    std::string content;
    std::optional<std::string> client_msg_id;
    std::string created_at;
    std::optional<std::string> edited_at;
    bool deleted = false;
    /// The photo of a photo message; nullopt for text, for the old URL form and once the photo's
    /// owner deleted it.
    std::optional<std::string> media_id;
    /// The photo as the media module shows it (variant URLs signed for 15 minutes), filled in by
    /// the service every time the message is read; null when there is none to show.
    boost::json::value media = nullptr;

    /// An image message whose photo was deleted (shown as "photo deleted").
    bool media_deleted() const { return type == "image" && !media_id && content.empty() && !deleted; }
};

struct Participant {
    std::string user_id;
    std::string display_name;
    std::optional<std::string> avatar_media_id;
    std::optional<std::string> avatar_url;  // the avatar's thumb, from the media module
    std::string role;                       // owner | member
    bool online = false;
    std::optional<std::string> last_seen_at;
    std::int64_t delivered_seq = 0;
    std::int64_t read_seq = 0;
};

/// A chat as one user (the viewer) sees it: the watermarks and the unread count are theirs.
struct Chat {
    std::string id;
    std::string kind;  // direct | group
    std::optional<std::string> title;
    std::string created_by;
    std::vector<Participant> participants;
    std::optional<Message> last_message;
    std::int64_t unread_count = 0;
    std::int64_t last_seq = 0;
    std::int64_t delivered_seq = 0;
    std::int64_t read_seq = 0;
    std::string created_at;
    std::string last_activity_at;
    std::optional<std::string> viewer;  // the user whose view this is; nullopt when not a participant
    std::string activity_key;           // last activity with microseconds: the list cursor's key
};

/// A user's watermarks in a chat after a delivered/read mark.
struct Watermarks {
    std::string chat_id;
    std::string user_id;
    std::int64_t delivered_seq = 0;
    std::int64_t read_seq = 0;
};

/// What a client sends as a new message (REST body or the message:send payload).
struct SendInput {
    std::string type;
    std::string content;  // '' for a photo
    std::optional<std::string> client_msg_id;
    std::optional<std::string> media_id;  // a photo message's chat photo
};

inline constexpr std::size_t kMaxParticipants = 50;  // including the creator
inline constexpr std::size_t kMaxTextChars = 4000;
inline constexpr std::size_t kMaxClientMsgIdChars = 64;
inline constexpr std::size_t kMaxTitleChars = 100;

/// Maps the message columns of the chats SQL files (id … deleted), starting at column `first`.
Message message_from_row(const db::Row& row, int first = 0);
/// Maps a row of get_chat / chat_views / list_chats (participants are filled separately).
Chat chat_from_row(const db::Row& row);

boost::json::object to_json(const Message& message);
boost::json::object to_json(const Participant& participant);
boost::json::object to_json(const Chat& chat);
boost::json::object to_json(const Watermarks& marks);

// Request fields shared by the REST routes and the socket events. Each records its problems in
// `v` (the caller runs v.check()), so one 422 lists every bad field.

/// {type: "text", content, client_msg_id?}: 1..4000 characters after trimming; or
/// {type: "image", media_id, client_msg_id?}: a photo uploaded with purpose "chat" (the service
/// checks it is the sender's and ready). The old image form, a URL in content, is refused.
SendInput read_send_input(core::Validator& v);
/// The new content of an edited text message.
std::string read_text_content(core::Validator& v);
/// up_to_seq: a whole number ≥ 0.
std::int64_t read_up_to_seq(core::Validator& v);
/// A required uuid field (lower-cased).
std::string read_uuid(core::Validator& v, std::string_view field);

}  // namespace service::chats
