// Chats, messages, watermarks and blocks against the real server and database.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <set>
#include <tuple>

#include <boost/asio/use_future.hpp>
#include <boost/json/serialize.hpp>

#include "core/crypto.hpp"
#include "core/jwt.hpp"
#include "db/pool.hpp"
#include "infra/push/log_provider.hpp"
#include "infra/storage/local_storage.hpp"
#include "modules/chats/socket_events.hpp"
#include "modules/media/service.hpp"
#include "modules/notifications/service.hpp"
#include "support/test_env.hpp"

using namespace service;
using namespace service::testing;
using boost::json::array;
using boost::json::object;

namespace {

std::string text_of(const boost::json::value& v, std::string_view key) {
    return std::string(v.as_object().at(key).as_string());
}

std::vector<std::int64_t> seqs_of(const boost::json::value& page) {
    std::vector<std::int64_t> out;
    for (const auto& m : page.at("items").as_array()) out.push_back(m.at("seq").as_int64());
    return out;
}

std::vector<std::int64_t> range(std::int64_t from, std::int64_t to) {
    std::vector<std::int64_t> out;
    for (auto i = from; i <= to; ++i) out.push_back(i);
    return out;
}

struct Published {
    std::string user;
    std::string event;
    boost::json::value payload;
};

class RecordingPublisher final : public realtime::Publisher {
  public:
    void to_user(std::string_view user, std::string_view event, const boost::json::value& payload) override {
        const std::lock_guard lock(mutex_);
        events_.push_back({std::string(user), std::string(event), payload});
    }
    std::vector<Published> take() {
        const std::lock_guard lock(mutex_);
        return std::exchange(events_, {});
    }

  private:
    std::mutex mutex_;
    std::vector<Published> events_;
};

class OnlineSet final : public realtime::PresenceView {
  public:
    bool online(std::string_view user) const override { return ids.contains(std::string(user)); }
    std::set<std::string> ids;
};

class FakeRegistry final : public realtime::EventRegistry {
  public:
    void on(std::string event, realtime::EventHandler handler) override { handlers[event] = std::move(handler); }
    void on_presence(realtime::PresenceHandler handler) override { presence = std::move(handler); }
    std::map<std::string, realtime::EventHandler> handlers;
    realtime::PresenceHandler presence;
};

template <typename T>
T run_sync(net::io_context& ioc, net::awaitable<T> task) {
    auto future = net::co_spawn(ioc, std::move(task), net::use_future);
    ioc.restart();
    ioc.run();
    return future.get();
}

}  // namespace

class ChatsIT : public SharedServerTest<ChatsIT> {
  protected:
    /// Users inserted straight into the database, with access tokens signed by the test secret:
    /// registering dozens through the API would hash a password for each.
    static std::vector<Account> make_users(int n) {
        const auto ids = query_value(
            "WITH added AS (INSERT INTO users (email, password_hash, name) "
            "SELECT 'chat-' || gen_random_uuid() || '@test.example', 'x', 'Chat user ' || lpad(g::text, 3, '0') "
            "FROM generate_series(1, " +
            std::to_string(n) + ") g RETURNING id, name) SELECT string_agg(id::text, ',' ORDER BY name) FROM added");
        const core::jwt::Codec codec(test_config().jwt_secret);
        std::vector<Account> out;
        std::size_t start = 0;
        while (start < ids.size()) {
            const auto comma = std::min(ids.find(',', start), ids.size());
            Account a;
            a.id = ids.substr(start, comma - start);
            a.access_token = codec.issue(a.id, "client", std::chrono::system_clock::now());
            out.push_back(std::move(a));
            start = comma + 1;
        }
        return out;
    }
    static Account make_user() { return make_users(1).front(); }

    static HttpResult call(const Account& who, http::verb method, const std::string& target,
                           const boost::json::value& body = nullptr) {
        return call_as(port(), who, method, target, body);
    }
    static HttpResult create_chat(const Account& who, const std::vector<std::string>& ids,
                                  const std::optional<std::string>& title = std::nullopt) {
        array list;
        for (const auto& id : ids) list.emplace_back(id);
        object body{{"participant_ids", list}};
        if (title) body["title"] = *title;
        return call(who, http::verb::post, "/api/v1/chats", body);
    }
    static std::string direct(const Account& a, const Account& b) {
        const auto res = create_chat(a, {b.id});
        EXPECT_TRUE(res.status == 201 || res.status == 200) << res.body;
        return text_of(res.json(), "id");
    }
    static std::string group(const Account& owner, const std::vector<Account>& others,
                             const std::string& title = "Nails club") {
        std::vector<std::string> ids;
        for (const auto& o : others) ids.push_back(o.id);
        const auto res = create_chat(owner, ids, title);
        EXPECT_EQ(res.status, 201) << res.body;
        return text_of(res.json(), "id");
    }
    static HttpResult send(const Account& who, const std::string& chat, const std::string& text,
                           const std::string& client_msg_id = {}) {
        object body{{"type", "text"}, {"content", text}};
        if (!client_msg_id.empty()) body["client_msg_id"] = client_msg_id;
        return call(who, http::verb::post, "/api/v1/chats/" + chat + "/messages", body);
    }
    static boost::json::value chat_of(const Account& who, const std::string& chat) {
        const auto res = call(who, http::verb::get, "/api/v1/chats/" + chat);
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json();
    }
    static boost::json::value history(const Account& who, const std::string& chat, const std::string& query = {}) {
        const auto res = call(who, http::verb::get, "/api/v1/chats/" + chat + "/messages" + query);
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json();
    }
    static HttpResult mark(const Account& who, const std::string& chat, const std::string& what, std::int64_t up_to) {
        return call(who, http::verb::post, "/api/v1/chats/" + chat + "/" + what, object{{"up_to_seq", up_to}});
    }
};

