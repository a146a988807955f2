#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

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

struct BlockedUser {
    std::string user_id;
    std::string display_name;
    std::string created_at;
};

/// What a client sends as a new message (REST body or the message:send payload).
struct SendInput {
    std::string type;
    std::string content;
    std::optional<std::string> client_msg_id;
};

inline constexpr std::size_t kMaxParticipants = 50;  // including the creator
inline constexpr std::size_t kMaxTextChars = 4000;
inline constexpr std::size_t kMaxImageUrlChars = 2048;
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

/// {type, content, client_msg_id?}: text is 1..4000 characters after trimming; an image is an
/// http(s) URL or a site path starting with "/", at most 2048 characters.
SendInput read_send_input(core::Validator& v);
/// The new content of an edited text message.
std::string read_text_content(core::Validator& v);
/// up_to_seq: a whole number ≥ 0.
std::int64_t read_up_to_seq(core::Validator& v);
/// A required uuid field (lower-cased).
std::string read_uuid(core::Validator& v, std::string_view field);

bool is_image_url(std::string_view text);

}  // namespace service::chats
