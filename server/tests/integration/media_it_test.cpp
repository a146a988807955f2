// Photos from upload to served variants against the real server, database and filesystem
// (STORAGE_BACKEND=local under the test stack's directory).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <thread>

#include <boost/json/serialize.hpp>

#include "support/media_client.hpp"
#include "support/s3rver.hpp"
#include "support/test_env.hpp"
#include "support/test_images.hpp"

using namespace service;
using namespace service::testing;
using boost::json::object;
namespace img = service::testing::images;
using media_client::target_of;
using media_client::variant_url;

namespace {

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

class MediaIT : public SharedServerTest<MediaIT> {
  public:
    static std::map<std::string, std::string> overrides() { return {{"MEDIA_SWEEP_INTERVAL_MS", "200"}}; }

  protected:
    static media_client::Upload start(const Account& who, const std::string& purpose, const std::string& type,
                                      std::int64_t size) {
        return media_client::start(port(), who, purpose, type, size);
    }
    static HttpResult put_bytes(const std::string& url, const std::string& bytes, const std::string& type) {
        return media_client::put_bytes(port(), url, bytes, type);
    }
    static std::string upload(const Account& who, const std::string& purpose, const std::string& bytes,
                              const std::string& declared = "image/jpeg") {
        return media_client::upload(port(), who, purpose, bytes, declared);
    }
    static boost::json::object settled(const Account& who, const std::string& id) {
        return media_client::settled(port(), who, id);
    }
};

TEST_F(MediaIT, AnAvatarGoesFromUploadToUprightMetadataFreeVariants) {
    const auto me = register_account(port());
    const auto photo = img::camera_jpeg(6);
    auto u = start(me, "avatar", "image/jpeg", static_cast<std::int64_t>(photo.size()) + 1000);
    ASSERT_EQ(u.created.status, 201) << u.created.body;
    const auto created = u.created.json();
    EXPECT_EQ(created.at("media").at("status").as_string(), "pending");
    EXPECT_EQ(created.at("media").at("purpose").as_string(), "avatar");
    EXPECT_EQ(created.at("upload").at("method").as_string(), "PUT");
    EXPECT_TRUE(u.url.starts_with("http://127.0.0.1:" + std::to_string(port()) + "/")) << u.url;
    EXPECT_EQ(created.at("upload").at("headers").at("Content-Type").as_string(), "image/jpeg");
    EXPECT_FALSE(created.at("upload").at("expires_at").as_string().empty());

    ASSERT_EQ(put_bytes(u.url, photo, "image/jpeg").status, 204);
    const auto done = post_json(port(), "/api/v1/media/" + u.id + "/complete", object{}, bearer(me.access_token));
    ASSERT_EQ(done.status, 202) << done.body;
    EXPECT_EQ(done.json().at("status").as_string(), "processing");

    const auto media = settled(me, u.id);
    ASSERT_EQ(media.at("status").as_string(), "ready") << boost::json::serialize(media);
    // Orientation 6 is applied: the stored 200×400 portrait is shown as the 400×200 landscape.
    EXPECT_EQ(media.at("width").as_int64(), 400);
    EXPECT_EQ(media.at("height").as_int64(), 200);
    EXPECT_FALSE(media.at("placeholder").as_string().empty());
    EXPECT_EQ(media.at("variants").at("thumb").at("width").as_int64(), 160);
    EXPECT_EQ(media.at("variants").at("thumb").at("height").as_int64(), 160);
    EXPECT_EQ(media.at("variants").at("medium").at("width").as_int64(), 400);  // never scaled up

    for (const char* name : {"thumb", "medium", "large"}) {
        for (const char* key : {"url", "jpeg_url"}) {
            const auto url = variant_url(media, name, key);
            const auto file = get(port(), target_of(url));
            ASSERT_EQ(file.status, 200) << url;
            EXPECT_EQ(file.header("Content-Type"), std::string(key) == "url" ? "image/webp" : "image/jpeg");
            EXPECT_EQ(file.header("Cache-Control"), "public, max-age=31536000, immutable");
            EXPECT_EQ(file.header("X-Content-Type-Options"), "nosniff");
            EXPECT_FALSE(file.header("ETag").empty());
            // No EXIF, GPS or XMP block survives in any served file.
            EXPECT_FALSE(contains(file.body, std::string_view("Exif\0\0", 6))) << url;
            EXPECT_FALSE(contains(file.body, "http://ns.adobe.com/xap")) << url;
            EXPECT_FALSE(contains(file.body, "GPS")) << url;
        }
    }
    // Upright: the red marker is in the top-left corner of what a browser shows.
    const auto large = img::decode(get(port(), target_of(variant_url(media, "large", "jpeg_url"))).body);
    ASSERT_EQ(large.width, 400);
    ASSERT_EQ(large.height, 200);
    const auto corner = large.at(20, 20);
    const auto far = large.at(380, 180);
    EXPECT_GT(corner.r, 180) << corner.g << " " << corner.b;
    EXPECT_LT(corner.b, 80);
    EXPECT_GT(far.b, 180);
    EXPECT_LT(far.r, 80);

    // A ready public photo is visible to anyone, signed in or not.
    EXPECT_EQ(get(port(), "/api/v1/media/" + u.id).status, 200);
    // Completing again answers 200 with the settled media.
    EXPECT_EQ(post_json(port(), "/api/v1/media/" + u.id + "/complete", object{}, bearer(me.access_token)).status, 200);
}

TEST_F(MediaIT, ServedFilesAnswerRangesAndConditionalRequests) {
    const auto me = register_account(port());
    const auto id = upload(me, "portfolio", img::png(900, 600), "image/png");
    const auto media = settled(me, id);
    ASSERT_EQ(media.at("status").as_string(), "ready");
    const auto target = target_of(variant_url(media, "medium"));
    const auto whole = get(port(), target);
    ASSERT_EQ(whole.status, 200);
    ASSERT_GT(whole.body.size(), 100u);
    const auto part = get(port(), target, {{"Range", "bytes=10-19"}});
    EXPECT_EQ(part.status, 206);
    EXPECT_EQ(part.body, whole.body.substr(10, 10));
    EXPECT_EQ(part.header("Content-Range"), "bytes 10-19/" + std::to_string(whole.body.size()));
    const auto tail = get(port(), target, {{"Range", "bytes=-5"}});
    EXPECT_EQ(tail.status, 206);
    EXPECT_EQ(tail.body, whole.body.substr(whole.body.size() - 5));
    EXPECT_EQ(get(port(), target, {{"Range", "bytes=99999999-"}}).status, 416);
    EXPECT_EQ(get(port(), target, {{"If-None-Match", whole.header("ETag")}}).status, 304);
    EXPECT_EQ(get(port(), "/media/" + id + "/huge.webp").status, 404);
    EXPECT_EQ(get(port(), "/media/" + id + "/medium.gif").status, 404);
}

TEST_F(MediaIT, TheTypeComesFromTheBytes) {
    const auto me = register_account(port());
    // A PNG declared as JPEG is processed as the PNG it is.
    const auto png_id = upload(me, "portfolio", img::png(300, 200), "image/jpeg");
    const auto png = settled(me, png_id);
    EXPECT_EQ(png.at("status").as_string(), "ready") << boost::json::serialize(png);
    EXPECT_EQ(query_value("SELECT detected_type FROM media WHERE id = '" + png_id + "'"), "image/png");
    // Text claimed as JPEG fails as unsupported.
    const auto text_id = upload(me, "portfolio", std::string(2000, 'x') + " definitely not a photo", "image/jpeg");
    const auto text = settled(me, text_id);
    EXPECT_EQ(text.at("status").as_string(), "failed");
    EXPECT_EQ(text.at("failure_reason").as_string(), "unsupported_type");
    EXPECT_TRUE(text.at("variants").is_null());
    const auto again = post_json(port(), "/api/v1/media/" + text_id + "/complete", object{}, bearer(me.access_token));
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(again.json().at("status").as_string(), "failed");
}

TEST_F(MediaIT, ADecompressionBombFailsAsTooLarge) {
    const auto me = register_account(port());
    const auto bomb = img::png_header_only(30000, 30000);
    ASSERT_LT(bomb.size(), 4096u);
    const auto id = upload(me, "post", bomb, "image/png");
    const auto media = settled(me, id);
    EXPECT_EQ(media.at("status").as_string(), "failed");
    EXPECT_EQ(media.at("failure_reason").as_string(), "too_large");
}

TEST_F(MediaIT, SizesTypesAndPendingUploadsAreLimited) {
    const auto me = register_account(port());
    EXPECT_EQ(start(me, "avatar", "image/jpeg", 16 * 1024 * 1024).created.status, 413);
    const auto gif = start(me, "avatar", "image/gif", 1000).created;
    EXPECT_EQ(gif.status, 415);
    EXPECT_EQ(gif.json().at("code").as_string(), "unsupported_media_type");
    const auto heic = start(me, "avatar", "image/heic", 1000).created;
    EXPECT_TRUE(heic.status == 415 || heic.status == 201) << heic.body;  // 201 only where libvips reads HEIF
    if (heic.status == 415) {
        EXPECT_TRUE(contains(heic.body, "HEIC")) << heic.body;
    }
    const auto bad = start(me, "banner", "image/jpeg", 0).created;
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad.body, "purpose"));
    EXPECT_TRUE(contains(bad.body, "size_bytes"));
    EXPECT_EQ(post_json(port(), "/api/v1/media/uploads", object{{"purpose", "avatar"}}).status, 401);

    // More bytes than declared: 413 during the PUT, and nothing is stored.
    const auto declared = 15 * 1024 * 1024;
    auto u = start(me, "post", "image/jpeg", declared);
    ASSERT_EQ(u.created.status, 201);
    const auto put = put_bytes(u.url, std::string(16 * 1024 * 1024, '\xff'), "image/jpeg");
    EXPECT_EQ(put.status, 413) << put.body;
    EXPECT_EQ(query_value("SELECT uploaded_at IS NULL FROM media WHERE id = '" + u.id + "'"), "t");
    EXPECT_EQ(post_json(port(), "/api/v1/media/" + u.id + "/complete", object{}, bearer(me.access_token)).status, 409);

    // At most 20 unfinished uploads per user (this one already has one).
    const auto other = register_account(port());
    for (int i = 0; i < 20; ++i) ASSERT_EQ(start(other, "post", "image/png", 1000).created.status, 201) << i;
    const auto over = start(other, "post", "image/png", 1000).created;
    EXPECT_EQ(over.status, 429);
    EXPECT_FALSE(over.header("Retry-After").empty());
}