TEST_F(ChatsIT, DirectChatIsCreatedOnceAndThenReturned) {
    const auto a = register_account(port());
    const auto b = register_account(port());
    const auto first = create_chat(a, {b.id});
    ASSERT_EQ(first.status, 201) << first.body;
    const auto chat = first.json();
    EXPECT_EQ(chat.at("kind").as_string(), "direct");
    EXPECT_TRUE(chat.at("title").is_null());
    EXPECT_EQ(chat.at("created_by").as_string(), a.id);
    EXPECT_TRUE(chat.at("last_message").is_null());
    EXPECT_EQ(chat.at("unread_count").as_int64(), 0);
    EXPECT_EQ(chat.at("last_seq").as_int64(), 0);
    ASSERT_EQ(chat.at("participants").as_array().size(), 2u);
    for (const auto& p : chat.at("participants").as_array()) {
        EXPECT_EQ(p.at("display_name").as_string(), "Test User");
        EXPECT_EQ(p.at("role").as_string(), "member");
        EXPECT_FALSE(p.at("online").as_bool());
    }

    const auto again = create_chat(a, {b.id});
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(again.json().at("id"), chat.at("id"));
    const auto from_b = create_chat(b, {a.id, b.id});  // naming yourself is ignored
    EXPECT_EQ(from_b.status, 200);
    EXPECT_EQ(from_b.json().at("id"), chat.at("id"));

    // Both sides at once: one chat.
    const auto users = make_users(2);
    std::vector<std::future<HttpResult>> results;
    for (int i = 0; i < 8; ++i) {
        const auto& me = users[i % 2];
        const auto& other = users[1 - i % 2];
        results.push_back(std::async(std::launch::async, [&me, &other] { return create_chat(me, {other.id}); }));
    }
    std::set<std::string> ids;
    int created = 0;
    for (auto& r : results) {
        const auto res = r.get();
        ASSERT_TRUE(res.status == 200 || res.status == 201) << res.body;
        created += res.status == 201;
        ids.insert(text_of(res.json(), "id"));
    }
    EXPECT_EQ(created, 1);
    EXPECT_EQ(ids.size(), 1u);
    EXPECT_EQ(query_value("SELECT count(*) FROM chat_participants WHERE chat_id = '" + *ids.begin() + "'"), "2");

    EXPECT_EQ(create_chat(a, {a.id}).status, 422);  // nobody else
    const std::string ghost = "6f9619ff-8b86-4011-b42d-00c04fc964ff";
    const auto unknown = create_chat(a, {ghost});
    EXPECT_EQ(unknown.status, 422);
    EXPECT_NE(unknown.body.find(ghost), std::string::npos) << unknown.body;
}

