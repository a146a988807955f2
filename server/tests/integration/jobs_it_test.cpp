// The job queue against a real PostgreSQL: enqueueing inside transactions, unique keys, run_at,
// retries and discards, per-kind concurrency, several runners sharing work, wake-ups.
#include <gtest/gtest.h>

#include <set>

#include "integration/jobs_harness.hpp"

using namespace service;
using namespace service::testing;
using namespace service::testing::jobs;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

class JobsIT : public ::testing::Test {
  protected:
    Node node;
    core::SystemClock system_clock;
};

std::string id_text(std::int64_t id) { return std::to_string(id); }

// Takes as long as the payload's "ms" says; counts the runs that were cancelled.
net::awaitable<void> hold_for_payload(std::shared_ptr<Recorder> rec, q::Job job) {
    net::steady_timer timer(co_await net::this_coro::executor, milliseconds(job.payload.at("ms").as_int64()));
    auto [ec] = co_await timer.async_wait(kUseTuple);
    if (ec) ++rec->cancelled;
}

}  // namespace

TEST_F(JobsIT, AJobEnqueuedInARolledBackTransactionNeverExistsAndACommittedOneRunsToCompletion) {
    const auto kind = unique_kind("noop");
    auto rec = std::make_shared<Recorder>();
    auto runner = node.runner(system_clock);
    runner->handle(kind, 2, recording(rec));
    runner->start();

    const auto rolled_back = node.enqueue(kind, boost::json::object{{"n", 1}}, {}, false);
    EXPECT_EQ(int_of("SELECT count(*) FROM jobs WHERE id = " + id_text(rolled_back.id)), 0);
    EXPECT_EQ(int_of("SELECT count(*) FROM jobs WHERE kind = '" + kind + "'"), 0);

    const auto committed = node.enqueue(kind, boost::json::object{{"n", 2}});
    EXPECT_FALSE(committed.duplicate);
    ASSERT_TRUE(eventually([&] { return job_field(committed.id, "state") == "completed"; }));
    ASSERT_EQ(rec->count(), 1u);
    EXPECT_EQ(rec->calls[0].id, committed.id);
    EXPECT_EQ(rec->calls[0].kind, kind);
    EXPECT_EQ(rec->calls[0].attempt, 1);
    EXPECT_EQ(rec->calls[0].payload.at("n").as_int64(), 2);
    EXPECT_EQ(job_field(committed.id, "attempt"), "1");
    EXPECT_EQ(job_field(committed.id, "locked_by"), runner->worker_id());
    EXPECT_EQ(job_field(committed.id, "finished_at IS NOT NULL AND started_at IS NOT NULL"), "t");
    node.drain(*runner);
    EXPECT_EQ(rec->count(), 1u);  // the rolled-back one never ran
}

TEST_F(JobsIT, AUniqueKeyDedupesWhileItsJobIsUnfinishedAndIsFreeAgainOnceItIsFinal) {
    const auto kind = unique_kind("unique");
    const auto key = "it-key-" + core::random_token(6);
    q::EnqueueOptions options;
    options.unique_key = key;

    const auto first = node.enqueue(kind, boost::json::object{{"v", 1}}, options);
    const auto again = node.enqueue(kind, boost::json::object{{"v", 2}}, options);
    EXPECT_FALSE(first.duplicate);
    EXPECT_TRUE(again.duplicate);
    EXPECT_EQ(again.id, first.id);
    EXPECT_EQ(job_field(first.id, "payload->>'v'"), "1");  // the original stays as it was

    // Held while running too.
    auto rec = std::make_shared<Recorder>();
    rec->hold = milliseconds(600);
    auto runner = node.runner(system_clock);
    runner->handle(kind, 1, recording(rec));
    runner->start();
    ASSERT_TRUE(eventually([&] { return job_field(first.id, "state") == "running"; }));
    EXPECT_EQ(node.enqueue(kind, boost::json::object{}, options).id, first.id);

    // Completed: the key is free again.
    ASSERT_TRUE(eventually([&] { return job_field(first.id, "state") == "completed"; }));
    const auto second = node.enqueue(kind, boost::json::object{{"v", 3}}, options);
    EXPECT_FALSE(second.duplicate);
    EXPECT_NE(second.id, first.id);

    // Cancelled (even mid-run): free again, and the cancelled run's outcome is dropped.
    ASSERT_TRUE(eventually([&] { return job_field(second.id, "state") == "running"; }));
    EXPECT_EQ(node.run(q::cancel_by_key(node.pool(), key)), 1);
    const auto third = node.enqueue(kind, boost::json::object{{"v", 4}}, options);
    EXPECT_FALSE(third.duplicate);
    ASSERT_TRUE(eventually([&] { return job_field(third.id, "state") == "completed"; }));
    EXPECT_EQ(job_field(second.id, "state"), "cancelled");
    node.drain(*runner);
}

