// Masters, services, schedules, free slots and bookings against the real server and database.
#include <gtest/gtest.h>

#include <future>
#include <set>

#include <boost/json/serialize.hpp>

#include "core/crypto.hpp"
#include "support/dates.hpp"
#include "support/marketplace.hpp"
#include "support/media_client.hpp"
#include "support/test_env.hpp"
#include "support/test_images.hpp"

using namespace service;
using namespace service::testing;
using boost::json::object;
namespace images = service::testing::images;

class MarketplaceIT : public SharedServerTest<MarketplaceIT> {
  protected:
    static Master make_master(const std::string& tz = "Europe/Berlin", object rules = {}) {
        return service::testing::make_master(port(), tz, std::move(rules));
    }
    static HttpResult book(const Account& client, const Master& m, const std::string& start_at,
                           const std::string& key = {}, const std::string& comment = {}) {
        return service::testing::book(port(), client, m, start_at, key, comment);
    }
    static boost::json::array slots(const Master& m, const std::string& from, const std::string& to) {
        const auto res = get(
            port(), "/api/v1/masters/" + m.id + "/slots?service_id=" + m.service_id + "&from=" + from + "&to=" + to);
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json().at("items").as_array();
    }
    static bool has_slot(const Master& m, const std::string& day, const std::string& start_at) {
        for (const auto& s : slots(m, day, day)) {
            if (s.at("start_at").as_string() == start_at) return true;
        }
        return false;
    }
    // Every date is counted from the server clock's today: no test names a calendar day.
    static std::string day(int n) { return day_from_today(clock(), n); }
    // The instant of a wall-clock time in the master's zone.
    static std::string at(const Master& m, const std::string& day, const std::string& hh_mm) {
        return local_to_utc(m.timezone, day, hh_mm);
    }
    static HttpResult act(const Account& who, const std::string& booking, const std::string& action,
                          const object& body = {}) {
        return service::testing::act(port(), who, booking, action, body);
    }
};

TEST_F(MarketplaceIT, DaylightSavingDaysKeepLocalTenOClock) {
    // The zones' offsets are facts about them; the days they change on are looked up from today.
    struct Zone {
        std::string name;
        std::string standard_ten;  // 10:00 local in UTC under standard time
        std::string summer_ten;    // ... and under daylight-saving time
    };
    for (const Zone& zone : {Zone{"Europe/Berlin", "09:00", "08:00"}, Zone{"America/New_York", "15:00", "14:00"}}) {
        SCOPED_TRACE(zone.name);
        const auto m = make_master(zone.name);
        // Slots of a few consecutive local days, seen from the server's clock set to two days
        // before the first of them (so every one is ahead, inside the horizon, whatever today is).
        const auto slots_by_day = [&](const std::string& first, const std::string& last) {
            clock().set(std::chrono::system_clock::now());
            clock().advance(std::chrono::hours(24 * (days_from_today(clock(), first) - 2)));
            const auto items = slots(m, first, last);
            std::map<std::string, std::vector<std::string>> by_day;
            std::set<std::string> unique;
            for (const auto& s : items) {
                const std::string local(s.at("local_start").as_string());
                by_day[local.substr(0, 10)].push_back(std::string(s.at("start_at").as_string()));
                unique.insert(std::string(s.at("start_at").as_string()));
            }
            EXPECT_EQ(unique.size(), items.size());  // none duplicated
            EXPECT_FALSE(items.empty());
            if (!items.empty()) {
                EXPECT_EQ(items[0].at("local_start").as_string(), first + "T10:00");
            }
            return by_day;
        };

        const auto spring = next_dst_change(zone.name, day(2), DstChange::kSpringForward);
        ASSERT_FALSE(spring.empty());
        const auto eve = add_days(spring, -1);
        auto by_day = slots_by_day(eve, spring);
        ASSERT_EQ(by_day[eve].size(), 29u);  // 10:00…17:00 every 15 minutes, none missing
        ASSERT_EQ(by_day[spring].size(), 29u);
        EXPECT_EQ(by_day[eve].front(), eve + "T" + zone.standard_ten + ":00Z");
        EXPECT_EQ(by_day[spring].front(), spring + "T" + zone.summer_ten + ":00Z");  // summer time from that night

        const auto autumn = next_dst_change(zone.name, day(2), DstChange::kFallBack);
        ASSERT_FALSE(autumn.empty());
        const auto before = add_days(autumn, -1);
        by_day = slots_by_day(before, autumn);
        ASSERT_EQ(by_day[before].size(), 29u);
        ASSERT_EQ(by_day[autumn].size(), 29u);
        EXPECT_EQ(by_day[before].front(), before + "T" + zone.summer_ten + ":00Z");
        EXPECT_EQ(by_day[autumn].front(), autumn + "T" + zone.standard_ten + ":00Z");  // back to standard time
    }
}

