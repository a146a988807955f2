#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "core/problem.hpp"
#include "modules/bookings/routes.hpp"
#include "modules/masters/routes.hpp"
#include "modules/schedule/schedule.hpp"
#include "modules/services/routes.hpp"

using namespace service;

TEST(Schedule, ClockTimesAndDates) {
    EXPECT_EQ(schedule::parse_clock("00:00"), 0);
    EXPECT_EQ(schedule::parse_clock("09:30"), 570);
    EXPECT_EQ(schedule::parse_clock("24:00"), 1440);
    for (const char* bad : {"9:30", "24:01", "12:60", "ab:cd", "12-30", ""})
        EXPECT_FALSE(schedule::parse_clock(bad)) << bad;
    EXPECT_EQ(schedule::format_clock(570), "09:30");
    EXPECT_TRUE(schedule::is_date("2024-02-29"));
    EXPECT_FALSE(schedule::is_date("2023-02-29"));
    EXPECT_FALSE(schedule::is_date("2023-13-01"));
    EXPECT_FALSE(schedule::is_date("27-01-01"));
}

TEST(Schedule, IntervalsMustBeOrderedAndDisjoint) {
    std::vector<std::pair<std::string, std::string>> errors;
    const auto ok = schedule::parse_intervals(
        boost::json::parse(R"([{"start":"14:00","end":"18:00"},{"start":"10:00","end":"13:00"}])"), "x", errors);
    EXPECT_TRUE(errors.empty());
    ASSERT_EQ(ok.size(), 2u);
    EXPECT_EQ(ok[0].start, 600);  // sorted
    schedule::parse_intervals(
        boost::json::parse(R"([{"start":"10:00","end":"13:00"},{"start":"12:00","end":"14:00"}])"), "x", errors);
    EXPECT_FALSE(errors.empty());
    errors.clear();
    schedule::parse_intervals(boost::json::parse(R"([{"start":"13:00","end":"10:00"}])"), "x", errors);
    EXPECT_EQ(errors.size(), 1u);
}

TEST(Schedule, WeeklyBreaksAreSeveralIntervalsADay) {
    const auto weekly = schedule::parse_weekly(
        boost::json::parse(
            R"({"weekly":[{"weekday":1,"start":"10:00","end":"13:00"},{"weekday":1,"start":"14:00","end":"19:00"},{"weekday":7,"start":"12:00","end":"16:00"}]})")
            .as_object());
    EXPECT_EQ(weekly.size(), 3u);
    EXPECT_THROW(schedule::parse_weekly(
                     boost::json::parse(R"({"weekly":[{"weekday":8,"start":"10:00","end":"11:00"}]})").as_object()),
                 core::ApiError);
}

TEST(Bookings, TimestampsAndDateRanges) {
    // Calendar rules only: fixed past dates (a leap year and a common one), never "today".
    EXPECT_TRUE(bookings::looks_like_timestamp("2025-03-30T08:00:00Z"));
    EXPECT_TRUE(bookings::looks_like_timestamp("2025-03-30T11:00:00+03:00"));
    EXPECT_FALSE(bookings::looks_like_timestamp("2025-03-30 08:00"));
    EXPECT_FALSE(bookings::looks_like_timestamp("2025-03-30T08:00:00"));  // no zone: ambiguous
    EXPECT_EQ(bookings::days_between("2025-02-27", "2025-03-01"), 2);
    EXPECT_EQ(bookings::days_between("2025-03-01", "2025-02-27"), -2);
    EXPECT_EQ(bookings::days_between("2024-02-27", "2024-03-01"), 3);  // 29 February
    EXPECT_FALSE(bookings::days_between("2025-02-30", "2025-03-01"));
}

TEST(Masters, ProfileInputDefaultsAndLimits) {
    const auto in = masters::parse_profile_input(
        boost::json::parse(
            R"({"display_name":" Olga ","category_ids":["6f9619ff-8b86-4011-b42d-00c04fc964ff"],"location":{"lat":55.7,"lon":37.6},"timezone":"Europe/Moscow"})")
            .as_object());
    EXPECT_EQ(in.display_name, "Olga");
    EXPECT_EQ(in.rules.min_notice_min, 120);
    EXPECT_EQ(in.rules.slot_step_min, 15);
    EXPECT_FALSE(in.rules.max_per_day);
    EXPECT_THROW(
        masters::parse_profile_input(
            boost::json::parse(
                R"({"display_name":"O","category_ids":["6f9619ff-8b86-4011-b42d-00c04fc964ff"],"location":{"lat":55,"lon":37},"timezone":"UTC","booking_rules":{"slot_step_min":2.5}})")
                .as_object()),
        core::ApiError);
}

TEST(Services, PricesAreWholeMinorUnits) {
    const auto ok = services::parse_service(
        boost::json::parse(
            R"({"name":"Cut","category_id":"6f9619ff-8b86-4011-b42d-00c04fc964ff","price_minor":150000,"duration_min":45})")
            .as_object(),
        false);
    EXPECT_EQ(*ok.price_minor, 150000);
    EXPECT_THROW(services::parse_service(boost::json::parse(R"({"price_minor":10.5})").as_object(), true),
                 core::ApiError);
    EXPECT_THROW(services::parse_service(boost::json::parse(R"({"duration_min":721})").as_object(), true),
                 core::ApiError);
    EXPECT_THROW(services::parse_service(boost::json::parse("{}").as_object(), true), core::ApiError);
}
