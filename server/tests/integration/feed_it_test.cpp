// The feed end to end (docs/feed.md): for_you never empty, snapshot paging without duplicates or
// gaps while posts and likes arrive, 410 for an expired snapshot, author diversity, the
// following tab's once-per-post rule, nearby ordering, blocked/muted/deleted posts, and
// feed:new_posts on a follower's socket. Bulk posts are rows written with SQL (the posts API is
// covered by its own suite); each test puts its posts in a place of its own, far from the others.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <set>

#include <boost/asio/connect.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/crypto.hpp"
#include "infra/redis.hpp"
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

struct Place {
    double lon = 0;
    double lat = 0;
};

// A place of its own for each test, in the southern Pacific, thousands of km from any other.
Place new_place() {
    static std::atomic<int> next{0};
    const int n = next++;
    return Place{-170.0 + 9.0 * n, -45.0};
}

// `metres` north of `p`.
Place north(Place p, double metres) { return Place{p.lon, p.lat + metres / 111320.0}; }

std::string point_sql(Place p) {
    char text[160];
    std::snprintf(text, sizeof text, "ST_SetSRID(ST_MakePoint(%.7f, %.7f), 4326)::geography", p.lon, p.lat);
    return text;
}

std::string at_query(Place p) {
    char text[96];
    std::snprintf(text, sizeof text, "&lat=%.7f&lon=%.7f", p.lat, p.lon);
    return text;
}

/// A post row written directly: `minutes` old, at `p`.
std::string insert_post(const std::string& author, Place p, int minutes, int likes = 0) {
    return query_value("INSERT INTO posts (author_id, text, location, like_count, created_at) VALUES ('" + author +
                       "', 'feed test', " + point_sql(p) + ", " + std::to_string(likes) + ", now() - interval '" +
                       std::to_string(minutes) + " minutes') RETURNING id");
}

std::string text_of(const boost::json::value& v, std::string_view key) { return std::string(v.at(key).as_string()); }

std::vector<std::string> ids_of(const array& items) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(text_of(item, "id"));
    return out;
}

/// DEL of one key, straight to the test Redis.
void redis_del(const std::string& key) {
    const auto url = infra::parse_redis_url(test_env().redis_url);
    ASSERT_TRUE(url.has_value());
    net::io_context ioc;
    tcp::resolver resolver(ioc);
    tcp::socket socket(ioc);
    net::connect(socket, resolver.resolve(url->host, url->port));
    if (url->db != 0) {
        net::write(socket, net::buffer(infra::encode_command({"SELECT", std::to_string(url->db)})));
        char ok[5];
        net::read(socket, net::buffer(ok, sizeof ok));  // "+OK\r\n"
    }
    net::write(socket, net::buffer(infra::encode_command({"DEL", key})));
    char reply[4];
    net::read(socket, net::buffer(reply, sizeof reply));  // ":1\r\n"
    EXPECT_EQ(std::string(reply, 2), ":1") << key;
}

}  // namespace

class FeedIT : public SharedServerTest<FeedIT> {
  public:
    static std::map<std::string, std::string> overrides() {
        return {{"JOBS_POLL_INTERVAL_MS", "100"}, {"SOCKET_PING_INTERVAL_MS", "1500"}};
    }

  protected:
    static HttpResult call(const Account& who, http::verb verb, const std::string& target) {
        return http_request(port(), verb, target, {}, bearer(who.access_token));
    }
    static object feed(const Account& who, const std::string& query) {
        const auto res = get(port(), "/api/v1/feed?" + query, bearer(who.access_token));
        EXPECT_EQ(res.status, 200) << query << " " << res.body;
        return res.status == 200 ? res.json().as_object() : object{{"items", array{}}, {"next_cursor", nullptr}};
    }
    /// Every page of a tab, following next_cursor; the item ids in order.
    static std::vector<std::string> all_pages(const Account& who, const std::string& query, int max_pages = 100) {
        std::vector<std::string> out;
        std::string cursor;
        for (int page = 0; page < max_pages; ++page) {
            std::string target = query;
            if (!cursor.empty()) target += "&cursor=" + cursor;
            const auto body = feed(who, target);
            for (const auto& id : ids_of(body.at("items").as_array())) out.push_back(id);
            if (body.at("next_cursor").is_null()) break;
            cursor = text_of(body, "next_cursor");
        }
        return out;
    }
    static void follow(const Account& who, const std::string& user) {
        const auto res = call(who, http::verb::put, "/api/v1/users/" + user + "/follow");
        ASSERT_EQ(res.status, 204) << res.body;
    }
};

