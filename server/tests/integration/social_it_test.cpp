// The social graph against the real server and database: profiles, follows, friends, mutes,
// blocks (and what a block removes), paging, concurrency and the notifications they cause.
#include <gtest/gtest.h>

#include <future>
#include <set>

#include <boost/json/serialize.hpp>

#include "support/marketplace.hpp"
#include "support/server_process.hpp"
#include "support/test_env.hpp"

using namespace service;
using namespace service::testing;
using boost::json::array;
using boost::json::object;

namespace {

std::string text_of(const boost::json::value& v, std::string_view key) {
    return std::string(v.as_object().at(key).as_string());
}

std::vector<std::string> ids_of(const boost::json::value& page) {
    std::vector<std::string> out;
    for (const auto& item : page.at("items").as_array()) out.push_back(text_of(item, "id"));
    return out;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

const std::string kUnknown = "6f9619ff-8b86-4011-b42d-00c04fc964ff";

}  // namespace

class SocialIT : public SharedServerTest<SocialIT> {
  public:
    static std::map<std::string, std::string> overrides() { return {{"JOBS_POLL_INTERVAL_MS", "100"}}; }

  protected:
    static HttpResult call(const Account& who, http::verb method, const std::string& target,
                           const boost::json::value& body = nullptr) {
        return call_as(port(), who, method, target, body);
    }
    static HttpResult anon(http::verb method, const std::string& target) {
        return http_request(port(), method, target);
    }
    static Account named(const std::string& name) {
        auto a = register_account(port());
        const auto res = call(a, http::verb::patch, "/api/v1/users/me", object{{"name", name}});
        EXPECT_EQ(res.status, 200) << res.body;
        return a;
    }
    static int put(const Account& who, const std::string& path) { return call(who, http::verb::put, path).status; }
    static int del(const Account& who, const std::string& path) { return call(who, http::verb::delete_, path).status; }
    static int follow(const Account& who, const Account& whom) {
        return put(who, "/api/v1/users/" + whom.id + "/follow");
    }
    static boost::json::value profile(const Account& viewer, const Account& of) {
        const auto res = call(viewer, http::verb::get, "/api/v1/users/" + of.id);
        EXPECT_EQ(res.status, 200) << res.body;
        return res.status == 200 ? res.json() : boost::json::value(object{});
    }
    static HttpResult ask(const Account& from, const Account& to) {
        return call(from, http::verb::post, "/api/v1/friends/requests", object{{"user_id", to.id}});
    }
    static boost::json::value requests(const Account& who, const std::string& direction) {
        const auto res = call(who, http::verb::get, "/api/v1/friends/requests?direction=" + direction);
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json();
    }
    static HttpResult decide(const Account& who, const std::string& id, const std::string& verb) {
        return call(who, http::verb::post, "/api/v1/friends/requests/" + id + "/" + verb);
    }
    static std::vector<std::string> list(const Account& viewer, const Account& of, const std::string& kind) {
        const auto res = call(viewer, http::verb::get, "/api/v1/users/" + of.id + "/" + kind + "?limit=100");
        EXPECT_EQ(res.status, 200) << res.body;
        return res.status == 200 ? ids_of(res.json()) : std::vector<std::string>{};
    }
    static void befriend(const Account& a, const Account& b) {
        const auto sent = ask(a, b);
        ASSERT_EQ(sent.status, 201) << sent.body;
        ASSERT_EQ(decide(b, text_of(sent.json(), "id"), "accept").status, 200);
    }
    static array notifications_of(const Account& who, const std::string& query) {
        const auto res = call(who, http::verb::get, "/api/v1/notifications" + query);
        EXPECT_EQ(res.status, 200) << res.body;
        return res.status == 200 ? res.json().at("items").as_array() : array{};
    }
    /// Waits for `n` notifications of `type` (ungrouped) and returns them, newest first.
    static array wait_for(const Account& who, const std::string& type, std::size_t n = 1) {
        array found;
        eventually([&] {
            found = notifications_of(who, "?grouped=false&types=" + type);
            return found.size() >= n;
        });
        EXPECT_GE(found.size(), n) << "no " << type << " for " << who.email;
        return found;
    }
};

TEST_F(SocialIT, ProfileShowsCountsAndTheRelationshipFromBothSides) {
    const auto a = named("Alice");
    const auto b = named("Bob");
    ASSERT_EQ(follow(a, b), 204);

    auto seen = profile(a, b);
    EXPECT_EQ(text_of(seen, "id"), b.id);
    EXPECT_EQ(text_of(seen, "name"), "Bob");
    EXPECT_EQ(text_of(seen, "role"), "client");
    EXPECT_TRUE(seen.at("avatar_url").is_null());
    EXPECT_TRUE(seen.at("avatar").is_null());
    EXPECT_TRUE(seen.at("city").is_null());
    EXPECT_TRUE(seen.at("master_id").is_null());
    EXPECT_EQ(seen.at("counts"),
              (boost::json::value(object{{"followers", 1}, {"following", 0}, {"friends", 0}, {"posts", 0}})));
    EXPECT_EQ(seen.at("relationship"),
              (boost::json::value(
                  object{{"following", true}, {"followed_by", false}, {"friend", "none"}, {"muted", false}})));

    seen = profile(b, a);
    EXPECT_EQ(seen.at("counts").at("following").as_int64(), 1);
    EXPECT_FALSE(seen.at("relationship").at("following").as_bool());
    EXPECT_TRUE(seen.at("relationship").at("followed_by").as_bool());

    ASSERT_EQ(follow(b, a), 204);
    seen = profile(b, a);
    EXPECT_TRUE(seen.at("relationship").at("following").as_bool());
    EXPECT_TRUE(seen.at("relationship").at("followed_by").as_bool());
    EXPECT_EQ(seen.at("counts").at("followers").as_int64(), 1);

    // Anonymous callers see the profile and the counts, and no relationship.
    const auto res = anon(http::verb::get, "/api/v1/users/" + b.id);
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json().at("counts").at("followers").as_int64(), 1);
    EXPECT_EQ(res.json().at("relationship"),
              (boost::json::value(
                  object{{"following", false}, {"followed_by", false}, {"friend", "none"}, {"muted", false}})));