TEST_F(ChatsIT, GroupsHaveLimitsAndAnOwner) {
    auto people = make_users(51);
    const auto owner = people.back();
    people.pop_back();
    std::vector<Account> fifty(people.begin(), people.end());
    std::vector<Account> forty_nine(people.begin(), people.end() - 1);

    EXPECT_EQ(create_chat(owner, {people[0].id, people[1].id}).status, 422);  // a group needs a title
    EXPECT_EQ(create_chat(owner, {people[0].id, people[1].id}, std::string(101, 'x')).status, 422);
    std::vector<std::string> too_many;
    for (const auto& p : fifty) too_many.push_back(p.id);
    EXPECT_EQ(create_chat(owner, too_many, "Too big").status, 422);
    const auto full = group(owner, forty_nine, "Everyone");
    const auto full_chat = chat_of(owner, full);
    EXPECT_EQ(full_chat.at("participants").as_array().size(), 50u);
    EXPECT_EQ(full_chat.at("participants").as_array()[0].at("user_id").as_string(), owner.id);
    EXPECT_EQ(full_chat.at("participants").as_array()[0].at("role").as_string(), "owner");
    const auto over =
        call(owner, http::verb::post, "/api/v1/chats/" + full + "/participants", object{{"user_id", fifty.back().id}});
    EXPECT_EQ(over.status, 409);
    EXPECT_EQ(over.json().at("code").as_string(), "chat_full");

    // One other person with a title is a group, not the direct chat.
    const auto& m1 = people[0];
    const auto& m2 = people[1];
    const auto& newcomer = people[2];
    const auto pair = create_chat(owner, {m1.id}, std::string("Two of us"));
    ASSERT_EQ(pair.status, 201);
    EXPECT_EQ(pair.json().at("kind").as_string(), "group");

    const auto id = group(owner, {m1, m2});
    const auto path = "/api/v1/chats/" + id;
    EXPECT_EQ(call(m1, http::verb::patch, path, object{{"title", "Mine now"}}).status, 403);
    const auto renamed = call(owner, http::verb::patch, path, object{{"title", "Brows club"}});
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(chat_of(m1, id).at("title").as_string(), "Brows club");
    EXPECT_EQ(call(m1, http::verb::post, path + "/participants", object{{"user_id", newcomer.id}}).status, 403);
    const auto added = call(owner, http::verb::post, path + "/participants", object{{"user_id", newcomer.id}});
    ASSERT_EQ(added.status, 200) << added.body;
    EXPECT_EQ(added.json().at("participants").as_array().size(), 4u);
    EXPECT_EQ(call(owner, http::verb::post, path + "/participants", object{{"user_id", newcomer.id}})
                  .json()
                  .at("participants")
                  .as_array()
                  .size(),
              4u);  // adding twice changes nothing
    EXPECT_EQ(chat_of(newcomer, id).at("title").as_string(), "Brows club");

    EXPECT_EQ(call(m1, http::verb::delete_, path + "/participants/" + m2.id).status, 403);
    EXPECT_EQ(call(owner, http::verb::delete_, path + "/participants/" + m2.id).status, 204);
    EXPECT_EQ(call(m2, http::verb::get, path).status, 404);
    EXPECT_EQ(send(m2, id, "still here?").status, 404);
    EXPECT_EQ(call(owner, http::verb::delete_, path + "/participants/" + m2.id).status, 404);  // gone already
    EXPECT_EQ(call(m1, http::verb::delete_, path + "/participants/" + m1.id).status, 204);     // leaving
    EXPECT_EQ(call(m1, http::verb::get, path).status, 404);
    EXPECT_EQ(call(owner, http::verb::delete_, path + "/participants/" + owner.id).status, 403);
    EXPECT_EQ(chat_of(owner, id).at("participants").as_array().size(), 2u);

    const auto dm = direct(owner, m1);
    const auto rename_dm = call(owner, http::verb::patch, "/api/v1/chats/" + dm, object{{"title", "Hi"}});
    EXPECT_EQ(rename_dm.status, 409);
    EXPECT_EQ(rename_dm.json().at("code").as_string(), "not_a_group");
}

TEST_F(ChatsIT, StrangersGet404OnEveryChatRoute) {
    const auto users = make_users(3);
    const auto &a = users[0], &b = users[1], &stranger = users[2];
    const auto id = direct(a, b);
    const auto sent = send(a, id, "hello");
    ASSERT_EQ(sent.status, 201);
    const auto message = text_of(sent.json(), "id");
    const auto path = "/api/v1/chats/" + id;
    const std::vector<std::tuple<http::verb, std::string, boost::json::value>> calls{
        {http::verb::get, path, nullptr},
        {http::verb::patch, path, object{{"title", "x"}}},
        {http::verb::post, path + "/participants", object{{"user_id", stranger.id}}},
        {http::verb::delete_, path + "/participants/" + a.id, nullptr},
        {http::verb::get, path + "/messages", nullptr},
        {http::verb::post, path + "/messages", object{{"type", "text"}, {"content", "hi"}}},
        {http::verb::patch, path + "/messages/" + message, object{{"content", "edited"}}},
        {http::verb::delete_, path + "/messages/" + message, nullptr},
        {http::verb::post, path + "/delivered", object{{"up_to_seq", 1}}},
        {http::verb::post, path + "/read", object{{"up_to_seq", 1}}},
    };
    for (const auto& [method, target, body] : calls) {
        const auto res = call(stranger, method, target, body);
        EXPECT_EQ(res.status, 404) << http::to_string(method) << " " << target << ": " << res.body;
    }
    EXPECT_EQ(call(a, http::verb::get, "/api/v1/chats/6f9619ff-8b86-4011-b42d-00c04fc964ff").status, 404);
    EXPECT_EQ(call(a, http::verb::get, "/api/v1/chats/not-a-chat").status, 404);
    EXPECT_TRUE(call(stranger, http::verb::get, "/api/v1/chats").json().at("items").as_array().empty());
    EXPECT_EQ(history(a, id).at("items").as_array().at(0).at("content").as_string(), "hello");  // untouched
}

