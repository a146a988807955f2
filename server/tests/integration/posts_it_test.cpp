// Posts end to end against the real server: publishing (masters only, photos checked), reading,
// editing and soft deletion, exact like counts under concurrency, comments with one level of
// replies, reposts, blocks hiding both ways, and the notifications each action causes.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include <boost/json/serialize.hpp>

#include "support/marketplace.hpp"
#include "support/media_client.hpp"
#include "support/server_process.hpp"
#include "support/test_env.hpp"
#include "support/test_images.hpp"

using namespace service;
using namespace service::testing;
using boost::json::array;
using boost::json::object;

namespace {

std::string text_of(const boost::json::value& v, std::string_view key) { return std::string(v.at(key).as_string()); }

}  // namespace

class PostsIT : public SharedServerTest<PostsIT> {
  public:
    static std::map<std::string, std::string> overrides() { return {{"JOBS_POLL_INTERVAL_MS", "100"}}; }

  protected:
    static HttpResult call(const Account& who, http::verb method, const std::string& target,
                           const boost::json::value& body = nullptr) {
        return call_as(port(), who, method, target, body);
    }
    static std::string photo(const Account& who, int shade = 0) {
        return media_client::ready_photo(port(), who, "post", images::png(48 + shade % 16, 32));
    }
    static object publish(const Master& m, object body) {
        const auto res = call(m.account, http::verb::post, "/api/v1/posts", body);
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json().as_object() : object{};
    }
    /// A post of `m` with one new photo.
    static std::string simple_post(const Master& m, const std::string& text = "Nails of the day") {
        const auto post = publish(m, object{{"text", text}, {"media_ids", array{photo(m.account)}}});
        return post.contains("id") ? text_of(post, "id") : std::string();
    }
    static object read(const Account& who, const std::string& post_id, int expect = 200) {
        const auto res = call(who, http::verb::get, "/api/v1/posts/" + post_id);
        EXPECT_EQ(res.status, expect) << res.body;
        return res.status == 200 ? res.json().as_object() : object{};
    }
    static std::int64_t count_of(const object& post, const char* what) { return post.at("counts").at(what).as_int64(); }
    static array items(const HttpResult& res) {
        EXPECT_EQ(res.status, 200) << res.body;
        return res.status == 200 ? res.json().at("items").as_array() : array{};
    }
    /// The user's notifications of `type` (ungrouped unless `grouped`), waiting up to 15 s for `n`.
    static array notices(const Account& who, const std::string& type, std::size_t n, bool grouped = false) {
        array found;
        eventually([&] {
            found.clear();
            const auto res = call(who, http::verb::get,
                                  std::string("/api/v1/notifications?grouped=") + (grouped ? "true" : "false"));
            if (res.status != 200) return false;
            const auto doc = res.json();
            for (const auto& item : doc.at("items").as_array()) {
                if (item.at("type").as_string() == type) found.push_back(item);
            }
            return found.size() >= n;
        });
        return found;
    }
};

TEST_F(PostsIT, AClientCannotPostWhateverTheBody) {
    const auto client = register_account(port());
    EXPECT_EQ(call(client, http::verb::post, "/api/v1/posts", object{{"text", "hi"}, {"media_ids", array{}}}).status,
              403);
    EXPECT_EQ(http_request(port(), http::verb::post, "/api/v1/posts", "not json", bearer(client.access_token)).status,
              403);
    EXPECT_EQ(call(client, http::verb::post, "/api/v1/posts", object{}).status, 403);
}