TEST_F(MediaIT, UploadLinksExpireAndCannotBeTamperedWith) {
    const auto me = register_account(port());
    const auto photo = img::png(64, 64);
    auto u = start(me, "avatar", "image/png", 10000);
    ASSERT_EQ(u.created.status, 201);
    auto tampered = u.url;
    tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
    EXPECT_EQ(put_bytes(tampered, photo, "image/png").status, 403);
    // Another media's id under this signature.
    auto v = start(me, "avatar", "image/png", 10000);
    auto moved = u.url;
    moved.replace(moved.find(u.id), u.id.size(), v.id);
    EXPECT_EQ(put_bytes(moved, photo, "image/png").status, 403);
    clock().advance(std::chrono::minutes(61));
    const auto expired = put_bytes(u.url, photo, "image/png");
    EXPECT_EQ(expired.status, 403);
    EXPECT_TRUE(contains(expired.body, "upload_expired")) << expired.body;
}

TEST_F(MediaIT, SomeoneElsesMediaIsNotFound) {
    const auto owner = register_account(port());
    const auto stranger = register_account(port());
    auto pending = start(owner, "portfolio", "image/png", 10000);
    ASSERT_EQ(pending.created.status, 201);
    EXPECT_EQ(get(port(), "/api/v1/media/" + pending.id, bearer(stranger.access_token)).status, 404);
    EXPECT_EQ(get(port(), "/api/v1/media/" + pending.id).status, 404);
    EXPECT_EQ(
        post_json(port(), "/api/v1/media/" + pending.id + "/complete", object{}, bearer(stranger.access_token)).status,
        404);
    EXPECT_EQ(
        http_request(port(), http::verb::delete_, "/api/v1/media/" + pending.id, {}, bearer(stranger.access_token))
            .status,
        404);
    EXPECT_EQ(get(port(), "/api/v1/media/not-a-uuid", bearer(owner.access_token)).status, 404);
    EXPECT_EQ(get(port(), "/api/v1/media/" + pending.id, bearer(owner.access_token)).status, 200);
}