TEST_F(FeedIT, NewUserWithoutFollowsOrPlaceSeesPostsAroundMoscow) {
    // A master in Moscow publishes through the API (photo, job and all).
    const auto master = make_master(port());
    const auto photo = media_client::ready_photo(port(), master.account, "post", images::png(64, 48));
    const auto created =
        post_json(port(), "/api/v1/posts", object{{"text", "Свежий маникюр"}, {"media_ids", array{photo}}},
                  bearer(master.account.access_token));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto post_id = text_of(created.json(), "id");

    const auto newcomer = register_account(port());
    const auto body = feed(newcomer, "tab=for_you");
    const auto ids = ids_of(body.at("items").as_array());
    ASSERT_FALSE(ids.empty());
    EXPECT_NE(std::find(ids.begin(), ids.end(), post_id), ids.end());
    const auto& first = body.at("items").as_array().at(0).as_object();
    EXPECT_TRUE(first.contains("author"));
    EXPECT_TRUE(first.contains("counts"));
    // The default tab is for_you too.
    EXPECT_FALSE(feed(newcomer, "limit=5").at("items").as_array().empty());
}

TEST_F(FeedIT, PagingASnapshotWhilePostsAndLikesArriveHasNoDuplicatesAndNoGaps) {
    const auto here = new_place();
    std::vector<Account> authors;
    for (int i = 0; i < 10; ++i) authors.push_back(register_account(port()));
    const auto viewer = register_account(port());
    std::string values;
    std::string ids_csv;
    for (int i = 0; i < 10; ++i) {
        if (i > 0) ids_csv += ",";
        ids_csv += "'" + authors[static_cast<std::size_t>(i)].id + "'::uuid";
    }
    // 500 posts at the viewer's place, 1 to 500 minutes old, authors taking turns.
    exec_sql("INSERT INTO posts (author_id, text, location, created_at) SELECT (ARRAY[" + ids_csv +
             "])[1 + g % 10], 'bulk', " + point_sql(here) +
             ", now() - g * interval '1 minute' FROM generate_series(1, 500) g");
    std::set<std::string> bulk;
    {
        const auto rows = query_value(
            "SELECT string_agg(id::text, ',') FROM posts WHERE text = 'bulk' AND author_id IN (" + ids_csv + ")");
        std::size_t start = 0;
        while (start < rows.size()) {
            const auto comma = rows.find(',', start);
            const auto end = comma == std::string::npos ? rows.size() : comma;
            bulk.insert(rows.substr(start, end - start));
            start = end + 1;
        }
    }
    ASSERT_EQ(bulk.size(), 500u);

    const std::string query = "tab=for_you&limit=20" + at_query(here);
    std::vector<std::string> seen;
    std::set<std::string> deleted;
    auto body = feed(viewer, query);
    int page = 0;
    for (;;) {
        const auto items = body.at("items").as_array();
        for (const auto& id : ids_of(items)) seen.push_back(id);
        if (body.at("next_cursor").is_null()) break;
        EXPECT_EQ(items.size(), 20u) << "page " << page << " is short while more exist";
        // Meanwhile: 10 new posts and 100 likes per page (100 posts and 1,000 likes in the first
        // ten pages), and on page 5 three posts not shown yet are deleted.
        if (page < 10) {
            exec_sql("INSERT INTO posts (author_id, text, location, created_at) SELECT '" + authors[0].id +
                     "', 'new', " + point_sql(here) + ", now() FROM generate_series(1, 10)");
            exec_sql(
                "UPDATE posts SET like_count = like_count + 10 WHERE id IN (SELECT id FROM posts WHERE author_id IN (" +
                ids_csv + ") AND text = 'bulk' ORDER BY random() LIMIT 10)");
        }
        if (page == 5) {
            const std::set<std::string> shown(seen.begin(), seen.end());
            for (const auto& id : bulk) {
                if (deleted.size() == 3) break;
                if (!shown.count(id)) deleted.insert(id);
            }
            for (const auto& id : deleted) exec_sql("UPDATE posts SET deleted_at = now() WHERE id = '" + id + "'");
        }
        ++page;
        ASSERT_LT(page, 40);
        body = feed(viewer, query + "&cursor=" + text_of(body, "next_cursor"));
    }
    const std::set<std::string> unique(seen.begin(), seen.end());
    EXPECT_EQ(unique.size(), seen.size()) << "a post was shown twice";
    std::set<std::string> expected;
    for (const auto& id : bulk) {
        if (!deleted.count(id)) expected.insert(id);
    }
    EXPECT_EQ(unique, expected) << "the pages are the snapshot: every bulk post but the deleted, none of the new";
    EXPECT_EQ(seen.size(), 497u);
}