TEST_F(MarketplaceIT, TwentyConcurrentRequestsForOneSlotBookItExactlyOnce) {
    const auto m = make_master();
    std::vector<Account> clients;
    for (int i = 0; i < 20; ++i) clients.push_back(register_account(port()));
    const auto start = at(m, day(10), "10:00");
    std::vector<std::future<int>> results;
    for (const auto& c : clients) {
        results.push_back(std::async(std::launch::async, [&] { return book(c, m, start).status; }));
    }
    int created = 0, conflicts = 0;
    for (auto& r : results) {
        const int status = r.get();
        created += status == 201;
        conflicts += status == 409;
    }
    EXPECT_EQ(created, 1);
    EXPECT_EQ(conflicts, 19);
    EXPECT_EQ(query_value("SELECT count(*) FROM bookings WHERE master_id = '" + m.id + "'"), "1");
}

TEST_F(MarketplaceIT, IdempotencyKeyReturnsTheOriginalBooking) {
    const auto m = make_master();
    const auto client = register_account(port());
    const auto d = day(11);
    const auto first = book(client, m, at(m, d, "10:00"), "retry-1", "first");
    ASSERT_EQ(first.status, 201) << first.body;
    const auto again = book(client, m, at(m, d, "10:00"), "retry-1", "first");
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.json().at("id"), first.json().at("id"));
    EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
    const auto different = book(client, m, at(m, d, "11:00"), "retry-1", "first");
    EXPECT_EQ(different.status, 422);
    EXPECT_EQ(different.json().at("code").as_string(), "idempotency_key_reused");
    EXPECT_EQ(query_value("SELECT count(*) FROM bookings WHERE client_id = '" + client.id + "'"), "1");
}

TEST_F(MarketplaceIT, EveryRuleOfTheSlotListIsEnforcedOnRawCalls) {
    const auto m = make_master("Europe/Moscow", object{{"buffer_min", 15}, {"max_per_day", 2}});
    const auto client = register_account(port());
    // A day well inside the notice and the horizon; the master works 10:00–18:00 every day.
    const auto d = day(12);
    EXPECT_EQ(at(m, d, "10:00"), d + "T07:00:00Z");             // Moscow is UTC+3 all year
    EXPECT_EQ(book(client, m, at(m, d, "10:07")).status, 409);  // off the 15-minute grid
    EXPECT_EQ(book(client, m, at(m, d, "08:00")).status, 409);  // before opening
    EXPECT_EQ(book(client, m, at(m, d, "17:30")).status, 409);  // would end after 18:00
    ASSERT_EQ(book(client, m, at(m, d, "10:00")).status, 201);  // 10:00–11:00
    EXPECT_EQ(book(client, m, at(m, d, "11:00")).status, 409);  // 11:00 is inside the 15-minute buffer
    EXPECT_FALSE(has_slot(m, d, at(m, d, "11:00")));
    ASSERT_EQ(book(client, m, at(m, d, "11:15")).status, 201);  // 11:15 is fine
    EXPECT_EQ(book(client, m, at(m, d, "15:00")).status, 409);  // the daily cap of 2 is reached
    EXPECT_TRUE(slots(m, d, d).empty());

    // A day off by exception, the horizon and the minimum notice.
    const auto off = add_days(d, 1);
    ASSERT_EQ(http_request(port(), http::verb::put, "/api/v1/masters/me/schedule/exceptions/" + off,
                           R"({"intervals":[]})", bearer(m.account.access_token))
                  .status,
              200);
    EXPECT_EQ(book(client, m, at(m, off, "10:00")).status, 409);
    EXPECT_TRUE(slots(m, off, off).empty());
    EXPECT_EQ(book(client, m, at(m, day(400), "10:00")).status, 409);  // beyond the 365-day horizon
    const auto strict = make_master("Europe/Moscow", object{{"min_notice_min", 10080}, {"horizon_days", 30}});
    EXPECT_TRUE(slots(strict, day(-30), day(-1)).empty());  // in the past
    EXPECT_TRUE(slots(strict, day(1), day(5)).empty());     // inside the 7-day notice
    EXPECT_EQ(book(client, strict, at(strict, day(2), "10:00")).status, 409);
    EXPECT_FALSE(slots(strict, day(10), day(20)).empty());                // between notice and horizon
    const auto res = book(client, strict, at(strict, day(40), "10:00"));  // beyond 30 days
    EXPECT_EQ(res.status, 409);
    EXPECT_EQ(res.json().at("code").as_string(), "slot_unavailable");
    EXPECT_EQ(book(client, strict, at(strict, day(14), "10:00")).status, 201);
}