TEST_F(MediaIT, ChatPhotosArePrivateAndTheirLinksExpire) {
    const auto owner = register_account(port());
    const auto stranger = register_account(port());
    const auto id = upload(owner, "chat", img::png(500, 300), "image/png");
    const auto media = settled(owner, id);
    ASSERT_EQ(media.at("status").as_string(), "ready");
    // Not a participant of any chat with it: not found, signed in or not.
    EXPECT_EQ(get(port(), "/api/v1/media/" + id, bearer(stranger.access_token)).status, 404);
    EXPECT_EQ(get(port(), "/api/v1/media/" + id).status, 404);
    const auto signed_target = target_of(variant_url(media, "thumb"));
    EXPECT_TRUE(contains(signed_target, "sig=")) << signed_target;
    EXPECT_EQ(get(port(), signed_target).status, 200);
    const auto bare = signed_target.substr(0, signed_target.find('?'));
    EXPECT_EQ(get(port(), bare).status, 403);
    auto tampered = signed_target;
    tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
    EXPECT_EQ(get(port(), tampered).status, 403);
    const auto cache = get(port(), signed_target).header("Cache-Control");
    EXPECT_TRUE(cache.starts_with("private")) << cache;
    clock().advance(std::chrono::minutes(16));
    EXPECT_EQ(get(port(), signed_target).status, 403);
    // Every read mints a fresh link (a new sign-in: the access token has expired by now too).
    const auto login =
        post_json(port(), "/api/v1/auth/login", object{{"email", owner.email}, {"password", owner.password}});
    ASSERT_EQ(login.status, 200) << login.body;
    const std::string token(login.json().at("access_token").as_string());
    const auto fresh = get(port(), "/api/v1/media/" + id, bearer(token)).json();
    EXPECT_EQ(get(port(), target_of(variant_url(fresh.as_object(), "thumb"))).status, 200);
}