TEST_F(FeedIT, AnExpiredSnapshotIsGone410AndABadCursorIs422) {
    const auto here = new_place();
    const auto author = register_account(port());
    for (int i = 0; i < 3; ++i) insert_post(author.id, here, i + 1);
    const auto viewer = register_account(port());
    const auto first = feed(viewer, "tab=nearby&limit=1" + at_query(here));
    ASSERT_FALSE(first.at("next_cursor").is_null());
    const auto cursor = text_of(first, "next_cursor");
    // Reading extends the snapshot; it still works.
    EXPECT_EQ(
        get(port(), "/api/v1/feed?tab=nearby&limit=1&cursor=" + cursor + at_query(here), bearer(viewer.access_token))
            .status,
        200);

    const auto raw = core::base64url_decode(cursor);
    ASSERT_TRUE(raw.has_value());
    const auto bar = raw->find('|', 2);
    redis_del("feed:snap:" + viewer.id + ":" + raw->substr(2, bar - 2));
    const auto gone =
        get(port(), "/api/v1/feed?tab=nearby&limit=1&cursor=" + cursor + at_query(here), bearer(viewer.access_token));
    EXPECT_EQ(gone.status, 410) << gone.body;
    EXPECT_EQ(text_of(gone.json(), "code"), "feed_snapshot_expired");

    // Another viewer's cursor names no snapshot of theirs.
    const auto other = register_account(port());
    const auto second = feed(viewer, "tab=nearby&limit=1" + at_query(here));
    EXPECT_EQ(get(port(), "/api/v1/feed?tab=nearby&limit=1&cursor=" + text_of(second, "next_cursor"),
                  bearer(other.access_token))
                  .status,
              410);
    // A for_you cursor on the nearby tab, garbage, a bad tab, half a point: 422.
    EXPECT_EQ(
        get(port(), "/api/v1/feed?tab=for_you&cursor=" + text_of(second, "next_cursor"), bearer(viewer.access_token))
            .status,
        422);
    EXPECT_EQ(get(port(), "/api/v1/feed?tab=following&cursor=abc", bearer(viewer.access_token)).status, 422);
    EXPECT_EQ(get(port(), "/api/v1/feed?tab=home", bearer(viewer.access_token)).status, 422);
    EXPECT_EQ(get(port(), "/api/v1/feed?lat=10", bearer(viewer.access_token)).status, 422);
    EXPECT_EQ(get(port(), "/api/v1/feed").status, 401);
}

TEST_F(FeedIT, NoAuthorHasMoreThanTwoPostsInARow) {
    const auto here = new_place();
    const auto prolific = register_account(port());
    const auto other = register_account(port());
    std::map<std::string, char> author_of;
    for (int i = 0; i < 6; ++i) author_of[insert_post(prolific.id, here, 1 + i)] = 'P';
    for (int i = 0; i < 3; ++i) author_of[insert_post(other.id, here, 60 + i)] = 'Q';
    const auto viewer = register_account(port());
    const auto ids = all_pages(viewer, "tab=for_you&limit=4" + at_query(here), 10);
    std::string sequence;
    for (const auto& id : ids) {
        if (author_of.count(id)) sequence += author_of[id];
    }
    // By score alone it would be PPPPPPQQQ.
    EXPECT_EQ(sequence, "PPQPPQPPQ");
}

