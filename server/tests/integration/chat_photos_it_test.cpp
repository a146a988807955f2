// Photos in chats against the real server, database and filesystem: a photo message carries its
// variants behind links signed for the chat's participants; nobody else gets at it, and deleting
// the photo (or the message) leaves the message showing it is gone.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "support/media_client.hpp"
#include "support/test_env.hpp"
#include "support/test_images.hpp"

using namespace service;
using namespace service::testing;
using boost::json::array;
using boost::json::object;
namespace img = service::testing::images;
using media_client::ready_photo;
using media_client::target_of;
using media_client::variant_url;

class ChatPhotosIT : public SharedServerTest<ChatPhotosIT> {
  protected:
    static HttpResult call(const Account& who, http::verb method, const std::string& target,
                           const boost::json::value& body = nullptr) {
        return http_request(port(), method, target, body.is_null() ? "" : boost::json::serialize(body),
                            bearer(who.access_token));
    }
    static std::string chat_between(const Account& a, const Account& b) {
        const auto res = call(a, http::verb::post, "/api/v1/chats", object{{"participant_ids", array{b.id.c_str()}}});
        EXPECT_TRUE(res.status == 201 || res.status == 200) << res.body;
        return std::string(res.json().at("id").as_string());
    }
    static HttpResult send_photo(const Account& who, const std::string& chat, const std::string& media_id,
                                 const std::string& client_msg_id = {}) {
        object body{{"type", "image"}, {"media_id", media_id}};
        if (!client_msg_id.empty()) body["client_msg_id"] = client_msg_id;
        return call(who, http::verb::post, "/api/v1/chats/" + chat + "/messages", body);
    }
    static object last_message(const Account& who, const std::string& chat) {
        const auto res = call(who, http::verb::get, "/api/v1/chats/" + chat + "/messages");
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json().at("items").as_array().back().as_object();
    }
    static std::string field_of(const HttpResult& res) {
        if (res.status != 422) return "(status " + std::to_string(res.status) + ")";
        return std::string(res.json().at("errors").as_array().at(0).at("field").as_string());
    }
};

TEST_F(ChatPhotosIT, APhotoMessageReachesTheOtherParticipantWithSignedVariants) {
    const auto anna = register_account(port());
    const auto boris = register_account(port());
    const auto stranger = register_account(port());
    const auto chat = chat_between(anna, boris);
    const auto photo = ready_photo(port(), anna, "chat", img::png(800, 600));

    const auto sent = send_photo(anna, chat, photo, "photo-1");
    ASSERT_EQ(sent.status, 201) << sent.body;
    const auto message = sent.json().as_object();
    EXPECT_EQ(message.at("type").as_string(), "image");
    EXPECT_EQ(message.at("content").as_string(), "");
    EXPECT_EQ(message.at("media").at("id").as_string(), photo);
    EXPECT_FALSE(message.at("media_deleted").as_bool());

    // Boris reads it: the variants are there, at their sizes, behind signed links that work.
    const auto seen = last_message(boris, chat);
    ASSERT_TRUE(seen.at("media").is_object()) << boost::json::serialize(seen);
    const auto& media = seen.at("media").as_object();
    EXPECT_EQ(media.at("width").as_int64(), 800);
    EXPECT_EQ(media.at("height").as_int64(), 600);
    EXPECT_EQ(media.at("variants").at("medium").at("width").as_int64(), 640);
    EXPECT_EQ(media.at("variants").at("medium").at("height").as_int64(), 480);
    for (const char* name : {"thumb", "medium", "large"}) {
        const auto target = target_of(variant_url(media, name));
        EXPECT_NE(target.find("sig="), std::string::npos) << target;
        const auto file = get(port(), target);
        EXPECT_EQ(file.status, 200) << name;
        EXPECT_EQ(file.header("Content-Type"), "image/webp");
        EXPECT_EQ(img::decode(get(port(), target_of(variant_url(media, name, "jpeg_url"))).body).width,
                  media.at("variants").at(name).at("width").as_int64());
    }
    // The chat list shows it as the last message, with the photo.
    const auto chats = call(boris, http::verb::get, "/api/v1/chats").json();
    const auto& listed = chats.at("items").as_array().at(0).at("last_message");
    EXPECT_EQ(listed.at("media").at("id").as_string(), photo);

    // The participants may read the media itself; anyone else finds nothing.
    EXPECT_EQ(get(port(), "/api/v1/media/" + photo, bearer(boris.access_token)).status, 200);
    EXPECT_EQ(get(port(), "/api/v1/media/" + photo, bearer(stranger.access_token)).status, 404);
    EXPECT_EQ(get(port(), "/api/v1/media/" + photo).status, 404);
    const auto bare = target_of(variant_url(media, "large"));
    EXPECT_EQ(get(port(), bare.substr(0, bare.find('?'))).status, 403);
    // Nor can a stranger write into the chat, with or without a photo of their own.
    const auto theirs = ready_photo(port(), stranger, "chat", img::png(64, 64));
    EXPECT_EQ(send_photo(stranger, chat, theirs).status, 404);
}