TEST_F(ChatsIT, SequenceNumbersHaveNoGapsUnderConcurrentSenders) {
    auto people = make_users(20);
    const auto owner = people.front();
    const std::vector<Account> others(people.begin() + 1, people.end());
    const auto id = group(owner, others);
    std::vector<std::future<HttpResult>> results;
    for (int i = 0; i < 20; ++i) {
        const auto& who = people[i];
        results.push_back(std::async(std::launch::async, [&who, &id, i] {
            return send(who, id, "message " + std::to_string(i), "c-" + std::to_string(i));
        }));
    }
    std::vector<std::int64_t> seqs;
    for (auto& r : results) {
        const auto res = r.get();
        ASSERT_EQ(res.status, 201) << res.body;
        seqs.push_back(res.json().at("seq").as_int64());
    }
    std::sort(seqs.begin(), seqs.end());
    EXPECT_EQ(seqs, range(1, 20));
    const auto page = history(owner, id, "?limit=100");
    EXPECT_EQ(seqs_of(page), range(1, 20));
    const auto& items = page.at("items").as_array();
    for (std::size_t i = 1; i < items.size(); ++i) {  // the clock agrees with the order
        EXPECT_LE(text_of(items[i - 1], "created_at"), text_of(items[i], "created_at"));
    }
    const auto chat = chat_of(owner, id);
    EXPECT_EQ(chat.at("last_seq").as_int64(), 20);
    EXPECT_EQ(chat.at("last_message").at("seq").as_int64(), 20);
    EXPECT_EQ(chat.at("last_activity_at"), chat.at("last_message").at("created_at"));
}

TEST_F(ChatsIT, RetriedSendsReturnTheOriginalMessage) {
    const auto users = make_users(2);
    const auto &a = users[0], &b = users[1];
    const auto id = direct(a, b);
    const auto first = send(a, id, "Are you free tomorrow?", "phone-1");
    ASSERT_EQ(first.status, 201) << first.body;
    EXPECT_EQ(first.json().at("client_msg_id").as_string(), "phone-1");
    const auto retry = send(a, id, "Are you free tomorrow?", "phone-1");
    EXPECT_EQ(retry.status, 200);
    EXPECT_EQ(retry.header("Idempotent-Replayed"), "true");
    EXPECT_EQ(retry.json(), first.json());
    EXPECT_EQ(send(b, id, "Same id, other sender", "phone-1").status, 201);

    // Ten copies of one send at once: one message, the others see it.
    std::vector<std::future<HttpResult>> results;
    for (int i = 0; i < 10; ++i) {
        results.push_back(std::async(std::launch::async, [&a, &id] { return send(a, id, "race", "phone-2"); }));
    }
    std::set<std::string> ids;
    int created = 0;
    for (auto& r : results) {
        const auto res = r.get();
        ASSERT_TRUE(res.status == 201 || res.status == 200) << res.body;
        created += res.status == 201;
        if (res.status == 200) {
            EXPECT_EQ(res.header("Idempotent-Replayed"), "true");
        }
        ids.insert(text_of(res.json(), "id"));
    }
    EXPECT_EQ(created, 1);
    EXPECT_EQ(ids.size(), 1u);
    EXPECT_EQ(query_value("SELECT count(*) FROM messages WHERE chat_id = '" + id + "' AND client_msg_id = 'phone-2'"),
              "1");
    // The losers gave their numbers back: the next message follows without a gap.
    const auto next = send(b, id, "next");
    EXPECT_EQ(next.json().at("seq").as_int64(), 4);
    EXPECT_EQ(seqs_of(history(a, id)), range(1, 4));
}

TEST_F(ChatsIT, HistoryPagesHaveNoGapsOrDuplicates) {
    const auto users = make_users(2);
    const auto &a = users[0], &b = users[1];
    const auto id = direct(a, b);
    for (int i = 1; i <= 50; ++i) ASSERT_EQ(send(i % 2 ? a : b, id, "m" + std::to_string(i)).status, 201);

    // Scrolling back from the newest page.
    auto page = history(a, id, "?limit=20");
    EXPECT_EQ(seqs_of(page), range(31, 50));
    EXPECT_TRUE(page.at("has_more").as_bool());
    EXPECT_EQ(page.at("items").as_array().back().at("content").as_string(), "m50");
    page = history(a, id, "?limit=20&before_seq=31");
    EXPECT_EQ(seqs_of(page), range(11, 30));
    EXPECT_TRUE(page.at("has_more").as_bool());
    page = history(a, id, "?limit=20&before_seq=11");
    EXPECT_EQ(seqs_of(page), range(1, 10));
    EXPECT_FALSE(page.at("has_more").as_bool());

    // Catching up from a known seq.
    page = history(b, id, "?limit=20&after_seq=0");
    EXPECT_EQ(seqs_of(page), range(1, 20));
    EXPECT_TRUE(page.at("has_more").as_bool());
    page = history(b, id, "?limit=20&after_seq=20");
    EXPECT_EQ(seqs_of(page), range(21, 40));
    page = history(b, id, "?limit=20&after_seq=40");
    EXPECT_EQ(seqs_of(page), range(41, 50));
    EXPECT_FALSE(page.at("has_more").as_bool());
    EXPECT_TRUE(history(b, id, "?after_seq=50").at("items").as_array().empty());

    page = history(a, id);  // default limit 50: everything
    EXPECT_EQ(seqs_of(page), range(1, 50));
    EXPECT_FALSE(page.at("has_more").as_bool());

    const auto path = "/api/v1/chats/" + id + "/messages";
    EXPECT_EQ(call(a, http::verb::get, path + "?limit=101").status, 422);
    EXPECT_EQ(call(a, http::verb::get, path + "?limit=0").status, 422);
    EXPECT_EQ(call(a, http::verb::get, path + "?before_seq=10&after_seq=2").status, 422);
    EXPECT_EQ(call(a, http::verb::get, path + "?before_seq=abc").status, 422);
    EXPECT_EQ(call(a, http::verb::get, path + "?after_seq=1.5").status, 422);
}