TEST_F(PostsIT, AMasterPublishesAPostEveryoneCanRead) {
    const auto m = make_master(port());
    const auto first = photo(m.account, 1);
    const auto second = photo(m.account, 2);
    const auto post = publish(
        m, object{{"text", "Французский маникюр"}, {"media_ids", array{second, first}}, {"service_id", m.service_id}});
    ASSERT_TRUE(post.contains("id"));
    EXPECT_EQ(text_of(post, "text"), "Французский маникюр");
    EXPECT_EQ(text_of(post.at("author"), "id"), m.account.id);
    EXPECT_EQ(text_of(post.at("author"), "master_id"), m.id);
    ASSERT_EQ(post.at("media").as_array().size(), 2u);
    EXPECT_EQ(text_of(post.at("media").as_array()[0], "id"), second);  // the order chosen
    EXPECT_TRUE(post.at("media").as_array()[0].at("variants").is_object());
    EXPECT_TRUE(post.at("media").as_array()[0].at("width").is_int64());
    EXPECT_EQ(text_of(post.at("service"), "id"), m.service_id);
    EXPECT_EQ(post.at("service").at("price_minor").as_int64(), 150000);
    EXPECT_EQ(post.at("service").at("duration_min").as_int64(), 60);
    // The service's category is the post's when none was chosen.
    EXPECT_EQ(text_of(post.at("category"), "id"), first_category(port()));
    EXPECT_EQ(count_of(post, "likes"), 0);
    EXPECT_FALSE(post.at("viewer").at("liked").as_bool());
    EXPECT_TRUE(post.at("edited_at").is_null());
    EXPECT_TRUE(post.at("repost").is_null());

    const auto id = text_of(post, "id");
    const auto anonymous = get(port(), "/api/v1/posts/" + id);
    ASSERT_EQ(anonymous.status, 200) << anonymous.body;
    EXPECT_EQ(text_of(anonymous.json(), "text"), "Французский маникюр");
    const auto stranger = register_account(port());
    EXPECT_EQ(text_of(read(stranger, id), "id"), id);
    const auto listed = items(get(port(), "/api/v1/users/" + m.account.id + "/posts"));
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(text_of(listed[0], "id"), id);
}

TEST_F(PostsIT, PublishingChecksTextPhotosCategoryAndService) {
    const auto m = make_master(port());
    const auto other = make_master(port());
    const auto mine = photo(m.account);
    auto status = [&](object body) { return call(m.account, http::verb::post, "/api/v1/posts", body).status; };
    EXPECT_EQ(status(object{{"text", "no photos"}, {"media_ids", array{}}}), 422);
    EXPECT_EQ(status(object{{"text", "no photos"}}), 422);
    EXPECT_EQ(status(object{{"text", std::string(2201, 'a')}, {"media_ids", array{mine}}}), 422);
    array eleven;
    for (int i = 0; i < 11; ++i) eleven.push_back(boost::json::value(mine + std::to_string(i)));
    EXPECT_EQ(status(object{{"media_ids", eleven}}), 422);
    // Someone else's photo, a photo for another purpose, a service or category that is not right.
    EXPECT_EQ(status(object{{"media_ids", array{photo(other.account)}}}), 422);
    const auto avatar = media_client::ready_photo(port(), m.account, "avatar", images::png(40, 40));
    EXPECT_EQ(status(object{{"media_ids", array{avatar}}}), 422);
    EXPECT_EQ(status(object{{"media_ids", array{mine}}, {"service_id", other.service_id}}), 422);
    EXPECT_EQ(status(object{{"media_ids", array{mine}}, {"category_id", "8a7f9f7e-0000-4000-8000-000000000000"}}), 422);
    // 2,200 characters of Cyrillic are fine (characters, not bytes); the photo then is taken.
    std::string long_text(1100, 'a');
    for (int i = 0; i < 1100; ++i) long_text += "я";
    const auto ok =
        call(m.account, http::verb::post, "/api/v1/posts", object{{"text", long_text}, {"media_ids", array{mine}}});
    EXPECT_EQ(ok.status, 201) << ok.body;
    EXPECT_EQ(status(object{{"media_ids", array{mine}}}), 422);  // one post per photo
}

TEST_F(PostsIT, TheAuthorEditsAndDeletesAndNobodyElseCan) {
    const auto m = make_master(port());
    const auto id = simple_post(m);
    const auto other = register_account(port());
    EXPECT_EQ(call(other, http::verb::patch, "/api/v1/posts/" + id, object{{"text", "mine now"}}).status, 404);
    EXPECT_EQ(call(other, http::verb::delete_, "/api/v1/posts/" + id).status, 404);

    const auto edited = call(m.account, http::verb::patch, "/api/v1/posts/" + id, object{{"text", "Edited"}});
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(text_of(edited.json(), "text"), "Edited");
    EXPECT_FALSE(edited.json().at("edited_at").is_null());
    const auto linked = call(m.account, http::verb::patch, "/api/v1/posts/" + id, object{{"service_id", m.service_id}});
    ASSERT_EQ(linked.status, 200) << linked.body;
    EXPECT_EQ(text_of(linked.json().at("service"), "id"), m.service_id);
    const auto unlinked = call(m.account, http::verb::patch, "/api/v1/posts/" + id, object{{"service_id", nullptr}});
    ASSERT_EQ(unlinked.status, 200) << unlinked.body;
    EXPECT_TRUE(unlinked.json().at("service").is_null());

    ASSERT_EQ(call(m.account, http::verb::delete_, "/api/v1/posts/" + id).status, 204);
    read(other, id, 404);
    read(m.account, id, 404);
    EXPECT_TRUE(items(get(port(), "/api/v1/users/" + m.account.id + "/posts")).empty());
    EXPECT_EQ(call(m.account, http::verb::delete_, "/api/v1/posts/" + id).status, 404);
    EXPECT_EQ(call(other, http::verb::put, "/api/v1/posts/" + id + "/like").status, 404);
}

