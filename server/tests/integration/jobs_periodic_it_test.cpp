// Periodic jobs against a real PostgreSQL, on a clock the test moves: exactly one run per slot
// however many runners take part, and one run (not one per missed slot) after a downtime.
#include <gtest/gtest.h>

#include <set>

#include "integration/jobs_harness.hpp"

using namespace service;
using namespace service::testing;
using namespace service::testing::jobs;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

constexpr seconds kPeriod{60};

// A fixed instant a few seconds into a slot: the test passes on any day.
core::TimePoint start_instant() {
    return core::TimePoint(std::chrono::duration_cast<core::TimePoint::duration>(seconds(1'900'000'040)));
}

class PeriodicJobsIT : public ::testing::Test {
  protected:
    int completed(const std::string& kind) {
        return int_of("SELECT count(*) FROM jobs WHERE state = 'completed' AND kind = '" + kind + "'");
    }
    int slots(const std::string& kind) {
        return int_of("SELECT count(*) FROM job_periodic_runs WHERE kind = '" + kind + "'");
    }

    Node node;
};

}  // namespace

TEST_F(PeriodicJobsIT, TwoRunnersRunAPeriodicJobExactlyOncePerSlot) {
    const auto kind = unique_kind("periodic");
    auto clock = core::TestClock::frozen(start_instant());
    auto rec = std::make_shared<Recorder>();
    auto a = node.runner(clock);
    auto b = node.runner(clock);
    a->every(kind, kPeriod, recording(rec, "a"));
    b->every(kind, kPeriod, recording(rec, "b"));
    a->start();
    b->start();

    constexpr int kSlots = 5;
    for (int slot = 1; slot <= kSlots; ++slot) {
        // Finished (not only started) before the clock moves on, so no lease looks expired.
        ASSERT_TRUE(eventually([&] { return completed(kind) == slot; })) << "slot " << slot;
        std::this_thread::sleep_for(milliseconds(100));
        a->wake();
        b->wake();
        std::this_thread::sleep_for(milliseconds(200));  // both look at the same slot again
        ASSERT_EQ(completed(kind), slot);
        if (slot < kSlots) {
            clock.advance(kPeriod);
            a->wake();
            b->wake();
        }
    }
    node.drain(*a);
    node.drain(*b);
    EXPECT_EQ(rec->count(), static_cast<std::size_t>(kSlots));
    EXPECT_EQ(slots(kind), kSlots);
    EXPECT_EQ(int_of("SELECT count(*) FROM jobs WHERE kind = '" + kind + "'"), kSlots);
    // Each run was told its slot.
    std::lock_guard lock(rec->mutex);
    std::set<std::string> told;
    for (const auto& job : rec->calls) told.insert(std::string(job.payload.at("slot").as_string()));
    EXPECT_EQ(told.size(), static_cast<std::size_t>(kSlots));
    EXPECT_EQ(*told.begin(), core::to_timestamptz(start_instant() - seconds(20)));
}

TEST_F(PeriodicJobsIT, AfterADowntimeOfSeveralSlotsOnlyTheCurrentSlotRuns) {
    const auto kind = unique_kind("catch-up");
    auto clock = core::TestClock::frozen(start_instant());
    auto rec = std::make_shared<Recorder>();
    {
        auto before = node.runner(clock);
        before->every(kind, kPeriod, recording(rec));
        before->start();
        ASSERT_TRUE(eventually([&] { return completed(kind) == 1; }));
        node.drain(*before);
    }

    clock.advance(kPeriod * 6);  // every node was down for five whole slots and into a sixth
    auto a = node.runner(clock);
    auto b = node.runner(clock);
    a->every(kind, kPeriod, recording(rec, "a"));
    b->every(kind, kPeriod, recording(rec, "b"));
    a->start();
    b->start();
    ASSERT_TRUE(eventually([&] { return completed(kind) == 2; }));
    for (int i = 0; i < 3; ++i) {
        a->wake();
        b->wake();
        std::this_thread::sleep_for(milliseconds(150));
    }
    node.drain(*a);
    node.drain(*b);
    EXPECT_EQ(completed(kind), 2);
    EXPECT_EQ(rec->count(), 2u);
    EXPECT_EQ(slots(kind), 2);
    EXPECT_EQ(std::string(rec->calls.at(1).payload.at("slot").as_string()),
              core::to_timestamptz(start_instant() - seconds(20) + kPeriod * 6));
}

TEST_F(PeriodicJobsIT, ARestartWithinASlotDoesNotRunItAgain) {
    const auto kind = unique_kind("restart");
    auto clock = core::TestClock::frozen(start_instant());
    auto rec = std::make_shared<Recorder>();
    for (int start = 0; start < 3; ++start) {
        auto runner = node.runner(clock);
        runner->every(kind, kPeriod, recording(rec));
        runner->start();
        ASSERT_TRUE(eventually([&] { return completed(kind) == 1; }));
        std::this_thread::sleep_for(milliseconds(300));
        node.drain(*runner);
        clock.advance(seconds(5));  // still the same slot
    }
    EXPECT_EQ(rec->count(), 1u);
    EXPECT_EQ(slots(kind), 1);
}
