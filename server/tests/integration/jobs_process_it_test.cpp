// The job queue in the real server binary: a SIGKILLed node's job runs again on another node
// within the lease, SIGTERM finishes or releases what is running, the jobs CLI, /metrics, and
// wake-ups after PostgreSQL restarts.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>

#include <cstdio>
#include <map>

#include "integration/jobs_harness.hpp"
#include "support/server_process.hpp"

using namespace service;
using namespace service::testing;
using namespace service::testing::jobs;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

// The server binary as a child process with settings for these tests; 0 when it did not start.
pid_t spawn_node(std::uint16_t port, std::map<std::string, std::string> extra = {}) {
    extra.emplace("PORT", std::to_string(port));
    extra.emplace("JOBS_TEST_KINDS", "1");
    extra.emplace("JOBS_LEASE_SECONDS", "2");
    extra.emplace("JOBS_POLL_INTERVAL_MS", "500");
    extra.emplace("LOG_LEVEL", "error");
    return spawn_server(port, extra);
}

struct CliResult {
    int code = -1;
    std::string output;
};

// `service-server jobs <args>` against the test database.
CliResult cli(const std::string& args) {
    const std::string command = "env DATABASE_URL='" + test_env().database_url + "' REDIS_URL='" +
                                test_env().redis_url + "' LOG_LEVEL=error '" + SERVICE_SERVER_BINARY + "' jobs " +
                                args + " 2>&1";
    CliResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return result;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
    const int status = pclose(pipe);
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

class JobsProcessIT : public ::testing::Test {
  protected:
    std::int64_t sleep_job(int ms) {
        q::EnqueueOptions options;
        options.unique_key = "it-sleep-" + core::random_token(6);  // tells this test's jobs apart
        return node.enqueue("system.sleep", boost::json::object{{"ms", ms}}, options).id;
    }

    Node node;
};

}  // namespace

TEST_F(JobsProcessIT, ASigkilledNodesJobRunsAgainOnAnotherNodeWithinTheLease) {
    const auto first_port = free_port();
    const pid_t first = spawn_node(first_port);
    ASSERT_NE(first, 0);
    ASSERT_TRUE(answers_ready(first_port));
    const auto job = sleep_job(3000);
    ASSERT_TRUE(eventually([&] { return job_field(job, "state") == "running"; }));
    const auto first_worker = job_field(job, "locked_by");

    ASSERT_EQ(kill(first, SIGKILL), 0);
    EXPECT_EQ(wait_exit(first, seconds(10)), 128 + SIGKILL);
    const auto killed_at = std::chrono::steady_clock::now();
    const auto second_port = free_port();
    const pid_t second = spawn_node(second_port);
    ASSERT_NE(second, 0);

    // The 2-second lease runs out, the second node's sweeper makes the job available, and the
    // second node runs it (3 s): far sooner than any blanket "stuck for an hour" rule.
    EXPECT_TRUE(eventually([&] { return job_field(job, "state") == "completed"; }, seconds(30)));
    EXPECT_LT(std::chrono::steady_clock::now() - killed_at, seconds(25));
    EXPECT_EQ(job_field(job, "attempt"), "2");
    EXPECT_NE(job_field(job, "locked_by"), first_worker);
    EXPECT_EQ(job_field(job, "errors->0->>'error'"), "lease expired: worker " + first_worker + " stopped renewing it");
    ASSERT_EQ(kill(second, SIGTERM), 0);
    EXPECT_EQ(wait_exit(second, seconds(20)), 0);
}

TEST_F(JobsProcessIT, SigtermLetsAShortJobFinishAndReleasesALongOne) {
    const auto port = free_port();
    const pid_t pid = spawn_node(port, {{"SHUTDOWN_TIMEOUT_SECONDS", "2"}});
    ASSERT_NE(pid, 0);
    ASSERT_TRUE(answers_ready(port));
    const auto quick = sleep_job(1000);
    const auto slow = sleep_job(120000);
    ASSERT_TRUE(
        eventually([&] { return job_field(quick, "state") == "running" && job_field(slow, "state") == "running"; }));
    const auto worker = job_field(slow, "locked_by");

    ASSERT_EQ(kill(pid, SIGTERM), 0);
    EXPECT_EQ(wait_exit(pid, seconds(20)), 0);
    EXPECT_EQ(job_field(quick, "state"), "completed");
    // Handed back for the next node at once, the interrupted attempt not counted and no error
    // recorded (a node of a concurrent test run may already have taken it).
    if (job_field(slow, "state") == "available") {
        EXPECT_EQ(job_field(slow, "attempt"), "0");
        EXPECT_EQ(job_field(slow, "lease_until IS NULL"), "t");
    } else {
        EXPECT_NE(job_field(slow, "locked_by"), worker);
        EXPECT_EQ(job_field(slow, "attempt"), "1");
    }
    EXPECT_EQ(job_field(slow, "jsonb_array_length(errors)"), "0");
    node.run(q::cancel(node.pool(), slow));
}