TEST_F(MarketplaceIT, CancelFreesTheSlotAtOnce) {
    const auto m = make_master();
    const auto a = register_account(port());
    const auto b = register_account(port());
    const auto d = day(14);
    const auto start = at(m, d, "10:00");
    const auto booking = book(a, m, start);
    ASSERT_EQ(booking.status, 201);
    EXPECT_FALSE(has_slot(m, d, start));
    EXPECT_EQ(book(b, m, start).status, 409);
    const auto cancelled =
        act(a, std::string(booking.json().at("id").as_string()), "cancel", object{{"reason", "ill"}});
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    EXPECT_EQ(cancelled.json().at("status").as_string(), "cancelled");
    EXPECT_EQ(cancelled.json().at("cancel_reason").as_string(), "ill");
    EXPECT_TRUE(has_slot(m, d, start));
    EXPECT_EQ(book(b, m, start).status, 201);
}

TEST_F(MarketplaceIT, RescheduleMovesAtomically) {
    const auto m = make_master();
    const auto a = register_account(port());
    const auto b = register_account(port());
    const auto d = day(17);
    const auto mine = book(a, m, at(m, d, "10:00"));
    const auto theirs = book(b, m, at(m, d, "14:00"));
    ASSERT_EQ(mine.status, 201);
    ASSERT_EQ(theirs.status, 201);
    const std::string id(mine.json().at("id").as_string());
    // Onto someone else's time: refused, and nothing changes.
    EXPECT_EQ(act(a, id, "reschedule", object{{"start_at", at(m, d, "14:00")}}).status, 409);
    EXPECT_EQ(get(port(), "/api/v1/bookings/" + id, bearer(a.access_token)).json().at("start_at").as_string(),
              at(m, d, "10:00"));
    // Half an hour later overlaps its own old time, which does not count against it.
    const auto moved = act(a, id, "reschedule", object{{"start_at", at(m, d, "10:30")}});
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(moved.json().at("start_at").as_string(), at(m, d, "10:30"));
    EXPECT_EQ(moved.json().at("end_at").as_string(), at(m, d, "11:30"));
    // Somewhere else entirely: the old time is free again, the new one taken.
    ASSERT_EQ(act(a, id, "reschedule", object{{"start_at", at(m, d, "16:00")}}).status, 200);
    EXPECT_TRUE(has_slot(m, d, at(m, d, "10:30")));
    EXPECT_FALSE(has_slot(m, d, at(m, d, "16:00")));
    EXPECT_EQ(
        query_value("SELECT count(*) FROM booking_events WHERE type = 'rescheduled' AND booking_id = '" + id + "'"),
        "2");
}