    // A master's profile names their master profile.
    const auto m = make_master(port());
    const auto master = profile(a, m.account);
    EXPECT_EQ(text_of(master, "master_id"), m.id);
    EXPECT_EQ(text_of(master, "role"), "master");

    // Posts count only what is shown: not deleted, not hidden.
    exec_sql("INSERT INTO posts (author_id, text) VALUES ('" + m.account.id + "', 'one'), ('" + m.account.id +
             "', 'two')");
    exec_sql("INSERT INTO posts (author_id, text, deleted_at) VALUES ('" + m.account.id + "', 'gone', now())");
    exec_sql("INSERT INTO posts (author_id, text, hidden_at) VALUES ('" + m.account.id + "', 'hidden', now())");
    EXPECT_EQ(profile(a, m.account).at("counts").at("posts").as_int64(), 2);

    EXPECT_EQ(anon(http::verb::get, "/api/v1/users/" + kUnknown).status, 404);
    EXPECT_EQ(anon(http::verb::get, "/api/v1/users/not-a-uuid").status, 404);
    EXPECT_EQ(call(a, http::verb::get, "/api/v1/users/" + kUnknown + "/followers").status, 404);
    EXPECT_EQ(call(a, http::verb::get, "/api/v1/users/nobody/friends").status, 404);
    // "me" in a list is the caller.
    EXPECT_EQ(list(a, a, "following"), (std::vector<std::string>{b.id}));
    EXPECT_EQ(ids_of(call(a, http::verb::get, "/api/v1/users/me/following").json()), (std::vector<std::string>{b.id}));
    const auto mine = call(b, http::verb::get, "/api/v1/users/me/followers");
    ASSERT_EQ(mine.status, 200) << mine.body;
    EXPECT_EQ(ids_of(mine.json()), (std::vector<std::string>{a.id}));
    EXPECT_EQ(anon(http::verb::get, "/api/v1/users/me/followers").status, 401);
}

