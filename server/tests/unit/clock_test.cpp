#include "core/clock.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

using namespace service;
using namespace std::chrono;

namespace {
// A fixed instant in the past; tests of the clock never depend on today's date.
const auto kInstant = system_clock::time_point(seconds(1'700'000'000));  // 2023-11-14T22:13:20Z
}  // namespace

TEST(Clock, SystemClockIsTheProcessClock) {
    const core::SystemClock clock;
    const auto before = system_clock::now();
    const auto now = clock.now();
    EXPECT_LE(before, now);
    EXPECT_LE(now, system_clock::now());
}

TEST(Clock, FrozenClockStandsStillUntilSetOrAdvanced) {
    auto clock = core::TestClock::frozen(kInstant);
    EXPECT_TRUE(clock.is_frozen());
    EXPECT_EQ(clock.now(), kInstant);
    std::this_thread::sleep_for(milliseconds(2));
    EXPECT_EQ(clock.now(), kInstant);
    clock.advance(hours(24 * 365));
    EXPECT_EQ(clock.now(), kInstant + hours(24 * 365));
    clock.advance(-minutes(90));
    EXPECT_EQ(clock.now(), kInstant + hours(24 * 365) - minutes(90));
    clock.set(kInstant - seconds(1));
    EXPECT_EQ(clock.now(), kInstant - seconds(1));
}

TEST(Clock, RunningClockFollowsTheSystemClockWithAnOffset) {
    auto clock = core::TestClock::running(hours(24 * 365));
    EXPECT_FALSE(clock.is_frozen());
    const auto before = system_clock::now();
    const auto ahead = clock.now();
    const auto after = system_clock::now();
    EXPECT_GE(ahead - before, hours(24 * 365));
    EXPECT_LE(ahead - after, hours(24 * 365));
    // It keeps running.
    const auto first = clock.now();
    std::this_thread::sleep_for(milliseconds(5));
    EXPECT_GE(clock.now() - first, milliseconds(5));
    // set() jumps to an instant and runs on from there.
    clock.set(kInstant);
    const auto since = clock.now() - kInstant;
    EXPECT_GE(since, microseconds(0));
    EXPECT_LT(since, seconds(5));
    clock.advance(-hours(1));
    EXPECT_LT(clock.now(), kInstant);
}

TEST(Clock, ConcurrentAdvancesAreNeitherLostNorTorn) {
    auto clock = core::TestClock::frozen(kInstant);
    constexpr int kThreads = 4, kSteps = 10'000;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&clock] {
            for (int i = 0; i < kSteps; ++i) {
                clock.advance(microseconds(1));
                // Every reading is one of the values the clock really had.
                const auto seen = clock.now();
                EXPECT_GE(seen, kInstant);
                EXPECT_LE(seen, kInstant + microseconds(kThreads * kSteps));
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(clock.now(), kInstant + microseconds(kThreads * kSteps));
}

TEST(Clock, TimestamptzTextIsUtcWithMicroseconds) {
    EXPECT_EQ(core::to_timestamptz(system_clock::time_point{}), "1970-01-01T00:00:00.000000Z");
    EXPECT_EQ(core::to_timestamptz(kInstant), "2023-11-14T22:13:20.000000Z");
    EXPECT_EQ(core::to_timestamptz(kInstant + microseconds(123'456)), "2023-11-14T22:13:20.123456Z");
    // Sub-microsecond digits are cut, never rounded up into the next microsecond.
    EXPECT_EQ(core::to_timestamptz(kInstant + nanoseconds(999)), "2023-11-14T22:13:20.000000Z");
    // Before the epoch the fields still count forward within the day.
    EXPECT_EQ(core::to_timestamptz(system_clock::time_point{} - milliseconds(500)), "1969-12-31T23:59:59.500000Z");
    // 29 February of a leap year.
    EXPECT_EQ(core::to_timestamptz(system_clock::time_point(sys_days(year(2024) / 2 / 29))),
              "2024-02-29T00:00:00.000000Z");
}