TEST_F(MarketplaceIT, LifeCycleIsAuthorisedPerPartyAndRecorded) {
    const auto m = make_master();
    const auto client = register_account(port());
    const auto stranger = register_account(port());
    const auto created = book(client, m, at(m, day(18), "10:00"));
    ASSERT_EQ(created.status, 201);
    EXPECT_EQ(created.json().at("status").as_string(), "pending");
    const std::string id(created.json().at("id").as_string());

    EXPECT_EQ(get(port(), "/api/v1/bookings/" + id, bearer(stranger.access_token)).status, 404);
    EXPECT_EQ(act(stranger, id, "cancel").status, 404);
    EXPECT_EQ(act(client, id, "confirm").status, 403);
    EXPECT_EQ(act(m.account, id, "complete").status, 409);  // not started yet
    ASSERT_EQ(act(m.account, id, "confirm").status, 200);
    EXPECT_EQ(act(m.account, id, "confirm").json().at("code").as_string(), "invalid_transition");

    // Time passes: the visit has started (by the server's clock, not the database's).
    const auto started = "'" + core::to_timestamptz(clock().now() - std::chrono::hours(2)) + "'::timestamptz";
    const auto ended = "'" + core::to_timestamptz(clock().now() - std::chrono::hours(1)) + "'::timestamptz";
    exec_sql("UPDATE bookings SET start_at = " + started + ", end_at = " + ended + ", busy = tstzrange(" + started +
             ", " + ended + ") WHERE id = '" + id + "'");
    const auto done = act(m.account, id, "complete");
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(done.json().at("status").as_string(), "completed");
    EXPECT_EQ(act(client, id, "cancel").status, 409);
    EXPECT_EQ(
        query_value("SELECT string_agg(type, ',' ORDER BY id) FROM booking_events WHERE booking_id = '" + id + "'"),
        "created,confirmed,completed");

    const auto list = get(port(), "/api/v1/bookings?as=master", bearer(m.account.access_token));
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(list.json().at("items").as_array().size(), 1u);
    EXPECT_TRUE(
        get(port(), "/api/v1/bookings?as=master", bearer(stranger.access_token)).json().at("items").as_array().empty());
}

TEST_F(MarketplaceIT, AutoConfirmingMastersConfirmAtOnce) {
    const auto m = make_master("Europe/Moscow", object{{"auto_confirm", true}});
    const auto client = register_account(port());
    const auto res = book(client, m, at(m, day(19), "10:00"));
    ASSERT_EQ(res.status, 201);
    EXPECT_EQ(res.json().at("status").as_string(), "confirmed");
    EXPECT_EQ(res.json().at("price_minor").as_int64(), 150000);
    EXPECT_EQ(res.json().at("service").at("name").as_string(), "Manicure");
}

TEST_F(MarketplaceIT, DeactivatedServicesKeepTheirBookingsButTakeNoNewOnes) {
    const auto m = make_master();
    const auto client = register_account(port());
    const auto d = day(20);
    const auto booking = book(client, m, at(m, d, "10:00"));
    ASSERT_EQ(booking.status, 201);
    ASSERT_EQ(http_request(port(), http::verb::patch, "/api/v1/masters/me/services/" + m.service_id,
                           R"({"price_minor": 990000})", bearer(m.account.access_token))
                  .status,
              200);
    ASSERT_EQ(http_request(port(), http::verb::delete_, "/api/v1/masters/me/services/" + m.service_id, {},
                           bearer(m.account.access_token))
                  .status,
              204);
    const auto kept = get(port(), "/api/v1/bookings/" + std::string(booking.json().at("id").as_string()),
                          bearer(client.access_token));
    EXPECT_EQ(kept.json().at("price_minor").as_int64(), 150000);  // the price at booking time
    EXPECT_EQ(book(client, m, at(m, d, "12:00")).status, 422);
}