TEST_F(ChatsIT, WatermarksNeverGoBackwardsAndDriveTheUnreadCount) {
    const auto users = make_users(2);
    const auto &a = users[0], &b = users[1];
    const auto id = direct(a, b);
    for (int i = 1; i <= 5; ++i) ASSERT_EQ(send(a, id, "m" + std::to_string(i)).status, 201);
    EXPECT_EQ(chat_of(b, id).at("unread_count").as_int64(), 5);
    EXPECT_EQ(chat_of(a, id).at("unread_count").as_int64(), 0);  // your own messages are not unread

    auto res = mark(b, id, "delivered", 3);
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json().as_object(),
              (object{{"chat_id", id}, {"user_id", b.id}, {"delivered_seq", 3}, {"read_seq", 0}}));
    res = mark(b, id, "read", 2);
    EXPECT_EQ(res.json().at("delivered_seq").as_int64(), 3);
    EXPECT_EQ(res.json().at("read_seq").as_int64(), 2);
    EXPECT_EQ(chat_of(b, id).at("unread_count").as_int64(), 3);

    res = mark(b, id, "read", 1);  // an older device reporting late
    EXPECT_EQ(res.json().at("read_seq").as_int64(), 2);
    res = mark(b, id, "delivered", 1);
    EXPECT_EQ(res.json().at("delivered_seq").as_int64(), 3);
    res = mark(b, id, "read", 4);  // reading delivers too
    EXPECT_EQ(res.json().at("delivered_seq").as_int64(), 4);
    EXPECT_EQ(res.json().at("read_seq").as_int64(), 4);
    res = mark(b, id, "read", 1000);  // capped at the last message
    EXPECT_EQ(res.json().at("delivered_seq").as_int64(), 5);
    EXPECT_EQ(res.json().at("read_seq").as_int64(), 5);
    auto chat = chat_of(b, id);
    EXPECT_EQ(chat.at("unread_count").as_int64(), 0);
    EXPECT_EQ(chat.at("read_seq").as_int64(), 5);
    EXPECT_EQ(chat.at("delivered_seq").as_int64(), 5);

    ASSERT_EQ(send(a, id, "m6").status, 201);
    const auto seventh = send(a, id, "m7");
    ASSERT_EQ(seventh.status, 201);
    EXPECT_EQ(chat_of(b, id).at("unread_count").as_int64(), 2);
    ASSERT_EQ(call(a, http::verb::delete_, "/api/v1/chats/" + id + "/messages/" + text_of(seventh.json(), "id")).status,
              204);
    EXPECT_EQ(chat_of(b, id).at("unread_count").as_int64(), 1);  // a deleted message is not waiting to be read
    const auto listed = call(b, http::verb::get, "/api/v1/chats").json().at("items").as_array();
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].at("unread_count").as_int64(), 1);
    EXPECT_TRUE(listed[0].at("last_message").at("deleted").as_bool());

    EXPECT_EQ(mark(b, id, "read", -1).status, 422);
    EXPECT_EQ(call(b, http::verb::post, "/api/v1/chats/" + id + "/read", object{{"up_to_seq", "5"}}).status, 422);
    EXPECT_EQ(call(b, http::verb::post, "/api/v1/chats/" + id + "/read", object{}).status, 422);
}

TEST_F(ChatsIT, OnlyTheSenderEditsOrDeletesAMessage) {
    const auto users = make_users(2);
    const auto &a = users[0], &b = users[1];
    const auto id = direct(a, b);
    const auto sent = send(a, id, "See you at 10");
    ASSERT_EQ(sent.status, 201);
    const auto path = "/api/v1/chats/" + id + "/messages/" + text_of(sent.json(), "id");
    EXPECT_TRUE(sent.json().at("edited_at").is_null());

    EXPECT_EQ(call(b, http::verb::patch, path, object{{"content", "See you at 11"}}).status, 404);
    EXPECT_EQ(call(b, http::verb::delete_, path).status, 404);
    EXPECT_EQ(call(a, http::verb::patch, path, object{{"content", "  "}}).status, 422);
    const auto edited = call(a, http::verb::patch, path, object{{"content", "See you at 10:30"}});
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(edited.json().at("content").as_string(), "See you at 10:30");
    EXPECT_FALSE(edited.json().at("edited_at").is_null());
    EXPECT_EQ(edited.json().at("seq"), sent.json().at("seq"));

    ASSERT_EQ(call(a, http::verb::delete_, path).status, 204);
    const auto shown = history(b, id).at("items").as_array().at(0);
    EXPECT_TRUE(shown.at("deleted").as_bool());
    EXPECT_EQ(shown.at("content").as_string(), "");
    EXPECT_EQ(call(a, http::verb::delete_, path).status, 204);  // again: nothing changes
    const auto late_edit = call(a, http::verb::patch, path, object{{"content", "too late"}});
    EXPECT_EQ(late_edit.status, 409);
    EXPECT_EQ(late_edit.json().at("code").as_string(), "message_deleted");

    // An image message of the old form (a URL, from before photos were uploaded) cannot become text.
    exec_sql("INSERT INTO messages (chat_id, seq, sender_id, type, content) SELECT id, last_seq + 1, '" + a.id +
             "', 'image', '/media/nails.jpg' FROM chats WHERE id = '" + id + "'");
    exec_sql("UPDATE chats SET last_seq = last_seq + 1 WHERE id = '" + id + "'");
    const auto old_image = history(a, id).at("items").as_array().back();
    EXPECT_EQ(old_image.at("content").as_string(), "/media/nails.jpg");  // still shown as it was
    EXPECT_TRUE(old_image.at("media").is_null());
    EXPECT_FALSE(old_image.at("media_deleted").as_bool());
    EXPECT_EQ(call(a, http::verb::patch, "/api/v1/chats/" + id + "/messages/" + text_of(old_image, "id"),
                   object{{"content", "text now"}})
                  .status,
              409);
    EXPECT_EQ(
        call(a, http::verb::delete_, "/api/v1/chats/" + id + "/messages/6f9619ff-8b86-4011-b42d-00c04fc964ff").status,
        404);
}

