// The job queue's pure parts: retry delays, periodic slots, kept error text, metrics, settings.
#include <gtest/gtest.h>

#include <map>

#include "core/config.hpp"
#include "infra/jobs/backoff.hpp"
#include "infra/jobs/metrics.hpp"

using namespace service;
using namespace service::infra::jobs;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

core::TimePoint at(long long unix_seconds, long long micros = 0) {
    return core::TimePoint(std::chrono::duration_cast<core::TimePoint::duration>(seconds(unix_seconds) +
                                                                                 std::chrono::microseconds(micros)));
}

core::Config config_with(std::map<std::string, std::string> values) {
    values["DATABASE_URL"] = "postgresql://x@127.0.0.1/db";
    return core::load_config([values](std::string_view name) -> std::optional<std::string> {
        const auto it = values.find(std::string(name));
        if (it == values.end()) return std::nullopt;
        return it->second;
    });
}

}  // namespace

TEST(JobBackoff, DoublesFromTwoSecondsUpToAnHour) {
    EXPECT_EQ(backoff(1, 0.5), milliseconds(2000));
    EXPECT_EQ(backoff(2, 0.5), milliseconds(4000));
    EXPECT_EQ(backoff(5, 0.5), milliseconds(32000));
    EXPECT_EQ(backoff(11, 0.5), milliseconds(2048000));
    EXPECT_EQ(backoff(12, 0.5), milliseconds(3600000));  // 4096 s is past the cap
    EXPECT_EQ(backoff(1000, 0.5), milliseconds(3600000));
    EXPECT_EQ(backoff(3, 0.5, seconds(5)), milliseconds(5000));
}

TEST(JobBackoff, JitterStaysWithinTwentyPercent) {
    EXPECT_EQ(backoff(1, 0.0), milliseconds(1600));
    EXPECT_EQ(backoff(1, 1.0), milliseconds(2400));
    EXPECT_EQ(backoff(12, 0.0), milliseconds(2880000));
    EXPECT_EQ(backoff(12, 1.0), milliseconds(4320000));
    for (int i = 0; i < 200; ++i) {
        const auto d = random_backoff(3);
        EXPECT_GE(d, milliseconds(6400));
        EXPECT_LE(d, milliseconds(9600));
    }
}

TEST(JobBackoff, RandomDelaysDiffer) {
    bool differ = false;
    const auto first = random_backoff(10);
    for (int i = 0; i < 20 && !differ; ++i) differ = random_backoff(10) != first;
    EXPECT_TRUE(differ);
}

TEST(PeriodicSlots, AreAlignedToTheEpoch) {
    EXPECT_EQ(slot_start(at(36059, 999999), seconds(3600)), at(36000));
    EXPECT_EQ(slot_start(at(36000), seconds(3600)), at(36000));
    EXPECT_EQ(slot_start(at(125), seconds(60)), at(120));
    EXPECT_EQ(slot_start(at(259205), seconds(86400)), at(259200));
    // Before the epoch the slot still starts at or before the instant.
    EXPECT_EQ(slot_start(at(-1), seconds(60)), at(-60));
    EXPECT_EQ(slot_start(at(-60), seconds(60)), at(-60));
}

TEST(PeriodicSlots, NeighbouringInstantsShareASlotUntilTheBoundary) {
    const auto start = at(1'900'000'000 - 1'900'000'000 % 900);
    for (long long s = 0; s < 900; s += 37) EXPECT_EQ(slot_start(start + seconds(s), seconds(900)), start);
    EXPECT_EQ(slot_start(start + seconds(900), seconds(900)), start + seconds(900));
}

TEST(JobErrors, KeepValidUtf8WithinTheLimit) {
    EXPECT_EQ(error_text("boom"), "boom");
    EXPECT_EQ(error_text(""), "(no message)");
    EXPECT_EQ(error_text("a\nb\tc"), "a\nb\tc");
    EXPECT_EQ(error_text(std::string("a\0b\x01"
                                     "c",
                                     5)),
              "a b c");
    EXPECT_EQ(error_text("bad \xff byte"), "bad ? byte");
    EXPECT_EQ(error_text("\xc3("), "?(");          // a lead byte without its continuation
    EXPECT_EQ(error_text("\xed\xa0\x80"), "???");  // a surrogate
    EXPECT_EQ(error_text("привет"), "привет");
    EXPECT_EQ(error_text("привет", 5), "пр");  // never half a letter
    EXPECT_EQ(error_text(std::string(5000, 'x')).size(), 2000u);
}

TEST(JobMetricsRender, HasHistogramsCountersAndDepth) {
    JobMetrics m;
    m.started("mail.send", 0.003);
    m.started("mail.send", 2.0);
    m.finished("mail.send", 0.2, false);
    m.finished("mail.send", 0.4, true);
    m.set_depth({{"mail.send", "available", 7}, {"mail.send", "retryable", 1}});
    std::string out;
    m.render(out);
    EXPECT_NE(out.find("# TYPE jobs_enqueue_to_start_seconds histogram"), std::string::npos);
    EXPECT_NE(out.find("jobs_enqueue_to_start_seconds_bucket{kind=\"mail.send\",le=\"0.005\"} 1\n"), std::string::npos);
    EXPECT_NE(out.find("jobs_enqueue_to_start_seconds_bucket{kind=\"mail.send\",le=\"+Inf\"} 2\n"), std::string::npos);
    EXPECT_NE(out.find("jobs_run_seconds_count{kind=\"mail.send\"} 2\n"), std::string::npos);
    EXPECT_NE(out.find("jobs_failures_total{kind=\"mail.send\"} 1\n"), std::string::npos);
    EXPECT_NE(out.find("jobs_completed_total{kind=\"mail.send\"} 1\n"), std::string::npos);
    EXPECT_NE(out.find("jobs_depth{kind=\"mail.send\",state=\"available\"} 7\n"), std::string::npos);

    // A state that emptied is reported as zero rather than dropped.
    m.set_depth({{"mail.send", "available", 2}});
    out.clear();
    m.render(out);
    EXPECT_NE(out.find("jobs_depth{kind=\"mail.send\",state=\"retryable\"} 0\n"), std::string::npos);
    EXPECT_NE(out.find("jobs_depth{kind=\"mail.send\",state=\"available\"} 2\n"), std::string::npos);
}

TEST(JobSettings, DefaultsAndLimits) {
    const auto c = config_with({});
    EXPECT_EQ(c.jobs_poll_interval, milliseconds(2000));
    EXPECT_EQ(c.jobs_lease, seconds(30));
    EXPECT_FALSE(c.jobs_test_kinds);
    const auto t =
        config_with({{"JOBS_POLL_INTERVAL_MS", "250"}, {"JOBS_LEASE_SECONDS", "2"}, {"JOBS_TEST_KINDS", "1"}});
    EXPECT_EQ(t.jobs_poll_interval, milliseconds(250));
    EXPECT_EQ(t.jobs_lease, seconds(2));
    EXPECT_TRUE(t.jobs_test_kinds);
    EXPECT_THROW(config_with({{"JOBS_LEASE_SECONDS", "0"}}), core::ConfigError);
    EXPECT_THROW(config_with({{"JOBS_POLL_INTERVAL_MS", "soon"}}), core::ConfigError);
    EXPECT_THROW(config_with({{"JOBS_TEST_KINDS", "yes"}}), core::ConfigError);
}
