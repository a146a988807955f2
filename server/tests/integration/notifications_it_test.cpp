// Notifications end to end: what bookings, reviews and chats cause, grouping, preferences, quiet
// hours, reminders on a moved clock, devices, and pushes through the FCM HTTP v1 protocol to a
// fake FCM + OAuth server that checks it (support/fake_fcm.hpp).
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "core/crypto.hpp"
#include "support/dates.hpp"
#include "support/fake_fcm.hpp"
#include "support/marketplace.hpp"
#include "support/server_process.hpp"
#include "support/test_env.hpp"

using namespace service;
using namespace service::testing;
using boost::json::array;
using boost::json::object;

namespace {

std::string text_of(const boost::json::value& v, std::string_view key) { return std::string(v.at(key).as_string()); }

core::TimePoint instant(const std::string& rfc3339) {
    const auto t = core::parse_utc(rfc3339);
    EXPECT_TRUE(t.has_value()) << rfc3339;
    return t.value_or(core::TimePoint{});
}

std::string hh_mm(core::TimePoint t) {
    // "HH:MM" of a UTC instant.
    return core::to_timestamptz(t).substr(11, 5);
}

}  // namespace

class NotificationsIT : public SharedServerTest<NotificationsIT> {
  public:
    static std::map<std::string, std::string> overrides() {
        fcm_ = std::make_unique<FakeFcm>(clock());
        return {{"JOBS_POLL_INTERVAL_MS", "100"},
                {"PUSH_PROVIDER", "fcm"},
                {"FCM_CREDENTIALS_FILE", fcm_->credentials_path()},
                {"FCM_ENDPOINT", fcm_->endpoint()}};
    }
    static void TearDownTestSuite() {
        SharedServerTest<NotificationsIT>::TearDownTestSuite();
        fcm_.reset();
    }

  protected:
    static inline std::unique_ptr<FakeFcm> fcm_;

    static std::string day(int n) { return day_from_today(clock(), n); }
    /// A new access token: one from before the clock moved has expired by the server's clock.
    static void relogin(Account& a) {
        const auto res = post_json(port(), "/api/v1/auth/login", object{{"email", a.email}, {"password", a.password}});
        ASSERT_EQ(res.status, 200) << res.body;
        a.access_token = text_of(res.json(), "access_token");
    }
    static void move_clock(core::TimePoint to, std::initializer_list<Account*> accounts) {
        clock().set(to);
        for (auto* a : accounts) relogin(*a);
    }
    static std::string at(const Master& m, const std::string& d, const std::string& hh) {
        return local_to_utc(m.timezone, d, hh);
    }
    static array items(const Account& who, const std::string& query = "") {
        const auto res = get(port(), "/api/v1/notifications" + query, bearer(who.access_token));
        EXPECT_EQ(res.status, 200) << res.body;
        return res.status == 200 ? res.json().at("items").as_array() : array{};
    }
    static array of_type(const Account& who, const std::string& type, const std::string& query = "?grouped=false") {
        array out;
        for (const auto& item : items(who, query)) {
            if (item.at("type").as_string() == type) out.push_back(item);
        }
        return out;
    }
    /// Waits until `who` has at least `n` notifications of `type`; returns them (newest first).
    static array wait_for(const Account& who, const std::string& type, std::size_t n = 1) {
        array found;
        eventually([&] {
            found = of_type(who, type);
            return found.size() >= n;
        });
        EXPECT_GE(found.size(), n) << "no " << type << " for " << who.email;
        return found;
    }
    static std::int64_t unread(const Account& who, const std::string& query = "") {
        return get(port(), "/api/v1/notifications/unread_count" + query, bearer(who.access_token))
            .json()
            .at("count")
            .as_int64();
    }
    static HttpResult put_prefs(const Account& who, const object& body) {
        return http_request(port(), http::verb::put, "/api/v1/notifications/preferences", boost::json::serialize(body),
                            bearer(who.access_token));
    }
    static void register_device(const Account& who, const std::string& token, const std::string& platform = "android") {
        const auto res = post_json(port(), "/api/v1/devices", object{{"token", token}, {"platform", platform}},
                                   bearer(who.access_token));
        EXPECT_TRUE(res.status == 201 || res.status == 200) << res.body;
    }
    /// The pushes the fake accepted for `token`.
    static std::vector<ReceivedPush> pushes_to(const std::string& token) {
        std::vector<ReceivedPush> out;
        for (auto& p : fcm_->messages()) {
            if (p.token == token) out.push_back(std::move(p));
        }
        return out;
    }
    static std::vector<ReceivedPush> wait_pushes(const std::string& token, std::size_t n) {
        std::vector<ReceivedPush> got;
        eventually([&] {
            got = pushes_to(token);
            return got.size() >= n;
        });
        EXPECT_GE(got.size(), n) << "no push to " << token;
        return got;
    }
    static int jobs_with(const std::string& where) {
        return std::stoi(query_value("SELECT count(*) FROM jobs WHERE " + where));
    }
    static std::string booking_id(const HttpResult& res) {
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? text_of(res.json(), "id") : std::string();
    }
    static void complete_in_db(const std::string& booking) {
        exec_sql("UPDATE bookings SET status = 'completed' WHERE id = '" + booking + "'");
    }
};