TEST_F(PostsIT, FiftyUsersLikingAtOnceMakeFiftyLikes) {
    const auto m = make_master(port());
    const auto id = simple_post(m);
    std::vector<Account> fans;
    for (int i = 0; i < 50; ++i) fans.push_back(register_account(port()));
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (const auto& fan : fans) {
        threads.emplace_back([&, fan] {
            if (call(fan, http::verb::put, "/api/v1/posts/" + id + "/like").status == 204) ++ok;
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(ok.load(), 50);
    EXPECT_EQ(count_of(read(fans[0], id), "likes"), 50);
    EXPECT_TRUE(read(fans[0], id).at("viewer").at("liked").as_bool());
    EXPECT_FALSE(read(m.account, id).at("viewer").at("liked").as_bool());

    // Liking again changes nothing; unliking takes one off, twice is the same.
    EXPECT_EQ(call(fans[0], http::verb::put, "/api/v1/posts/" + id + "/like").status, 204);
    EXPECT_EQ(count_of(read(fans[0], id), "likes"), 50);
    EXPECT_EQ(call(fans[0], http::verb::delete_, "/api/v1/posts/" + id + "/like").status, 204);
    EXPECT_EQ(call(fans[0], http::verb::delete_, "/api/v1/posts/" + id + "/like").status, 204);
    EXPECT_EQ(count_of(read(fans[0], id), "likes"), 49);
    EXPECT_EQ(query_value("SELECT like_count FROM posts WHERE id = '" + id + "'"),
              query_value("SELECT count(*) FROM post_likes WHERE post_id = '" + id + "'"));

    // The likers, newest first, in pages without repeats.
    std::set<std::string> seen;
    std::string cursor;
    int pages = 0;
    do {
        const auto res =
            get(port(), "/api/v1/posts/" + id + "/likes?limit=20" + (cursor.empty() ? "" : "&cursor=" + cursor));
        for (const auto& card : items(res)) EXPECT_TRUE(seen.insert(text_of(card, "id")).second);
        const auto next = res.json().at("next_cursor");
        cursor = next.is_null() ? "" : std::string(next.as_string());
        ++pages;
    } while (!cursor.empty() && pages < 10);
    EXPECT_EQ(seen.size(), 49u);
    EXPECT_EQ(pages, 3);
    EXPECT_FALSE(seen.contains(fans[0].id));
}

TEST_F(PostsIT, CommentsHaveOneLevelOfRepliesOldestFirst) {
    const auto m = make_master(port());
    const auto id = simple_post(m);
    const auto anna = register_account(port());
    const auto boris = register_account(port());
    auto comment = [&](const Account& who, const std::string& text, const std::string& parent = {}) {
        object body{{"text", text}};
        if (!parent.empty()) body["parent_id"] = parent;
        const auto res = call(who, http::verb::post, "/api/v1/posts/" + id + "/comments", body);
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json().as_object() : object{};
    };
    const auto top = comment(anna, "Как красиво!");
    const auto top_id = text_of(top, "id");
    EXPECT_EQ(text_of(top.at("author"), "id"), anna.id);
    EXPECT_TRUE(top.at("parent_id").is_null());
    const auto reply = comment(m.account, "Спасибо!", top_id);
    EXPECT_EQ(text_of(reply, "parent_id"), top_id);
    // A reply to a reply joins the top-level comment.
    const auto deeper = comment(boris, "Согласен", text_of(reply, "id"));
    EXPECT_EQ(text_of(deeper, "parent_id"), top_id);
    comment(anna, "Ещё вопрос", top_id);
    comment(boris, "Второй комментарий");

    EXPECT_EQ(call(anna, http::verb::post, "/api/v1/posts/" + id + "/comments", object{{"text", ""}}).status, 422);
    EXPECT_EQ(
        call(anna, http::verb::post, "/api/v1/posts/" + id + "/comments", object{{"text", std::string(1001, 'x')}})
            .status,
        422);

    const auto list = items(get(port(), "/api/v1/posts/" + id + "/comments"));
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(text_of(list[0], "id"), top_id);  // oldest first
    EXPECT_EQ(list[0].at("reply_count").as_int64(), 3);
    ASSERT_EQ(list[0].at("replies").as_array().size(), 2u);  // the first two
    EXPECT_EQ(text_of(list[0].at("replies").as_array()[0], "text"), "Спасибо!");
    EXPECT_EQ(list[1].at("reply_count").as_int64(), 0);
    EXPECT_EQ(count_of(read(anna, id), "comments"), 5);

    const auto page1 = get(port(), "/api/v1/comments/" + top_id + "/replies?limit=2");
    ASSERT_EQ(items(page1).size(), 2u);
    const auto next = std::string(page1.json().at("next_cursor").as_string());
    const auto page2 = items(get(port(), "/api/v1/comments/" + top_id + "/replies?limit=2&cursor=" + next));
    ASSERT_EQ(page2.size(), 1u);
    EXPECT_EQ(text_of(page2[0], "text"), "Ещё вопрос");

    // Someone else's comment cannot be edited or deleted; the post's author may delete any.
    EXPECT_EQ(call(boris, http::verb::patch, "/api/v1/comments/" + top_id, object{{"text", "hacked"}}).status, 404);
    EXPECT_EQ(call(boris, http::verb::delete_, "/api/v1/comments/" + top_id).status, 404);
    const auto edited = call(anna, http::verb::patch, "/api/v1/comments/" + top_id, object{{"text", "Очень красиво!"}});
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(text_of(edited.json(), "text"), "Очень красиво!");
    EXPECT_FALSE(edited.json().at("edited_at").is_null());
    ASSERT_EQ(call(m.account, http::verb::delete_, "/api/v1/comments/" + top_id).status, 204);
    EXPECT_EQ(items(get(port(), "/api/v1/posts/" + id + "/comments")).size(), 1u);
    EXPECT_EQ(count_of(read(anna, id), "comments"), 1);  // its three replies went with it
}

TEST_F(PostsIT, ARepostIsOncePerUserAndWrapsThePost) {
    const auto m = make_master(port());
    const auto id = simple_post(m, "Original");
    const auto fan = register_account(port());
    const auto res = call(fan, http::verb::post, "/api/v1/posts/" + id + "/repost", object{{"comment", "Look!"}});
    ASSERT_EQ(res.status, 201) << res.body;
    const auto item = res.json().as_object();
    EXPECT_EQ(text_of(item, "id"), id);
    EXPECT_EQ(text_of(item, "text"), "Original");
    EXPECT_EQ(text_of(item.at("repost").at("by"), "id"), fan.id);
    EXPECT_EQ(text_of(item.at("repost"), "comment"), "Look!");
    EXPECT_EQ(count_of(item, "reposts"), 1);
    EXPECT_TRUE(item.at("viewer").at("reposted").as_bool());
    EXPECT_EQ(call(fan, http::verb::post, "/api/v1/posts/" + id + "/repost").status, 409);
    EXPECT_EQ(count_of(read(m.account, id), "reposts"), 1);
    EXPECT_EQ(call(fan, http::verb::delete_, "/api/v1/posts/" + id + "/repost").status, 204);
    EXPECT_EQ(call(fan, http::verb::delete_, "/api/v1/posts/" + id + "/repost").status, 204);
    EXPECT_EQ(count_of(read(m.account, id), "reposts"), 0);
    EXPECT_EQ(call(fan, http::verb::post, "/api/v1/posts/" + id + "/repost").status, 201);  // again after undoing
}

TEST_F(PostsIT, ABlockHidesPostsCommentsAndLikesBothWays) {
    const auto m = make_master(port());
    const auto id = simple_post(m);
    const auto anna = register_account(port());
    const auto boris = register_account(port());
    ASSERT_EQ(call(anna, http::verb::put, "/api/v1/posts/" + id + "/like").status, 204);
    ASSERT_EQ(
        call(anna, http::verb::post, "/api/v1/posts/" + id + "/comments", object{{"text", "Anna was here"}}).status,
        201);
    ASSERT_EQ(call(boris, http::verb::put, "/api/v1/users/" + anna.id + "/block").status, 204);

    // Boris no longer sees Anna's like or comment; Anna no longer sees Boris's.
    for (const auto& card : items(call(boris, http::verb::get, "/api/v1/posts/" + id + "/likes"))) {
        EXPECT_NE(text_of(card, "id"), anna.id);
    }
    EXPECT_TRUE(items(call(boris, http::verb::get, "/api/v1/posts/" + id + "/comments")).empty());
    ASSERT_EQ(call(boris, http::verb::post, "/api/v1/posts/" + id + "/comments", object{{"text", "Boris"}}).status,
              201);
    const auto annas = items(call(anna, http::verb::get, "/api/v1/posts/" + id + "/comments"));
    ASSERT_EQ(annas.size(), 1u);
    EXPECT_EQ(text_of(annas[0], "text"), "Anna was here");
    // The counts are public numbers and still count everyone.
    EXPECT_EQ(count_of(read(boris, id), "likes"), 1);
    EXPECT_EQ(count_of(read(boris, id), "comments"), 2);

    // The author blocking a reader: the post is a 404 for the reader, both ways.
    ASSERT_EQ(call(m.account, http::verb::put, "/api/v1/users/" + anna.id + "/block").status, 204);
    read(anna, id, 404);
    EXPECT_EQ(call(anna, http::verb::put, "/api/v1/posts/" + id + "/like").status, 404);
    EXPECT_EQ(call(anna, http::verb::get, "/api/v1/posts/" + id + "/comments").status, 404);
    EXPECT_TRUE(items(call(anna, http::verb::get, "/api/v1/users/" + m.account.id + "/posts")).empty());
    ASSERT_EQ(call(m.account, http::verb::delete_, "/api/v1/users/" + anna.id + "/block").status, 204);
    read(anna, id);
}

TEST_F(PostsIT, AUsersPostsPageNewestFirstWithoutRepeats) {
    const auto m = make_master(port());
    std::vector<std::string> ids;
    for (int i = 0; i < 7; ++i) ids.push_back(simple_post(m, "Post " + std::to_string(i)));
    std::vector<std::string> seen;
    std::string cursor;
    for (int page = 0; page < 5; ++page) {
        const auto res = get(
            port(), "/api/v1/users/" + m.account.id + "/posts?limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor));
        for (const auto& post : items(res)) seen.push_back(text_of(post, "id"));
        const auto next = res.json().at("next_cursor");
        if (next.is_null()) break;
        cursor = std::string(next.as_string());
    }
    const std::vector<std::string> newest_first(ids.rbegin(), ids.rend());
    EXPECT_EQ(seen, newest_first);
}

TEST_F(PostsIT, LikesCommentsAndRepostsNotifyTheAuthorGroupedPerPost) {
    const auto m = make_master(port());
    const auto id = simple_post(m);
    const auto anna = register_account(port());
    const auto boris = register_account(port());
    ASSERT_EQ(call(anna, http::verb::put, "/api/v1/posts/" + id + "/like").status, 204);
    ASSERT_EQ(call(boris, http::verb::put, "/api/v1/posts/" + id + "/like").status, 204);
    // Unliking and liking again does not notify twice.
    ASSERT_EQ(call(anna, http::verb::delete_, "/api/v1/posts/" + id + "/like").status, 204);
    ASSERT_EQ(call(anna, http::verb::put, "/api/v1/posts/" + id + "/like").status, 204);
    const auto liked = notices(m.account, "post_liked", 2);
    EXPECT_EQ(liked.size(), 2u);
    const auto grouped = notices(m.account, "post_liked", 1, true);
    ASSERT_EQ(grouped.size(), 1u);
    EXPECT_EQ(grouped[0].at("count").as_int64(), 2);
    EXPECT_EQ(text_of(grouped[0].at("target"), "post_id"), id);

    const auto top = call(anna, http::verb::post, "/api/v1/posts/" + id + "/comments", object{{"text", "Wow"}});
    ASSERT_EQ(top.status, 201);
    EXPECT_EQ(notices(m.account, "post_commented", 1).size(), 1u);
    ASSERT_EQ(call(boris, http::verb::post, "/api/v1/posts/" + id + "/comments",
                   object{{"text", "Indeed"}, {"parent_id", text_of(top.json(), "id")}})
                  .status,
              201);
    EXPECT_EQ(notices(anna, "comment_replied", 1).size(), 1u);
    ASSERT_EQ(call(boris, http::verb::post, "/api/v1/posts/" + id + "/repost").status, 201);
    EXPECT_EQ(notices(m.account, "post_reposted", 1).size(), 1u);
    // The author's own actions tell nobody.
    ASSERT_EQ(call(m.account, http::verb::put, "/api/v1/posts/" + id + "/like").status, 204);
    EXPECT_EQ(notices(m.account, "post_liked", 2).size(), 2u);
}