TEST_F(MarketplaceIT, NearbySearchSortsFiltersAndPages) {
    const auto m = make_master();
    const auto near = get(port(), "/api/v1/masters?lat=55.7601&lon=37.6101&radius_km=1&limit=100");
    ASSERT_EQ(near.status, 200) << near.body;
    const auto doc = near.json();
    bool found = false;
    double previous = -1;
    for (const auto& item : doc.at("items").as_array()) {
        const double d = item.at("distance_m").to_number<double>();
        EXPECT_GE(d, previous);
        previous = d;
        found = found || item.at("id").as_string() == m.id;
    }
    EXPECT_TRUE(found);
    EXPECT_TRUE(get(port(), "/api/v1/masters?lat=59.93&lon=30.31&radius_km=5").json().at("items").as_array().empty());
    // Pages of one, following next_cursor, visit every master exactly once, by price and by
    // distance (this suite's masters all share one point: every distance is a tie).
    for (const std::string sort : {"price", "distance"}) {
        std::set<std::string> seen;
        std::string cursor;
        for (int page = 0; page < 200; ++page) {
            const auto res = get(port(), "/api/v1/masters?lat=55.7601&lon=37.6101&radius_km=1&limit=1&sort=" + sort +
                                             (cursor.empty() ? "" : "&cursor=" + cursor));
            ASSERT_EQ(res.status, 200) << res.body;
            const auto body = res.json();
            for (const auto& item : body.at("items").as_array())
                EXPECT_TRUE(seen.insert(std::string(item.at("id").as_string())).second) << sort;
            if (body.at("next_cursor").is_null()) break;
            cursor = std::string(body.at("next_cursor").as_string());
        }
        EXPECT_EQ(seen.size(), doc.at("items").as_array().size()) << sort;
    }
    EXPECT_EQ(get(port(), "/api/v1/masters?lat=55&lon=37&sort=fame").status, 422);
    EXPECT_EQ(get(port(), "/api/v1/masters?lat=55").status, 422);
}

TEST_F(MarketplaceIT, ProfilesAndSchedulesAreValidated) {
    const auto client = register_account(port());
    EXPECT_EQ(http_request(port(), http::verb::put, "/api/v1/masters/me", "{}", bearer(client.access_token)).status,
              403);
    const auto master = register_account(port(), "master");
    EXPECT_EQ(get(port(), "/api/v1/masters/me", bearer(master.access_token)).json().at("code").as_string(),
              "master_profile_missing");
    const auto bad =
        http_request(port(), http::verb::put, "/api/v1/masters/me",
                     R"({"display_name":"X","category_ids":[],"location":{"lat":99,"lon":0},"timezone":"Mars/Base"})",
                     bearer(master.access_token));
    EXPECT_EQ(bad.status, 422);
    const auto m = make_master();
    const auto overlap = http_request(
        port(), http::verb::put, "/api/v1/masters/me/schedule",
        R"({"weekly":[{"weekday":1,"start":"10:00","end":"14:00"},{"weekday":1,"start":"13:00","end":"18:00"}]})",
        bearer(m.account.access_token));
    EXPECT_EQ(overlap.status, 422);
    const auto tz = http_request(port(), http::verb::put, "/api/v1/masters/me",
                                 R"({"display_name":"X","category_ids":[")" + first_category(port()) +
                                     R"("],"location":{"lat":55,"lon":37},"timezone":"Mars/Base"})",
                                 bearer(m.account.access_token));
    EXPECT_EQ(tz.status, 422);
    EXPECT_EQ(tz.json().at("errors").as_array()[0].at("field").as_string(), "timezone");
    EXPECT_EQ(get(port(), "/api/v1/masters/" + m.id + "/slots?service_id=" + m.service_id + "&from=" + day(1) +
                              "&to=" + day(60))
                  .status,
              422);  // more than 31 days
}