TEST_F(NotificationsIT, BookingTellsTheMasterAndConfirmingTellsTheClient) {
    const auto m = make_master(port(), "Europe/Berlin");
    const auto client = register_account(port());
    const auto id = booking_id(book(port(), client, m, at(m, day(3), "10:00")));

    const auto created = wait_for(m.account, "booking_created");
    ASSERT_EQ(created.size(), 1u);
    const auto& item = created[0];
    EXPECT_EQ(item.at("count").as_int64(), 1);
    EXPECT_FALSE(item.at("read").as_bool());
    ASSERT_EQ(item.at("actors").as_array().size(), 1u);
    EXPECT_EQ(item.at("actors").as_array()[0].at("id").as_string(), client.id);
    EXPECT_EQ(item.at("target").at("type").as_string(), "booking");
    EXPECT_EQ(item.at("target").at("id").as_string(), id);
    EXPECT_EQ(item.at("target").at("service_name").as_string(), "Manicure");
    EXPECT_NE(std::string(item.at("text").as_string()).find("Manicure"), std::string::npos);
    EXPECT_EQ(unread(m.account), 1);
    EXPECT_TRUE(of_type(client, "booking_created").empty());  // not told about their own booking

    ASSERT_EQ(act(port(), m.account, id, "confirm").status, 200);
    const auto confirmed = wait_for(client, "booking_confirmed");
    EXPECT_EQ(confirmed[0].at("actors").as_array()[0].at("id").as_string(), m.account.id);

    // Marking someone else's notification changes nothing; one's own, it is read.
    const std::string item_id = text_of(item, "id");
    EXPECT_EQ(
        post_json(port(), "/api/v1/notifications/read", object{{"ids", array{item_id}}}, bearer(client.access_token))
            .status,
        204);
    EXPECT_EQ(unread(m.account), 1);
    EXPECT_EQ(
        post_json(port(), "/api/v1/notifications/read", object{{"ids", array{item_id}}}, bearer(m.account.access_token))
            .status,
        204);
    EXPECT_EQ(unread(m.account), 0);
    EXPECT_TRUE(of_type(m.account, "booking_created")[0].at("read").as_bool());
    EXPECT_EQ(post_json(port(), "/api/v1/notifications/read", object{}, bearer(m.account.access_token)).status, 422);
    EXPECT_EQ(
        post_json(port(), "/api/v1/notifications/read", object{{"ids", array{"nope"}}}, bearer(m.account.access_token))
            .status,
        422);
    EXPECT_EQ(get(port(), "/api/v1/notifications?grouped=maybe", bearer(m.account.access_token)).status, 422);
    EXPECT_EQ(get(port(), "/api/v1/notifications?types=booking_created,bogus", bearer(m.account.access_token)).status,
              422);
    EXPECT_EQ(get(port(), "/api/v1/notifications").status, 401);

    // Cancelling tells the other party, in their language.
    ASSERT_EQ(http_request(port(), http::verb::patch, "/api/v1/users/me", R"({"locale":"en"})",
                           bearer(m.account.access_token))
                  .status,
              200);
    ASSERT_EQ(act(port(), client, id, "cancel", object{{"reason", "ill"}}).status, 200);
    const auto cancelled = wait_for(m.account, "booking_cancelled");
    EXPECT_NE(std::string(cancelled[0].at("text").as_string()).find("cancelled"), std::string::npos)
        << cancelled[0].at("text");
    EXPECT_EQ(http_request(port(), http::verb::patch, "/api/v1/users/me", R"({"locale":"de"})",
                           bearer(m.account.access_token))
                  .status,
              422);
}

