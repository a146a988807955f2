#include "modules/chats/chat.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <boost/json/array.hpp>

namespace service::chats {
namespace {

boost::json::value or_null(const std::optional<std::string>& text) {
    if (text) return boost::json::value(*text);
    return nullptr;
}

}  // namespace

Message message_from_row(const db::Row& row, int first) {
    Message m;
    m.id = row.get<std::string>(first);
    m.chat_id = row.get<std::string>(first + 1);
    m.seq = row.get<std::int64_t>(first + 2);
    m.sender_id = row.get<std::string>(first + 3);
    m.type = row.get<std::string>(first + 4);
    m.content = row.get<std::string>(first + 5);
    m.client_msg_id = row.get<std::optional<std::string>>(first + 6);
    m.created_at = row.get<std::string>(first + 7);
    m.edited_at = row.get<std::optional<std::string>>(first + 8);
    m.deleted = row.get<bool>(first + 9);
    m.media_id = row.get<std::optional<std::string>>(first + 10);
    return m;
}

Chat chat_from_row(const db::Row& row) {
    Chat c;
    c.id = row.get<std::string>(0);
    c.kind = row.get<std::string>(1);
    c.title = row.get<std::optional<std::string>>(2);
    c.created_by = row.get<std::string>(3);
    c.last_seq = row.get<std::int64_t>(4);
    c.delivered_seq = row.get<std::int64_t>(5);
    c.read_seq = row.get<std::int64_t>(6);
    c.created_at = row.get<std::string>(7);
    c.last_activity_at = row.get<std::string>(8);
    c.unread_count = row.get<std::int64_t>(9);
    c.viewer = row.get<std::optional<std::string>>(10);
    c.activity_key = row.get<std::string>(11);
    if (!row.is_null(12)) c.last_message = message_from_row(row, 12);
    return c;
}

boost::json::object to_json(const Message& m) {
    return boost::json::object{{"id", m.id},
                               {"chat_id", m.chat_id},
                               {"seq", m.seq},
                               {"sender_id", m.sender_id},
                               {"type", m.type},
                               {"content", m.content},
                               {"client_msg_id", or_null(m.client_msg_id)},
                               {"created_at", m.created_at},
                               {"edited_at", or_null(m.edited_at)},
                               {"deleted", m.deleted},
                               {"media", m.media},
                               {"media_deleted", m.media_deleted()}};
}

boost::json::object to_json(const Participant& p) {
    return boost::json::object{{"user_id", p.user_id},
                               {"display_name", p.display_name},
                               {"avatar_url", or_null(p.avatar_url)},
                               {"role", p.role},
                               {"online", p.online},
                               {"last_seen_at", or_null(p.last_seen_at)},
                               {"delivered_seq", p.delivered_seq},
                               {"read_seq", p.read_seq}};
}

boost::json::object to_json(const Chat& c) {
    boost::json::array participants;
    for (const auto& p : c.participants) participants.push_back(to_json(p));
    boost::json::object out;
    out["id"] = c.id;
    out["kind"] = c.kind;
    out["title"] = or_null(c.title);
    out["created_by"] = c.created_by;
    out["participants"] = std::move(participants);
    out["last_message"] = c.last_message ? boost::json::value(to_json(*c.last_message)) : boost::json::value(nullptr);
    out["unread_count"] = c.unread_count;
    out["last_seq"] = c.last_seq;
    out["delivered_seq"] = c.delivered_seq;
    out["read_seq"] = c.read_seq;
    out["created_at"] = c.created_at;
    out["last_activity_at"] = c.last_activity_at;
    return out;
}

boost::json::object to_json(const Watermarks& w) {
    return boost::json::object{
        {"chat_id", w.chat_id}, {"user_id", w.user_id}, {"delivered_seq", w.delivered_seq}, {"read_seq", w.read_seq}};
}

SendInput read_send_input(core::Validator& v) {
    SendInput in;
    const std::vector<std::string_view> types{"text", "image"};
    in.type = v.one_of("type", types, true).value_or("");
    if (in.type == "text") {
        in.content = v.string("content", 1, kMaxTextChars, true).value_or("");
    } else if (in.type == "image") {
        // Photos are uploaded (POST /api/v1/media/uploads, purpose "chat") and sent by id: a URL
        // typed in by hand could point anywhere (and tell another site who reads the chat).
        const auto content = v.string("content", 0, kMaxTextChars, false, false);
        if (content && !content->empty()) {
            v.add_error("content", "a photo message has no content: upload the photo and send its media_id");
        }
        in.media_id = read_uuid(v, "media_id");
    } else {
        v.string("content", 0, kMaxTextChars, true, false);  // still report a missing or non-string content
    }
    if (!v.is_null("client_msg_id"))
        in.client_msg_id = v.string("client_msg_id", 1, kMaxClientMsgIdChars, false, false);
    return in;
}

std::string read_text_content(core::Validator& v) { return v.string("content", 1, kMaxTextChars, true).value_or(""); }

std::int64_t read_up_to_seq(core::Validator& v) {
    const auto n = v.number("up_to_seq", 0, 9007199254740991.0, true);
    if (n && *n != std::floor(*n)) {
        v.add_error("up_to_seq", "must be a whole number");
        return 0;
    }
    return n ? static_cast<std::int64_t>(*n) : 0;
}

std::string read_uuid(core::Validator& v, std::string_view field) {
    auto text = v.string(field, 1, 64, true, false);
    if (!text) return {};
    if (!core::is_uuid(*text)) {
        v.add_error(field, "must be a UUID");
        return {};
    }
    std::transform(text->begin(), text->end(), text->begin(), [](unsigned char c) { return std::tolower(c); });
    return *text;
}

}  // namespace service::chats