TEST_F(ChatsIT, BlockingStopsDirectMessagesUntilUnblocked) {
    const auto a = register_account(port());
    const auto users = make_users(2);
    const auto &b = users[0], &c = users[1];
    const auto id = direct(a, b);
    ASSERT_EQ(send(b, id, "hi").status, 201);

    ASSERT_EQ(call(a, http::verb::put, "/api/v1/users/" + b.id + "/block").status, 204);
    EXPECT_EQ(call(a, http::verb::put, "/api/v1/users/" + b.id + "/block").status, 204);  // idempotent
    auto res = send(b, id, "hello?");
    EXPECT_EQ(res.status, 403);
    EXPECT_EQ(res.json().at("code").as_string(), "blocked");
    EXPECT_EQ(send(a, id, "bye").status, 403);  // the blocker cannot write either
    EXPECT_EQ(seqs_of(history(a, id)), range(1, 1));

    ASSERT_EQ(call(c, http::verb::put, "/api/v1/users/" + a.id + "/block").status, 204);
    res = create_chat(a, {c.id});  // c blocked a
    EXPECT_EQ(res.status, 403);
    EXPECT_EQ(res.json().at("code").as_string(), "blocked");
    EXPECT_EQ(create_chat(c, {a.id}).status, 403);

    auto blocks = call(a, http::verb::get, "/api/v1/users/me/blocks");
    ASSERT_EQ(blocks.status, 200);
    ASSERT_EQ(blocks.json().at("items").as_array().size(), 1u);
    EXPECT_EQ(blocks.json().at("items").as_array()[0].at("user_id").as_string(), b.id);
    EXPECT_EQ(blocks.json().at("items").as_array()[0].at("display_name").as_string(), "Chat user 001");

    ASSERT_EQ(call(a, http::verb::delete_, "/api/v1/users/" + b.id + "/block").status, 204);
    EXPECT_EQ(send(b, id, "hello again").status, 201);
    EXPECT_TRUE(call(a, http::verb::get, "/api/v1/users/me/blocks").json().at("items").as_array().empty());
    ASSERT_EQ(call(c, http::verb::delete_, "/api/v1/users/" + a.id + "/block").status, 204);
    EXPECT_EQ(create_chat(a, {c.id}).status, 201);

    EXPECT_EQ(call(a, http::verb::put, "/api/v1/users/" + a.id + "/block").status, 422);
    EXPECT_EQ(call(a, http::verb::put, "/api/v1/users/6f9619ff-8b86-4011-b42d-00c04fc964ff/block").status, 404);
    EXPECT_EQ(call(a, http::verb::put, "/api/v1/users/nobody/block").status, 404);
}

