#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <cstdio>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "core/log.hpp"

namespace logging = service::core::log;
namespace json = boost::json;

namespace {

// Sends the log to a temporary file for the test's lifetime and reads it back.
class CapturedLog {
  public:
    CapturedLog() : file_(std::tmpfile()) { logging::set_output(file_); }
    ~CapturedLog() {
        logging::set_output(stdout);
        std::fclose(file_);
    }
    std::vector<std::string> lines() {
        logging::flush();
        std::fflush(file_);
        std::rewind(file_);
        std::vector<std::string> out;
        std::string line;
        for (int c = std::fgetc(file_); c != EOF; c = std::fgetc(file_)) {
            if (c == '\n') {
                out.push_back(line);
                line.clear();
            } else {
                line.push_back(static_cast<char>(c));
            }
        }
        EXPECT_TRUE(line.empty()) << "unterminated line: " << line;
        return out;
    }

  private:
    std::FILE* file_;
};

}  // namespace

TEST(Log, WritesOneJsonObjectPerLine) {
    CapturedLog captured;
    logging::set_level(logging::Level::kInfo);
    logging::info("hello", {{"user", "u1"}, {"n", 3}});
    logging::debug("not shown at info");
    logging::error("boom");
    const auto lines = captured.lines();
    ASSERT_EQ(lines.size(), 2u);
    // Key order is part of the format: ts, level, msg, then the fields as given.
    EXPECT_TRUE(std::regex_match(
        lines[0],
        std::regex(
            R"(\{"ts":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z","level":"info","msg":"hello","user":"u1","n":3\})")))
        << lines[0];
    EXPECT_TRUE(std::regex_match(lines[1], std::regex(R"(\{"ts":"[^"]+","level":"error","msg":"boom"\})"))) << lines[1];
}

TEST(Log, KeepsEachThreadsOrderAndWholeLines) {
    CapturedLog captured;
    constexpr int kThreads = 4;
    constexpr int kLines = 1000;  // together well under the queue's capacity: nothing is dropped
    const auto dropped_before = logging::dropped();
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([t] {
            for (int i = 0; i < kLines; ++i) logging::info("line", {{"t", t}, {"i", i}});
        });
    }
    for (auto& th : threads) th.join();
    const auto lines = captured.lines();
    ASSERT_EQ(logging::dropped(), dropped_before);
    ASSERT_EQ(lines.size(), static_cast<std::size_t>(kThreads * kLines));
    std::vector<int> next(kThreads, 0);
    for (const auto& line : lines) {
        const auto v = json::parse(line).as_object();
        const auto t = static_cast<int>(v.at("t").as_int64());
        EXPECT_EQ(v.at("i").as_int64(), next[t]) << line;
        next[t] = static_cast<int>(v.at("i").as_int64()) + 1;
    }
}

TEST(Log, DropsAndCountsInsteadOfBlockingWhenTheOutputStalls) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    std::FILE* pipe_out = ::fdopen(fds[1], "w");
    ASSERT_NE(pipe_out, nullptr);
    logging::set_output(pipe_out);
    // Nobody reads the pipe yet: the writer blocks once the pipe is full, and write() must not.
    constexpr int kLines = 30000;
    const auto dropped_before = logging::dropped();
    const std::string padding(200, 'x');
    for (int i = 0; i < kLines; ++i) logging::warn("stalled", {{"i", i}, {"pad", padding}});
    const auto dropped = logging::dropped() - dropped_before;
    EXPECT_GT(dropped, 0u);

    std::string received;
    std::thread reader([&] {
        char buf[65536];
        for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) received.append(buf, static_cast<std::size_t>(n));
    });
    logging::set_output(stdout);  // drains everything queued into the pipe first
    std::fclose(pipe_out);
    reader.join();
    ::close(fds[0]);

    std::size_t stalled = 0;
    unsigned long long noticed = 0;
    std::size_t start = 0;
    for (auto end = received.find('\n'); end != std::string::npos; end = received.find('\n', start)) {
        const auto v = json::parse(std::string_view(received).substr(start, end - start)).as_object();
        if (v.at("msg").as_string() == "stalled") ++stalled;
        if (v.contains("dropped")) noticed += static_cast<unsigned long long>(v.at("dropped").as_int64());
        start = end + 1;
    }
    EXPECT_EQ(start, received.size());
    EXPECT_EQ(stalled + dropped, static_cast<std::size_t>(kLines));
    EXPECT_EQ(noticed, dropped);  // the writer says how many it lost
}