TEST_F(JobsIT, CancelByKeyStopsAJobBeforeItRuns) {
    const auto kind = unique_kind("reminder");
    auto clock = core::TestClock::running();
    auto rec = std::make_shared<Recorder>();
    auto runner = node.runner(clock);
    runner->handle(kind, 1, recording(rec));
    runner->start();

    q::EnqueueOptions options;
    options.run_at = clock.now() + std::chrono::hours(24);
    options.unique_key = "it-booking-" + core::random_token(6) + ":reminder-24h";
    const auto job = node.enqueue(kind, boost::json::object{}, options);
    EXPECT_EQ(job_field(job.id, "state"), "scheduled");
    EXPECT_EQ(node.run(q::cancel_by_key(node.pool(), *options.unique_key)), 1);
    EXPECT_EQ(node.run(q::cancel_by_key(node.pool(), *options.unique_key)), 0);  // nothing unfinished left
    EXPECT_EQ(job_field(job.id, "state"), "cancelled");

    clock.advance(std::chrono::hours(25));
    runner->wake();
    std::this_thread::sleep_for(milliseconds(500));
    EXPECT_EQ(rec->count(), 0u);
    EXPECT_EQ(job_field(job.id, "state"), "cancelled");
    node.drain(*runner);
}

TEST_F(JobsIT, AJobScheduledForLaterWaitsForItsTimeThenStartsWithoutWaitingForThePoll) {
    const auto kind = unique_kind("later");
    auto rec = std::make_shared<Recorder>();
    auto runner = node.runner(system_clock, [](q::RunnerOptions& o) { o.poll_interval = seconds(10); });
    runner->handle(kind, 1, recording(rec));
    runner->start();
    ASSERT_TRUE(eventually([&] { return runner->listening(); }));

    q::EnqueueOptions options;
    options.run_at = system_clock.now() + milliseconds(1500);
    const auto job = node.enqueue(kind, boost::json::object{}, options);
    std::this_thread::sleep_for(milliseconds(700));
    EXPECT_EQ(rec->count(), 0u);
    EXPECT_EQ(job_field(job.id, "state"), "scheduled");

    ASSERT_TRUE(eventually([&] { return rec->count() == 1; }, seconds(8)));
    EXPECT_GE(rec->call_times[0], *options.run_at);
    // Woken for its run_at, not by the 10-second poll.
    EXPECT_LT(rec->call_times[0], *options.run_at + seconds(3));
    node.drain(*runner);
}

TEST_F(JobsIT, AFailingJobIsRetriedWithBackoffAndDiscardedAfterItsLastAttemptWithEveryError) {
    const auto kind = unique_kind("flaky");
    auto clock = core::TestClock::running();
    auto rec = std::make_shared<Recorder>();
    rec->clock = &clock;
    rec->fail_attempts = 100;  // always
    auto runner = node.runner(clock);
    runner->handle(kind, 1, recording(rec));
    runner->start();
    q::EnqueueOptions options;
    options.max_attempts = 3;
    const auto job = node.enqueue(kind, boost::json::object{}, options);

    // After attempt n the job waits 2^n s ±20 % (measured from the failure, on the runner's clock).
    for (int attempt = 1; attempt <= 2; ++attempt) {
        ASSERT_TRUE(eventually([&] {
            return job_field(job.id, "state") == "retryable" &&
                   job_field(job.id, "jsonb_array_length(errors)") == std::to_string(attempt);
        })) << "attempt "
            << attempt;
        const auto run_at_us = std::stoll(job_field(job.id, "(extract(epoch FROM run_at) * 1000000)::bigint"));
        const auto failed_us = std::chrono::duration_cast<std::chrono::microseconds>(
                                   rec->call_times.at(static_cast<std::size_t>(attempt - 1)).time_since_epoch())
                                   .count();
        const double nominal = attempt == 1 ? 2.0 : 4.0;
        const double delay = static_cast<double>(run_at_us - failed_us) / 1e6;
        EXPECT_GE(delay, nominal * 0.8) << "attempt " << attempt;
        EXPECT_LE(delay, nominal * 1.2 + 0.5) << "attempt " << attempt;
        EXPECT_EQ(rec->count(), static_cast<std::size_t>(attempt));  // nothing runs before its time
        clock.advance(seconds(static_cast<int>(nominal * 1.2) + 1));
        runner->wake();
    }
    ASSERT_TRUE(eventually([&] { return job_field(job.id, "state") == "discarded"; }));
    EXPECT_EQ(rec->count(), 3u);
    EXPECT_EQ(job_field(job.id, "attempt"), "3");
    EXPECT_EQ(job_field(job.id, "finished_at IS NOT NULL"), "t");
    for (int i = 0; i < 3; ++i) {
        const auto entry = "errors->" + std::to_string(i);
        EXPECT_EQ(job_field(job.id, entry + "->>'attempt'"), std::to_string(i + 1));
        EXPECT_EQ(job_field(job.id, entry + "->>'error'"), "boom " + std::to_string(i + 1));
        EXPECT_EQ(job_field(job.id, "(" + entry + "->>'at') IS NOT NULL"), "t");
    }
    clock.advance(std::chrono::hours(2));
    runner->wake();
    std::this_thread::sleep_for(milliseconds(400));
    EXPECT_EQ(rec->count(), 3u);  // discarded for good
    node.drain(*runner);
}