TEST_F(MediaIT, ThePendingUploadLimitHoldsUnderParallelRequests) {
    const auto me = register_account(port());
    std::vector<std::future<int>> answers;
    for (int i = 0; i < 30; ++i) {
        answers.push_back(
            std::async(std::launch::async, [&] { return start(me, "post", "image/png", 1000).created.status; }));
    }
    int created = 0;
    int refused = 0;
    for (auto& a : answers) {
        const int status = a.get();
        created += status == 201;
        refused += status == 429;
    }
    EXPECT_EQ(created, 20);
    EXPECT_EQ(refused, 10);
    EXPECT_EQ(query_value("SELECT count(*) FROM media WHERE owner_id = '" + me.id + "'"), "20");
}

TEST_F(MediaIT, APostPhotoIsProcessedAndPublic) {
    // Posts come with the social issue; their photos already go the whole way.
    const auto me = register_account(port());
    const auto id = upload(me, "post", img::camera_jpeg(1));
    const auto media = settled(me, id);
    ASSERT_EQ(media.at("status").as_string(), "ready") << boost::json::serialize(media);
    EXPECT_EQ(media.at("purpose").as_string(), "post");
    const auto anyone = get(port(), "/api/v1/media/" + id);
    ASSERT_EQ(anyone.status, 200);  // public once ready, like portfolio photos
    const auto target = target_of(variant_url(anyone.json().as_object(), "medium"));
    EXPECT_EQ(target.find('?'), std::string::npos) << target;  // a stable URL, no signature
    const auto file = get(port(), target);
    EXPECT_EQ(file.status, 200);
    EXPECT_TRUE(file.header("Cache-Control").starts_with("public")) << file.header("Cache-Control");
}

TEST_F(MediaIT, DeletingRemovesTheFiles) {
    const auto me = register_account(port());
    const auto id = upload(me, "portfolio", img::png(200, 200), "image/png");
    const auto media = settled(me, id);
    ASSERT_EQ(media.at("status").as_string(), "ready");
    const auto target = target_of(variant_url(media, "thumb"));
    ASSERT_EQ(get(port(), target).status, 200);
    EXPECT_EQ(http_request(port(), http::verb::delete_, "/api/v1/media/" + id, {}, bearer(me.access_token)).status,
              204);
    EXPECT_EQ(get(port(), target).status, 404);
    EXPECT_EQ(get(port(), "/api/v1/media/" + id, bearer(me.access_token)).status, 404);
    EXPECT_EQ(query_value("SELECT count(*) FROM media WHERE id = '" + id + "'"), "0");
}