TEST_F(SocialIT, FollowIsIdempotentAndFollowingYourselfIs422) {
    const auto a = register_account(port());
    const auto b = register_account(port());
    EXPECT_EQ(follow(a, b), 204);
    EXPECT_EQ(follow(a, b), 204);
    EXPECT_EQ(profile(a, b).at("counts").at("followers").as_int64(), 1);
    EXPECT_EQ(list(a, b, "followers"), (std::vector<std::string>{a.id}));

    const auto card = call(a, http::verb::get, "/api/v1/users/" + b.id + "/followers").json().at("items").at(0);
    EXPECT_EQ(card, (boost::json::value(object{{"id", a.id},
                                               {"name", "Test User"},
                                               {"avatar_url", nullptr},
                                               {"role", "client"},
                                               {"master_id", nullptr}})));

    EXPECT_EQ(del(a, "/api/v1/users/" + b.id + "/follow"), 204);
    EXPECT_EQ(del(a, "/api/v1/users/" + b.id + "/follow"), 204);
    EXPECT_EQ(profile(a, b).at("counts").at("followers").as_int64(), 0);

    const auto self = call(a, http::verb::put, "/api/v1/users/" + a.id + "/follow");
    EXPECT_EQ(self.status, 422) << self.body;
    EXPECT_EQ(put(a, "/api/v1/users/me/follow"), 422);
    EXPECT_EQ(put(a, "/api/v1/users/" + kUnknown + "/follow"), 404);
    EXPECT_EQ(put(a, "/api/v1/users/nobody/follow"), 404);
    EXPECT_EQ(del(a, "/api/v1/users/" + kUnknown + "/follow"), 404);
    EXPECT_EQ(anon(http::verb::put, "/api/v1/users/" + b.id + "/follow").status, 401);
}

TEST_F(SocialIT, FollowerListsPageNewestFirstWithoutRepeats) {
    const auto star = register_account(port());
    std::vector<std::string> followers;
    for (int i = 0; i < 25; ++i) {
        const auto f = register_account(port());
        ASSERT_EQ(follow(f, star), 204);
        followers.push_back(f.id);
    }
    const auto viewer = register_account(port());
    std::vector<std::string> seen;
    std::string cursor;
    std::vector<std::size_t> sizes;
    for (int page = 0; page < 5; ++page) {
        std::string target = "/api/v1/users/" + star.id + "/followers?limit=10";
        if (!cursor.empty()) target += "&cursor=" + cursor;
        const auto res = call(viewer, http::verb::get, target);
        ASSERT_EQ(res.status, 200) << res.body;
        const auto doc = res.json();
        const auto ids = ids_of(doc);
        sizes.push_back(ids.size());
        seen.insert(seen.end(), ids.begin(), ids.end());
        if (page == 0) {
            // A follower arriving while someone pages is newer than every cursor: no repeat, no skip.
            const auto late = register_account(port());
            ASSERT_EQ(follow(late, star), 204);
        }
        if (doc.at("next_cursor").is_null()) break;
        cursor = text_of(doc, "next_cursor");
    }
    EXPECT_EQ(sizes, (std::vector<std::size_t>{10, 10, 5}));
    EXPECT_EQ(seen.front(), followers.back());  // newest first
    std::vector<std::string> expected(followers.rbegin(), followers.rend());
    EXPECT_EQ(seen, expected);
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 25u);

    EXPECT_EQ(profile(viewer, star).at("counts").at("followers").as_int64(), 26);
    const auto following = call(viewer, http::verb::get, "/api/v1/users/" + followers[0] + "/following");
    EXPECT_EQ(ids_of(following.json()), (std::vector<std::string>{star.id}));
    EXPECT_TRUE(following.json().at("next_cursor").is_null());
    EXPECT_EQ(call(viewer, http::verb::get, "/api/v1/users/" + star.id + "/followers?limit=101").status, 422);
    EXPECT_EQ(call(viewer, http::verb::get, "/api/v1/users/" + star.id + "/followers?cursor=garbage").status, 422);
}