TEST_F(ChatPhotosIT, OnlyTheSendersOwnReadyChatPhotoCanBeSentAndOnlyOnce) {
    const auto anna = register_account(port());
    const auto boris = register_account(port());
    const auto chat = chat_between(anna, boris);

    const auto borises = ready_photo(port(), boris, "chat", img::png(100, 100));
    auto res = send_photo(anna, chat, borises);
    EXPECT_EQ(field_of(res), "media_id") << res.body;  // someone else's photo is never attached
    const auto portfolio = ready_photo(port(), anna, "portfolio", img::png(100, 100));
    EXPECT_EQ(field_of(send_photo(anna, chat, portfolio)), "media_id");  // uploaded for another purpose
    const auto pending = media_client::start(port(), anna, "chat", "image/png", 1000);
    ASSERT_EQ(pending.created.status, 201);
    EXPECT_EQ(field_of(send_photo(anna, chat, pending.id)), "media_id");  // not uploaded yet
    EXPECT_EQ(field_of(send_photo(anna, chat, "6f9619ff-8b86-4011-b42d-00c04fc964ff")), "media_id");

    const auto photo = ready_photo(port(), anna, "chat", img::png(100, 100));
    const auto first = send_photo(anna, chat, photo, "once");
    ASSERT_EQ(first.status, 201) << first.body;
    // A retry returns the original; the same photo as a new message is refused.
    const auto retry = send_photo(anna, chat, photo, "once");
    EXPECT_EQ(retry.status, 200) << retry.body;
    EXPECT_EQ(retry.json().at("id"), first.json().at("id"));
    EXPECT_EQ(retry.json().at("media").at("id").as_string(), photo);
    EXPECT_EQ(field_of(send_photo(anna, chat, photo, "twice")), "media_id");
    EXPECT_EQ(query_value("SELECT count(*) FROM messages WHERE chat_id = '" + chat + "'"), "1");
    EXPECT_EQ(query_value("SELECT count(*) FROM messages WHERE media_id = '" + borises + "'"), "0");
}

TEST_F(ChatPhotosIT, ADeletedPhotoShowsAsDeletedAndADeletedMessageHidesItsPhoto) {
    const auto anna = register_account(port());
    const auto boris = register_account(port());
    const auto chat = chat_between(anna, boris);

    // The owner deletes the photo: the message stays and says its photo is gone.
    const auto photo = ready_photo(port(), anna, "chat", img::png(120, 90));
    ASSERT_EQ(send_photo(anna, chat, photo).status, 201);
    const auto link = target_of(variant_url(last_message(boris, chat).at("media").as_object(), "thumb"));
    ASSERT_EQ(get(port(), link).status, 200);
    EXPECT_EQ(call(boris, http::verb::delete_, "/api/v1/media/" + photo).status, 404);  // not Boris's to delete
    ASSERT_EQ(call(anna, http::verb::delete_, "/api/v1/media/" + photo).status, 204);
    const auto gone = last_message(boris, chat);
    EXPECT_EQ(gone.at("type").as_string(), "image");
    EXPECT_TRUE(gone.at("media").is_null());
    EXPECT_TRUE(gone.at("media_deleted").as_bool());
    EXPECT_FALSE(gone.at("deleted").as_bool());
    EXPECT_EQ(get(port(), link).status, 404);  // the files went with it
    EXPECT_EQ(get(port(), "/api/v1/media/" + photo, bearer(boris.access_token)).status, 404);

    // The sender deletes the message: its photo is no one's to see but hers, and it is released
    // for the clean-up.
    const auto second = ready_photo(port(), anna, "chat", img::png(120, 90));
    const auto sent = send_photo(anna, chat, second);
    ASSERT_EQ(sent.status, 201);
    const std::string message_id(sent.json().at("id").as_string());
    ASSERT_EQ(call(anna, http::verb::delete_, "/api/v1/chats/" + chat + "/messages/" + message_id).status, 204);
    const auto deleted = last_message(boris, chat);
    EXPECT_TRUE(deleted.at("deleted").as_bool());
    EXPECT_TRUE(deleted.at("media").is_null());
    EXPECT_FALSE(deleted.at("media_deleted").as_bool());
    EXPECT_EQ(get(port(), "/api/v1/media/" + second, bearer(boris.access_token)).status, 404);
    EXPECT_EQ(get(port(), "/api/v1/media/" + second, bearer(anna.access_token)).status, 200);
    EXPECT_EQ(query_value("SELECT attached_at IS NULL FROM media WHERE id = '" + second + "'"), "t");
}

TEST_F(ChatPhotosIT, LeavingAGroupEndsAccessToItsPhotos) {
    const auto owner = register_account(port());
    const auto member = register_account(port());
    const auto other = register_account(port());
    const auto res = call(owner, http::verb::post, "/api/v1/chats",
                          object{{"participant_ids", array{member.id.c_str(), other.id.c_str()}}, {"title", "Brows"}});
    ASSERT_EQ(res.status, 201) << res.body;
    const std::string chat(res.json().at("id").as_string());
    const auto photo = ready_photo(port(), owner, "chat", img::png(90, 90));
    ASSERT_EQ(send_photo(owner, chat, photo).status, 201);
    EXPECT_EQ(get(port(), "/api/v1/media/" + photo, bearer(member.access_token)).status, 200);
    ASSERT_EQ(call(owner, http::verb::delete_, "/api/v1/chats/" + chat + "/participants/" + member.id).status, 204);
    EXPECT_EQ(get(port(), "/api/v1/media/" + photo, bearer(member.access_token)).status, 404);
    EXPECT_EQ(get(port(), "/api/v1/media/" + photo, bearer(other.access_token)).status, 200);
}