TEST_F(JobsIT, AHandlerThatRefusesAJobDiscardsItAtOnce) {
    const auto kind = unique_kind("refused");
    auto rec = std::make_shared<Recorder>();
    rec->discard = true;
    auto runner = node.runner(system_clock);
    runner->handle(kind, 1, recording(rec));
    runner->start();
    const auto job = node.enqueue(kind);
    ASSERT_TRUE(eventually([&] { return job_field(job.id, "state") == "discarded"; }));
    EXPECT_EQ(rec->count(), 1u);
    EXPECT_EQ(job_field(job.id, "errors->0->>'error'"), "refused: payload is useless");
    node.drain(*runner);
}

TEST_F(JobsIT, NoMoreHandlersOfAKindRunAtOnceThanItsConcurrency) {
    const auto wide = unique_kind("wide");
    const auto narrow = unique_kind("narrow");
    auto wide_rec = std::make_shared<Recorder>();
    auto narrow_rec = std::make_shared<Recorder>();
    wide_rec->hold = narrow_rec->hold = milliseconds(60);
    auto runner = node.runner(system_clock);
    runner->handle(wide, 3, recording(wide_rec));
    runner->handle(narrow, 1, recording(narrow_rec));
    runner->start();
    for (int i = 0; i < 12; ++i) node.enqueue(wide);
    for (int i = 0; i < 4; ++i) node.enqueue(narrow);
    ASSERT_TRUE(eventually([&] {
        return int_of("SELECT count(*) FROM jobs WHERE state = 'completed' AND kind IN ('" + wide + "', '" + narrow +
                      "')") == 16;
    }));
    EXPECT_EQ(wide_rec->count(), 12u);
    EXPECT_EQ(narrow_rec->count(), 4u);
    EXPECT_LE(wide_rec->peak.load(), 3);
    EXPECT_GE(wide_rec->peak.load(), 2);  // and it does run them side by side
    EXPECT_EQ(narrow_rec->peak.load(), 1);
    node.drain(*runner);
}

TEST_F(JobsIT, TwoRunnersShareTheWorkAndNoJobRunsTwice) {
    const auto kind = unique_kind("shared");
    auto rec = std::make_shared<Recorder>();
    rec->hold = milliseconds(10);
    auto a = node.runner(system_clock);
    auto b = node.runner(system_clock);
    a->handle(kind, 4, recording(rec, "a"));
    b->handle(kind, 4, recording(rec, "b"));
    a->start();
    b->start();
    constexpr int kJobs = 120;
    for (int i = 0; i < kJobs; ++i) node.enqueue(kind, boost::json::object{{"i", i}});
    ASSERT_TRUE(eventually(
        [&] {
            return int_of("SELECT count(*) FROM jobs WHERE state = 'completed' AND kind = '" + kind + "'") == kJobs;
        },
        seconds(30)));
    node.drain(*a);
    node.drain(*b);
    std::lock_guard lock(rec->mutex);
    EXPECT_EQ(rec->calls.size(), static_cast<std::size_t>(kJobs));
    std::set<std::int64_t> ids;
    for (const auto& job : rec->calls) ids.insert(job.id);
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(kJobs));
    EXPECT_GT(std::count(rec->runners.begin(), rec->runners.end(), "a"), 0);
    EXPECT_GT(std::count(rec->runners.begin(), rec->runners.end(), "b"), 0);
}

TEST_F(JobsIT, AnIdleRunnerIsWokenByTheNotifyOfACommitNotByItsPoll) {
    const auto kind = unique_kind("wake");
    auto rec = std::make_shared<Recorder>();
    auto runner = node.runner(system_clock, [](q::RunnerOptions& o) { o.poll_interval = seconds(10); });
    runner->handle(kind, 1, recording(rec));
    runner->start();
    ASSERT_TRUE(eventually([&] { return runner->listening(); }));
    std::this_thread::sleep_for(milliseconds(300));  // idle: asleep in its 10-second poll

    const auto enqueued_at = system_clock.now();
    node.enqueue(kind);
    ASSERT_TRUE(eventually([&] { return rec->count() == 1; }, seconds(8)));
    EXPECT_LT(rec->call_times[0] - enqueued_at, seconds(2));
    node.drain(*runner);
}