TEST_F(SocialIT, BlockedEitherWayIs404UntilUnblocked) {
    const auto a = register_account(port());
    const auto b = register_account(port());
    const auto c = register_account(port());
    ASSERT_EQ(follow(b, c), 204);
    ASSERT_EQ(put(a, "/api/v1/users/" + b.id + "/block"), 204);
    EXPECT_EQ(put(a, "/api/v1/users/" + b.id + "/block"), 204);  // idempotent

    EXPECT_EQ(call(a, http::verb::get, "/api/v1/users/" + b.id).status, 404);
    EXPECT_EQ(call(b, http::verb::get, "/api/v1/users/" + a.id).status, 404);
    EXPECT_EQ(call(b, http::verb::get, "/api/v1/users/" + a.id + "/followers").status, 404);
    EXPECT_EQ(follow(b, a), 404);
    EXPECT_EQ(follow(a, b), 404);
    EXPECT_EQ(ask(b, a).status, 404);
    EXPECT_EQ(put(b, "/api/v1/users/" + a.id + "/mute"), 404);
    // Lists hide them from each other, not from anyone else.
    EXPECT_FALSE(contains(list(a, c, "followers"), b.id));
    EXPECT_TRUE(contains(list(c, c, "followers"), b.id));
    EXPECT_EQ(ids_of(anon(http::verb::get, "/api/v1/users/" + c.id + "/followers").json()),
              (std::vector<std::string>{b.id}));

    // The blocker finds them in their block list to unblock.
    const auto blocks = call(a, http::verb::get, "/api/v1/users/me/blocks");
    ASSERT_EQ(blocks.status, 200);
    const auto listed = blocks.json();
    ASSERT_EQ(listed.at("items").as_array().size(), 1u);
    const auto& entry = listed.at("items").at(0);
    EXPECT_EQ(text_of(entry, "user_id"), b.id);
    EXPECT_EQ(text_of(entry, "display_name"), "Test User");
    EXPECT_FALSE(text_of(entry, "created_at").empty());
    EXPECT_TRUE(call(b, http::verb::get, "/api/v1/users/me/blocks").json().at("items").as_array().empty());

    ASSERT_EQ(del(a, "/api/v1/users/" + b.id + "/block"), 204);
    EXPECT_EQ(del(a, "/api/v1/users/" + b.id + "/block"), 204);
    EXPECT_EQ(del(a, "/api/v1/users/nobody/block"), 204);
    EXPECT_EQ(call(a, http::verb::get, "/api/v1/users/" + b.id).status, 200);
    EXPECT_EQ(call(b, http::verb::get, "/api/v1/users/" + a.id).status, 200);
    EXPECT_EQ(follow(b, a), 204);

    EXPECT_EQ(put(a, "/api/v1/users/" + a.id + "/block"), 422);
    EXPECT_EQ(put(a, "/api/v1/users/" + kUnknown + "/block"), 404);
    EXPECT_EQ(put(a, "/api/v1/users/nobody/block"), 404);
}

TEST_F(SocialIT, BlockingRemovesFollowsFriendshipAndPendingRequestsBothWays) {
    const auto a = register_account(port());
    const auto b = register_account(port());
    const auto c = register_account(port());
    ASSERT_EQ(follow(a, b), 204);
    ASSERT_EQ(follow(b, a), 204);
    befriend(a, b);
    const auto pending = ask(c, a);
    ASSERT_EQ(pending.status, 201);
    const auto pending_id = text_of(pending.json(), "id");

    ASSERT_EQ(put(b, "/api/v1/users/" + a.id + "/block"), 204);  // the other side blocks
    ASSERT_EQ(put(a, "/api/v1/users/" + c.id + "/block"), 204);  // the addressee blocks
    ASSERT_EQ(del(b, "/api/v1/users/" + a.id + "/block"), 204);
    ASSERT_EQ(del(a, "/api/v1/users/" + c.id + "/block"), 204);

    const auto seen = profile(a, b);
    EXPECT_EQ(seen.at("counts"),
              (boost::json::value(object{{"followers", 0}, {"following", 0}, {"friends", 0}, {"posts", 0}})));
    EXPECT_EQ(seen.at("relationship"),
              (boost::json::value(
                  object{{"following", false}, {"followed_by", false}, {"friend", "none"}, {"muted", false}})));
    EXPECT_TRUE(list(a, a, "friends").empty());
    EXPECT_TRUE(list(b, b, "friends").empty());
    EXPECT_EQ(query_value("SELECT count(*) FROM friendships WHERE user_id IN ('" + a.id + "', '" + b.id + "')"), "0");
    EXPECT_TRUE(requests(a, "incoming").at("items").as_array().empty());
    EXPECT_TRUE(requests(c, "outgoing").at("items").as_array().empty());
    EXPECT_EQ(decide(a, pending_id, "accept").status, 404);
    EXPECT_EQ(profile(c, a).at("relationship").at("friend").as_string(), "none");
}