TEST_F(NotificationsIT, RemindersFireOnceAtTwentyFourAndTwoHoursAndFollowTheBooking) {
    const auto m = make_master(port(), "Europe/Berlin");
    auto client = register_account(port());
    const auto kept = booking_id(book(port(), client, m, at(m, day(3), "10:00")));
    const auto moved = booking_id(book(port(), client, m, at(m, day(4), "10:00")));
    const auto dropped = booking_id(book(port(), client, m, at(m, day(3), "12:00")));
    const auto reminders_of = [&](const std::string& booking, const std::string& state) {
        return jobs_with("kind = 'notifications.create' AND unique_key LIKE 'booking_reminder:" + booking +
                         ":%' AND state = '" + state + "'");
    };
    EXPECT_EQ(reminders_of(kept, "scheduled"), 2);

    const auto new_start = at(m, day(5), "11:00");
    ASSERT_EQ(act(port(), client, moved, "reschedule", object{{"start_at", new_start}}).status, 200);
    EXPECT_EQ(reminders_of(moved, "cancelled"), 2);
    EXPECT_EQ(reminders_of(moved, "scheduled"), 2);
    ASSERT_EQ(act(port(), m.account, dropped, "cancel").status, 200);
    EXPECT_EQ(reminders_of(dropped, "cancelled"), 2);
    EXPECT_EQ(reminders_of(dropped, "scheduled"), 0);

    const auto for_booking = [&](const std::string& booking) {
        int n = 0;
        for (const auto& r : of_type(client, "booking_reminder")) n += r.at("target").at("id").as_string() == booking;
        return n;
    };
    const auto kept_start = instant(at(m, day(3), "10:00"));
    move_clock(kept_start - std::chrono::hours(24) + std::chrono::minutes(1), {&client});
    EXPECT_TRUE(eventually([&] { return for_booking(kept) == 1; }));
    move_clock(kept_start - std::chrono::hours(2) + std::chrono::minutes(1), {&client});
    EXPECT_TRUE(eventually([&] { return for_booking(kept) == 2; }));
    EXPECT_EQ(for_booking(dropped), 0);  // cancelled: its times passed without a reminder

    // The moved booking reminds at its new time, of its new time, and never at its old one.
    clock().set(instant(at(m, day(4), "10:00")) - std::chrono::minutes(30));
    move_clock(instant(new_start) - std::chrono::hours(24) + std::chrono::minutes(1), {&client});
    EXPECT_TRUE(eventually([&] { return for_booking(moved) == 1; }));
    for (const auto& r : of_type(client, "booking_reminder")) {
        if (r.at("target").at("id").as_string() == moved) {
            EXPECT_EQ(r.at("target").at("start_at").as_string(), new_start);
        }
    }
    EXPECT_EQ(for_booking(kept), 2);  // each fired exactly once
    EXPECT_EQ(reminders_of(kept, "completed"), 2);
}

TEST_F(NotificationsIT, ShortNoticeBookingsGetOnlyTheRemindersStillAhead) {
    const auto m = make_master(port(), "Europe/Berlin");
    auto client = register_account(port());
    const auto soon = at(m, day(2), "10:00");
    move_clock(instant(soon) - std::chrono::hours(5), {&client});
    const auto five_hours = booking_id(book(port(), client, m, soon));
    const auto keys = [&](const std::string& booking) {
        return query_value(
            "SELECT string_agg(unique_key, ',' ORDER BY unique_key) FROM jobs WHERE unique_key LIKE "
            "'booking_reminder:" +
            booking + ":%'");
    };
    EXPECT_EQ(keys(five_hours), "booking_reminder:" + five_hours + ":2h");
    const auto sooner = at(m, day(3), "10:00");
    move_clock(instant(sooner) - std::chrono::minutes(90), {&client});
    const auto ninety_minutes = booking_id(book(port(), client, m, sooner));
    EXPECT_EQ(keys(ninety_minutes), "");
}