TEST_F(JobsIT, DrainLetsShortJobsFinishAndReleasesTheOthersWithoutCountingTheAttempt) {
    const auto kind = unique_kind("drain");
    auto rec = std::make_shared<Recorder>();
    auto runner = node.runner(system_clock);
    runner->handle(kind, 2, [rec](q::Job job) { return hold_for_payload(rec, std::move(job)); });
    runner->start();
    const auto quick = node.enqueue(kind, boost::json::object{{"ms", 300}});
    const auto slow = node.enqueue(kind, boost::json::object{{"ms", 20000}});
    ASSERT_TRUE(eventually(
        [&] { return job_field(quick.id, "state") == "running" && job_field(slow.id, "state") == "running"; }));
    node.drain(*runner, milliseconds(1500));
    EXPECT_EQ(job_field(quick.id, "state"), "completed");
    EXPECT_EQ(job_field(slow.id, "state"), "available");
    EXPECT_EQ(job_field(slow.id, "attempt"), "0");
    EXPECT_EQ(job_field(slow.id, "lease_until IS NULL"), "t");
    EXPECT_EQ(job_field(slow.id, "jsonb_array_length(errors)"), "0");
    EXPECT_EQ(rec->cancelled.load(), 1);        // the released one's handler was stopped
    node.run(q::cancel(node.pool(), slow.id));  // nobody else handles this kind
}

TEST_F(JobsIT, AJobWhoseWorkerStoppedRenewingItsLeaseRunsAgainOrIsDiscardedOnItsLastAttempt) {
    const auto kind = unique_kind("orphan");
    // Two jobs a dead worker left running with leases that ran out.
    const auto insert = [&](int attempt) {
        return std::stoll(value_of(
            "INSERT INTO jobs (kind, state, run_at, attempt, max_attempts, lease_until, locked_by, started_at) "
            "VALUES ('" +
            kind + "', 'running', now(), " + std::to_string(attempt) +
            ", 3, now() - interval '1 second', 'it-dead', now()) RETURNING id"));
    };
    const auto again = insert(1);
    const auto last = insert(3);
    auto rec = std::make_shared<Recorder>();
    auto runner = node.runner(system_clock, [](q::RunnerOptions& o) { o.sweep_interval = milliseconds(200); });
    runner->handle(kind, 2, recording(rec));
    runner->start();
    ASSERT_TRUE(eventually([&] { return job_field(again, "state") == "completed"; }));
    EXPECT_EQ(job_field(again, "attempt"), "2");
    EXPECT_EQ(job_field(again, "errors->0->>'error'"), "lease expired: worker it-dead stopped renewing it");
    ASSERT_TRUE(eventually([&] { return job_field(last, "state") == "discarded"; }));
    EXPECT_EQ(job_field(last, "errors->0->>'attempt'"), "3");
    ASSERT_EQ(rec->count(), 1u);
    EXPECT_EQ(rec->calls[0].id, again);
    EXPECT_EQ(rec->calls[0].attempt, 2);
    node.drain(*runner);
}

TEST_F(JobsIT, ThePurgeDeletesOnlyFinishedJobsOlderThanTheRetention) {
    const auto kind = unique_kind("old");
    const auto insert = [&](const std::string& state, const std::string& finished_ago) {
        return value_of("INSERT INTO jobs (kind, state, run_at, finished_at, created_at) VALUES ('" + kind + "', '" +
                        state + "', now(), " +
                        (finished_ago.empty() ? "NULL" : "now() - interval '" + finished_ago + "'") +
                        ", now() - interval '30 days') RETURNING id");
    };
    const auto old_completed = insert("completed", "8 days");
    const auto old_discarded = insert("discarded", "8 days");
    const auto old_cancelled = insert("cancelled", "9 days");
    const auto recent = insert("completed", "6 days");
    const auto waiting = insert("available", "");
    exec_sql("INSERT INTO job_periodic_runs (kind, slot_start, created_at) VALUES ('" + kind +
             "', now() - interval '8 days', now() - interval '8 days'), ('" + kind + "', now(), now())");

    const auto deleted = node.run(q::purge_finished(node.pool(), std::chrono::hours(24 * 7), 2));
    EXPECT_GE(deleted, 3);
    const auto remaining = [&](const std::string& id) { return int_of("SELECT count(*) FROM jobs WHERE id = " + id); };
    EXPECT_EQ(remaining(old_completed), 0);
    EXPECT_EQ(remaining(old_discarded), 0);
    EXPECT_EQ(remaining(old_cancelled), 0);
    EXPECT_EQ(remaining(recent), 1);
    EXPECT_EQ(remaining(waiting), 1);
    EXPECT_EQ(int_of("SELECT count(*) FROM job_periodic_runs WHERE kind = '" + kind + "'"), 1);
}