TEST_F(SocialIT, FriendRequestsAcceptDeclineCancelAndUnfriend) {
    const auto a = named("Anna");
    const auto b = named("Boris");
    const auto stranger = register_account(port());

    auto res = ask(a, b);
    ASSERT_EQ(res.status, 201) << res.body;
    const auto request = res.json();
    const auto id = text_of(request, "id");
    EXPECT_EQ(text_of(request, "status"), "pending");
    EXPECT_EQ(text_of(request.at("from"), "id"), a.id);
    EXPECT_EQ(text_of(request.at("from"), "name"), "Anna");
    EXPECT_EQ(text_of(request.at("to"), "id"), b.id);
    EXPECT_EQ(text_of(request.at("to"), "name"), "Boris");
    EXPECT_FALSE(text_of(request, "created_at").empty());

    res = ask(a, b);  // again while pending: the same request
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(text_of(res.json(), "id"), id);
    EXPECT_EQ(profile(a, b).at("relationship").at("friend").as_string(), "outgoing");
    EXPECT_EQ(profile(b, a).at("relationship").at("friend").as_string(), "incoming");

    EXPECT_EQ(ids_of(requests(b, "incoming")), (std::vector<std::string>{id}));
    EXPECT_EQ(ids_of(requests(a, "outgoing")), (std::vector<std::string>{id}));
    EXPECT_TRUE(requests(a, "incoming").at("items").as_array().empty());
    EXPECT_TRUE(requests(b, "incoming").at("next_cursor").is_null());
    EXPECT_EQ(ids_of(call(b, http::verb::get, "/api/v1/friends/requests").json()), (std::vector<std::string>{id}));
    EXPECT_EQ(call(b, http::verb::get, "/api/v1/friends/requests?direction=sideways").status, 422);

    // Only the addressee decides; only the sender cancels; everyone else gets 404.
    EXPECT_EQ(decide(stranger, id, "accept").status, 404);
    EXPECT_EQ(decide(a, id, "accept").status, 404);
    EXPECT_EQ(decide(a, id, "decline").status, 404);
    EXPECT_EQ(del(b, "/api/v1/friends/requests/" + id), 404);
    EXPECT_EQ(del(stranger, "/api/v1/friends/requests/" + id), 404);
    EXPECT_EQ(decide(b, "not-a-uuid", "accept").status, 404);
    EXPECT_EQ(decide(b, kUnknown, "decline").status, 404);

    res = decide(b, id, "accept");
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(text_of(res.json(), "status"), "accepted");
    EXPECT_EQ(text_of(res.json(), "id"), id);
    EXPECT_EQ(decide(b, id, "accept").status, 200);  // idempotent
    EXPECT_EQ(decide(b, id, "decline").status, 409);
    EXPECT_EQ(del(a, "/api/v1/friends/requests/" + id), 409);
    EXPECT_EQ(profile(a, b).at("relationship").at("friend").as_string(), "friends");
    EXPECT_EQ(profile(b, a).at("relationship").at("friend").as_string(), "friends");
    EXPECT_EQ(profile(a, b).at("counts").at("friends").as_int64(), 1);
    EXPECT_EQ(list(a, a, "friends"), (std::vector<std::string>{b.id}));
    EXPECT_EQ(list(stranger, b, "friends"), (std::vector<std::string>{a.id}));
    EXPECT_TRUE(requests(b, "incoming").at("items").as_array().empty());
    res = ask(b, a);  // already friends
    EXPECT_EQ(res.status, 409) << res.body;
    EXPECT_EQ(text_of(res.json(), "code"), "already_friends");

    EXPECT_EQ(del(a, "/api/v1/friends/" + b.id), 204);
    EXPECT_EQ(del(a, "/api/v1/friends/" + b.id), 204);
    EXPECT_EQ(del(a, "/api/v1/friends/nobody"), 404);
    EXPECT_EQ(del(a, "/api/v1/friends/" + kUnknown), 404);
    EXPECT_EQ(profile(b, a).at("relationship").at("friend").as_string(), "none");
    EXPECT_TRUE(list(b, b, "friends").empty());

    // Declined: gone from both lists; declining again returns it; accepting it now is a conflict.
    const auto declined = text_of(ask(a, b).json(), "id");
    res = decide(b, declined, "decline");
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(text_of(res.json(), "status"), "declined");
    EXPECT_EQ(decide(b, declined, "decline").status, 200);
    EXPECT_EQ(decide(b, declined, "accept").status, 409);
    EXPECT_TRUE(requests(a, "outgoing").at("items").as_array().empty());
    EXPECT_EQ(profile(a, b).at("relationship").at("friend").as_string(), "none");

    // Cancelled by the sender: gone, and cannot be accepted.
    const auto cancelled = text_of(ask(a, b).json(), "id");
    EXPECT_NE(cancelled, declined);
    EXPECT_EQ(del(a, "/api/v1/friends/requests/" + cancelled), 204);
    EXPECT_EQ(del(a, "/api/v1/friends/requests/" + cancelled), 204);
    EXPECT_TRUE(requests(b, "incoming").at("items").as_array().empty());
    EXPECT_EQ(decide(b, cancelled, "accept").status, 409);

    // Asking someone who already asked you accepts their request.
    const auto theirs = text_of(ask(b, a).json(), "id");
    res = ask(a, b);
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(text_of(res.json(), "id"), theirs);
    EXPECT_EQ(text_of(res.json(), "status"), "accepted");
    EXPECT_EQ(profile(a, b).at("relationship").at("friend").as_string(), "friends");

    EXPECT_EQ(ask(a, a).status, 422);
    EXPECT_EQ(call(a, http::verb::post, "/api/v1/friends/requests", object{}).status, 422);
    EXPECT_EQ(call(a, http::verb::post, "/api/v1/friends/requests", object{{"user_id", kUnknown}}).status, 404);
    EXPECT_EQ(call(a, http::verb::post, "/api/v1/friends/requests", object{{"user_id", "nobody"}}).status, 404);
}

