#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

/// The time the business rules see: booking notice and horizon, "has this visit started",
/// token expiry. Everything that decides such a rule asks an injected Clock, and SQL that
/// needs "now" for a rule receives it as a timestamptz parameter, so a test can move time
/// (TestClock) and the server stays consistent whatever clock the database has.
namespace service::core {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
  public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

/// The wall clock of the process (std::chrono::system_clock).
class SystemClock final : public Clock {
  public:
    TimePoint now() const override { return std::chrono::system_clock::now(); }
};

/// A clock for tests. `running` follows the system clock shifted by an offset; `frozen` stands
/// still until set or advanced. Safe to read and change from any thread: the whole state is
/// one atomic (the offset, or the frozen instant), and the mode never changes.
class TestClock final : public Clock {
  public:
    static TestClock running(std::chrono::microseconds offset = {}) { return TestClock(false, offset.count()); }
    static TestClock frozen(TimePoint at) { return TestClock(true, micros(at)); }

    TestClock(const TestClock& other) : frozen_(other.frozen_), value_(other.value_.load()) {}
    TestClock& operator=(const TestClock&) = delete;

    TimePoint now() const override;
    /// From now on now() returns `at` (and keeps running from there unless frozen).
    void set(TimePoint at);
    /// Moves the clock by `by` (negative goes back).
    void advance(std::chrono::microseconds by) { value_.fetch_add(by.count()); }
    bool is_frozen() const { return frozen_; }

  private:
    TestClock(bool frozen, std::int64_t value) : frozen_(frozen), value_(value) {}
    static std::int64_t micros(TimePoint t);

    const bool frozen_;
    std::atomic<std::int64_t> value_;  // frozen: µs since the epoch; running: offset in µs
};

/// RFC 3339 in UTC with microseconds ("2031-04-05T06:07:08.123456Z"), the text form a
/// `$n::timestamptz` parameter takes.
std::string to_timestamptz(TimePoint t);

/// Reads what to_timestamptz() and our JSON write ("2031-04-05T06:07:08Z", with or without a
/// fraction of up to 6 digits; UTC only); nullopt for anything else.
std::optional<TimePoint> parse_utc(std::string_view text);

}  // namespace service::core