TEST_F(FeedIT, FollowingShowsTheCirclesPostsAndRepostsNewestFirstEachOnce) {
    const auto here = new_place();
    const auto followed = register_account(port());
    const auto friendly = register_account(port());  // followed, reposts
    const auto stranger = register_account(port());
    const auto viewer = register_account(port());
    const auto a1 = insert_post(followed.id, here, 30);
    const auto a2 = insert_post(followed.id, here, 20);
    const auto v1 = insert_post(viewer.id, here, 25);
    const auto s1 = insert_post(stranger.id, here, 10);
    insert_post(stranger.id, here, 5);  // nobody in the circle reposted it: not in the tab
    follow(viewer, followed.id);
    follow(viewer, friendly.id);
    ASSERT_EQ(
        post_json(port(), "/api/v1/posts/" + a1 + "/repost", object{{"comment", "look"}}, bearer(friendly.access_token))
            .status,
        201);
    ASSERT_EQ(post_json(port(), "/api/v1/posts/" + s1 + "/repost", object{}, bearer(friendly.access_token)).status,
              201);

    const auto body = feed(viewer, "tab=following");
    const auto items = body.at("items").as_array();
    ASSERT_EQ(ids_of(items), (std::vector<std::string>{s1, a1, a2, v1}));
    EXPECT_TRUE(items[0].at("repost").is_object());
    EXPECT_TRUE(items[1].at("repost").is_object());  // a1 once, as the newer repost
    EXPECT_EQ(text_of(items[1].at("repost"), "comment"), "look");
    EXPECT_TRUE(items[2].at("repost").is_null());
    EXPECT_TRUE(body.at("next_cursor").is_null());
    // The same one item per page.
    EXPECT_EQ(all_pages(viewer, "tab=following&limit=1"), (std::vector<std::string>{s1, a1, a2, v1}));
}

TEST_F(FeedIT, BlockedAndMutedAuthorsNeverAppear) {
    const auto here = new_place();
    const auto liked = register_account(port());
    const auto muted = register_account(port());
    const auto blocker = register_account(port());  // blocks the viewer
    const auto blocked = register_account(port());  // blocked by the viewer
    const auto viewer = register_account(port());
    std::set<std::string> hidden;
    const auto visible = insert_post(liked.id, here, 3);
    const auto muted_post = insert_post(muted.id, north(here, 5), 4);
    hidden.insert(muted_post);
    for (int i = 0; i < 2; ++i) {
        hidden.insert(insert_post(muted.id, north(here, 10), 1 + i));
        hidden.insert(insert_post(blocker.id, north(here, 20), 1 + i));
        hidden.insert(insert_post(blocked.id, north(here, 30), 1 + i));
    }
    follow(viewer, liked.id);
    follow(viewer, muted.id);
    follow(viewer, blocked.id);
    ASSERT_EQ(call(viewer, http::verb::put, "/api/v1/users/" + muted.id + "/mute").status, 204);
    ASSERT_EQ(call(viewer, http::verb::put, "/api/v1/users/" + blocked.id + "/block").status, 204);
    ASSERT_EQ(call(blocker, http::verb::put, "/api/v1/users/" + viewer.id + "/block").status, 204);
    // A repost of a muted author's post by someone the viewer follows is hidden too.
    ASSERT_EQ(post_json(port(), "/api/v1/posts/" + muted_post + "/repost", object{}, bearer(liked.access_token)).status,
              201);

    for (const char* tab : {"for_you", "nearby", "following"}) {
        const auto ids = all_pages(viewer, std::string("tab=") + tab + "&limit=50" + at_query(here), 5);
        EXPECT_NE(std::find(ids.begin(), ids.end(), visible), ids.end()) << tab;
        for (const auto& id : ids) EXPECT_FALSE(hidden.count(id)) << tab << " shows " << id;
    }
}