TEST_F(NotificationsIT, ReviewsGroupPerMasterWithinTwelveHoursAndRepliesTellTheClient) {
    auto m = make_master(port(), "Europe/Moscow");
    std::vector<Account> clients;
    std::vector<std::string> review_ids;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(register_account(port()));
        const auto id = booking_id(book(port(), clients.back(), m, at(m, day(2), std::to_string(10 + i) + ":00")));
        complete_in_db(id);
        if (i == 3)
            move_clock(clock().now() + std::chrono::hours(13), {&clients.back(), &m.account});  // after the window
        const auto res = post_json(port(), "/api/v1/bookings/" + id + "/review", object{{"rating", 5 - i % 2}},
                                   bearer(clients.back().access_token));
        ASSERT_EQ(res.status, 201) << res.body;
        review_ids.push_back(text_of(res.json(), "id"));
        wait_for(m.account, "review_received", static_cast<std::size_t>(i + 1));
    }
    const auto grouped = items(m.account, "?types=review_received");
    ASSERT_EQ(grouped.size(), 2u);
    EXPECT_EQ(grouped[0].at("count").as_int64(), 1);  // the newest group: the fourth review alone
    const auto& group = grouped[1];
    EXPECT_EQ(group.at("count").as_int64(), 3);
    const auto& actors = group.at("actors").as_array();
    ASSERT_EQ(actors.size(), 3u);
    EXPECT_EQ(actors[0].at("id").as_string(), clients[2].id);  // newest first
    EXPECT_EQ(actors[2].at("id").as_string(), clients[0].id);
    EXPECT_EQ(group.at("target").at("id").as_string(), review_ids[2]);  // the latest review
    EXPECT_NE(std::string(group.at("text").as_string()).find(" 2"), std::string::npos) << group.at("text");
    EXPECT_EQ(items(m.account, "?types=review_received&grouped=false").size(), 4u);
    EXPECT_EQ(unread(m.account, "?grouped=true") - unread(m.account, "?grouped=false"), 2 - 4);

    // Reading the group reads its members; the list's ids are what `read` takes.
    ASSERT_EQ(post_json(port(), "/api/v1/notifications/read", object{{"ids", array{group.at("id")}}},
                        bearer(m.account.access_token))
                  .status,
              204);
    for (const auto& n : items(m.account, "?types=review_received&grouped=false")) {
        const bool in_first_three = n.at("target").at("id").as_string() != review_ids[3];
        EXPECT_EQ(n.at("read").as_bool(), in_first_three);
    }
    // Grouping off: the list and the count are per notification by default.
    auto prefs = get(port(), "/api/v1/notifications/preferences", bearer(m.account.access_token)).json().as_object();
    prefs["grouping"] = false;
    ASSERT_EQ(put_prefs(m.account, prefs).status, 200);
    EXPECT_EQ(items(m.account, "?types=review_received").size(), 4u);

    // A reply tells the review's author.
    ASSERT_EQ(post_json(port(), "/api/v1/reviews/" + review_ids[0] + "/reply", object{{"text", "Спасибо!"}},
                        bearer(m.account.access_token))
                  .status,
              200);
    relogin(clients[0]);
    const auto replied = wait_for(clients[0], "review_replied");
    EXPECT_EQ(replied[0].at("target").at("id").as_string(), review_ids[0]);
    EXPECT_EQ(replied[0].at("actors").as_array()[0].at("id").as_string(), m.account.id);
}

TEST_F(NotificationsIT, ACompletedVisitAsksForAReviewTwoHoursLaterUnlessOneWasWritten) {
    auto m = make_master(port(), "Europe/Moscow");
    auto client = register_account(port());
    const auto first = booking_id(book(port(), client, m, at(m, day(2), "10:00")));
    const auto second = booking_id(book(port(), client, m, at(m, day(2), "12:00")));
    move_clock(instant(at(m, day(2), "13:30")), {&client, &m.account});
    ASSERT_EQ(act(port(), m.account, first, "complete").status, 200);
    ASSERT_EQ(act(port(), m.account, second, "complete").status, 200);
    ASSERT_EQ(
        post_json(port(), "/api/v1/bookings/" + second + "/review", object{{"rating", 5}}, bearer(client.access_token))
            .status,
        201);
    EXPECT_EQ(jobs_with("unique_key = 'review_request:" + second + "' AND state = 'cancelled'"), 1);
    move_clock(clock().now() + std::chrono::minutes(100), {&client});
    EXPECT_TRUE(of_type(client, "review_request").empty());  // not yet
    move_clock(clock().now() + std::chrono::minutes(21), {&client});
    const auto asked = wait_for(client, "review_request");
    ASSERT_EQ(asked.size(), 1u);
    EXPECT_EQ(asked[0].at("target").at("id").as_string(), first);
}