TEST_F(SocialIT, CrossRequestsAtTheSameMomentEndAsFriends) {
    for (int round = 0; round < 6; ++round) {
        const auto a = register_account(port());
        const auto b = register_account(port());
        std::promise<void> go;
        const auto start = go.get_future().share();
        auto first = std::async(std::launch::async, [&] {
            start.wait();
            return ask(a, b);
        });
        auto second = std::async(std::launch::async, [&] {
            start.wait();
            return ask(b, a);
        });
        go.set_value();
        const auto r1 = first.get();
        const auto r2 = second.get();
        ASSERT_TRUE(r1.status == 201 || r1.status == 200) << r1.body;
        ASSERT_TRUE(r2.status == 201 || r2.status == 200) << r2.body;
        EXPECT_NE(r1.status, r2.status);  // one created it, the other accepted it
        EXPECT_EQ(text_of(r1.json(), "id"), text_of(r2.json(), "id"));
        EXPECT_EQ(profile(a, b).at("relationship").at("friend").as_string(), "friends");
        const std::string pair = "('" + a.id + "', '" + b.id + "')";
        std::string requests_sql = "SELECT count(*) FROM friend_requests WHERE from_id IN ";
        requests_sql += pair;
        requests_sql += " AND to_id IN ";
        requests_sql += pair;
        EXPECT_EQ(query_value(requests_sql), "1");
        std::string friendships_sql = "SELECT count(*) FROM friendships WHERE user_id IN ";
        friendships_sql += pair;
        friendships_sql += " AND friend_id IN ";
        friendships_sql += pair;
        EXPECT_EQ(query_value(friendships_sql), "2");
    }
}