TEST_F(MarketplaceIT, ReviewsOnlyAfterCompletionOnceAndTheRatingFollows) {
    const auto m = make_master();
    const auto client = register_account(port());
    const auto created = book(client, m, at(m, day(21), "10:00"));
    ASSERT_EQ(created.status, 201);
    const std::string id(created.json().at("id").as_string());
    const object review{{"rating", 4}, {"text", "Аккуратно и быстро"}};
    auto res = post_json(port(), "/api/v1/bookings/" + id + "/review", review, bearer(client.access_token));
    EXPECT_EQ(res.status, 409);
    EXPECT_EQ(res.json().at("code").as_string(), "not_completed");

    exec_sql("UPDATE bookings SET status = 'completed' WHERE id = '" + id + "'");
    EXPECT_EQ(post_json(port(), "/api/v1/bookings/" + id + "/review", review, bearer(m.account.access_token)).status,
              404);  // the master cannot review their own visit
    EXPECT_EQ(
        post_json(port(), "/api/v1/bookings/" + id + "/review", object{{"rating", 6}}, bearer(client.access_token))
            .status,
        422);
    res = post_json(port(), "/api/v1/bookings/" + id + "/review", review, bearer(client.access_token));
    ASSERT_EQ(res.status, 201) << res.body;
    const std::string review_id(res.json().at("id").as_string());
    EXPECT_EQ(res.json().at("author").at("id").as_string(), client.id);
    res = post_json(port(), "/api/v1/bookings/" + id + "/review", review, bearer(client.access_token));
    EXPECT_EQ(res.status, 409);
    EXPECT_EQ(res.json().at("code").as_string(), "review_exists");

    const auto profile = get(port(), "/api/v1/masters/" + m.id).json();
    EXPECT_EQ(profile.at("rating").at("count").as_int64(), 1);
    EXPECT_DOUBLE_EQ(profile.at("rating").at("avg").to_number<double>(), 4.0);
    EXPECT_EQ(get(port(), "/api/v1/bookings/" + id, bearer(client.access_token)).json().at("review_id").as_string(),
              review_id);

    EXPECT_EQ(
        post_json(port(), "/api/v1/reviews/" + review_id + "/reply", object{{"text", "x"}}, bearer(client.access_token))
            .status,
        404);
    res = post_json(port(), "/api/v1/reviews/" + review_id + "/reply", object{{"text", "Спасибо!"}},
                    bearer(m.account.access_token));
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json().at("reply").as_string(), "Спасибо!");
    EXPECT_EQ(post_json(port(), "/api/v1/reviews/" + review_id + "/reply", object{{"text", "again"}},
                        bearer(m.account.access_token))
                  .json()
                  .at("code")
                  .as_string(),
              "reply_exists");
    const auto list = get(port(), "/api/v1/masters/" + m.id + "/reviews").json();
    ASSERT_EQ(list.at("items").as_array().size(), 1u);
    EXPECT_EQ(list.at("items").as_array()[0].at("reply").as_string(), "Спасибо!");
}

TEST_F(MarketplaceIT, AvatarsShowOnMasterProfilesCardsAndReviews) {
    const auto m = make_master();
    const auto client = register_account(port());
    const auto set_avatar = [&](const Account& who) {
        const auto id = media_client::ready_photo(port(), who, "avatar", images::png(200, 200));
        const auto res =
            http_request(port(), http::verb::patch, "/api/v1/users/me",
                         boost::json::serialize(object{{"avatar_media_id", id}}), bearer(who.access_token));
        EXPECT_EQ(res.status, 200) << res.body;
        return "/media/" + id + "/thumb.webp";
    };
    EXPECT_TRUE(get(port(), "/api/v1/masters/" + m.id).json().at("avatar_url").is_null());  // initials
    const auto master_avatar = set_avatar(m.account);
    EXPECT_EQ(get(port(), "/api/v1/masters/" + m.id).json().at("avatar_url").as_string(), master_avatar);
    ASSERT_EQ(
        http_request(port(), http::verb::put, "/api/v1/favorites/masters/" + m.id, {}, bearer(client.access_token))
            .status,
        204);
    const auto cards = get(port(), "/api/v1/favorites/masters", bearer(client.access_token)).json();
    EXPECT_EQ(cards.at("items").as_array().at(0).at("avatar_url").as_string(), master_avatar);
    EXPECT_EQ(get(port(), master_avatar).status, 200);

    const auto client_avatar = set_avatar(client);
    const auto created = book(client, m, at(m, day(21), "10:00"));
    ASSERT_EQ(created.status, 201);
    const std::string id(created.json().at("id").as_string());
    exec_sql("UPDATE bookings SET status = 'completed' WHERE id = '" + id + "'");
    const auto review = post_json(port(), "/api/v1/bookings/" + id + "/review",
                                  object{{"rating", 5}, {"text", "Отлично"}}, bearer(client.access_token));
    ASSERT_EQ(review.status, 201) << review.body;
    EXPECT_EQ(review.json().at("author").at("avatar_url").as_string(), client_avatar);
    const auto list = get(port(), "/api/v1/masters/" + m.id + "/reviews").json();
    EXPECT_EQ(list.at("items").as_array().at(0).at("author").at("avatar_url").as_string(), client_avatar);
}