TEST_F(MediaIT, ProcessingLeftByADeadNodeIsTakenOver) {
    const auto me = register_account(port());
    auto u = start(me, "portfolio", "image/png", 1024 * 1024);
    ASSERT_EQ(u.created.status, 201);
    ASSERT_EQ(put_bytes(u.url, img::png(320, 240), "image/png").status, 204);
    // What a node killed mid-processing leaves behind: status processing, a lease it no longer renews.
    exec_sql(
        "UPDATE media SET status = 'processing', attempts = 1, lease_until = now() - interval '1 second' "
        "WHERE id = '" +
        u.id + "'");
    const auto media = settled(me, u.id);
    EXPECT_EQ(media.at("status").as_string(), "ready") << boost::json::serialize(media);
    EXPECT_EQ(query_value("SELECT attempts FROM media WHERE id = '" + u.id + "'"), "2");
}

TEST_F(MediaIT, UploadsNobodyFinishedAreCleanedUpAfterADay) {
    const auto me = register_account(port());
    auto u = start(me, "post", "image/png", 10000);
    ASSERT_EQ(u.created.status, 201);
    ASSERT_EQ(put_bytes(u.url, img::png(64, 64), "image/png").status, 204);
    clock().advance(std::chrono::hours(23));
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    EXPECT_EQ(query_value("SELECT count(*) FROM media WHERE id = '" + u.id + "'"), "1");
    clock().advance(std::chrono::hours(2));
    std::string left = "1";
    for (int i = 0; i < 50 && left != "0"; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        left = query_value("SELECT count(*) FROM media WHERE id = '" + u.id + "'");
    }
    EXPECT_EQ(left, "0");
}

TEST_F(MediaIT, AnAvatarShowsOnTheProfileAndInChatsAndFallsBackWhenDeleted) {
    const auto me = register_account(port());
    const auto friend_ = register_account(port());
    const auto id = upload(me, "avatar", img::png(300, 300), "image/png");
    ASSERT_EQ(settled(me, id).at("status").as_string(), "ready");
    const auto patch = [&](const boost::json::value& body, const Account& who) {
        return http_request(port(), http::verb::patch, "/api/v1/users/me", boost::json::serialize(body),
                            bearer(who.access_token));
    };
    const auto set = patch(object{{"avatar_media_id", id}}, me);
    ASSERT_EQ(set.status, 200) << set.body;
    const auto user = set.json();
    EXPECT_EQ(user.at("avatar_url").as_string(), "/media/" + id + "/thumb.webp");
    EXPECT_EQ(user.at("avatar").at("thumb").at("width").as_int64(), 160);
    EXPECT_EQ(get(port(), std::string(user.at("avatar_url").as_string())).status, 200);
    EXPECT_EQ(get(port(), "/api/v1/users/me", bearer(me.access_token)).json().at("avatar_url"), user.at("avatar_url"));

    // In a chat, the other participant sees it.
    const auto chat = post_json(port(), "/api/v1/chats", object{{"participant_ids", boost::json::array{me.id}}},
                                bearer(friend_.access_token));
    ASSERT_TRUE(chat.status == 201 || chat.status == 200) << chat.body;
    bool seen = false;
    const auto chat_body = chat.json();
    for (const auto& p : chat_body.at("participants").as_array()) {
        if (p.at("user_id").as_string() == me.id) seen = p.at("avatar_url") == user.at("avatar_url");
    }
    EXPECT_TRUE(seen) << chat.body;

    // Only one's own ready avatar photo: another user's, another purpose or an unfinished one is a 422.
    const auto theirs = upload(friend_, "avatar", img::png(100, 100), "image/png");
    ASSERT_EQ(settled(friend_, theirs).at("status").as_string(), "ready");
    const auto foreign = patch(object{{"avatar_media_id", theirs}}, me);
    EXPECT_EQ(foreign.status, 422);
    EXPECT_TRUE(contains(foreign.body, "avatar_media_id")) << foreign.body;
    const auto portfolio = upload(me, "portfolio", img::png(100, 100), "image/png");
    ASSERT_EQ(settled(me, portfolio).at("status").as_string(), "ready");
    EXPECT_EQ(patch(object{{"avatar_media_id", portfolio}}, me).status, 422);
    auto pending = start(me, "avatar", "image/png", 1000);
    EXPECT_EQ(patch(object{{"avatar_media_id", pending.id}}, me).status, 422);
    EXPECT_EQ(patch(object{{"avatar_media_id", "not-an-id"}}, me).status, 422);
    EXPECT_EQ(query_value("SELECT attached_at IS NULL FROM media WHERE id = '" + theirs + "'"), "t");

    // A new avatar releases the old one for the clean-up.
    const auto second = upload(me, "avatar", img::png(200, 200), "image/png");
    ASSERT_EQ(settled(me, second).at("status").as_string(), "ready");
    ASSERT_EQ(patch(object{{"avatar_media_id", second}}, me).status, 200);
    EXPECT_EQ(query_value("SELECT attached_at IS NULL FROM media WHERE id = '" + id + "'"), "t");
    EXPECT_EQ(query_value("SELECT attached_at IS NULL FROM media WHERE id = '" + second + "'"), "f");

    // Deleting the photo falls back to initials.
    ASSERT_EQ(http_request(port(), http::verb::delete_, "/api/v1/media/" + second, {}, bearer(me.access_token)).status,
              204);
    const auto after = get(port(), "/api/v1/users/me", bearer(me.access_token)).json();
    EXPECT_TRUE(after.at("avatar_url").is_null());
    EXPECT_TRUE(after.at("avatar").is_null());
    // And removing it explicitly works too.
    EXPECT_EQ(patch(object{{"avatar_media_id", nullptr}}, me).status, 200);
}