TEST_F(ChatsIT, InvalidMessagesAndChatsAreRejected) {
    const auto users = make_users(2);
    const auto &a = users[0], &b = users[1];
    const auto id = direct(a, b);
    const auto path = "/api/v1/chats/" + id + "/messages";
    const auto post = [&](const object& body) { return call(a, http::verb::post, path, body); };
    const auto field_of = [](const HttpResult& res) {
        return std::string(res.json().at("errors").as_array().at(0).at("field").as_string());
    };

    auto res = post(object{{"type", "text"}, {"content", ""}});
    EXPECT_EQ(res.status, 422);
    EXPECT_EQ(field_of(res), "content");
    EXPECT_EQ(post(object{{"type", "text"}, {"content", " \n\t "}}).status, 422);
    std::string longest;
    for (int i = 0; i < 4000; ++i) longest += "ж";  // characters, not bytes
    EXPECT_EQ(post(object{{"type", "text"}, {"content", longest}}).status, 201);
    res = post(object{{"type", "text"}, {"content", longest + "ж"}});
    EXPECT_EQ(res.status, 422);
    EXPECT_EQ(field_of(res), "content");
    res = post(object{{"type", "video"}, {"content", "x"}});
    EXPECT_EQ(res.status, 422);
    EXPECT_EQ(field_of(res), "type");
    EXPECT_EQ(post(object{{"type", "text"}}).status, 422);
    EXPECT_EQ(post(object{{"type", "text"}, {"content", 42}}).status, 422);
    EXPECT_EQ(post(object{{"type", "text"}, {"content", "x"}, {"client_msg_id", std::string(65, 'k')}}).status, 422);
    // Photos are uploaded and sent by id; a URL in content is refused (the old form).
    res = post(object{{"type", "image"}, {"content", "https://cdn.example/a.jpg"}});
    EXPECT_EQ(res.status, 422);
    EXPECT_EQ(field_of(res), "content");
    res = post(object{{"type", "image"}});
    EXPECT_EQ(res.status, 422);
    EXPECT_EQ(field_of(res), "media_id");
    res = post(object{{"type", "image"}, {"media_id", "not-a-uuid"}});
    EXPECT_EQ(res.status, 422);
    EXPECT_EQ(field_of(res), "media_id");
    EXPECT_EQ(http_request(port(), http::verb::post, path, "{not json", bearer(a.access_token)).status, 400);
    EXPECT_EQ(http_request(port(), http::verb::post, path, R"({"type":"text","content":"hi"})").status, 401);

    res = call(a, http::verb::post, "/api/v1/chats", object{{"participant_ids", array{"not-a-uuid"}}});
    EXPECT_EQ(res.status, 422);
    EXPECT_EQ(field_of(res), "participant_ids");
    EXPECT_EQ(call(a, http::verb::post, "/api/v1/chats", object{{"participant_ids", b.id}}).status, 422);
    EXPECT_EQ(call(a, http::verb::post, "/api/v1/chats/" + id + "/participants", object{{"user_id", "x"}}).status, 422);
    EXPECT_EQ(seqs_of(history(a, id)), range(1, 1));  // only the one good message
}

TEST_F(ChatsIT, ListIsSortedByLastActivityAndPagesWithACursor) {
    const auto people = make_users(6);
    const auto& me = people[0];
    std::vector<std::string> chats;
    for (int i = 1; i <= 5; ++i) chats.push_back(direct(me, people[i]));
    ASSERT_EQ(send(people[2], chats[1], "news").status, 201);  // the second chat becomes the most recent

    const std::vector<std::string> expected{chats[1], chats[4], chats[3], chats[2], chats[0]};
    std::vector<std::string> seen;
    std::string target = "/api/v1/chats?limit=2";
    int pages = 0;
    for (;;) {
        const auto res = call(me, http::verb::get, target);
        ASSERT_EQ(res.status, 200) << res.body;
        const auto body = res.json();
        for (const auto& c : body.at("items").as_array()) seen.push_back(text_of(c, "id"));
        ++pages;
        if (body.at("next_cursor").is_null()) break;
        target = "/api/v1/chats?limit=2&cursor=" + text_of(body, "next_cursor");
        ASSERT_LT(pages, 5);
    }
    EXPECT_EQ(seen, expected);
    EXPECT_EQ(pages, 3);

    const auto first = call(me, http::verb::get, "/api/v1/chats?limit=1").json().at("items").as_array().at(0);
    EXPECT_EQ(first.at("last_message").at("content").as_string(), "news");
    EXPECT_EQ(first.at("unread_count").as_int64(), 1);
    EXPECT_EQ(call(me, http::verb::get, "/api/v1/chats?cursor=garbage").status, 422);
    EXPECT_EQ(call(me, http::verb::get, "/api/v1/chats?limit=500").status, 422);
}