TEST_F(FeedIT, DeletedPostsDisappearFromEveryTab) {
    const auto master = make_master(port());
    const auto photo = media_client::ready_photo(port(), master.account, "post", images::png(40, 40));
    const auto created =
        post_json(port(), "/api/v1/posts", object{{"text", "скоро удалю"}, {"media_ids", array{photo}}},
                  bearer(master.account.access_token));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = text_of(created.json(), "id");
    const auto viewer = register_account(port());
    follow(viewer, master.account.id);
    const std::string moscow = "&lat=55.76&lon=37.61";
    const auto has = [&](const std::string& query) {
        const auto ids = all_pages(viewer, query, 30);
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    EXPECT_TRUE(has("tab=following"));
    EXPECT_TRUE(has("tab=nearby&limit=100" + moscow));
    EXPECT_TRUE(has("tab=for_you&limit=100" + moscow));
    // A snapshot taken before the delete skips it too.
    const auto before = feed(viewer, "tab=nearby&limit=1" + moscow);

    ASSERT_EQ(call(master.account, http::verb::delete_, "/api/v1/posts/" + id).status, 204);
    EXPECT_FALSE(has("tab=following"));
    EXPECT_FALSE(has("tab=nearby&limit=100" + moscow));
    EXPECT_FALSE(has("tab=for_you&limit=100" + moscow));
    if (!before.at("next_cursor").is_null()) {
        std::vector<std::string> rest = ids_of(before.at("items").as_array());
        std::string cursor = text_of(before, "next_cursor");
        for (int i = 0; i < 30 && !cursor.empty(); ++i) {
            std::string target = "tab=nearby&limit=100&cursor=" + cursor;
            target += moscow;
            const auto body = feed(viewer, target);
            for (const auto& x : ids_of(body.at("items").as_array())) rest.push_back(x);
            cursor = body.at("next_cursor").is_null() ? "" : text_of(body, "next_cursor");
        }
        const auto at = std::find(rest.begin(), rest.end(), id);
        EXPECT_TRUE(at == rest.begin() || at == rest.end()) << "shown after it was deleted";
    }
}

TEST_F(FeedIT, NearbyRanksByDistanceAndFreshness) {
    const auto here = new_place();
    std::vector<std::string> posts;
    // distance, minutes old → expected order: 100 m fresh, 1 km, 5 km, 100 m but 20 days old, 20 km.
    const std::vector<std::pair<double, int>> layout{
        {20000, 10}, {100, 60 * 24 * 20}, {5000, 10}, {1000, 10}, {100, 10}};
    for (const auto& [metres, minutes] : layout) {
        const auto author = register_account(port());
        posts.push_back(insert_post(author.id, north(here, metres), minutes));
    }
    const auto viewer = register_account(port());
    const auto ids = all_pages(viewer, "tab=nearby&limit=3" + at_query(here), 10);
    std::vector<std::string> ours;
    for (const auto& id : ids) {
        if (std::find(posts.begin(), posts.end(), id) != posts.end()) ours.push_back(id);
    }
    EXPECT_EQ(ours, (std::vector<std::string>{posts[4], posts[3], posts[2], posts[1], posts[0]}));
}

namespace {

/// A Socket.IO v4 client over Engine.IO long-polling, enough to hear events.
class PollingSocket {
  public:
    PollingSocket(std::uint16_t port, const std::string& token) : port_(port) {
        const auto open = get(port_, "/socket.io/?EIO=4&transport=polling");
        EXPECT_EQ(open.status, 200) << open.body;
        const auto brace = open.body.find('{');
        sid_ = std::string(boost::json::parse(open.body.substr(brace)).at("sid").as_string());
        const auto connect =
            http_request(port_, http::verb::post, path(), "40" + boost::json::serialize(object{{"token", token}}),
                         {{"Content-Type", "text/plain;charset=UTF-8"}});
        EXPECT_EQ(connect.status, 200) << connect.body;
    }
    /// Polls until a packet contains `needle` or `timeout` passes; answers pings.
    bool wait_for(const std::string& needle, std::chrono::seconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            const auto res = get(port_, path());
            if (res.status != 200) return false;
            if (res.body.find(needle) != std::string::npos) return true;
            if (res.body.find('2') == 0 || res.body.find("\x1e"
                                                         "2") != std::string::npos) {
                http_request(port_, http::verb::post, path(), "3", {{"Content-Type", "text/plain;charset=UTF-8"}});
            }
        }
        return false;
    }

    /// Engine.IO close: the session ends before the server does.
    void close() { http_request(port_, http::verb::post, path(), "1", {{"Content-Type", "text/plain;charset=UTF-8"}}); }

  private:
    std::string path() const { return "/socket.io/?EIO=4&transport=polling&sid=" + sid_; }
    std::uint16_t port_;
    std::string sid_;
};

}  // namespace

TEST_F(FeedIT, NewPostsReachAFollowersSocket) {
    const auto master = make_master(port());
    const auto follower = register_account(port());
    follow(follower, master.account.id);
    PollingSocket socket(port(), follower.access_token);
    ASSERT_TRUE(socket.wait_for("40{", std::chrono::seconds(10)));  // the CONNECT reply
    const auto photo = media_client::ready_photo(port(), master.account, "post", images::png(32, 32));
    const auto created = post_json(port(), "/api/v1/posts", object{{"text", "новое"}, {"media_ids", array{photo}}},
                                   bearer(master.account.access_token));
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_TRUE(socket.wait_for("[\"feed:new_posts\",{\"count\":1}]", std::chrono::seconds(15)));
    socket.close();
    // Let the chats module record the follower as gone before the suite stops the server: a
    // presence update still in flight at shutdown outlives the pool (a realtime/chats issue).
    EXPECT_TRUE(eventually(
        [&] { return !query_value("SELECT 1 FROM user_presence WHERE user_id = '" + follower.id + "'").empty(); }));
}