// The same flow with STORAGE_BACKEND=s3 against s3rver (tools/s3rver): the browser PUTs to a
// presigned URL of the store, the server HEADs, fetches and stores through SigV4, public files
// are served by us from the store and chat photos are presigned GETs of the store.
class MediaS3IT : public SharedServerTest<MediaS3IT> {
  public:
    static std::map<std::string, std::string> overrides() {
        return {{"STORAGE_BACKEND", "s3"},      {"S3_ENDPOINT", "http://127.0.0.1:" + std::to_string(s3_->port())},
                {"S3_REGION", "us-east-1"},     {"S3_BUCKET", "media"},
                {"S3_ACCESS_KEY_ID", "S3RVER"}, {"S3_SECRET_ACCESS_KEY", "S3RVER"},
                {"S3_FORCE_PATH_STYLE", "true"}};
    }
    static void SetUpTestSuite() {
        const auto node = find_in_path("node");
        ASSERT_TRUE(node) << "node is needed to run s3rver";
        const auto tool = std::filesystem::path(SERVICE_SOURCE_DIR) / "tools" / "s3rver";
        ASSERT_TRUE(std::filesystem::exists(tool / "node_modules" / "@20minutes" / "s3rver"))
            << "s3rver is not installed in " << tool << ": run scripts/setup";
        s3_ = std::make_unique<S3rver>(*node, (tool / "serve.js").string(), std::vector<std::string>{"media"});
        SharedServerTest<MediaS3IT>::SetUpTestSuite();
    }
    static void TearDownTestSuite() {
        SharedServerTest<MediaS3IT>::TearDownTestSuite();
        s3_.reset();
    }

  protected:
    static inline std::unique_ptr<S3rver> s3_;
};