// The socket handlers the real-time server will call, driven directly: acknowledgements carry the
// REST outcome, and events reach the right people.
TEST_F(ChatsIT, SocketEventsAnswerThroughTheAckAndPublishToParticipants) {
    const auto users = make_users(3);
    const auto &a = users[0], &b = users[1], &stranger = users[2];
    const auto id = direct(a, b);

    net::io_context ioc;
    db::Pool pool(ioc.get_executor(), db::PoolOptions{test_env().database_url, 2});
    pool.set_ready(true);
    chats::Repository repository;
    RecordingPublisher publisher;
    OnlineSet presence;
    presence.ids.insert(b.id);
    // The media module as the app builds it, over a local store of this test's own.
    const auto media_root = std::filesystem::temp_directory_path() / ("chats-it-media-" + core::random_token(8));
    struct RemoveDir {
        std::filesystem::path path;
        ~RemoveDir() {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    } remove_media_root{media_root};
    infra::storage::LocalStorage storage(media_root);
    infra::BlockingPool blocking(1);
    core::SystemClock clock;
    media::Repository media_repository;
    media::Processor processor(pool, media_repository, storage, clock, 1, std::chrono::seconds(60));
    media::Service photos(pool, media_repository, storage, processor, blocking, clock, "chats-it-secret");
    infra::push::LogProvider push;
    notifications::Repository notices_repository;
    notifications::Service notices(pool, notices_repository, publisher, photos, blocking, push, clock);
    chats::Service service(pool, repository, publisher, presence, photos, notices, clock);
    chats::SocketEvents events(service);
    FakeRegistry registry;
    events.register_events(registry);
    ASSERT_EQ(registry.handlers.size(), 4u);
    ASSERT_TRUE(registry.presence);

    std::vector<boost::json::value> acks;
    const realtime::Ack ack = [&acks](boost::json::value v) { acks.push_back(std::move(v)); };
    const auto emit = [&](const Account& who, const std::string& event, boost::json::value payload) {
        acks.clear();
        const realtime::SocketUser user{who.id, "client"};
        run_sync(ioc, registry.handlers.at(event)(user, std::move(payload), ack));
        EXPECT_EQ(acks.size(), 1u) << event;
        return acks.empty() ? boost::json::value(nullptr) : acks.front();
    };

    const object message{{"chat_id", id}, {"type", "text"}, {"content", "On my way"}, {"client_msg_id", "ws-1"}};
    auto answer = emit(a, "message:send", message);
    ASSERT_EQ(answer.at("status").as_string(), "sent") << boost::json::serialize(answer);
    EXPECT_EQ(answer.at("seq").as_int64(), 1);
    const auto message_id = text_of(answer, "message_id");
    const auto stored = history(b, id).at("items").as_array().at(0);
    EXPECT_EQ(stored.at("id").as_string(), message_id);
    EXPECT_EQ(stored.at("created_at"), answer.at("created_at"));
    auto published = publisher.take();
    ASSERT_EQ(published.size(), 2u);  // both participants, the sender's other devices included
    std::set<std::string> recipients;
    for (const auto& p : published) {
        EXPECT_EQ(p.event, "message:new");
        EXPECT_EQ(p.payload.at("id").as_string(), message_id);
        recipients.insert(p.user);
    }
    EXPECT_EQ(recipients, (std::set<std::string>{a.id, b.id}));

    answer = emit(a, "message:send", message);  // the client did not see the ack and resends
    EXPECT_EQ(answer.at("status").as_string(), "sent");
    EXPECT_EQ(text_of(answer, "message_id"), message_id);
    EXPECT_EQ(answer.at("seq").as_int64(), 1);
    EXPECT_TRUE(publisher.take().empty());

    answer = emit(stranger, "message:send", object{{"chat_id", id}, {"type", "text"}, {"content", "hi"}});
    EXPECT_EQ(answer.at("status").as_string(), "error");
    EXPECT_EQ(answer.at("error").at("code").as_string(), "not_found");
    answer = emit(a, "message:send", object{{"chat_id", "nope"}, {"type", "text"}, {"content", ""}});
    EXPECT_EQ(answer.at("error").at("code").as_string(), "validation_failed");
    EXPECT_EQ(answer.at("error").at("errors").as_array().size(), 2u);  // chat_id and content
    answer = emit(a, "message:send", "just text");
    EXPECT_EQ(answer.at("error").at("code").as_string(), "bad_request");

    answer = emit(b, "message:read", object{{"chat_id", id}, {"up_to_seq", 1}});
    EXPECT_EQ(answer, (boost::json::value(object{{"status", "ok"}, {"delivered_seq", 1}, {"read_seq", 1}})));
    published = publisher.take();
    ASSERT_EQ(published.size(), 1u);
    EXPECT_EQ(published[0].user, a.id);
    EXPECT_EQ(published[0].event, "message:status");
    EXPECT_EQ(published[0].payload.at("read_seq").as_int64(), 1);
    answer = emit(b, "message:delivered", object{{"chat_id", id}, {"up_to_seq", 1}});
    EXPECT_EQ(answer.at("status").as_string(), "ok");
    EXPECT_TRUE(publisher.take().empty());  // nothing moved, nothing to tell

    answer = emit(a, "typing", object{{"chat_id", id}, {"is_typing", true}});
    EXPECT_EQ(answer.at("status").as_string(), "ok");
    published = publisher.take();
    ASSERT_EQ(published.size(), 1u);
    EXPECT_EQ(published[0].user, b.id);
    EXPECT_EQ(published[0].event, "typing");
    EXPECT_EQ(published[0].payload.as_object(), (object{{"chat_id", id}, {"user_id", a.id}, {"is_typing", true}}));
    answer = emit(stranger, "typing", object{{"chat_id", id}, {"is_typing", true}});
    EXPECT_EQ(answer.at("error").at("code").as_string(), "not_found");

    run_sync(ioc, registry.presence(b.id, false));
    published = publisher.take();
    ASSERT_EQ(published.size(), 1u);
    EXPECT_EQ(published[0].user, a.id);
    EXPECT_EQ(published[0].event, "presence");
    EXPECT_FALSE(published[0].payload.at("online").as_bool());
    EXPECT_TRUE(published[0].payload.at("last_seen_at").is_string());
    const auto chat = run_sync(ioc, service.get_chat(a.id, id));
    for (const auto& p : chat.participants) {
        EXPECT_EQ(p.online, p.user_id == b.id);  // from the presence view
        if (p.user_id == b.id) {
            EXPECT_EQ(p.last_seen_at, text_of(published[0].payload, "last_seen_at"));
        }
    }
}