TEST_F(MarketplaceIT, FavouritesArePerUser) {
    const auto m = make_master();
    const auto a = register_account(port());
    const auto b = register_account(port());
    const auto path = "/api/v1/favorites/masters/" + m.id;
    EXPECT_EQ(http_request(port(), http::verb::put, path, {}, bearer(a.access_token)).status, 204);
    EXPECT_EQ(http_request(port(), http::verb::put, path, {}, bearer(a.access_token)).status, 204);  // idempotent
    EXPECT_EQ(http_request(port(), http::verb::put, "/api/v1/favorites/masters/6f9619ff-8b86-4011-b42d-00c04fc964ff",
                           {}, bearer(a.access_token))
                  .status,
              404);
    const auto mine = get(port(), "/api/v1/favorites/masters", bearer(a.access_token)).json();
    ASSERT_EQ(mine.at("items").as_array().size(), 1u);
    EXPECT_EQ(mine.at("items").as_array()[0].at("id").as_string(), m.id);
    EXPECT_TRUE(mine.at("items").as_array()[0].at("is_favorite").as_bool());
    EXPECT_TRUE(get(port(), "/api/v1/masters/" + m.id, bearer(a.access_token)).json().at("is_favorite").as_bool());
    EXPECT_FALSE(get(port(), "/api/v1/masters/" + m.id, bearer(b.access_token)).json().at("is_favorite").as_bool());
    EXPECT_TRUE(get(port(), "/api/v1/favorites/masters", bearer(b.access_token)).json().at("items").as_array().empty());
    EXPECT_EQ(http_request(port(), http::verb::delete_, path, {}, bearer(a.access_token)).status, 204);
    EXPECT_TRUE(get(port(), "/api/v1/favorites/masters", bearer(a.access_token)).json().at("items").as_array().empty());
}

TEST_F(MarketplaceIT, BookingListsFilterSeveralStatusesAndSortBothWays) {
    const auto m = make_master("Europe/Moscow");
    const auto client = register_account(port());
    std::vector<std::string> ids;
    for (int n : {22, 23, 24}) {
        const auto res = book(client, m, at(m, day(n), "10:00"));
        ASSERT_EQ(res.status, 201) << res.body;
        EXPECT_EQ(res.json().at("master").at("timezone").as_string(), "Europe/Moscow");
        ids.emplace_back(res.json().at("id").as_string());
    }
    ASSERT_EQ(act(client, ids[1], "cancel").status, 200);
    ASSERT_EQ(act(m.account, ids[2], "confirm").status, 200);
    const auto active =
        get(port(), "/api/v1/bookings?as=client&status=pending,confirmed&order=desc", bearer(client.access_token))
            .json();
    const auto& items = active.at("items").as_array();
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].at("id").as_string(), ids[2]);  // newest first
    EXPECT_EQ(items[1].at("id").as_string(), ids[0]);
    // Pages of one in descending order visit all three exactly once.
    std::vector<std::string> seen;
    std::string cursor;
    for (int i = 0; i < 5; ++i) {
        const auto page =
            get(port(), "/api/v1/bookings?as=client&order=desc&limit=1" + (cursor.empty() ? "" : "&cursor=" + cursor),
                bearer(client.access_token))
                .json();
        for (const auto& b : page.at("items").as_array()) seen.emplace_back(b.at("id").as_string());
        if (page.at("next_cursor").is_null()) break;
        cursor = std::string(page.at("next_cursor").as_string());
    }
    EXPECT_EQ(seen, (std::vector<std::string>{ids[2], ids[1], ids[0]}));
    EXPECT_EQ(get(port(), "/api/v1/bookings?status=pending,lost", bearer(client.access_token)).status, 422);
    EXPECT_EQ(get(port(), "/api/v1/bookings?order=sideways", bearer(client.access_token)).status, 422);
}