TEST_F(JobsProcessIT, TheCliListsRetriesAndCancelsJobs) {
    const auto kind = unique_kind("cli");
    const auto id =
        value_of("INSERT INTO jobs (kind, state, run_at, attempt, max_attempts, errors, finished_at) VALUES ('" + kind +
                 "', 'discarded', now(), 3, 3, jsonb_build_array(jsonb_build_object('attempt', 3, 'at', now(), "
                 "'error', E'boom\\nagain')), now()) RETURNING id");

    const auto listed = cli("list --kind " + kind);
    EXPECT_EQ(listed.code, 0) << listed.output;
    EXPECT_NE(listed.output.find("ID"), std::string::npos);
    EXPECT_NE(listed.output.find(id + " "), std::string::npos) << listed.output;
    EXPECT_NE(listed.output.find("discarded"), std::string::npos);
    EXPECT_NE(listed.output.find("3/3"), std::string::npos);
    EXPECT_NE(listed.output.find("boom again"), std::string::npos);
    EXPECT_EQ(cli("list --state discarded --kind " + kind).output, listed.output);
    EXPECT_EQ(cli("list --state nonsense").code, 2);
    EXPECT_EQ(cli("frobnicate").code, 2);

    const auto retried = cli("retry " + id);
    EXPECT_EQ(retried.code, 0) << retried.output;
    EXPECT_EQ(job_field(std::stoll(id), "state"), "available");
    EXPECT_EQ(job_field(std::stoll(id), "max_attempts"), "4");  // one more attempt to spend
    EXPECT_EQ(cli("retry " + id).code, 1);                      // already available

    const auto cancelled = cli("cancel " + id);
    EXPECT_EQ(cancelled.code, 0) << cancelled.output;
    EXPECT_EQ(job_field(std::stoll(id), "state"), "cancelled");
    EXPECT_EQ(cli("cancel " + id).code, 1);
    EXPECT_EQ(cli("cancel 0").code, 2);
    EXPECT_EQ(cli("retry 999999999999").code, 1);
}

TEST_F(JobsProcessIT, MetricsShowDepthLatencyRunTimeAndFailures) {
    const auto kind = unique_kind("counted");
    q::EnqueueOptions later;
    later.run_at = std::chrono::system_clock::now() + std::chrono::hours(1);
    const auto waiting = node.enqueue(kind, boost::json::object{}, later);
    RunningApp app(test_config());  // counts the depth as soon as it is ready
    ASSERT_TRUE(app.wait_ready());
    std::string body;
    EXPECT_TRUE(eventually([&] {
        body = get(app.port(), "/metrics").body;
        return body.find("jobs_depth{kind=\"" + kind + "\",state=\"scheduled\"} 1\n") != std::string::npos;
    })) << body;
    for (const char* series : {"# TYPE jobs_enqueue_to_start_seconds histogram", "# TYPE jobs_run_seconds histogram",
                               "# TYPE jobs_failures_total counter", "# TYPE jobs_completed_total counter"}) {
        EXPECT_NE(body.find(series), std::string::npos) << series;
    }
    node.run(q::cancel(node.pool(), waiting.id));
}

TEST_F(JobsProcessIT, NotificationsWakeRunnersAgainAfterPostgresRestarts) {
    if (test_env().stack_dir.empty()) GTEST_SKIP() << "TEST_STACK_DIR not set: cannot restart PostgreSQL";
    core::SystemClock clock;
    const auto kind = unique_kind("after-restart");
    auto rec = std::make_shared<Recorder>();
    auto runner = node.runner(clock, [](q::RunnerOptions& o) { o.poll_interval = seconds(10); });
    runner->handle(kind, 1, recording(rec));
    runner->start();
    ASSERT_TRUE(eventually([&] { return runner->listening(); }));

    ASSERT_TRUE(stack("pg-stop"));
    EXPECT_TRUE(eventually([&] { return !runner->listening(); }));
    ASSERT_TRUE(stack("pg-start"));
    node.pool().drop_idle();
    ASSERT_TRUE(eventually([&] { return runner->listening(); }, seconds(30)));
    std::this_thread::sleep_for(milliseconds(300));

    // Enqueue through a fresh pool connection; the runner's 10-second poll is not what wakes it.
    const auto enqueued_at = clock.now();
    ASSERT_TRUE(eventually([&] {
        try {
            node.enqueue(kind);
            return true;
        } catch (const std::exception&) {
            return false;
        }
    }));
    ASSERT_TRUE(eventually([&] { return rec->count() == 1; }, seconds(8)));
    EXPECT_LT(rec->call_times[0] - enqueued_at, seconds(2));
    node.drain(*runner);
}