TEST_F(NotificationsIT, PreferencesValidateAndTheChannelsAreIndependent) {
    const auto m = make_master(port(), "Europe/Berlin");
    const auto client = register_account(port());
    auto prefs = get(port(), "/api/v1/notifications/preferences", bearer(m.account.access_token)).json();
    EXPECT_EQ(prefs.at("timezone").as_string(), "Europe/Berlin");  // the master profile's zone
    EXPECT_TRUE(prefs.at("grouping").as_bool());
    EXPECT_TRUE(prefs.at("quiet_hours").is_null());
    EXPECT_TRUE(prefs.at("types").at("booking_created").at("in_app").as_bool());
    EXPECT_FALSE(prefs.at("types").at("message_new").at("in_app").as_bool());  // push only
    EXPECT_EQ(get(port(), "/api/v1/notifications/preferences", bearer(client.access_token)).json().at("timezone"),
              "Europe/Moscow");

    for (const auto& bad : {object{{"types", object{{"bogus", object{{"push", true}}}}}},
                            object{{"types", object{{"booking_created", object{{"push", "yes"}}}}}},
                            object{{"quiet_hours", object{{"from", "25:00"}, {"to", "08:00"}}}},
                            object{{"quiet_hours", object{{"from", "08:00"}, {"to", "08:00"}}}},
                            object{{"timezone", "Mars/Olympus"}}, object{{"grouping", "no"}}}) {
        const auto res = put_prefs(m.account, bad);
        EXPECT_EQ(res.status, 422) << boost::json::serialize(bad) << " " << res.body;
    }
    const auto res = put_prefs(m.account, object{{"types", object{{"booking_created", object{{"in_app", false}}},
                                                                  {"booking_cancelled", object{{"push", false}}}}},
                                                 {"quiet_hours", nullptr},
                                                 {"timezone", "UTC"},
                                                 {"grouping", true}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_FALSE(res.json().at("types").at("booking_created").at("in_app").as_bool());
    EXPECT_TRUE(res.json().at("types").at("booking_created").at("push").as_bool());
    EXPECT_EQ(res.json().at("timezone").as_string(), "UTC");

    const auto token = "prefs-" + core::random_token(8);
    register_device(m.account, token);
    const auto id = booking_id(book(port(), client, m, at(m, day(3), "10:00")));
    const auto got = wait_pushes(token, 1);  // in-app off, push on: a push
    EXPECT_EQ(got[0].data.at("type"), "booking_created");
    EXPECT_EQ(got[0].data.at("target_id"), id);
    EXPECT_FALSE(got[0].title.empty());
    EXPECT_TRUE(of_type(m.account, "booking_created").empty());

    ASSERT_EQ(act(port(), client, id, "cancel").status, 200);
    wait_for(m.account, "booking_cancelled");  // in-app on, push off: in the list, no push
    EXPECT_EQ(jobs_with("kind = 'notifications.push' AND payload->>'token' = '" + token +
                        "' AND payload->'data'->>'type' = 'booking_cancelled'"),
              0);
}

TEST_F(NotificationsIT, QuietHoursHoldPushesBackUntilTheyEnd) {
    const auto m = make_master(port(), "Europe/Berlin");
    const auto client = register_account(port());
    const auto now = clock().now();
    const auto quiet_end = now + std::chrono::hours(1);
    ASSERT_EQ(put_prefs(m.account, object{{"timezone", "UTC"},
                                          {"quiet_hours", object{{"from", hh_mm(now - std::chrono::hours(1))},
                                                                 {"to", hh_mm(quiet_end)}}}})
                  .status,
              200);
    const auto token = "quiet-" + core::random_token(8);
    register_device(m.account, token);
    booking_id(book(port(), client, m, at(m, day(3), "10:00")));
    wait_for(m.account, "booking_created");  // in the list at once
    const auto run_at = query_value(
        "SELECT to_char(run_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
        "FROM jobs WHERE kind = 'notifications.push' AND payload->>'token' = '" +
        token + "'");
    ASSERT_FALSE(run_at.empty());
    const auto held = instant(run_at) - quiet_end;
    EXPECT_LE(std::chrono::abs(held), std::chrono::minutes(1)) << run_at;  // "to" is whole minutes
    EXPECT_TRUE(pushes_to(token).empty());
    clock().set(instant(run_at) + std::chrono::seconds(1));
    EXPECT_EQ(wait_pushes(token, 1).size(), 1u);
}

TEST_F(NotificationsIT, DevicesRegisterMoveBetweenUsersAndDelete) {
    const auto a = register_account(port());
    const auto b = register_account(port());
    const auto token = "device-" + core::random_token(8);
    const auto add = [&](const Account& who, const object& body) {
        return post_json(port(), "/api/v1/devices", body, bearer(who.access_token));
    };
    auto res = add(a, object{{"token", token}, {"platform", "ios"}});
    ASSERT_EQ(res.status, 201) << res.body;
    EXPECT_EQ(res.json().at("platform").as_string(), "ios");
    EXPECT_EQ(add(a, object{{"token", token}, {"platform", "ios"}}).status, 200);
    EXPECT_EQ(add(a, object{{"token", ""}, {"platform", "ios"}}).status, 422);
    EXPECT_EQ(add(a, object{{"token", "x"}, {"platform", "symbian"}}).status, 422);
    EXPECT_EQ(add(a, object{{"platform", "web"}}).status, 422);
    const auto listed = [&](const Account& who) {
        return get(port(), "/api/v1/users/me/devices", bearer(who.access_token)).json().at("items").as_array();
    };
    ASSERT_EQ(listed(a).size(), 1u);
    EXPECT_EQ(listed(a)[0].at("token").as_string(), token);

    EXPECT_EQ(add(b, object{{"token", token}, {"platform", "android"}}).status, 201);  // moved to b
    EXPECT_TRUE(listed(a).empty());
    EXPECT_EQ(http_request(port(), http::verb::delete_, "/api/v1/devices/" + token, "", bearer(a.access_token)).status,
              404);
    EXPECT_EQ(http_request(port(), http::verb::delete_, "/api/v1/devices/" + token, "", bearer(b.access_token)).status,
              204);
    EXPECT_TRUE(listed(b).empty());
}

TEST_F(NotificationsIT, FcmRejectionsRemoveTheDeviceAndThrottlingIsRetried) {
    const auto m = make_master(port(), "Europe/Berlin");
    const auto client = register_account(port());
    const auto gone = "gone-" + core::random_token(8);
    fcm_->add_unregistered(gone);
    register_device(m.account, gone);
    booking_id(book(port(), client, m, at(m, day(3), "10:00")));
    EXPECT_TRUE(eventually([&] {
        return get(port(), "/api/v1/users/me/devices", bearer(m.account.access_token))
            .json()
            .at("items")
            .as_array()
            .empty();
    }));

    const auto token = "throttled-" + core::random_token(8);
    register_device(m.account, token);
    const int tokens_before = fcm_->token_requests();
    const int sends_before = fcm_->send_requests();
    fcm_->push_send_reply(FakeFcmReply::quota_exceeded(1));
    booking_id(book(port(), client, m, at(m, day(3), "12:00")));
    const auto got = wait_pushes(token, 1);
    EXPECT_EQ(got.size(), 1u);
    EXPECT_GE(fcm_->send_requests() - sends_before, 2);  // the 429, then the retry
    // Several more pushes share the cached OAuth token.
    for (const auto* hh : {"13:00", "14:00", "15:00"}) booking_id(book(port(), client, m, at(m, day(3), hh)));
    wait_pushes(token, 4);
    EXPECT_LE(fcm_->token_requests() - tokens_before, 1);
    EXPECT_TRUE(fcm_->protocol_errors().empty()) << fcm_->protocol_errors().front();
}

TEST_F(NotificationsIT, AnAwayParticipantGetsOnePushPerChatNotOnePerMessage) {
    const auto a = register_account(port());
    const auto b = register_account(port());
    auto res = post_json(port(), "/api/v1/chats", object{{"participant_ids", array{b.id}}}, bearer(a.access_token));
    ASSERT_TRUE(res.status == 201 || res.status == 200) << res.body;
    const auto chat = text_of(res.json(), "id");
    const auto token = "chat-" + core::random_token(8);
    register_device(b, token, "web");
    for (int i = 1; i <= 3; ++i) {
        res = post_json(port(), "/api/v1/chats/" + chat + "/messages",
                        object{{"type", "text"}, {"content", "message " + std::to_string(i)}}, bearer(a.access_token));
        ASSERT_EQ(res.status, 201) << res.body;
    }
    const auto got = wait_pushes(token, 1);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_NE(got[0].body.find('3'), std::string::npos) << got[0].body;  // "Новых сообщений: 3"
    EXPECT_EQ(got[0].data.at("type"), "message_new");
    EXPECT_EQ(got[0].data.at("target_id"), chat);
    // The collapse key, as a Web Push Topic (at most 32 URL-safe characters).
    const std::string topic(got[0].message.at("webpush").at("headers").at("Topic").as_string());
    EXPECT_FALSE(topic.empty());
    EXPECT_TRUE(items(b).empty());  // push only: nothing in the list
    // A later message replaces that push on the device (same collapse key) rather than adding one.
    res = post_json(port(), "/api/v1/chats/" + chat + "/messages", object{{"type", "text"}, {"content", "and 4"}},
                    bearer(a.access_token));
    ASSERT_EQ(res.status, 201);
    const auto again = wait_pushes(token, 2);
    EXPECT_EQ(again.back().message.at("webpush").at("headers").at("Topic").as_string(), topic);
    EXPECT_NE(again.back().body.find('4'), std::string::npos) << again.back().body;
}

TEST_F(NotificationsIT, NobodyHearsFromSomeoneTheyBlocked) {
    const auto m = make_master(port(), "Europe/Berlin");
    const auto client = register_account(port());
    ASSERT_EQ(http_request(port(), http::verb::put, "/api/v1/users/" + client.id + "/block", "",
                           bearer(m.account.access_token))
                  .status,
              204);
    const auto id = booking_id(book(port(), client, m, at(m, day(3), "10:00")));
    ASSERT_EQ(act(port(), client, id, "cancel").status, 200);
    // The cancellation's job ran after the creation's: once it shows nothing, neither did the first.
    EXPECT_TRUE(eventually([&] {
        return jobs_with("kind = 'notifications.create' AND payload->>'recipient' = '" + m.account.id +
                         "' AND state = 'completed'") == 2;
    }));
    EXPECT_TRUE(items(m.account).empty());
}

// The periodic maintenance jobs: expired refresh tokens, day-old idempotency keys and
// notifications older than 180 days go; what is still in use stays.
TEST_F(NotificationsIT, MaintenanceJobsPurgeWhatOutlivedItsUse) {
    const auto m = make_master(port(), "Europe/Berlin");
    const auto client = register_account(port());
    const auto kept = booking_id(book(port(), client, m, at(m, day(3), "10:00"), "key-" + core::random_token(6)));
    const auto u = "'" + client.id + "'";
    exec_sql("INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES (" + u +
             ", gen_random_uuid(), 'old-" + core::random_token(8) + "', now() - interval '3 days')");
    exec_sql("INSERT INTO booking_idempotency_keys (user_id, key, request_hash, created_at) VALUES (" + u +
             ", 'old-key', 'x', now() - interval '3 days')");
    exec_sql("INSERT INTO notifications (user_id, type, target, group_id, dedupe_key, in_app, created_at) VALUES (" +
             u +
             ", 'booking_confirmed', '{\"type\": \"booking\", \"id\": \"x\"}', gen_random_uuid(), 'old', true, "
             "now() - interval '200 days')");
    const auto count = [&](const std::string& sql) { return std::stoi(query_value(sql)); };
    const auto stale = [&] {
        return count("SELECT count(*) FROM refresh_tokens WHERE user_id = " + u + " AND expires_at < now()") +
               count("SELECT count(*) FROM booking_idempotency_keys WHERE user_id = " + u + " AND key = 'old-key'") +
               count("SELECT count(*) FROM notifications WHERE user_id = " + u + " AND dedupe_key = 'old'");
    };
    ASSERT_EQ(stale(), 3);
    // 20 days on: hourly and daily slots no other test of the suite has taken (the periodic
    // jobs run once per slot, and other tests move the clock a few days ahead).
    clock().set(clock().now() + std::chrono::hours(24 * 20));
    EXPECT_TRUE(eventually([&] { return stale() == 0; }, std::chrono::seconds(20)));
    EXPECT_EQ(count("SELECT count(*) FROM refresh_tokens WHERE user_id = " + u + " AND expires_at > now()"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM booking_idempotency_keys WHERE booking_id = '" + kept + "'"), 0)
        << "a key a day old goes too (its booking stays)";
    EXPECT_EQ(count("SELECT count(*) FROM bookings WHERE id = '" + kept + "'"), 1);
}