TEST_F(SocialIT, MuteIsIdempotentAndInvisibleToTheMuted) {
    const auto a = register_account(port());
    const auto b = register_account(port());
    EXPECT_EQ(put(a, "/api/v1/users/" + b.id + "/mute"), 204);
    EXPECT_EQ(put(a, "/api/v1/users/" + b.id + "/mute"), 204);
    EXPECT_TRUE(profile(a, b).at("relationship").at("muted").as_bool());
    EXPECT_FALSE(profile(b, a).at("relationship").at("muted").as_bool());  // they are not told
    EXPECT_EQ(query_value("SELECT count(*) FROM mutes WHERE user_id = '" + a.id + "' AND muted_id = '" + b.id + "'"),
              "1");
    // Muting is not following: b's counts and lists do not change.
    EXPECT_EQ(profile(b, b).at("counts").at("followers").as_int64(), 0);

    EXPECT_EQ(del(a, "/api/v1/users/" + b.id + "/mute"), 204);
    EXPECT_EQ(del(a, "/api/v1/users/" + b.id + "/mute"), 204);
    EXPECT_FALSE(profile(a, b).at("relationship").at("muted").as_bool());
    EXPECT_EQ(query_value("SELECT count(*) FROM mutes WHERE user_id = '" + a.id + "'"), "0");

    EXPECT_EQ(put(a, "/api/v1/users/" + a.id + "/mute"), 422);
    EXPECT_EQ(put(a, "/api/v1/users/" + kUnknown + "/mute"), 404);
    EXPECT_EQ(put(a, "/api/v1/users/nobody/mute"), 404);
    EXPECT_EQ(anon(http::verb::put, "/api/v1/users/" + b.id + "/mute").status, 401);
}

TEST_F(SocialIT, FollowsAndFriendRequestsNotifyAndNewFollowersGroup) {
    const auto star = named("Star");
    const auto fan1 = named("Fan one");
    const auto fan2 = named("Fan two");
    const auto fan3 = named("Fan three");

    ASSERT_EQ(follow(fan1, star), 204);
    auto got = wait_for(star, "new_follower");
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(text_of(got[0].at("actors").at(0), "id"), fan1.id);
    EXPECT_EQ(got[0].at("target"),
              (boost::json::value(object{{"type", "user"}, {"id", star.id}, {"user_id", star.id}})));

    ASSERT_EQ(follow(fan2, star), 204);
    ASSERT_EQ(follow(fan3, star), 204);
    wait_for(star, "new_follower", 3);
    // Unfollowing and following again tells nobody twice.
    ASSERT_EQ(del(fan1, "/api/v1/users/" + star.id + "/follow"), 204);
    ASSERT_EQ(follow(fan1, star), 204);
    const auto grouped = notifications_of(star, "?types=new_follower");
    ASSERT_EQ(grouped.size(), 1u);
    EXPECT_EQ(grouped[0].at("count").as_int64(), 3);
    EXPECT_EQ(grouped[0].at("actors").as_array().size(), 3u);

    const auto sent = ask(fan1, fan2);
    ASSERT_EQ(sent.status, 201);
    const auto request_id = text_of(sent.json(), "id");
    got = wait_for(fan2, "friend_request");
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(text_of(got[0].at("actors").at(0), "id"), fan1.id);
    EXPECT_EQ(got[0].at("target"),
              (boost::json::value(object{{"type", "friend_request"}, {"id", request_id}, {"from_user_id", fan1.id}})));

    ASSERT_EQ(decide(fan2, request_id, "accept").status, 200);
    got = wait_for(fan1, "friend_accepted");
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(text_of(got[0].at("actors").at(0), "id"), fan2.id);
    EXPECT_EQ(text_of(got[0].at("target"), "id"), request_id);

    // Crossing requests notify the first sender that they were accepted.
    const auto first = text_of(ask(fan3, star).json(), "id");
    ASSERT_EQ(ask(star, fan3).status, 200);
    got = wait_for(fan3, "friend_accepted");
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(text_of(got[0].at("target"), "id"), first);
    EXPECT_EQ(wait_for(star, "friend_request").size(), 1u);
    EXPECT_EQ(wait_for(star, "new_follower", 3).size(), 3u);
}