TEST_F(MediaS3IT, PhotosGoThroughTheStoreWithPresignedUrls) {
    const auto me = register_account(port());
    const auto photo = img::camera_jpeg(6);
    for (const char* purpose : {"portfolio", "chat"}) {
        SCOPED_TRACE(purpose);
        const auto created =
            post_json(port(), "/api/v1/media/uploads",
                      object{{"purpose", purpose}, {"content_type", "image/jpeg"}, {"size_bytes", photo.size()}},
                      bearer(me.access_token));
        ASSERT_EQ(created.status, 201) << created.body;
        const auto body = created.json();
        const std::string id(body.at("media").at("id").as_string());
        const std::string url(body.at("upload").at("url").as_string());
        EXPECT_TRUE(url.starts_with("http://127.0.0.1:" + std::to_string(s3_->port()) + "/media/")) << url;
        EXPECT_TRUE(contains(url, "X-Amz-Signature=")) << url;
        // Not uploaded yet: nothing to complete.
        const auto early = post_json(port(), "/api/v1/media/" + id + "/complete", object{}, bearer(me.access_token));
        EXPECT_EQ(early.status, 409) << early.body;
        Headers headers;
        for (const auto& [name, value] : body.at("upload").at("headers").as_object())
            headers.emplace_back(std::string(name), std::string(value.as_string()));
        // A tampered presigned URL is refused by the store itself.
        auto tampered = url;
        tampered.back() = tampered.back() == 'a' ? 'b' : 'a';
        EXPECT_EQ(plain_http("PUT", tampered, headers, photo).status, 403);
        const auto put = plain_http("PUT", url, headers, photo);
        ASSERT_EQ(put.status, 200) << put.body;
        const auto done = post_json(port(), "/api/v1/media/" + id + "/complete", object{}, bearer(me.access_token));
        ASSERT_EQ(done.status, 202) << done.body;

        boost::json::object media;
        for (int i = 0; i < 300; ++i) {
            media = get(port(), "/api/v1/media/" + id, bearer(me.access_token)).json().as_object();
            if (media.at("status") != "processing") break;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        ASSERT_EQ(media.at("status").as_string(), "ready") << boost::json::serialize(media);
        EXPECT_EQ(media.at("width").as_int64(), 400);
        const std::string thumb(media.at("variants").at("thumb").at("jpeg_url").as_string());
        std::string bytes;
        if (std::string(purpose) == "chat") {
            // Private: a presigned GET of the store, which refuses it tampered.
            ASSERT_TRUE(thumb.starts_with("http://127.0.0.1:" + std::to_string(s3_->port()) + "/")) << thumb;
            auto bad = thumb;
            bad.back() = bad.back() == 'a' ? 'b' : 'a';
            EXPECT_EQ(plain_http("GET", bad).status, 403);
            const auto file = plain_http("GET", thumb);
            ASSERT_EQ(file.status, 200);
            bytes = file.body;
        } else {
            // Public: served by us from the store, cached for a year.
            ASSERT_TRUE(thumb.starts_with("/media/")) << thumb;
            const auto file = get(port(), thumb);
            ASSERT_EQ(file.status, 200);
            EXPECT_EQ(file.header("Cache-Control"), "public, max-age=31536000, immutable");
            bytes = file.body;
        }
        const auto decoded = img::decode(bytes);
        EXPECT_EQ(decoded.width, 160);
        EXPECT_FALSE(contains(bytes, std::string_view("Exif\0\0", 6)));
        EXPECT_EQ(http_request(port(), http::verb::delete_, "/api/v1/media/" + id, {}, bearer(me.access_token)).status,
                  204);
    }
}

TEST_F(MediaIT, AMastersPortfolioKeepsItsOrderAndOnlyTheirOwnPhotos) {
    const auto category =
        std::string(get(port(), "/api/v1/categories").json().at("items").as_array()[0].at("id").as_string());
    const auto make_master = [&] {
        auto account = register_account(port(), "master");
        const auto profile =
            http_request(port(), http::verb::put, "/api/v1/masters/me",
                         boost::json::serialize(object{{"display_name", "Portfolio " + account.email},
                                                       {"category_ids", boost::json::array{category}},
                                                       {"address", "Tverskaya 1"},
                                                       {"city", "Moscow"},
                                                       {"location", object{{"lat", 55.76}, {"lon", 37.61}}},
                                                       {"timezone", "Europe/Moscow"}}),
                         bearer(account.access_token));
        EXPECT_EQ(profile.status, 201) << profile.body;
        return std::pair{account, std::string(profile.json().at("id").as_string())};
    };
    const auto [master, master_id] = make_master();
    const auto [other, other_id] = make_master();
    const auto service = post_json(port(), "/api/v1/masters/me/services",
                                   object{{"name", "Nails"},
                                          {"category_id", category},
                                          {"price_minor", 150000},
                                          {"currency", "RUB"},
                                          {"duration_min", 60}},
                                   bearer(other.access_token));
    ASSERT_EQ(service.status, 201) << service.body;
    const std::string others_service(service.json().at("id").as_string());

    std::vector<std::string> photos;
    for (int i = 0; i < 3; ++i) {
        photos.push_back(upload(master, "portfolio", img::png(200 + i * 10, 150), "image/png"));
        ASSERT_EQ(settled(master, photos.back()).at("status").as_string(), "ready");
    }
    const auto add = [&](const object& body, const Account& who) {
        return post_json(port(), "/api/v1/masters/me/portfolio", body, bearer(who.access_token));
    };
    std::vector<std::string> items;
    for (int i = 0; i < 3; ++i) {
        const auto res =
            add(object{{"media_id", photos[static_cast<std::size_t>(i)]}, {"caption", "Look " + std::to_string(i)}},
                master);
        ASSERT_EQ(res.status, 201) << res.body;
        EXPECT_EQ(res.json().at("position").as_int64(), i);
        EXPECT_EQ(res.json().at("media").at("status").as_string(), "ready");
        items.push_back(std::string(res.json().at("id").as_string()));
    }
    const auto order = [&] {
        std::vector<std::string> ids;
        const auto list = get(port(), "/api/v1/masters/" + master_id + "/portfolio").json();
        int expected = 0;
        for (const auto& item : list.at("items").as_array()) {
            EXPECT_EQ(item.at("position").as_int64(), expected++);
            ids.push_back(std::string(item.at("id").as_string()));
        }
        return ids;
    };
    EXPECT_EQ(order(), items);

    // Moving the last to the front shifts the others; the caption changes with it.
    const auto moved = http_request(port(), http::verb::patch, "/api/v1/masters/me/portfolio/" + items[2],
                                    boost::json::serialize(object{{"position", 0}, {"caption", "Cover"}}),
                                    bearer(master.access_token));
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(moved.json().at("caption").as_string(), "Cover");
    EXPECT_EQ(order(), (std::vector<std::string>{items[2], items[0], items[1]}));
    // The first item is the cover on master cards (a favourites list shows cards).
    const auto fan = register_account(port());
    ASSERT_EQ(
        http_request(port(), http::verb::put, "/api/v1/favorites/masters/" + master_id, {}, bearer(fan.access_token))
            .status,
        204);
    const auto cards = get(port(), "/api/v1/favorites/masters", bearer(fan.access_token)).json();
    ASSERT_EQ(cards.at("items").as_array().size(), 1u);
    EXPECT_EQ(cards.at("items").as_array()[0].at("cover_url").as_string(), "/media/" + photos[2] + "/thumb.webp");

    // Only one's own ready portfolio photos, once each, and one's own services.
    const auto foreign = upload(other, "portfolio", img::png(100, 100), "image/png");
    ASSERT_EQ(settled(other, foreign).at("status").as_string(), "ready");
    EXPECT_EQ(add(object{{"media_id", foreign}}, master).status, 422);
    EXPECT_EQ(add(object{{"media_id", photos[0]}}, master).status, 422);
    const auto avatar = upload(master, "avatar", img::png(100, 100), "image/png");
    ASSERT_EQ(settled(master, avatar).at("status").as_string(), "ready");
    EXPECT_EQ(add(object{{"media_id", avatar}}, master).status, 422);
    const auto extra = upload(master, "portfolio", img::png(120, 100), "image/png");
    ASSERT_EQ(settled(master, extra).at("status").as_string(), "ready");
    const auto wrong_service = add(object{{"media_id", extra}, {"service_id", others_service}}, master);
    EXPECT_EQ(wrong_service.status, 422);
    EXPECT_TRUE(contains(wrong_service.body, "service_id")) << wrong_service.body;
    const auto client = register_account(port());
    EXPECT_EQ(add(object{{"media_id", extra}}, client).status, 403);
    // Another master cannot touch this portfolio.
    EXPECT_EQ(http_request(port(), http::verb::delete_, "/api/v1/masters/me/portfolio/" + items[0], {},
                           bearer(other.access_token))
                  .status,
              404);

    // Deleting an item closes the gap; deleting a photo removes its item.
    ASSERT_EQ(http_request(port(), http::verb::delete_, "/api/v1/masters/me/portfolio/" + items[0], {},
                           bearer(master.access_token))
                  .status,
              204);
    EXPECT_EQ(order(), (std::vector<std::string>{items[2], items[1]}));
    EXPECT_EQ(query_value("SELECT attached_at IS NULL FROM media WHERE id = '" + photos[0] + "'"), "t");
    ASSERT_EQ(
        http_request(port(), http::verb::delete_, "/api/v1/media/" + photos[2], {}, bearer(master.access_token)).status,
        204);
    EXPECT_EQ(order(), (std::vector<std::string>{items[1]}));
    EXPECT_EQ(get(port(), "/api/v1/masters/not-a-uuid/portfolio").status, 404);
}
